//! `<sched.h>` calls the others lacked: `clone` (clone.rs), `sched_getcpu`, `sched_setaffinity`
//! (`sched_getaffinity` and `sched_yield` live in compat/posix.rs and unistd),
//! and the scheduling-policy calls. rustix has no policy calls, so those are
//! single raw system calls with the caller's arguments (header/sys/raw.rs, as
//! header/sys_kernel does); like glibc they act on the thread `pid` names.
use core::ffi::c_int;

pub mod clone;

use crate::thread::area::{fail, set_errno};

const EINVAL: c_int = 22;

#[unsafe(no_mangle)]
pub extern "C" fn sched_getcpu() -> c_int {
    rustix::thread::sched_getcpu() as c_int
}

/// `cpu_set_t` of `size` bytes (glibc's CPU_ALLOC sizes included).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_setaffinity(pid: c_int, size: usize, set: *const u8) -> c_int {
    if set.is_null() || size == 0 {
        set_errno(EINVAL);
        return -1;
    }
    let mut cpus = rustix::thread::CpuSet::new();
    // SAFETY: `size` readable bytes (C contract).
    let bytes = unsafe { core::slice::from_raw_parts(set, size) };
    for (i, &b) in bytes.iter().enumerate() {
        for bit in 0..8 {
            let cpu = i * 8 + bit;
            if b & (1 << bit) != 0 {
                if cpu >= rustix::thread::CpuSet::MAX_CPU {
                    set_errno(EINVAL);
                    return -1;
                }
                cpus.set(cpu);
            }
        }
    }
    let pid = rustix::process::Pid::from_raw(pid);
    match rustix::thread::sched_setaffinity(pid, &cpus) {
        Ok(()) => 0,
        Err(e) => fail(e, -1),
    }
}

const SYS_SCHED_SETPARAM: core::ffi::c_long = 142;
const SYS_SCHED_GETPARAM: core::ffi::c_long = 143;
const SYS_SCHED_SETSCHEDULER: core::ffi::c_long = 144;
const SYS_SCHED_GETSCHEDULER: core::ffi::c_long = 145;
const SYS_SCHED_GET_PRIORITY_MAX: core::ffi::c_long = 146;
const SYS_SCHED_GET_PRIORITY_MIN: core::ffi::c_long = 147;
const SYS_SCHED_RR_GET_INTERVAL: core::ffi::c_long = 148;

fn call(n: core::ffi::c_long, a: [usize; 6]) -> c_int {
    use crate::header::sys::raw::{ret, syscall6};
    // SAFETY: each caller passes its C caller's arguments for syscall `n`;
    // pointers among them are the C caller's contract, checked by the kernel.
    ret(unsafe { syscall6(n, a) }) as c_int
}

/// `struct sched_param` is one int (the kernel's layout).
#[repr(C)]
pub struct SchedParam {
    pub sched_priority: c_int,
}
static_assertions::assert_eq_size!(SchedParam, [u8; 4]);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_setparam(pid: c_int, p: *const SchedParam) -> c_int {
    call(SYS_SCHED_SETPARAM, [pid as usize, p as usize, 0, 0, 0, 0])
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_getparam(pid: c_int, p: *mut SchedParam) -> c_int {
    call(SYS_SCHED_GETPARAM, [pid as usize, p as usize, 0, 0, 0, 0])
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_setscheduler(pid: c_int, policy: c_int, p: *const SchedParam) -> c_int {
    call(SYS_SCHED_SETSCHEDULER, [pid as usize, policy as usize, p as usize, 0, 0, 0])
}
#[unsafe(no_mangle)]
pub extern "C" fn sched_getscheduler(pid: c_int) -> c_int {
    call(SYS_SCHED_GETSCHEDULER, [pid as usize, 0, 0, 0, 0, 0])
}
#[unsafe(no_mangle)]
pub extern "C" fn sched_get_priority_max(policy: c_int) -> c_int {
    call(SYS_SCHED_GET_PRIORITY_MAX, [policy as usize, 0, 0, 0, 0, 0])
}
#[unsafe(no_mangle)]
pub extern "C" fn sched_get_priority_min(policy: c_int) -> c_int {
    call(SYS_SCHED_GET_PRIORITY_MIN, [policy as usize, 0, 0, 0, 0, 0])
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_rr_get_interval(pid: c_int, ts: *mut core::ffi::c_void) -> c_int {
    call(SYS_SCHED_RR_GET_INTERVAL, [pid as usize, ts as usize, 0, 0, 0, 0])
}
