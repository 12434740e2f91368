//! Signal system calls: actions, masks, the alternate stack, sending
//! (kill/tkill/tgkill/rt_sigqueueinfo), waiting (pause, rt_sigsuspend,
//! rt_sigtimedwait), rt_sigreturn, alarm and ITIMER_REAL.
use crate::abi::MINSIGSTKSZ;
use super::thread::read_timespec;
use super::SysResult;
use crate::arch::x86_64::entry::TrapFrame;
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::mm::uaccess;
use crate::proc::{self, Block};
use crate::signal::frame::{self, SS_AUTODISARM, SS_DISABLE, SS_ONSTACK};
use crate::signal::{self, Info, ERESTARTNOHAND, NSIG, SIGKILL, SIGSTOP, SI_TKILL, SI_USER, UNBLOCKABLE};


fn check_size(size: u64) -> Result<(), Errno> {
    if size != 8 {
        return Err(EINVAL);
    }
    Ok(())
}

pub fn rt_sigaction(sig: u64, act: u64, old: u64, size: u64) -> SysResult {
    check_size(size)?;
    if !(1..=NSIG as u64).contains(&sig) || (act != 0 && (sig == SIGKILL as u64 || sig == SIGSTOP as u64)) {
        return Err(EINVAL);
    }
    let new: Option<[u64; 4]> = if act != 0 { Some(uaccess::read(act)?) } else { None };
    let p = proc::current_proc();
    if old != 0 {
        uaccess::write(old, &p.sigactions[sig as usize])?;
    }
    if let Some(mut a) = new {
        a[3] &= !UNBLOCKABLE;
        p.sigactions[sig as usize] = a;
        // Setting SIG_IGN (or SIG_DFL of an ignored-by-default signal) discards it if pending.
        if a[0] == signal::SIG_IGN || (a[0] == signal::SIG_DFL && matches!(sig, 17 | 23 | 28)) {
            p.sig.pending.discard(sig as i32);
            for tid in p.threads.clone() {
                if let Some(t) = proc::sched().threads.get_mut(&tid) {
                    t.sig.pending.discard(sig as i32);
                }
            }
        }
    }
    Ok(0)
}

pub fn rt_sigprocmask(how: u32, set: u64, old: u64, size: u64) -> SysResult {
    check_size(size)?;
    let new: Option<u64> = if set != 0 { Some(uaccess::read(set)?) } else { None };
    let t = proc::current();
    if old != 0 {
        uaccess::write(old, &t.sigmask)?;
    }
    if let Some(s) = new {
        t.sigmask = match how {
            0 => t.sigmask | s,
            1 => t.sigmask & !s,
            2 => s,
            _ => return Err(EINVAL),
        } & !UNBLOCKABLE;
    }
    Ok(0)
}

pub fn rt_sigpending(out: u64, size: u64) -> SysResult {
    if size > 8 {
        return Err(EINVAL);
    }
    let t = proc::current();
    let set = (t.sig.pending.set | proc::current_proc().sig.pending.set) & t.sigmask;
    uaccess::copy_out(out, &set.to_le_bytes()[..size as usize])?;
    Ok(0)
}

/// sigaltstack(ss, old): `stack_t` = { ss_sp, ss_flags (int), ss_size }.
pub fn sigaltstack(f: &TrapFrame, ss: u64, old: u64) -> SysResult {
    let new: Option<[u64; 3]> = if ss != 0 { Some(uaccess::read(ss)?) } else { None };
    let on = frame::on_altstack(f.rsp);
    let t = proc::current();
    if old != 0 {
        let mut o = t.altstack;
        o[1] = if on { SS_ONSTACK } else { o[1] & (SS_DISABLE | SS_AUTODISARM) };
        uaccess::write(old, &o)?;
    }
    if let Some(mut n) = new {
        if on {
            return Err(EPERM);
        }
        let flags = n[1] & 0xffff_ffff;
        if flags & !(SS_DISABLE | SS_ONSTACK | SS_AUTODISARM) != 0 {
            return Err(EINVAL);
        }
        if flags & SS_DISABLE != 0 {
            n = [0, SS_DISABLE, 0];
        } else if n[2] < MINSIGSTKSZ {
            return Err(ENOMEM);
        } else {
            n[1] = flags & SS_AUTODISARM;
        }
        t.altstack = n;
    }
    Ok(0)
}

fn user_info(sig: i32, code: i32) -> Info {
    Info::from_pid(sig, code, proc::current().pid)
}

/// kill(pid, sig): pid > 0 one process; 0 the caller's process group; -1
/// every user process but the caller; < -1 process group -pid.
pub fn kill(pid: i64, sig: i32) -> SysResult {
    if !(0..=NSIG).contains(&sig) {
        return Err(EINVAL);
    }
    let me = proc::current().pid;
    let info = user_info(sig, SI_USER);
    if pid > 0 {
        return signal::send_process(pid as u64, info).map(|_| 0);
    }
    if pid == i32::MIN as i64 {
        return Err(ESRCH);
    }
    let all: alloc::vec::Vec<u64> = match pid {
        -1 => proc::sched().procs.values().filter(|p| p.pid != proc::KERNEL_PID && p.exit.is_none() && p.pid != me).map(|p| p.pid).collect(),
        0 => proc::job::members(proc::current_proc().pgid),
        g => proc::job::members(g.unsigned_abs()),
    };
    // Ourselves last, so a fatal signal still reaches the others.
    let mut n = 0;
    for q in all.iter().copied().filter(|&q| q != me).chain(all.iter().copied().filter(|&q| q == me)) {
        if signal::send_process(q, info).is_ok() {
            n += 1;
        }
    }
    if n == 0 {
        return Err(ESRCH);
    }
    Ok(0)
}

