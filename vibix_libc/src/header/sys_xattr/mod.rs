//! `<sys/xattr.h>`: extended attributes, by path (`*xattr`), by path without
//! following a final symlink (`l*xattr`) and by descriptor (`f*xattr`).
//! A NULL buffer or size 0 asks for the size needed, as the kernel defines.
use core::ffi::{c_char, c_int, c_void, CStr};

use rustix::fd::BorrowedFd;
use rustix::fs::XattrFlags;

use crate::thread::area::fail;

/// The C caller's (value, size) as a slice; None for the size query.
unsafe fn buf<'a>(v: *mut c_void, n: usize) -> Option<&'a mut [u8]> {
    // SAFETY: v has n writable bytes (C contract) when non-NULL.
    if v.is_null() || n == 0 { None } else { Some(unsafe { core::slice::from_raw_parts_mut(v as *mut u8, n) }) }
}
unsafe fn val<'a>(v: *const c_void, n: usize) -> &'a [u8] {
    // SAFETY: v has n readable bytes (C contract) when non-NULL.
    if v.is_null() || n == 0 { &[] } else { unsafe { core::slice::from_raw_parts(v as *const u8, n) } }
}
unsafe fn cs<'a>(p: *const c_char) -> &'a CStr {
    // SAFETY: p is a C string (C contract).
    unsafe { CStr::from_ptr(p) }
}
/// The descriptor, or EBADF for a negative one (BorrowedFd may not hold -1).
fn fd(f: c_int) -> rustix::io::Result<BorrowedFd<'static>> {
    if f < 0 {
        return Err(rustix::io::Errno::BADF);
    }
    // SAFETY: the kernel checks the number; a closed one is EBADF.
    Ok(unsafe { BorrowedFd::borrow_raw(f) })
}
fn size(r: rustix::io::Result<usize>) -> isize {
    match r {
        Ok(n) => n as isize,
        Err(e) => fail(e, -1),
    }
}
fn unit(r: rustix::io::Result<()>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => fail(e, -1),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getxattr(path: *const c_char, name: *const c_char, v: *mut c_void, n: usize) -> isize {
    // SAFETY: forwarded C contract.
    unsafe {
        size(match buf(v, n) {
            Some(b) => rustix::fs::getxattr(cs(path), cs(name), b),
            None => rustix::fs::getxattr_query(cs(path), cs(name)),
        })
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgetxattr(path: *const c_char, name: *const c_char, v: *mut c_void, n: usize) -> isize {
    // SAFETY: forwarded C contract.
    unsafe {
        size(match buf(v, n) {
            Some(b) => rustix::fs::lgetxattr(cs(path), cs(name), b),
            None => rustix::fs::lgetxattr_query(cs(path), cs(name)),
        })
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetxattr(f: c_int, name: *const c_char, v: *mut c_void, n: usize) -> isize {
    // SAFETY: forwarded C contract.
    unsafe {
        size(match buf(v, n) {
            Some(b) => fd(f).and_then(|f| rustix::fs::fgetxattr(f, cs(name), b)),
            None => fd(f).and_then(|f| rustix::fs::fgetxattr_query(f, cs(name))),
        })
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setxattr(path: *const c_char, name: *const c_char, v: *const c_void, n: usize, flags: c_int) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { unit(rustix::fs::setxattr(cs(path), cs(name), val(v, n), XattrFlags::from_bits_retain(flags as _))) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lsetxattr(path: *const c_char, name: *const c_char, v: *const c_void, n: usize, flags: c_int) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { unit(rustix::fs::lsetxattr(cs(path), cs(name), val(v, n), XattrFlags::from_bits_retain(flags as _))) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetxattr(f: c_int, name: *const c_char, v: *const c_void, n: usize, flags: c_int) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { unit(fd(f).and_then(|f| rustix::fs::fsetxattr(f, cs(name), val(v, n), XattrFlags::from_bits_retain(flags as _)))) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn listxattr(path: *const c_char, l: *mut c_char, n: usize) -> isize {
    // SAFETY: forwarded C contract.
    unsafe {
        size(match buf(l as _, n) {
            Some(b) => rustix::fs::listxattr(cs(path), b),
            None => rustix::fs::listxattr_query(cs(path)),
        })
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn llistxattr(path: *const c_char, l: *mut c_char, n: usize) -> isize {
    // SAFETY: forwarded C contract.
    unsafe {
        size(match buf(l as _, n) {
            Some(b) => rustix::fs::llistxattr(cs(path), b),
            None => rustix::fs::llistxattr_query(cs(path)),
        })
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn flistxattr(f: c_int, l: *mut c_char, n: usize) -> isize {
    // SAFETY: forwarded C contract.
    unsafe {
        size(match buf(l as _, n) {
            Some(b) => fd(f).and_then(|f| rustix::fs::flistxattr(f, b)),
            None => fd(f).and_then(|f| rustix::fs::flistxattr_query(f)),
        })
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn removexattr(path: *const c_char, name: *const c_char) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { unit(rustix::fs::removexattr(cs(path), cs(name))) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lremovexattr(path: *const c_char, name: *const c_char) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { unit(rustix::fs::lremovexattr(cs(path), cs(name))) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fremovexattr(f: c_int, name: *const c_char) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { unit(fd(f).and_then(|f| rustix::fs::fremovexattr(f, cs(name)))) }
}
