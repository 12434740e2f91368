//! POSIX per-process timers (timer_create/settime/gettime/getoverrun/
//! delete). Each timer belongs to a process, counts on CLOCK_REALTIME or
//! CLOCK_MONOTONIC (`itimer`), and on expiry — checked on every timer tick
//! (`tick`) — sends its signal to the process (SIGEV_SIGNAL), to one of its
//! threads (SIGEV_THREAD_ID), or nothing (SIGEV_NONE). While the signal of
//! a timer is still pending, further expirations only count as overruns
//! (`si_overrun`, timer_getoverrun). SIGEV_THREAD is the C library's (a
//! helper thread with SIGEV_THREAD_ID). Timers go with exec and exit.
use super::{bit, Info, NSIG};
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::itimer::{self, Itimer};
use crate::mm::uaccess;
use crate::proc;
use crate::sync::Global;
use alloc::vec::Vec;

const SIGEV_SIGNAL: i32 = 0;
const SIGEV_NONE: i32 = 1;
const SIGEV_THREAD_ID: i32 = 4;
/// si_code of a timer's signal.
pub const SI_TIMER: i32 = -2;
const CLOCK_PROCESS_CPUTIME_ID: u32 = 2;
const CLOCK_THREAD_CPUTIME_ID: u32 = 3;
/// Linux's limit of timers per process is RLIMIT_SIGPENDING; vibix keeps a fixed one.
const MAX_PER_PROCESS: usize = 4096;
const DELAYTIMER_MAX: u64 = i32::MAX as u64;

#[derive(Clone, Copy)]
enum Notify {
    None,
    Process { signo: i32, value: u64 },
    Thread { tid: u64, signo: i32, value: u64 },
}

struct PTimer {
    pid: u64,
    id: i32,
    clock: u32,
    it: Itimer,
    notify: Notify,
    /// Overruns of the latest signal (while it was pending).
    overrun: u64,
}

static TIMERS: Global<Vec<PTimer>> = Global::new(Vec::new());

fn find(id: i64) -> Result<&'static mut PTimer, Errno> {
    let pid = proc::current().pid;
    TIMERS.get().iter_mut().find(|t| t.pid == pid && t.id as i64 == id).ok_or(EINVAL)
}

pub fn timer_create(clock: u32, sevp: u64, idp: u64) -> Result<i64, Errno> {
    let clock = match clock {
        // CPU-time clocks are approximated by the monotonic clock (docs/kernel.md).
        CLOCK_PROCESS_CPUTIME_ID | CLOCK_THREAD_CPUTIME_ID => itimer::CLOCK_MONOTONIC,
        c => itimer::timer_clock(c)?,
    };
    let cur = proc::current();
    let pid = cur.pid;
    let timers = TIMERS.get();
    let mine: Vec<i32> = timers.iter().filter(|t| t.pid == pid).map(|t| t.id).collect();
    if mine.len() >= MAX_PER_PROCESS {
        return Err(EAGAIN);
    }
    let id = (0..).find(|i| !mine.contains(i)).unwrap_or(0);
    let notify = if sevp == 0 {
        Notify::Process { signo: super::SIGALRM, value: id as u64 }
    } else {
        // struct sigevent: sigev_value, sigev_signo, sigev_notify, _tid.
        let ev: [u8; 20] = uaccess::read(sevp)?;
        let word = |at: usize| i32::from_le_bytes([ev[at], ev[at + 1], ev[at + 2], ev[at + 3]]);
        let value = u64::from_le_bytes(ev[0..8].try_into().unwrap_or_default());
        let (signo, how, tid) = (word(8), word(12), word(16));
        let valid = (1..=NSIG).contains(&signo);
        match how {
            SIGEV_NONE => Notify::None,
            SIGEV_SIGNAL if valid => Notify::Process { signo, value },
            SIGEV_THREAD_ID if valid => {
                let tid = u64::try_from(tid).map_err(|_| EINVAL)?;
                if !proc::current_proc().threads.contains(&tid) {
                    return Err(EINVAL);
                }
                Notify::Thread { tid, signo, value }
            }
            _ => return Err(EINVAL),
        }
    };
    uaccess::write(idp, &id)?;
    TIMERS.get().push(PTimer { pid, id, clock, it: Itimer::default(), notify, overrun: 0 });
    Ok(0)
}

pub fn timer_settime(id: i64, flags: u32, new: u64, old: u64) -> Result<i64, Errno> {
    let (interval, value) = itimer::read_itimerspec(new)?;
    let t = find(id)?;
    let prev = t.it.set(t.clock, flags & itimer::TIMER_ABSTIME, interval, value);
    if old != 0 {
        itimer::write_itimerspec(old, prev.0, prev.1)?;
    }
    Ok(0)
}

pub fn timer_gettime(id: i64, cur: u64) -> Result<i64, Errno> {
    let (interval, left) = find(id)?.it.get(timer::monotonic_ns());
    itimer::write_itimerspec(cur, interval, left)?;
    Ok(0)
}

pub fn timer_getoverrun(id: i64) -> Result<i64, Errno> {
    Ok(find(id)?.overrun.min(DELAYTIMER_MAX) as i64)
}

pub fn timer_delete(id: i64) -> Result<i64, Errno> {
    let pid = proc::current().pid;
    let timers = TIMERS.get();
    let at = timers.iter().position(|t| t.pid == pid && t.id as i64 == id).ok_or(EINVAL)?;
    timers.remove(at);
    Ok(0)
}

/// exec and exit: the process's timers are deleted.
pub fn release(pid: u64) {
    TIMERS.get().retain(|t| t.pid != pid);
}

/// The still-pending signal of timer `id` of process `pid`, if any.
fn pending_of(pid: u64, tid: Option<u64>, signo: i32, id: i32) -> Option<&'static mut Info> {
    let s = proc::sched();
    let pending = match tid {
        Some(t) => &mut s.threads.get_mut(&t)?.sig.pending,
        None => &mut s.procs.get_mut(&pid)?.sig.pending,
    };
    if pending.set & bit(signo) == 0 {
        return None;
    }
    pending.find_mut(|i| i.signo == signo && i.code == SI_TIMER && i.w16 as u32 == id as u32)
}

/// Timer tick: every due timer expires and signals.
pub fn tick(now: u64) {
    let timers = TIMERS.get();
    if timers.is_empty() {
        return;
    }
    let mut sends = Vec::new();
    for t in timers.iter_mut() {
        let n = t.it.expire(now);
        if n == 0 {
            continue;
        }
        let (tid, signo, value) = match t.notify {
            Notify::None => {
                t.overrun = n - 1;
                continue;
            }
            Notify::Process { signo, value } => (None, signo, value),
            Notify::Thread { tid, signo, value } => (Some(tid), signo, value),
        };
        if let Some(info) = pending_of(t.pid, tid, signo, t.id) {
            t.overrun = t.overrun.saturating_add(n);
            info.w16 = (t.id as u32 as u64) | (t.overrun.min(DELAYTIMER_MAX) << 32);
            continue;
        }
        t.overrun = n - 1;
        let info = Info { signo, code: SI_TIMER, w16: (t.id as u32 as u64) | (t.overrun.min(DELAYTIMER_MAX) << 32), w24: value };
        sends.push((t.pid, tid, info));
    }
    for (pid, tid, info) in sends {
        let r = match tid {
            Some(tid) => super::send_thread(pid, tid, info),
            None => super::send_process(pid, info),
        };
        // The thread is gone (SIGEV_THREAD_ID): the timer stays armed, as on Linux.
        let _ = r;
    }
}
