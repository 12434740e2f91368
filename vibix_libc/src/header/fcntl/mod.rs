//! `<fcntl.h>`: open/openat/creat/fcntl.
use core::ffi::{c_char, c_int};

mod linux;

use crate::header::unistd::fs::dirfd;
use crate::header::unistd::{bfd, cret};

pub const O_RDONLY: c_int = 0;
pub const O_WRONLY: c_int = 1;
pub const O_RDWR: c_int = 2;
pub const O_CREAT: c_int = 0o100;
pub const O_EXCL: c_int = 0o200;
pub const O_TRUNC: c_int = 0o1000;
pub const O_APPEND: c_int = 0o2000;
pub const O_CLOEXEC: c_int = 0o2000000;

fn raw_fd(fd: rustix::fd::OwnedFd) -> c_int {
    use rustix::fd::IntoRawFd;
    fd.into_raw_fd()
}

/// POSIX `open` (the mode argument is read even when the caller passed none;
/// it is then ignored by the kernel).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open(path: *const c_char, flags: c_int, mode: u32) -> c_int {
    // SAFETY: forwarded.
    unsafe { openat(-100, path, flags, mode) }
}

/// POSIX `openat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openat(fd: c_int, path: *const c_char, flags: c_int, mode: u32) -> c_int {
    let of = rustix::fs::OFlags::from_bits_retain(flags as u32);
    let m = rustix::fs::Mode::from_raw_mode(mode);
    let p = crate::cs!(path);
    cret(crate::thread::cancel::point(|| rustix::fs::openat(dirfd(fd), p, of, m)), raw_fd)
}

/// POSIX `creat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn creat(path: *const c_char, mode: u32) -> c_int {
    // SAFETY: forwarded.
    unsafe { open(path, O_WRONLY | O_CREAT | O_TRUNC, mode) }
}

/// POSIX `fcntl`. Descriptor flags, status flags and dup go through rustix;
/// record locks (F_GETLK/F_SETLK/F_SETLKW and the OFD forms) and pipe sizes take
/// a pointer/raw argument rustix does not model, so they use sys/raw.rs.
#[unsafe(no_mangle)]
pub extern "C" fn fcntl(fd: c_int, cmd: c_int, arg: usize) -> c_int {
    use rustix::io::FdFlags;
    match cmd {
        1030 => cret(rustix::io::fcntl_dupfd_cloexec(bfd(fd), arg as c_int), raw_fd),
        1 => cret(rustix::io::fcntl_getfd(bfd(fd)), |f| f.bits() as c_int),
        2 => cret(rustix::io::fcntl_setfd(bfd(fd), FdFlags::from_bits_retain(arg as u32)), |_| 0),
        3 => cret(rustix::fs::fcntl_getfl(bfd(fd)), |f| f.bits() as c_int),
        4 => cret(rustix::fs::fcntl_setfl(bfd(fd), rustix::fs::OFlags::from_bits_retain(arg as u32)), |_| 0),
        0 | 5 | 6 | 7 | 36 | 37 | 38 | 1031 | 1032 | 1033 | 1034 | 8 | 9 | 10 | 11 | 15 | 16 => {
            // SAFETY: the caller passes the argument this command expects.
            let r = unsafe { crate::header::sys::raw::syscall6(72, [fd as usize, cmd as usize, arg, 0, 0, 0]) };
            crate::header::sys::raw::ret(r) as c_int
        }
        _ => {
            crate::thread::area::set_errno(22);
            -1
        }
    }
}

/// POSIX `posix_fadvise`: the kernel's fadvise64 (EBADF, ESPIPE for pipes,
/// EINVAL for bad advice); returns the error number.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fadvise(fd: c_int, off: i64, len: i64, advice: c_int) -> c_int {
    use rustix::fs::Advice;
    let advice = match advice {
        0 => Advice::Normal,
        1 => Advice::Random,
        2 => Advice::Sequential,
        3 => Advice::WillNeed,
        4 => Advice::DontNeed,
        5 => Advice::NoReuse,
        _ => return 22,
    };
    if off < 0 || len < 0 {
        return 22;
    }
    match rustix::fs::fadvise(bfd(fd), off as u64, core::num::NonZeroU64::new(len as u64), advice) {
        Ok(()) => 0,
        Err(e) => e.raw_os_error(),
    }
}

/// POSIX `posix_fallocate`.
#[unsafe(no_mangle)]
pub extern "C" fn posix_fallocate(fd: c_int, off: i64, len: i64) -> c_int {
    match rustix::fs::fallocate(bfd(fd), rustix::fs::FallocateFlags::empty(), off as u64, len as u64) {
        Ok(()) => 0,
        Err(e) => e.raw_os_error(),
    }
}

/// Linux `fallocate` (mode flags: keep size, punch hole, ...).
#[unsafe(no_mangle)]
pub extern "C" fn fallocate(fd: c_int, mode: c_int, off: i64, len: i64) -> c_int {
    if off < 0 || len <= 0 {
        crate::thread::area::set_errno(22);
        return -1;
    }
    cret(rustix::fs::fallocate(bfd(fd), rustix::fs::FallocateFlags::from_bits_retain(mode as u32), off as u64, len as u64), |()| 0)
}
