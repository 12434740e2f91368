//! Job control: process groups, sessions, and stopping/continuing processes
//! (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU / SIGCONT), reported to the parent by
//! SIGCHLD (CLD_STOPPED/CLD_CONTINUED unless SA_NOCLDSTOP) and wait
//! (WUNTRACED/WSTOPPED, WCONTINUED). There is no terminal, so no foreground
//! group and no SIGTTIN/SIGTTOU from the kernel.
use super::life::{wake_waiters, SA_NOCLDSTOP};
use super::{current, current_proc, sched, Block, Notice, State, KERNEL_PID};
use crate::errno::*;
use crate::signal::{self, SIGCHLD};
use alloc::vec::Vec;

/// setpgid(pid, pgid): the caller or one of its children (same session, not
/// yet exec'd), never a session leader; an existing group of the session or
/// a new one named after the process.
pub fn setpgid(pid: i64, pgid: i64) -> Result<(), Errno> {
    if pgid < 0 || pid < 0 {
        return Err(EINVAL);
    }
    let me = current_proc();
    let (my_pid, my_sid) = (me.pid, me.sid);
    let target = if pid == 0 { my_pid } else { pid as u64 };
    let pgid = if pgid == 0 { target } else { pgid as u64 };
    let s = sched();
    let t = s.procs.get(&target).filter(|t| t.exit.is_none()).ok_or(ESRCH)?;
    if target != my_pid {
        if t.parent != my_pid {
            return Err(ESRCH);
        }
        if t.sid != my_sid {
            return Err(EPERM);
        }
        if t.execed {
            return Err(EACCES);
        }
    }
    if t.sid == t.pid {
        return Err(EPERM);
    }
    if pgid != target && !s.procs.values().any(|q| q.pgid == pgid && q.sid == my_sid && q.exit.is_none()) {
        return Err(EPERM);
    }
    s.procs.get_mut(&target).ok_or(ESRCH)?.pgid = pgid;
    Ok(())
}

fn lookup(pid: i64) -> Result<&'static super::Process, Errno> {
    if pid < 0 {
        return Err(ESRCH);
    }
    if pid == 0 {
        return Ok(current_proc());
    }
    sched().procs.get(&(pid as u64)).map(|b| &**b).ok_or(ESRCH)
}

pub fn getpgid(pid: i64) -> Result<u64, Errno> {
    lookup(pid).map(|p| p.pgid)
}

pub fn getsid(pid: i64) -> Result<u64, Errno> {
    lookup(pid).map(|p| p.sid)
}

/// setsid: a new session and group led by the caller, unless a group already
/// bears its pid (it leads one).
pub fn setsid() -> Result<u64, Errno> {
    let pid = current().pid;
    if sched().procs.values().any(|q| q.pgid == pid && q.exit.is_none()) {
        return Err(EPERM);
    }
    let p = current_proc();
    p.pgid = pid;
    p.sid = pid;
    Ok(pid)
}

/// The live user processes of group `pgid`.
pub fn members(pgid: u64) -> Vec<u64> {
    sched().procs.values().filter(|p| p.pgid == pgid && p.exit.is_none() && p.pid != KERNEL_PID).map(|p| p.pid).collect()
}

fn tell_parent(pid: u64, code: i32, status: i32) {
    let Some(p) = sched().procs.get(&pid) else { return };
    let parent = p.parent;
    wake_waiters(parent);
    let nocldstop = sched().procs.get(&parent).is_some_and(|q| q.sigactions[SIGCHLD as usize][1] & SA_NOCLDSTOP != 0);
    if parent != KERNEL_PID && !nocldstop {
        let info = signal::Info { signo: SIGCHLD, code, w16: signal::sender(pid), w24: status as u32 as u64 };
        let _ = signal::send_process(parent, info);
    }
}

/// A stop signal's default action: process `pid` stops (its threads park on
/// their way back to user mode, `stop_point`).
pub fn stop(pid: u64, sig: i32) {
    let Some(p) = sched().procs.get_mut(&pid) else { return };
    if p.stopped || p.exit.is_some() {
        return;
    }
    p.stopped = true;
    p.notice = Some(Notice::Stopped(sig));
    tell_parent(pid, signal::CLD_STOPPED, sig);
}

/// SIGCONT was generated for `pid`: it continues (whatever the action or mask).
pub fn resume(pid: u64) {
    let Some(p) = sched().procs.get_mut(&pid) else { return };
    if !p.stopped {
        return;
    }
    p.stopped = false;
    p.notice = Some(Notice::Continued);
    for &tid in &p.threads {
        if sched().threads.get(&tid).is_some_and(|t| t.state == State::Blocked(Block::Stopped)) {
            super::wake(tid, super::Wake::Normal);
        }
    }
    tell_parent(pid, signal::CLD_CONTINUED, signal::SIGCONT);
}

/// On the way back to user mode: a thread of a stopped process sleeps until
/// SIGCONT (SIGKILL ends it there).
pub fn stop_point() {
    while current_proc().stopped && current().state != State::Dead {
        super::block(Block::Stopped, None);
    }
}
