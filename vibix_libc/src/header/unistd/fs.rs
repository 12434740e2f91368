//! Path-based file system calls of `<unistd.h>`.
use core::ffi::{c_char, c_int, CStr};

use super::{bfd, cret};
use crate::thread::area::{fail, set_errno};
use rustix::fs::{AtFlags, Mode, CWD};

/// A C path as &CStr.
#[inline]
pub unsafe fn cs<'a>(p: *const c_char) -> &'a CStr {
    // SAFETY: the caller passes a NUL-terminated string.
    unsafe { CStr::from_ptr(p) }
}

/// The -1 of a C return type.
pub trait MinusOne {
    const MINUS_ONE: Self;
}
impl MinusOne for c_int {
    const MINUS_ONE: Self = -1;
}
impl MinusOne for isize {
    const MINUS_ONE: Self = -1;
}

/// EFAULT and -1: what the kernel would answer for a NULL path.
pub fn efault<T: MinusOne>() -> T {
    set_errno(14);
    T::MINUS_ONE
}

/// `cs!(p)`: the C path `p` as &CStr, or return -1 with EFAULT from the
/// enclosing function when it is NULL (glibc passes NULL to the kernel).
#[macro_export]
macro_rules! cs {
    ($p:expr) => {{
        let p = $p;
        if p.is_null() {
            return $crate::header::unistd::fs::efault();
        }
        // SAFETY: non-NULL C paths are NUL-terminated (caller contract).
        unsafe { $crate::header::unistd::fs::cs(p) }
    }};
}

pub fn dirfd(fd: c_int) -> rustix::fd::BorrowedFd<'static> {
    if fd == -100 { CWD } else { bfd(fd) }
}

/// POSIX `unlink`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unlink(p: *const c_char) -> c_int {
    cret(rustix::fs::unlink(crate::cs!(p)), |_| 0)
}

/// POSIX `unlinkat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unlinkat(fd: c_int, p: *const c_char, flags: c_int) -> c_int {
    cret(rustix::fs::unlinkat(dirfd(fd), crate::cs!(p), AtFlags::from_bits_retain(flags as u32)), |_| 0)
}

/// POSIX `rmdir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rmdir(p: *const c_char) -> c_int {
    cret(rustix::fs::rmdir(crate::cs!(p)), |_| 0)
}

/// POSIX `mkdir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdir(p: *const c_char, mode: u32) -> c_int {
    cret(rustix::fs::mkdir(crate::cs!(p), Mode::from_raw_mode(mode)), |_| 0)
}

/// POSIX `mkdirat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdirat(fd: c_int, p: *const c_char, mode: u32) -> c_int {
    cret(rustix::fs::mkdirat(dirfd(fd), crate::cs!(p), Mode::from_raw_mode(mode)), |_| 0)
}

/// POSIX `chdir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chdir(p: *const c_char) -> c_int {
    cret(rustix::process::chdir(crate::cs!(p)), |_| 0)
}

/// POSIX `fchdir`.
#[unsafe(no_mangle)]
pub extern "C" fn fchdir(fd: c_int) -> c_int {
    cret(rustix::process::fchdir(bfd(fd)), |_| 0)
}

/// POSIX `getcwd` (NULL buf: malloc'd, as glibc does).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getcwd(buf: *mut c_char, size: usize) -> *mut c_char {
    match rustix::process::getcwd(alloc::vec::Vec::new()) {
        Ok(s) => {
            let b = s.as_bytes_with_nul();
            // SAFETY: buf has `size` bytes, or we allocate.
            unsafe {
                if buf.is_null() {
                    let n = b.len().max(size);
                    let p = crate::header::stdlib::malloc::malloc(n) as *mut c_char;
                    if p.is_null() {
                        return p;
                    }
                    core::ptr::copy_nonoverlapping(b.as_ptr() as *const c_char, p, b.len());
                    return p;
                }
                if b.len() > size {
                    set_errno(if size == 0 { 22 } else { 34 });
                    return core::ptr::null_mut();
                }
                core::ptr::copy_nonoverlapping(b.as_ptr() as *const c_char, buf, b.len());
            }
            buf
        }
        Err(e) => fail(e, core::ptr::null_mut()),
    }
}

/// POSIX `access`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn access(p: *const c_char, mode: c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { faccessat(-100, p, mode, 0) }
}

/// POSIX `faccessat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn faccessat(fd: c_int, p: *const c_char, mode: c_int, flags: c_int) -> c_int {
    let a = rustix::fs::Access::from_bits_retain(mode as u32);
    cret(rustix::fs::accessat(dirfd(fd), crate::cs!(p), a, AtFlags::from_bits_retain(flags as u32)), |_| 0)
}