pub fn tgkill(tgid: i64, tid: i64, sig: i32) -> SysResult {
    if tgid <= 0 || tid <= 0 {
        return Err(EINVAL);
    }
    signal::send_thread(tgid as u64, tid as u64, user_info(sig, SI_TKILL)).map(|_| 0)
}

pub fn tkill(tid: i64, sig: i32) -> SysResult {
    if tid <= 0 {
        return Err(EINVAL);
    }
    let pid = proc::sched().threads.get(&(tid as u64)).ok_or(ESRCH)?.pid;
    tgkill(pid as i64, tid, sig)
}

/// rt_sigqueueinfo / rt_tgsigqueueinfo: the caller's siginfo, whose si_code
/// must be negative (as Linux requires of user-supplied ones).
pub fn sigqueueinfo(tgid: i64, tid: Option<i64>, sig: i32, uinfo: u64) -> SysResult {
    let raw = uaccess::copy_in(uinfo, 32)?;
    let code = i32::from_le_bytes([raw[8], raw[9], raw[10], raw[11]]);
    if code >= 0 || code == SI_TKILL {
        return Err(EPERM);
    }
    let w = |o: usize| u64::from_le_bytes(raw[o..o + 8].try_into().unwrap_or_default());
    let info = Info { signo: sig, code, w16: w(16), w24: w(24) };
    match tid {
        None => signal::send_process(tgid as u64, info).map(|_| 0),
        Some(t) => signal::send_thread(tgid as u64, t as u64, info).map(|_| 0),
    }
}

/// Sleeps until a signal is taken (pause, rt_sigsuspend): always EINTR.
fn wait_for_signal() -> SysResult {
    while !signal::interrupted() {
        proc::block(Block::Sleep, None);
    }
    Err(ERESTARTNOHAND)
}

pub fn pause() -> SysResult {
    wait_for_signal()
}

pub fn rt_sigsuspend(set: u64, size: u64) -> SysResult {
    check_size(size)?;
    let mask: u64 = uaccess::read(set)?;
    let t = proc::current();
    t.sig.saved_mask = Some(t.sigmask);
    t.sigmask = mask & !UNBLOCKABLE;
    wait_for_signal()
}

/// rt_sigtimedwait(set, info, timeout, size): takes a pending signal of `set`.
pub fn rt_sigtimedwait(set: u64, uinfo: u64, timeout: u64, size: u64) -> SysResult {
    check_size(size)?;
    let want = uaccess::read::<u64>(set)? & !UNBLOCKABLE;
    let deadline = if timeout != 0 { Some(timer::monotonic_ns().saturating_add(read_timespec(timeout)?)) } else { None };
    loop {
        if let Some(info) = signal::dequeue(want) {
            proc::current().sig.waiting = 0;
            if uinfo != 0 {
                uaccess::copy_out(uinfo, &info.to_bytes())?;
            }
            return Ok(info.signo as i64);
        }
        if signal::interrupted() {
            proc::current().sig.waiting = 0;
            return Err(EINTR);
        }
        if deadline.is_some_and(|d| timer::monotonic_ns() >= d) {
            proc::current().sig.waiting = 0;
            return Err(EAGAIN);
        }
        proc::current().sig.waiting = want;
        proc::block(Block::Sleep, deadline);
    }
}

pub fn rt_sigreturn(f: &mut TrapFrame) -> SysResult {
    Ok(frame::sigreturn(f))
}

fn ns_to_timeval(ns: u64) -> [i64; 2] {
    [(ns / 1_000_000_000) as i64, ((ns % 1_000_000_000) / 1000) as i64]
}

fn itimer_now() -> [i64; 4] {
    match proc::current_proc().sig.alarm {
        None => [0; 4],
        Some((d, iv)) => {
            let left = d.saturating_sub(timer::monotonic_ns()).max(1000);
            let [a, b] = ns_to_timeval(iv);
            let [c, e] = ns_to_timeval(left);
            [a, b, c, e]
        }
    }
}

fn timeval_ns(s: i64, us: i64) -> Result<u64, Errno> {
    if s < 0 || !(0..1_000_000).contains(&us) {
        return Err(EINVAL);
    }
    Ok((s as u64).saturating_mul(1_000_000_000).saturating_add(us as u64 * 1000))
}

/// getitimer/setitimer: ITIMER_REAL only (ITIMER_VIRTUAL/PROF → EINVAL, docs/unsupported.md).
pub fn getitimer(which: u32, out: u64) -> SysResult {
    if which != 0 {
        return Err(EINVAL);
    }
    uaccess::write(out, &itimer_now())?;
    Ok(0)
}

pub fn setitimer(which: u32, new: u64, old: u64) -> SysResult {
    if which != 0 {
        return Err(EINVAL);
    }
    let v: [i64; 4] = if new != 0 { uaccess::read(new)? } else { [0; 4] };
    let (iv, val) = (timeval_ns(v[0], v[1])?, timeval_ns(v[2], v[3])?);
    if old != 0 {
        uaccess::write(old, &itimer_now())?;
    }
    proc::current_proc().sig.alarm = (val != 0).then(|| (timer::monotonic_ns() + val, iv));
    Ok(0)
}

pub fn alarm(secs: u64) -> SysResult {
    let left = itimer_now();
    let prev = if left[2] == 0 && left[3] == 0 { 0 } else { left[2] + (left[3] >= 500_000) as i64 };
    proc::current_proc().sig.alarm = (secs != 0).then(|| (timer::monotonic_ns() + secs.min(1 << 31) * 1_000_000_000, 0));
    Ok(prev.max(if left[2] != 0 || left[3] != 0 { 1 } else { 0 }))
}
