//! process_vm_readv / process_vm_writev: copies between the caller's iovecs
//! and another process's memory (its regions' protection applies, as for
//! Linux without FOLL_FORCE), through a kernel bounce buffer one page at a
//! time. A fault ends the transfer: the bytes copied so far, or EFAULT.
use super::SysResult;
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::proc;
use alloc::vec::Vec;

const CHUNK: usize = 4096;

/// A position in a list of (address, length) ranges.
struct Cursor {
    iov: Vec<(u64, u64)>,
    at: usize,
    off: u64,
}

impl Cursor {
    fn new(iov: Vec<(u64, u64)>) -> Self {
        Cursor { iov, at: 0, off: 0 }
    }

    /// The next contiguous piece of at most `max` bytes: (address, length).
    fn next(&mut self, max: usize) -> Option<(u64, usize)> {
        while let Some(&(base, len)) = self.iov.get(self.at) {
            if self.off < len {
                let n = ((len - self.off) as usize).min(max);
                return Some((base + self.off, n));
            }
            self.at += 1;
            self.off = 0;
        }
        None
    }

    fn advance(&mut self, n: usize) {
        self.off += n as u64;
    }
}

/// `write` false: remote → local (readv); true: local → remote (writev).
pub fn process_vm(pid: i64, local: u64, lcnt: u64, remote: u64, rcnt: u64, flags: u64, write: bool) -> SysResult {
    if flags != 0 {
        return Err(EINVAL);
    }
    let mut local = Cursor::new(super::fs::iovecs(local, lcnt)?);
    let mut remote = Cursor::new(super::fs::iovecs(remote, rcnt)?);
    if pid <= 0 {
        return Err(ESRCH);
    }
    let me = proc::current_proc().cred;
    let target = proc::sched().procs.get(&(pid as u64)).filter(|p| p.pid != proc::KERNEL_PID && p.exit.is_none()).ok_or(ESRCH)?;
    // Linux's PTRACE_MODE_ATTACH_REALCREDS without capabilities: same real uid and gid all round.
    let c = target.cred;
    if me.euid != 0 && !([c.ruid, c.euid, c.suid].iter().all(|&u| u == me.ruid) && [c.rgid, c.egid, c.sgid].iter().all(|&g| g == me.rgid)) {
        return Err(EPERM);
    }
    let aspace = proc::aspace_of(target).ok_or(ESRCH)?;
    let mut buf = [0u8; CHUNK];
    let mut done: usize = 0;
    let mut fault = false;
    'copy: while let Some((r, rlen)) = remote.next(CHUNK) {
        let Some((l, llen)) = local.next(rlen) else { break };
        let n = rlen.min(llen);
        let piece = &mut buf[..n];
        let moved = if write {
            match uaccess::slice(l, n, Access::Read) {
                Ok(src) => piece.copy_from_slice(src),
                Err(_) => {
                    fault = true;
                    break 'copy;
                }
            }
            aspace.copy_user(r, piece, Access::Write)
        } else {
            let got = aspace.copy_user(r, piece, Access::Read);
            if uaccess::copy_out(l, &piece[..got]).is_err() {
                fault = true;
                break 'copy;
            }
            got
        };
        done += moved;
        local.advance(moved);
        remote.advance(moved);
        if moved < n {
            fault = true;
            break;
        }
    }
    if done == 0 && fault {
        return Err(EFAULT);
    }
    Ok(done as i64)
}
