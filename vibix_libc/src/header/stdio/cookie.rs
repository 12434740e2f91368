//! GNU `fopencookie`: a buffered stream whose I/O is four caller functions
//! over an opaque cookie (`cookie_io_functions_t`).
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use super::file::{IoOps, File, F_APPEND, F_READ, F_WRITE};
use super::open::new_stream;
use crate::header::stdlib::malloc::{free, malloc};
use crate::thread::area::set_errno;

type ReadFn = unsafe extern "C" fn(*mut c_void, *mut c_char, usize) -> isize;
type WriteFn = unsafe extern "C" fn(*mut c_void, *const c_char, usize) -> isize;
type SeekFn = unsafe extern "C" fn(*mut c_void, *mut i64, c_int) -> c_int;
type CloseFn = unsafe extern "C" fn(*mut c_void) -> c_int;

/// `cookie_io_functions_t`: any of them may be NULL.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CookieIo {
    read: Option<ReadFn>,
    write: Option<WriteFn>,
    seek: Option<SeekFn>,
    close: Option<CloseFn>,
}
static_assertions::const_assert_eq!(core::mem::size_of::<CookieIo>(), 32);

/// What the FILE's cookie field points at.
struct Cookie {
    cookie: *mut c_void,
    io: CookieIo,
}

unsafe fn cookie_of(f: *mut File) -> &'static Cookie {
    // SAFETY: streams with COOKIE_OPS always carry a Cookie (fopencookie).
    unsafe { &*((*f).cookie as *const Cookie) }
}

unsafe fn cookie_read(f: *mut File, buf: *mut u8, n: usize) -> isize {
    // SAFETY: f is a cookie stream; buf has n bytes.
    unsafe {
        let c = cookie_of(f);
        match c.io.read {
            Some(r) => r(c.cookie, buf.cast(), n),
            None => -1, // no read function: reading fails (glibc)
        }
    }
}

unsafe fn cookie_write(f: *mut File, buf: *const u8, n: usize) -> isize {
    // SAFETY: f is a cookie stream; buf has n bytes.
    unsafe {
        let c = cookie_of(f);
        match c.io.write {
            // glibc treats a 0 return as a failed write.
            Some(w) => match w(c.cookie, buf.cast(), n) {
                0 => -1,
                r => r,
            },
            // No write function: the output is dropped and, as in glibc, the
            // stream reports a write error (the man page's "discarded").
            None => -1,
        }
    }
}

unsafe fn cookie_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    // SAFETY: f is a cookie stream.
    unsafe {
        let c = cookie_of(f);
        let Some(s) = c.io.seek else {
            set_errno(29); // ESPIPE: the stream cannot seek
            return -1;
        };
        let mut pos = off;
        if s(c.cookie, &mut pos, whence) != 0 {
            return -1;
        }
        pos
    }
}

unsafe fn cookie_close(f: *mut File) -> c_int {
    // SAFETY: f is a cookie stream being closed; its Cookie is ours.
    unsafe {
        let c = (*f).cookie as *mut Cookie;
        let r = match (*c).io.close {
            Some(cl) => cl((*c).cookie),
            None => 0,
        };
        free(c.cast());
        r
    }
}

static COOKIE_OPS: IoOps = IoOps { read: cookie_read, write: cookie_write, seek: cookie_seek, close: cookie_close };

/// GNU `fopencookie(cookie, mode, io)`: mode as fopen's ("r", "w", "a",
/// with "+"); the stream is fully buffered.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopencookie(cookie: *mut c_void, mode: *const c_char, io: CookieIo) -> *mut File {
    // SAFETY: mode is a C string (caller contract).
    let flags = match unsafe { super::open::parse_mode(mode) } {
        Some((_, sflags)) => sflags & (F_READ | F_WRITE | F_APPEND),
        None => return null_mut(),
    };
    let c = malloc(core::mem::size_of::<Cookie>()) as *mut Cookie;
    if c.is_null() {
        return null_mut();
    }
    // SAFETY: c is a fresh block of the right size.
    unsafe { c.write(Cookie { cookie, io }) };
    let f = new_stream(-1, flags);
    if f.is_null() {
        // SAFETY: ours.
        unsafe { free(c.cast()) };
        return null_mut();
    }
    // SAFETY: f is ours and not used by anyone yet.
    unsafe {
        (*f).ops = &COOKIE_OPS;
        (*f).cookie = c.cast();
    }
    f
}
