//! `<sys/eventfd.h>`: event counters through rustix.
use core::ffi::{c_int, c_uint};
use rustix::event::EventfdFlags;

use crate::header::unistd::{bfd, cret};

/// Linux `eventfd` (EFD_CLOEXEC, EFD_NONBLOCK, EFD_SEMAPHORE).
#[unsafe(no_mangle)]
pub extern "C" fn eventfd(init: c_uint, flags: c_int) -> c_int {
    cret(rustix::event::eventfd(init, EventfdFlags::from_bits_retain(flags as _)), rustix::fd::IntoRawFd::into_raw_fd)
}

/// glibc `eventfd_read`: reads the 8-byte counter; 0 or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn eventfd_read(fd: c_int, value: *mut u64) -> c_int {
    let mut b = [0u8; 8];
    match rustix::io::read(bfd(fd), &mut b) {
        Ok(8) => {
            // SAFETY: value is writable.
            unsafe { *value = u64::from_ne_bytes(b) };
            0
        }
        Ok(_) => -1,
        Err(e) => crate::thread::area::fail(e, -1),
    }
}

/// glibc `eventfd_write`: adds to the counter; 0 or -1.
#[unsafe(no_mangle)]
pub extern "C" fn eventfd_write(fd: c_int, value: u64) -> c_int {
    cret(rustix::io::write(bfd(fd), &value.to_ne_bytes()), |n| if n == 8 { 0 } else { -1 })
}
