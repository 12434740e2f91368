//! Resource usage, priorities and limits: getrusage, times, getpriority/
//! setpriority, getrlimit/setrlimit/prlimit64 (accounting in proc/usage.rs).
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::mm::uaccess;
use crate::proc::usage::{self, RLIM_NLIMITS};
use crate::proc::{self, job, KERNEL_PID};
use alloc::vec::Vec;

const RUSAGE_SELF: i32 = 0;
const RUSAGE_CHILDREN: i32 = -1;
const RUSAGE_THREAD: i32 = 1;

pub fn getrusage(who: i32, out: u64) -> SysResult {
    let me = proc::current().pid;
    let u = match who {
        RUSAGE_SELF => usage::of_process(me),
        RUSAGE_CHILDREN => proc::current_proc().res.children,
        RUSAGE_THREAD => usage::of_thread(),
        _ => return Err(EINVAL),
    };
    uaccess::write(out, &u.to_rusage())?;
    Ok(0)
}

/// Clock ticks of times(2) (AT_CLKTCK, sysconf(_SC_CLK_TCK)).
const CLK_TCK: u64 = 100;

pub fn times(out: u64) -> SysResult {
    let ticks = |ns: u64| (ns / (1_000_000_000 / CLK_TCK)) as i64;
    if out != 0 {
        let me = usage::of_process(proc::current().pid);
        let ch = proc::current_proc().res.children;
        uaccess::write(out, &[ticks(me.user_ns), ticks(me.sys_ns), ticks(ch.user_ns), ticks(ch.sys_ns)])?;
    }
    Ok(ticks(timer::monotonic_ns()))
}

const PRIO_PROCESS: u32 = 0;
const PRIO_PGRP: u32 = 1;
const PRIO_USER: u32 = 2;

/// The processes `which`/`who` name (everyone is uid 0, so PRIO_USER 0 is every user process).
fn prio_targets(which: u32, who: u64) -> Result<Vec<u64>, Errno> {
    let who = who as u32 as u64;
    let list = match which {
        PRIO_PROCESS => {
            let pid = if who == 0 { proc::current().pid } else { who };
            proc::sched().procs.get(&pid).filter(|p| p.exit.is_none() && pid != KERNEL_PID).map(|p| p.pid).into_iter().collect()
        }
        PRIO_PGRP => job::members(if who == 0 { proc::current_proc().pgid } else { who }),
        PRIO_USER if who == 0 => proc::sched().procs.values().filter(|p| p.exit.is_none() && p.pid != KERNEL_PID).map(|p| p.pid).collect(),
        PRIO_USER => Vec::new(),
        _ => return Err(EINVAL),
    };
    if list.is_empty() {
        return Err(ESRCH);
    }
    Ok(list)
}

/// The raw call answers 20 - nice (1..40, never negative); libc turns it back into the nice value.
pub fn getpriority(which: u32, who: u64) -> SysResult {
    let best = prio_targets(which, who)?.iter().filter_map(|pid| proc::sched().procs.get(pid)).map(|p| p.res.nice).min().unwrap_or(0);
    Ok((20 - best) as i64)
}

/// Sets the nice value (clamped to -20..19; every process is root, so lowering it is allowed).
pub fn setpriority(which: u32, who: u64, prio: i32) -> SysResult {
    let nice = prio.clamp(-20, 19);
    for pid in prio_targets(which, who)? {
        if let Some(p) = proc::sched().procs.get_mut(&pid) {
            p.res.nice = nice;
        }
    }
    Ok(0)
}

pub fn getrlimit(res: u32, out: u64) -> SysResult {
    prlimit64(0, res, 0, out)
}

pub fn setrlimit(res: u32, new: u64) -> SysResult {
    prlimit64(0, res, new, 0)
}

/// prlimit64(pid, resource, new, old): pid 0 is the caller; the old value is read before the new is set.
pub fn prlimit64(pid: u64, res: u32, new: u64, old: u64) -> SysResult {
    let res = res as usize;
    if res >= RLIM_NLIMITS {
        return Err(EINVAL);
    }
    let pid = if pid as u32 == 0 { proc::current().pid } else { pid as u32 as u64 };
    let want: Option<[u64; 2]> = if new != 0 { Some(uaccess::read(new)?) } else { None };
    let p = proc::sched().procs.get_mut(&pid).filter(|p| p.exit.is_none() && pid != KERNEL_PID).ok_or(ESRCH)?;
    let before = p.res.limits[res];
    if let Some(l) = want {
        usage::set_limit(p, res, l)?;
    }
    if old != 0 {
        uaccess::write(old, &before)?;
    }
    Ok(0)
}
