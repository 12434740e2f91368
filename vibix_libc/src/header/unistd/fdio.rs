//! read/write & co. on raw descriptors.
use core::ffi::{c_int, c_void};
use core::mem::MaybeUninit;

use super::{bfd, cret};
use crate::thread::area::fail;

fn sret(r: rustix::io::Result<usize>) -> isize {
    match r {
        Ok(n) => n as isize,
        Err(e) => fail(e, -1),
    }
}

unsafe fn uninit<'a>(p: *mut c_void, n: usize) -> &'a mut [MaybeUninit<u8>] {
    // SAFETY: the caller passes n writable bytes (C contract).
    unsafe { core::slice::from_raw_parts_mut(p as *mut MaybeUninit<u8>, n) }
}

unsafe fn bytes<'a>(p: *const c_void, n: usize) -> &'a [u8] {
    if n == 0 {
        return &[];
    }
    // SAFETY: the caller passes n readable bytes.
    unsafe { core::slice::from_raw_parts(p as *const u8, n) }
}

/// `read` without being a cancellation point (stdio: a FILE lock is held).
pub unsafe fn read_nc(fd: c_int, buf: *mut c_void, n: usize) -> isize {
    if n == 0 {
        return 0;
    }
    // SAFETY: buf has n bytes.
    sret(rustix::io::read(bfd(fd), unsafe { uninit(buf, n) }).map(|(a, _)| a.len()))
}

/// `write` without being a cancellation point.
pub unsafe fn write_nc(fd: c_int, buf: *const c_void, n: usize) -> isize {
    // SAFETY: buf has n bytes.
    sret(rustix::io::write(bfd(fd), unsafe { bytes(buf, n) }))
}

/// `close` without being a cancellation point.
pub fn close_nc(fd: c_int) -> c_int {
    // SAFETY: the C caller owns fd and gives it up here.
    cret(unsafe { rustix::io::try_close(fd) }, |_| 0)
}

/// POSIX `read` (a cancellation point, as are the calls below that may block).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize {
    // SAFETY: forwarded.
    crate::thread::cancel::point(|| unsafe { read_nc(fd, buf, n) })
}

/// POSIX `write`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, n: usize) -> isize {
    // SAFETY: forwarded.
    crate::thread::cancel::point(|| unsafe { write_nc(fd, buf, n) })
}

/// POSIX `pread`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pread(fd: c_int, buf: *mut c_void, n: usize, off: i64) -> isize {
    if n == 0 {
        return 0;
    }
    // SAFETY: buf has n bytes.
    crate::thread::cancel::point(|| sret(rustix::io::pread(bfd(fd), unsafe { uninit(buf, n) }, off as u64).map(|(a, _)| a.len())))
}

/// POSIX `pwrite`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwrite(fd: c_int, buf: *const c_void, n: usize, off: i64) -> isize {
    // SAFETY: buf has n bytes.
    crate::thread::cancel::point(|| sret(rustix::io::pwrite(bfd(fd), unsafe { bytes(buf, n) }, off as u64)))
}

/// `struct iovec`.
#[repr(C)]
pub struct IoVec {
    pub base: *mut c_void,
    pub len: usize,
}

/// POSIX `readv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readv(fd: c_int, iov: *const IoVec, n: c_int) -> isize {
    // SAFETY: struct iovec and rustix's IoSliceMut share the Linux layout.
    let s = unsafe { core::slice::from_raw_parts_mut(iov as *mut rustix::io::IoSliceMut, n.max(0) as usize) };
    crate::thread::cancel::point(|| sret(rustix::io::readv(bfd(fd), s)))
}

/// POSIX `writev`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn writev(fd: c_int, iov: *const IoVec, n: c_int) -> isize {
    // SAFETY: as readv.
    let s = unsafe { core::slice::from_raw_parts(iov as *const rustix::io::IoSlice, n.max(0) as usize) };
    crate::thread::cancel::point(|| sret(rustix::io::writev(bfd(fd), s)))
}

/// POSIX `close`.
#[unsafe(no_mangle)]
pub extern "C" fn close(fd: c_int) -> c_int {
    crate::thread::cancel::point(|| close_nc(fd))
}

/// POSIX `posix_close(fd, flag)`. Linux always releases the descriptor, even
/// when close is interrupted, so POSIX_CLOSE_RESTART (0 here, as glibc and
/// musl define it) is the only flag, and EINTR becomes EINPROGRESS: the
/// descriptor is gone, the flush may still be under way.
#[unsafe(no_mangle)]
pub extern "C" fn posix_close(fd: c_int, flag: c_int) -> c_int {
    if flag != 0 {
        crate::thread::area::set_errno(22); // EINVAL
        return -1;
    }
    let r = close(fd);
    if r < 0 && crate::thread::area::errno() == 4 {
        crate::thread::area::set_errno(115); // EINTR -> EINPROGRESS
    }
    r
}

