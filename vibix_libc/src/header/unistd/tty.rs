//! POSIX `ttyname`/`ttyname_r`: the terminal's path from /proc/self/fd.
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int};

use crate::thread::area::set_errno;

const ERANGE: c_int = 34;
const ENOTTY: c_int = 25;
const EBADF: c_int = 9;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ttyname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int {
    match rustix::termios::tcgetattr(super::bfd(fd)) {
        Ok(_) => {}
        // EBADF stays EBADF; anything else that is not a terminal is ENOTTY.
        Err(rustix::io::Errno::BADF) => return EBADF,
        Err(_) => return ENOTTY,
    }
    let path = alloc::format!("/proc/self/fd/{fd}");
    let target = match rustix::fs::readlink(path.as_str(), alloc::vec::Vec::new()) {
        Ok(t) => t,
        Err(e) => return e.raw_os_error(),
    };
    let t = target.as_bytes();
    if t.len() + 1 > len {
        return ERANGE;
    }
    // SAFETY: `len` writable bytes at `buf` (C contract); t + NUL fits.
    unsafe {
        core::ptr::copy_nonoverlapping(t.as_ptr(), buf.cast::<u8>(), t.len());
        *buf.add(t.len()) = 0;
    }
    0
}

struct Name(UnsafeCell<[c_char; 256]>);
// SAFETY: `ttyname` is not thread-safe (POSIX); `ttyname_r` is.
unsafe impl Sync for Name {}
static NAME: Name = Name(UnsafeCell::new([0; 256]));

#[unsafe(no_mangle)]
pub extern "C" fn ttyname(fd: c_int) -> *mut c_char {
    let p = NAME.0.get().cast::<c_char>();
    // SAFETY: the static 256-byte buffer.
    match unsafe { ttyname_r(fd, p, 256) } {
        0 => p,
        e => {
            set_errno(e);
            core::ptr::null_mut()
        }
    }
}
