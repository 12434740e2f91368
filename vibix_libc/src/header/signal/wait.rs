//! Synchronous signal acceptance (`sigwait`, `sigwaitinfo`, `sigtimedwait`)
//! and `sigqueue`.
use core::ffi::{c_int, c_void};
use rustix::io::Errno;

use super::{kset, signal_of, SigSet};
use crate::thread::area::fail;

/// The kernel's `siginfo_t` is 128 bytes, as is ours (`<signal.h>`).
const SIGINFO_SIZE: usize = 128;
static_assertions::const_assert_eq!(core::mem::size_of::<crate::rt::Siginfo>(), SIGINFO_SIZE);

/// rt_sigtimedwait through rustix; copies the kernel's siginfo to `info`.
unsafe fn timed_wait(set: *const SigSet, info: *mut c_void, timeout: Option<crate::rt::Timespec>) -> c_int {
    // SAFETY: set points at a sigset_t (C contract).
    let k = kset(unsafe { (*set).bits[0] });
    // SAFETY: waiting for signals the caller blocked is the documented use.
    let r = crate::thread::cancel::point(|| unsafe {
        match timeout {
            Some(t) => crate::rt::kernel_sigtimedwait(&k, Some(&t)),
            None => crate::rt::kernel_sigwaitinfo(&k),
        }
    });
    match r {
        Ok(si) => {
            // SAFETY: si_signo is the first field of every siginfo variant.
            let signo = unsafe { si.__bindgen_anon_1.__bindgen_anon_1.si_signo };
            if !info.is_null() {
                // SAFETY: info points at a 128-byte siginfo_t; `si` is 128 bytes.
                unsafe { core::ptr::copy_nonoverlapping((&si as *const crate::rt::Siginfo).cast::<u8>(), info.cast::<u8>(), SIGINFO_SIZE) };
            }
            signo
        }
        Err(e) => fail(e, -1),
    }
}

/// POSIX `sigwaitinfo`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigwaitinfo(set: *const SigSet, info: *mut c_void) -> c_int {
    // SAFETY: forwards the caller's pointers.
    unsafe { timed_wait(set, info, None) }
}

/// POSIX `sigtimedwait` (EAGAIN when the timeout passes).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigtimedwait(set: *const SigSet, info: *mut c_void, ts: *const [i64; 2]) -> c_int {
    let t = if ts.is_null() {
        None
    } else {
        // SAFETY: ts points at a struct timespec.
        let [s, ns] = unsafe { *ts };
        if !(0..1_000_000_000).contains(&ns) {
            return fail(Errno::INVAL, -1);
        }
        Some(crate::rt::Timespec { tv_sec: s, tv_nsec: ns })
    };
    // SAFETY: forwards the caller's pointers.
    unsafe { timed_wait(set, info, t) }
}

/// POSIX `sigwait`: returns the error number; EINTR is retried.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigwait(set: *const SigSet, sig: *mut c_int) -> c_int {
    loop {
        // SAFETY: forwards the caller's set.
        let r = unsafe { timed_wait(set, core::ptr::null_mut(), None) };
        if r > 0 {
            // SAFETY: sig is writable.
            unsafe { *sig = r };
            return 0;
        }
        let e = crate::thread::area::errno();
        if e != Errno::INTR.raw_os_error() {
            return e;
        }
    }
}

/// POSIX `sigqueue`: rt_sigqueueinfo with SI_QUEUE, our pid/uid and the value.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigqueue(pid: c_int, sig: c_int, value: usize) -> c_int {
    const SI_QUEUE: i32 = -1;
    const NR_RT_SIGQUEUEINFO: core::ffi::c_long = 129;
    if sig != 0 && signal_of(sig).is_none() {
        return fail(Errno::INVAL, -1);
    }
    // siginfo: signo, errno, code, pad, then pid, uid, sigval.
    let mut info = [0u32; SIGINFO_SIZE / 4];
    info[0] = sig as u32;
    info[2] = SI_QUEUE as u32;
    info[4] = rustix::process::getpid().as_raw_nonzero().get() as u32;
    info[5] = rustix::process::getuid().as_raw();
    info[6] = value as u32;
    info[7] = (value as u64 >> 32) as u32;
    // rustix has no rt_sigqueueinfo: raw call (header/sys/raw.rs).
    // SAFETY: info is a valid 128-byte siginfo for the duration of the call.
    let r = unsafe { crate::header::sys::raw::syscall6(NR_RT_SIGQUEUEINFO, [pid as usize, sig as usize, info.as_ptr() as usize, 0, 0, 0]) };
    crate::header::sys::raw::ret(r) as c_int
}