/// POSIX `link`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn link(a: *const c_char, b: *const c_char) -> c_int {
    cret(rustix::fs::link(crate::cs!(a), crate::cs!(b)), |_| 0)
}

/// POSIX `symlink`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn symlink(a: *const c_char, b: *const c_char) -> c_int {
    cret(rustix::fs::symlink(crate::cs!(a), crate::cs!(b)), |_| 0)
}

/// POSIX `readlink`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readlink(p: *const c_char, buf: *mut c_char, n: usize) -> isize {
    // SAFETY: forwarded.
    unsafe { readlinkat(-100, p, buf, n) }
}

/// POSIX `readlinkat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readlinkat(fd: c_int, p: *const c_char, buf: *mut c_char, n: usize) -> isize {
    // SAFETY: buf has n bytes.
    let b = unsafe { core::slice::from_raw_parts_mut(buf as *mut core::mem::MaybeUninit<u8>, n) };
    match rustix::fs::readlinkat_raw(dirfd(fd), crate::cs!(p), b) {
        Ok((a, _)) => a.len() as isize,
        Err(e) => fail(e, -1),
    }
}

/// POSIX `renameat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn renameat(fa: c_int, a: *const c_char, fb: c_int, b: *const c_char) -> c_int {
    cret(rustix::fs::renameat(dirfd(fa), crate::cs!(a), dirfd(fb), crate::cs!(b)), |_| 0)
}

/// Linux `renameat2` (RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn renameat2(fa: c_int, a: *const c_char, fb: c_int, b: *const c_char, flags: core::ffi::c_uint) -> c_int {
    let f = rustix::fs::RenameFlags::from_bits_retain(flags);
    cret(rustix::fs::renameat_with(dirfd(fa), crate::cs!(a), dirfd(fb), crate::cs!(b), f), |_| 0)
}

/// POSIX `truncate`: the system call on the path (rustix has no wrapper for
/// it). Not open + ftruncate: that needs the file to open for writing (a FIFO
/// would block) and reports an open and a close to inotify watchers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn truncate(p: *const c_char, len: i64) -> c_int {
    const SYS_TRUNCATE: core::ffi::c_long = 76;
    // SAFETY: truncate(path, length) with the caller's C string.
    unsafe { crate::header::sys::raw::ret(crate::header::sys::raw::syscall6(SYS_TRUNCATE, [p as usize, len as usize, 0, 0, 0, 0])) as c_int }
}

fn ids(uid: u32, gid: u32) -> (Option<rustix::fs::Uid>, Option<rustix::fs::Gid>) {
    // -1 means "unchanged".
    (
        if uid == u32::MAX { None } else { Some(rustix::fs::Uid::from_raw(uid)) },
        if gid == u32::MAX { None } else { Some(rustix::fs::Gid::from_raw(gid)) },
    )
}

/// POSIX `chown`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chown(p: *const c_char, uid: u32, gid: u32) -> c_int {
    let (u, g) = ids(uid, gid);
    cret(rustix::fs::chown(crate::cs!(p), u, g), |_| 0)
}

/// POSIX `lchown`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lchown(p: *const c_char, uid: u32, gid: u32) -> c_int {
    let (u, g) = ids(uid, gid);
    cret(rustix::fs::chownat(CWD, crate::cs!(p), u, g, AtFlags::SYMLINK_NOFOLLOW), |_| 0)
}

/// POSIX `fchown`.
#[unsafe(no_mangle)]
pub extern "C" fn fchown(fd: c_int, uid: u32, gid: u32) -> c_int {
    let (u, g) = ids(uid, gid);
    cret(rustix::fs::fchown(bfd(fd), u, g), |_| 0)
}

/// GNU `get_current_dir_name()`: a malloc'd copy of `$PWD` when it names the
/// current directory (it keeps the symbolic links the shell walked through),
/// else `getcwd(NULL, 0)`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn get_current_dir_name() -> *mut c_char {
    // SAFETY: getenv's result is NULL or a C string owned by the environment.
    let pwd = unsafe { crate::header::stdlib::env::getenv(c"PWD".as_ptr()) };
    if !pwd.is_null() {
        // SAFETY: a C string (above).
        let p = unsafe { cs(pwd) };
        if let (Ok(a), Ok(b)) = (rustix::fs::stat(p), rustix::fs::stat(c".")) {
            if a.st_dev == b.st_dev && a.st_ino == b.st_ino {
                // SAFETY: p is a C string.
                return unsafe { crate::header::string::str::strdup(pwd) };
            }
        }
    }
    // SAFETY: NULL buffer: getcwd allocates.
    unsafe { getcwd(core::ptr::null_mut(), 0) }
}
