//! `<sys/signalfd.h>`: signals read from a descriptor (raw signalfd4:
//! rustix has no signalfd; header/sys/raw.rs).
use core::ffi::{c_int, c_long};

use crate::header::signal::SigSet;
use crate::header::sys::raw;

/// Linux `signalfd`: a new descriptor (fd == -1) or new mask for `fd`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn signalfd(fd: c_int, mask: *const SigSet, flags: c_int) -> c_int {
    const NR_SIGNALFD4: c_long = 289;
    // SAFETY: mask is a sigset_t; the kernel reads its first 8 bytes.
    unsafe { raw::ret(raw::syscall6(NR_SIGNALFD4, [fd as isize as usize, mask as usize, 8, flags as usize, 0, 0])) as c_int }
}
