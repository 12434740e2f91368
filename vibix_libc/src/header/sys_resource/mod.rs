//! `<sys/resource.h>` beyond getrlimit/setrlimit (sys/misc.rs): usage,
//! priorities, `prlimit`, and the `*64` names.
use core::ffi::{c_int, c_long, c_uint};
use rustix::io::Errno;
use rustix::process::{Pid, Uid};

use crate::header::sys::raw;
use crate::thread::area::fail;

const PRIO_PROCESS: c_int = 0;
const PRIO_PGRP: c_int = 1;
const PRIO_USER: c_int = 2;

/// `struct rusage`: two timevals and fourteen longs (Linux layout).
#[repr(C)]
pub struct Rusage {
    times: [[i64; 2]; 2],
    counters: [c_long; 14],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Rusage>(), 144);

/// POSIX `getrusage` (RUSAGE_SELF 0, RUSAGE_CHILDREN -1, RUSAGE_THREAD 1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrusage(who: c_int, usage: *mut Rusage) -> c_int {
    const NR_GETRUSAGE: c_long = 98;
    // rustix has no getrusage: raw call (header/sys/raw.rs).
    // SAFETY: usage points at a struct rusage the kernel fills.
    unsafe { raw::ret(raw::syscall6(NR_GETRUSAGE, [who as usize, usage as usize, 0, 0, 0, 0])) as c_int }
}

fn pid_of(who: c_uint) -> Option<Pid> {
    Pid::from_raw(who as i32)
}

/// POSIX `getpriority`: the nice value (-20..19); errno tells -1 apart.
#[unsafe(no_mangle)]
pub extern "C" fn getpriority(which: c_int, who: c_uint) -> c_int {
    use rustix::process::{getpriority_pgrp, getpriority_process, getpriority_user};
    let r = match which {
        PRIO_PROCESS => getpriority_process(pid_of(who)),
        PRIO_PGRP => getpriority_pgrp(pid_of(who)),
        PRIO_USER => getpriority_user(Uid::from_raw(who)),
        _ => Err(Errno::INVAL),
    };
    r.unwrap_or_else(|e| fail(e, -1))
}

/// POSIX `setpriority`.
#[unsafe(no_mangle)]
pub extern "C" fn setpriority(which: c_int, who: c_uint, prio: c_int) -> c_int {
    use rustix::process::{setpriority_pgrp, setpriority_process, setpriority_user};
    let r = match which {
        PRIO_PROCESS => setpriority_process(pid_of(who), prio),
        PRIO_PGRP => setpriority_pgrp(pid_of(who), prio),
        PRIO_USER => setpriority_user(Uid::from_raw(who), prio),
        _ => Err(Errno::INVAL),
    };
    crate::header::unistd::cret(r, |_| 0)
}

/// XSI `nice`: adds `inc` to the nice value and returns the new one.
#[unsafe(no_mangle)]
pub extern "C" fn nice(inc: c_int) -> c_int {
    let cur = match rustix::process::getpriority_process(None) {
        Ok(p) => p,
        Err(e) => return fail(e, -1),
    };
    let new = (cur + inc).clamp(-20, 19);
    match rustix::process::setpriority_process(None, new) {
        // Raising the priority without privilege is EPERM (POSIX: nice fails).
        Err(Errno::ACCESS) => fail(Errno::PERM, -1),
        Err(e) => fail(e, -1),
        Ok(()) => rustix::process::getpriority_process(None).unwrap_or_else(|e| fail(e, -1)),
    }
}

/// Linux `prlimit` (`prlimit64`): get and/or set another process's limit.
/// rustix's prlimit always sets, so this is a raw call (header/sys/raw.rs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn prlimit(pid: c_int, res: c_int, new: *const [u64; 2], old: *mut [u64; 2]) -> c_int {
    const NR_PRLIMIT64: c_long = 302;
    // SAFETY: new/old are NULL or struct rlimit pointers (C contract).
    unsafe { raw::ret(raw::syscall6(NR_PRLIMIT64, [pid as usize, res as usize, new as usize, old as usize, 0, 0])) as c_int }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn prlimit64(pid: c_int, res: c_int, new: *const [u64; 2], old: *mut [u64; 2]) -> c_int {
    // SAFETY: same contract.
    unsafe { prlimit(pid, res, new, old) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrlimit64(res: c_int, out: *mut [u64; 2]) -> c_int {
    // SAFETY: same contract as getrlimit.
    unsafe { crate::header::sys::misc::getrlimit(res, out) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn setrlimit64(res: c_int, lim: *const [u64; 2]) -> c_int {
    // SAFETY: same contract as setrlimit.
    unsafe { crate::header::sys::misc::setrlimit(res, lim) }
}
