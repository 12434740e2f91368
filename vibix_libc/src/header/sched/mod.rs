//! `<sched.h>` calls the others lacked: `sched_getcpu`, `sched_setaffinity`
//! (`sched_getaffinity` and `sched_yield` live in compat/posix.rs and unistd).
use core::ffi::c_int;

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
