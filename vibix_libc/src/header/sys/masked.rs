//! `ppoll` and `pselect`: poll/select with a signal mask installed for the
//! wait only. The mask swap must be atomic with the wait (that is their
//! point), which rustix's poll/select cannot express, so they are the raw
//! system calls with the caller's structures.
use core::ffi::{c_int, c_long, c_void};

use super::raw::{ret, syscall6};

const SYS_PSELECT6: c_long = 270;
const SYS_PPOLL: c_long = 271;
/// The kernel's sigset size (glibc's sigset_t is larger; only 8 bytes count).
const KERNEL_SIGSET: usize = 8;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ppoll(fds: *mut c_void, n: u64, timeout: *const c_void, mask: *const c_void) -> c_int {
    // SAFETY: the caller's pollfd array, timespec and sigset (C contract); the
    // kernel copies the timespec, so a const one is never written.
    let r = unsafe {
        let mut ts = if timeout.is_null() { [0i64; 2] } else { *timeout.cast::<[i64; 2]>() };
        let tp = if timeout.is_null() { core::ptr::null_mut() } else { ts.as_mut_ptr() };
        crate::thread::cancel::point(|| syscall6(SYS_PPOLL, [fds as usize, n as usize, tp as usize, mask as usize, KERNEL_SIGSET, 0]))
    };
    ret(r) as c_int
}

/// pselect6 with the caller's sets, a timespec the kernel updates with the
/// time left (null: no timeout) and an optional mask.
pub unsafe fn pselect6(nfds: c_int, r: *mut c_void, w: *mut c_void, e: *mut c_void, ts: *mut [i64; 2], mask: *const c_void) -> c_int {
    let data: [usize; 2] = [mask as usize, KERNEL_SIGSET];
    let dp = if mask.is_null() { 0 } else { data.as_ptr() as usize };
    // SAFETY: the caller's fd sets, timespec and sigset.
    let res = crate::thread::cancel::point(|| unsafe { syscall6(SYS_PSELECT6, [nfds as usize, r as usize, w as usize, e as usize, ts as usize, dp]) });
    ret(res) as c_int
}

/// POSIX `pselect`: the timeout is const (a copy goes to the kernel).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pselect(nfds: c_int, r: *mut c_void, w: *mut c_void, e: *mut c_void, timeout: *const c_void, mask: *const c_void) -> c_int {
    // The 6th argument is {sigset pointer, sigset size} (a null mask: none).
    // SAFETY: the caller's fd sets, timespec and sigset (C contract).
    unsafe {
        let mut ts = if timeout.is_null() { [0i64; 2] } else { *timeout.cast::<[i64; 2]>() };
        let tp = if timeout.is_null() { core::ptr::null_mut() } else { &raw mut ts };
        pselect6(nfds, r, w, e, tp, mask)
    }
}
