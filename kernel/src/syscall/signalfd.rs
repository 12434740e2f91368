//! signalfd/signalfd4: a descriptor that takes pending signals of its mask
//! (the reading thread's own, then its process's) as `struct
//! signalfd_siginfo` records instead of running handlers. The signals are
//! normally blocked; a blocked reader sleeps as rt_sigtimedwait does (its
//! `waiting` set makes a new signal wake it), and every generated signal
//! notifies `KEY` so poll/epoll see POLLIN.
use super::SysResult;
use crate::errno::*;
use crate::fs::special::{self, Special, POLLIN};
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::proc::{self, Block};
use crate::signal::{self, Info, UNBLOCKABLE};
use alloc::rc::Rc;
use core::any::Any;
use core::cell::Cell;

const SFD_NONBLOCK: u32 = 0o4000;
const SFD_CLOEXEC: u32 = 0o2000000;
/// sizeof(struct signalfd_siginfo).
const RECORD: usize = 128;
/// Wait key every signal generation notifies.
pub const KEY: u64 = u64::MAX;

pub struct SignalFd {
    mask: Cell<u64>,
}

/// A signal was made pending somewhere: wake pollers of signalfds.
pub fn signal_generated() {
    special::notify(KEY);
}

/// `struct signalfd_siginfo` from the siginfo words vibix keeps.
fn record(i: &Info) -> [u8; RECORD] {
    let mut b = [0u8; RECORD];
    let put = |b: &mut [u8; RECORD], at: usize, v: &[u8]| b[at..at + v.len()].copy_from_slice(v);
    put(&mut b, 0, &(i.signo as u32).to_le_bytes()); // ssi_signo
    put(&mut b, 8, &i.code.to_le_bytes()); // ssi_code
    let (lo, hi) = (i.w16 as u32, (i.w16 >> 32) as u32);
    match i.code {
        // Timers (SI_TIMER): si_tid, si_overrun; si_value.
        -2 => {
            put(&mut b, 24, &lo.to_le_bytes()); // ssi_tid
            put(&mut b, 32, &hi.to_le_bytes()); // ssi_overrun
            put(&mut b, 44, &(i.w24 as u32).to_le_bytes()); // ssi_int
            put(&mut b, 48, &i.w24.to_le_bytes()); // ssi_ptr
        }
        // Faults: si_addr.
        c if c > 0 && c != signal::SI_KERNEL && i.signo != signal::SIGCHLD => put(&mut b, 72, &i.w16.to_le_bytes()),
        _ => {
            put(&mut b, 12, &lo.to_le_bytes()); // ssi_pid
            put(&mut b, 16, &hi.to_le_bytes()); // ssi_uid
            put(&mut b, 40, &(i.w24 as u32).to_le_bytes()); // ssi_status
            put(&mut b, 44, &(i.w24 as u32).to_le_bytes()); // ssi_int
            put(&mut b, 48, &i.w24.to_le_bytes()); // ssi_ptr
        }
    }
    b
}

fn pending_in(mask: u64) -> bool {
    let t = proc::current();
    (t.sig.pending.set | proc::current_proc().sig.pending.set) & mask != 0
}

impl Special for SignalFd {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if len < RECORD {
            return Err(EINVAL);
        }
        let out = uaccess::slice(buf, len - len % RECORD, Access::Write)?.len();
        let mut done = 0;
        loop {
            let mask = self.mask.get();
            while done < out {
                let Some(info) = signal::dequeue(mask) else { break };
                uaccess::copy_out(buf + done as u64, &record(&info))?;
                done += RECORD;
            }
            if done > 0 {
                return Ok(done);
            }
            if nonblock {
                return Err(EAGAIN);
            }
            if signal::interrupted() {
                return Err(signal::ERESTARTSYS);
            }
            proc::current().sig.waiting = mask;
            proc::block(Block::Sleep, None);
            proc::current().sig.waiting = 0;
        }
    }

    fn write(&self, _buf: u64, _len: usize, _nonblock: bool) -> Result<usize, Errno> {
        Err(EINVAL)
    }

    fn poll(&self) -> u16 {
        if pending_in(self.mask.get()) { POLLIN } else { 0 }
    }

    fn mode(&self) -> u32 {
        0o600
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// fd -1 makes a new signalfd; an existing one gets the new mask.
pub fn signalfd4(fd: i64, set: u64, size: u64, flags: u32) -> SysResult {
    if flags & !(SFD_NONBLOCK | SFD_CLOEXEC) != 0 || size != 8 {
        return Err(EINVAL);
    }
    let mask = uaccess::read::<u64>(set)? & !UNBLOCKABLE;
    if fd == -1 {
        return special::install(Rc::new(SignalFd { mask: Cell::new(mask) }), flags & SFD_NONBLOCK != 0, flags & SFD_CLOEXEC != 0);
    }
    special::with_object::<SignalFd, _>(fd, EINVAL, |s| s.mask.set(mask))?;
    Ok(fd)
}