/// XSI `isastream(fd)`: Linux has no STREAMS, so 0 for every open descriptor
/// and -1 with EBADF for a closed one.
#[unsafe(no_mangle)]
pub extern "C" fn isastream(fd: c_int) -> c_int {
    cret(rustix::io::fcntl_getfd(bfd(fd)), |_| 0)
}

/// POSIX `lseek`.
#[unsafe(no_mangle)]
pub extern "C" fn lseek(fd: c_int, off: i64, whence: c_int) -> i64 {
    use rustix::fs::SeekFrom;
    let pos = match whence {
        0 => SeekFrom::Start(off as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        3 => SeekFrom::Data(off as u64),
        4 => SeekFrom::Hole(off as u64),
        _ => {
            crate::thread::area::set_errno(22);
            return -1;
        }
    };
    match rustix::fs::seek(bfd(fd), pos) {
        Ok(p) => p as i64,
        Err(e) => fail(e, -1),
    }
}

/// POSIX `dup`.
#[unsafe(no_mangle)]
pub extern "C" fn dup(fd: c_int) -> c_int {
    cret(rustix::io::dup(bfd(fd)), into_raw)
}

fn into_raw(fd: rustix::fd::OwnedFd) -> c_int {
    use rustix::fd::IntoRawFd;
    fd.into_raw_fd()
}

/// POSIX `dup2`.
#[unsafe(no_mangle)]
pub extern "C" fn dup2(old: c_int, new: c_int) -> c_int {
    if old == new {
        return cret(rustix::fs::fcntl_getfl(bfd(old)), |_| new);
    }
    dup3(old, new, 0)
}

/// Linux `dup3`.
#[unsafe(no_mangle)]
pub extern "C" fn dup3(old: c_int, new: c_int, flags: c_int) -> c_int {
    use rustix::fd::{FromRawFd, IntoRawFd};
    // An OwnedFd cannot hold -1 (rustix asserts): pass another invalid number, the kernel answers EBADF.
    let raw = if new == -1 { c_int::MIN } else { new };
    // SAFETY: `raw` is only borrowed as an OwnedFd for the call and released after.
    let mut target = unsafe { rustix::fd::OwnedFd::from_raw_fd(raw) };
    // Unknown flags go to the kernel, which answers EINVAL.
    let f = rustix::io::DupFlags::from_bits_retain(flags as u32);
    let r = rustix::io::dup3(bfd(old), &mut target, f);
    let _ = target.into_raw_fd();
    cret(r, |_| new)
}

/// POSIX `pipe`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pipe(fds: *mut c_int) -> c_int {
    // SAFETY: fds has room for two ints.
    unsafe { pipe2(fds, 0) }
}

/// Linux `pipe2`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pipe2(fds: *mut c_int, flags: c_int) -> c_int {
    let f = rustix::pipe::PipeFlags::from_bits_retain(flags as u32);
    cret(rustix::pipe::pipe_with(f), |(r, w)| {
        // SAFETY: fds has room for two ints.
        unsafe {
            *fds = into_raw(r);
            *fds.add(1) = into_raw(w);
        }
        0
    })
}

/// isatty without touching errno (stdio's buffering probe).
pub fn is_tty_quiet(fd: c_int) -> bool {
    fd >= 0 && rustix::termios::isatty(bfd(fd))
}

/// POSIX `isatty`.
#[unsafe(no_mangle)]
pub extern "C" fn isatty(fd: c_int) -> c_int {
    if rustix::termios::isatty(bfd(fd)) {
        1
    } else {
        crate::thread::area::set_errno(25); // ENOTTY
        0
    }
}

/// POSIX `fsync`.
#[unsafe(no_mangle)]
pub extern "C" fn fsync(fd: c_int) -> c_int {
    crate::thread::cancel::point(|| cret(rustix::fs::fsync(bfd(fd)), |_| 0))
}

/// POSIX `fdatasync`.
#[unsafe(no_mangle)]
pub extern "C" fn fdatasync(fd: c_int) -> c_int {
    crate::thread::cancel::point(|| cret(rustix::fs::fdatasync(bfd(fd)), |_| 0))
}

/// POSIX `ftruncate`.
#[unsafe(no_mangle)]
pub extern "C" fn ftruncate(fd: c_int, len: i64) -> c_int {
    if len < 0 {
        crate::thread::area::set_errno(22);
        return -1;
    }
    cret(rustix::fs::ftruncate(bfd(fd), len as u64), |_| 0)
}

/// POSIX `sync`.
#[unsafe(no_mangle)]
pub extern "C" fn sync() {
    rustix::fs::sync();
}

/// Linux `copy_file_range`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn copy_file_range(fd_in: c_int, off_in: *mut i64, fd_out: c_int, off_out: *mut i64, len: usize, flags: u32) -> isize {
    // SAFETY: the offsets are NULL or valid u64-sized slots (loff_t).
    let (oi, oo) = unsafe { ((off_in as *mut u64).as_mut(), (off_out as *mut u64).as_mut()) };
    if flags != 0 {
        crate::thread::area::set_errno(22);
        return -1;
    }
    sret(rustix::fs::copy_file_range(bfd(fd_in), oi, bfd(fd_out), oo, len))
}
