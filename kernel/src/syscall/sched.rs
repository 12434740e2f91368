//! Scheduling calls: sched_{get,set}scheduler, sched_{get,set}param,
//! sched_get_priority_{min,max}, sched_rr_get_interval (per-thread
//! attributes in proc/policy.rs), sched_{get,set}affinity and getcpu on the
//! one CPU vibix has.
use super::SysResult;
use crate::errno::*;
use crate::mm::uaccess;
use crate::proc::policy::{self, Policy};
use crate::proc::{self, Thread};

const RLIMIT_RTPRIO: usize = 14;
/// Bytes of the kernel's CPU mask (one long, as Linux with nr_cpu_ids <= 64).
const MASK_BYTES: u64 = 8;

/// The thread a sched_* call names: 0 is the caller, else a thread id
/// (negative: EINVAL, none such: ESRCH).
fn thread_of(pid: i64) -> Result<&'static mut Thread, Errno> {
    if pid < 0 {
        return Err(EINVAL);
    }
    if pid == 0 {
        return Ok(proc::current());
    }
    let t = proc::sched().threads.get_mut(&(pid as u64)).ok_or(ESRCH)?;
    if t.state == proc::State::Dead || t.pid == proc::KERNEL_PID {
        return Err(ESRCH);
    }
    Ok(t)
}

pub fn get_priority_max(policy: u32) -> SysResult {
    policy::priority_range(policy).map(|r| r.1 as i64).ok_or(EINVAL)
}

pub fn get_priority_min(policy: u32) -> SysResult {
    policy::priority_range(policy).map(|r| r.0 as i64).ok_or(EINVAL)
}

pub fn getscheduler(pid: i64) -> SysResult {
    Ok(thread_of(pid)?.policy.reported() as i64)
}

pub fn getparam(pid: i64, param: u64) -> SysResult {
    if param == 0 {
        return Err(EINVAL);
    }
    let prio = thread_of(pid)?.policy.priority as i32;
    uaccess::write(param, &prio)?;
    Ok(0)
}

/// Whether the caller may give `target` the attributes `new` (Linux without
/// CAP_SYS_NICE: only its own threads, real-time priorities up to
/// RLIMIT_RTPRIO, and SCHED_RESET_ON_FORK not cleared).
fn permitted(target: &Thread, new: &Policy) -> Result<(), Errno> {
    let me = proc::current_proc();
    if me.cred.euid == 0 {
        return Ok(());
    }
    let owner = proc::sched().procs.get(&target.pid).map(|p| p.cred);
    if owner.is_none_or(|c| c.euid != me.cred.euid && c.ruid != me.cred.euid) {
        return Err(EPERM);
    }
    let old = target.policy;
    if new.realtime() {
        let limit = me.res.limits[RLIMIT_RTPRIO][0];
        if (new.priority as u64) > limit && new.priority > old.rank() {
            return Err(EPERM);
        }
    }
    if old.reset_on_fork && !new.reset_on_fork {
        return Err(EPERM);
    }
    Ok(())
}

/// sched_setscheduler(pid, policy, param); `policy` None is sched_setparam
/// (the thread keeps its policy).
pub fn setscheduler(pid: i64, policy: Option<u32>, param: u64) -> SysResult {
    if param == 0 || pid < 0 {
        return Err(EINVAL);
    }
    let prio: i32 = uaccess::read(param)?;
    let t = thread_of(pid)?;
    let want = policy.unwrap_or_else(|| t.policy.reported());
    let new = Policy::new(want, prio).ok_or(EINVAL)?;
    permitted(t, &new)?;
    t.policy = new;
    Ok(0)
}

pub fn rr_get_interval(pid: i64, ts: u64) -> SysResult {
    let ns = thread_of(pid)?.policy.interval_ns();
    super::write_timespec(ts, ns)?;
    Ok(0)
}

/// sched_getaffinity: CPU 0 only; the mask must hold at least the kernel's.
pub fn getaffinity(pid: i64, len: u64, mask: u64) -> SysResult {
    thread_of(pid)?;
    if len < MASK_BYTES || len % 8 != 0 {
        return Err(EINVAL);
    }
    uaccess::write(mask, &1u64)?;
    Ok(MASK_BYTES as i64)
}

/// sched_setaffinity: a mask without CPU 0 names no CPU vibix has (EINVAL);
/// any mask with it leaves the thread where it always runs.
pub fn setaffinity(pid: i64, len: u64, mask: u64) -> SysResult {
    let t = thread_of(pid)?;
    let bytes = uaccess::copy_in(mask, len.min(MASK_BYTES) as usize)?;
    if bytes.first().is_none_or(|b| b & 1 == 0) {
        return Err(EINVAL);
    }
    permitted(t, &t.policy.clone())?;
    Ok(0)
}

/// getcpu(cpu, node, cache): CPU 0 of node 0; either pointer may be NULL.
pub fn getcpu(cpu: u64, node: u64) -> SysResult {
    for p in [cpu, node] {
        if p != 0 {
            uaccess::write(p, &0u32)?;
        }
    }
    Ok(0)
}
