//! Threads: clone (thread flags; a new process goes to `process`), futex,
//! set_tid_address, arch_prctl, exit_group.
use crate::abi::*;
use super::SysResult;
use crate::arch::x86_64::cpu;
use crate::arch::x86_64::entry::TrapFrame;
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::USER_TOP;
use crate::proc::{self, futex, ExitStatus, FpuArea};
use alloc::boxed::Box;

const ALLOWED: u64 = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID;
const REQUIRED: u64 = CLONE_VM | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;

pub fn clone(f: &TrapFrame, flags: u64, stack: u64, ptid: u64, ctid: u64, tls: u64) -> SysResult {
    if flags & CLONE_THREAD == 0 {
        if flags & !super::process::PROCESS_FLAGS != 0 {
            return Err(EINVAL);
        }
        return super::process::clone_process(f, flags, stack, ptid, ctid, tls);
    }
    if flags & !ALLOWED != 0 || flags & REQUIRED != REQUIRED {
        return Err(EINVAL);
    }
    if !proc::can_add_thread() {
        return Err(EAGAIN);
    }
    if flags & CLONE_SETTLS != 0 && tls >= USER_TOP {
        return Err(EPERM);
    }
    let cur = proc::current();
    let mut child = *f;
    child.rax = 0;
    if stack != 0 {
        child.rsp = stack;
    }
    let fpu = Box::new(FpuArea(cur.fpu.0));
    let fs = if flags & CLONE_SETTLS != 0 { tls } else { cur.fs_base };
    let (pid, sigmask) = (cur.pid, cur.sigmask);
    let tid = proc::new_thread(pid, child, fs, fpu);
    let t = proc::sched().threads.get_mut(&tid).expect("new thread exists");
    t.sigmask = sigmask;
    if flags & CLONE_CHILD_CLEARTID != 0 {
        t.clear_child_tid = ctid;
    }
    if flags & CLONE_PARENT_SETTID != 0 {
        uaccess::write(ptid, &(tid as u32))?;
    }
    if flags & CLONE_CHILD_SETTID != 0 {
        uaccess::write(ctid, &(tid as u32))?;
    }
    Ok(tid as i64)
}

const FUTEX_WAIT: u32 = 0;
const FUTEX_WAKE: u32 = 1;
const FUTEX_REQUEUE: u32 = 3;
const FUTEX_CMP_REQUEUE: u32 = 4;
const FUTEX_WAIT_BITSET: u32 = 9;
const FUTEX_WAKE_BITSET: u32 = 10;
const FUTEX_CLOCK_REALTIME: u32 = 256;

/// Reads a `struct timespec` as nanoseconds.
pub fn read_timespec(addr: u64) -> Result<u64, Errno> {
    let [sec, nsec]: [i64; 2] = uaccess::read(addr)?;
    if sec < 0 || !(0..1_000_000_000).contains(&nsec) {
        return Err(EINVAL);
    }
    Ok((sec as u64).saturating_mul(1_000_000_000).saturating_add(nsec as u64))
}

/// Writes nanoseconds `ns` as a `struct timespec`.
pub fn write_timespec(addr: u64, ns: u64) -> Result<(), Errno> {
    uaccess::write(addr, &[(ns / 1_000_000_000) as i64, (ns % 1_000_000_000) as i64])
}

const FUTEX_PRIVATE_FLAG: u32 = 128;

pub fn futex(addr: u64, op: u32, val: u32, timeout: u64, val3: u32) -> SysResult {
    let key = futex::key(proc::current().pid, addr, op & FUTEX_PRIVATE_FLAG != 0);
    let now = crate::arch::x86_64::timer::monotonic_ns();
    match op & 0x7f {
        FUTEX_WAIT => {
            let deadline = if timeout != 0 { Some(now.saturating_add(read_timespec(timeout)?)) } else { None };
            futex::wait(key, addr, val, deadline, !0)
        }
        FUTEX_WAIT_BITSET => {
            let deadline = if timeout != 0 {
                let abs = read_timespec(timeout)?;
                Some(if op & FUTEX_CLOCK_REALTIME != 0 {
                    abs.saturating_sub(crate::arch::x86_64::timer::realtime_ns()).saturating_add(now)
                } else {
                    abs
                })
            } else {
                None
            };
            futex::wait(key, addr, val, deadline, val3)
        }
        FUTEX_WAKE => Ok(futex::wake(key, val, !0)),
        FUTEX_WAKE_BITSET => Ok(futex::wake(key, val, val3)),
        // Requeue is done as "wake everyone": a spurious wake-up is always allowed.
        FUTEX_REQUEUE => Ok(futex::wake(key, u32::MAX, !0)),
        FUTEX_CMP_REQUEUE => {
            if uaccess::read::<u32>(addr)? != val3 {
                return Err(EAGAIN);
            }
            Ok(futex::wake(key, u32::MAX, !0))
        }
        _ => Err(ENOSYS),
    }
}

pub fn set_tid_address(addr: u64) -> SysResult {
    let t = proc::current();
    t.clear_child_tid = addr;
    Ok(t.tid as i64)
}

const ARCH_SET_GS: u64 = 0x1001;
const ARCH_SET_FS: u64 = 0x1002;
const ARCH_GET_FS: u64 = 0x1003;
const ARCH_GET_GS: u64 = 0x1004;

pub fn arch_prctl(code: u64, addr: u64) -> SysResult {
    match code {
        ARCH_SET_FS => {
            if addr >= USER_TOP {
                return Err(EPERM);
            }
            proc::current().fs_base = addr;
            // SAFETY: FS_BASE only affects user-mode %fs accesses.
            unsafe { cpu::wrmsr(cpu::MSR_FS_BASE, addr) };
            Ok(0)
        }
        ARCH_GET_FS => uaccess::write(addr, &proc::current().fs_base).map(|_| 0),
        ARCH_GET_GS => uaccess::write(addr, &0u64).map(|_| 0),
        ARCH_SET_GS => Err(EINVAL),
        _ => Err(EINVAL),
    }
}

pub fn exit_group(code: i32) -> SysResult {
    proc::finish_process(proc::current().pid, ExitStatus::Code(code & 0xff));
    proc::schedule();
    unreachable!("a dead thread was scheduled");
}
