//! `<unistd.h>`: file descriptor I/O, files and directories, process ids,
//! sysconf, sleep, getopt.
pub mod fdio;
pub mod fs;
pub mod process;
pub mod getopt;

pub use fdio::*;
pub use fs::*;
pub use process::*;

use core::ffi::c_int;
use rustix::fd::BorrowedFd;

/// A borrowed descriptor for rustix calls (the C caller owns `fd`).
#[inline]
pub fn bfd(fd: c_int) -> BorrowedFd<'static> {
    // rustix reserves -1 (it asserts against it): pass another invalid number.
    let fd = if fd == -1 { c_int::MIN } else { fd };
    // SAFETY: rustix only uses the number for the duration of the call; an
    // invalid descriptor just makes the kernel return EBADF.
    unsafe { BorrowedFd::borrow_raw(fd) }
}

/// C convention for a rustix result: the value, or -1 with errno set.
#[inline]
pub fn cret<T>(r: rustix::io::Result<T>, ok: impl FnOnce(T) -> c_int) -> c_int {
    match r {
        Ok(v) => ok(v),
        Err(e) => crate::thread::area::fail(e, -1),
    }
}

/// Writes all of `b` to `fd` (retrying short writes and EINTR).
pub fn write_all(fd: c_int, mut b: &[u8]) -> bool {
    while !b.is_empty() {
        match rustix::io::write(bfd(fd), b) {
            Ok(n) => b = &b[n..],
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return crate::thread::area::fail(e, false),
        }
    }
    true
}
pub mod at;
pub mod pathconf;
pub mod tty;
pub mod swab;
pub mod lockf;
pub mod session;
pub mod sysinfo;
pub mod brk;
mod getpass;
