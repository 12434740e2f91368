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
        syscall6(SYS_PPOLL, [fds as usize, n as usize, tp as usize, mask as usize, KERNEL_SIGSET, 0])
    };
    ret(r) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pselect(nfds: c_int, r: *mut c_void, w: *mut c_void, e: *mut c_void, timeout: *const c_void, mask: *const c_void) -> c_int {
    // The 6th argument is {sigset pointer, sigset size}; the timespec is copied
    // because the kernel updates it and POSIX's is const.
    let data: [usize; 2] = [mask as usize, KERNEL_SIGSET];
    // SAFETY: the caller's fd sets, timespec and sigset (C contract).
    let res = unsafe {
        let mut ts = if timeout.is_null() { [0i64; 2] } else { *timeout.cast::<[i64; 2]>() };
        let tp = if timeout.is_null() { core::ptr::null_mut() } else { ts.as_mut_ptr() };
        syscall6(SYS_PSELECT6, [nfds as usize, r as usize, w as usize, e as usize, tp as usize, data.as_ptr() as usize])
    };
    ret(res) as c_int
}
