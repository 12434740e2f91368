//! `<strings.h>`.
use core::ffi::{c_char, c_int, c_void};

use crate::header::ctype::lower;

/// POSIX `strcasecmp` (C locale).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasecmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: C strings.
    unsafe { strncasecmp(a, b, usize::MAX) }
}

/// POSIX `strncasecmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncasecmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: stops at the first terminator or n.
        let (x, y) = unsafe { (lower(*a.add(i) as u8), lower(*b.add(i) as u8)) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// `bzero`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bzero(s: *mut c_void, n: usize) {
    // SAFETY: n writable bytes.
    unsafe { super::mem::memset(s, 0, n) };
}

/// `bcopy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcopy(src: *const c_void, dst: *mut c_void, n: usize) {
    // SAFETY: n bytes each.
    unsafe { super::mem::memmove(dst, src, n) };
}

/// `index`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn index(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: C string.
    unsafe { super::str::strchr(s, c) }
}

/// `rindex`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rindex(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: C string.
    unsafe { super::str::strrchr(s, c) }
}

/// POSIX `ffs`.
#[unsafe(no_mangle)]
pub extern "C" fn ffs(i: c_int) -> c_int {
    if i == 0 { 0 } else { i.trailing_zeros() as c_int + 1 }
}

/// GNU `ffsl`.
#[unsafe(no_mangle)]
pub extern "C" fn ffsl(i: i64) -> c_int {
    if i == 0 { 0 } else { i.trailing_zeros() as c_int + 1 }
}

/// GNU `ffsll`.
#[unsafe(no_mangle)]
pub extern "C" fn ffsll(i: i64) -> c_int {
    ffsl(i)
}
