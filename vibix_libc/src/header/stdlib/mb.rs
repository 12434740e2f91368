//! Multibyte conversion in the C locale: one byte is one character.
use core::ffi::{c_char, c_int};

/// C `mblen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mblen(s: *const c_char, n: usize) -> c_int {
    if s.is_null() {
        return 0;
    }
    if n == 0 {
        return -1;
    }
    // SAFETY: at least one byte is readable.
    if unsafe { *s } == 0 { 0 } else { 1 }
}

/// C `mbtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbtowc(pwc: *mut i32, s: *const c_char, n: usize) -> c_int {
    if s.is_null() {
        return 0;
    }
    if n == 0 {
        return -1;
    }
    // SAFETY: one readable byte; pwc writable when not NULL.
    unsafe {
        let c = *s as u8;
        if !pwc.is_null() {
            *pwc = c as i32;
        }
        (c != 0) as c_int
    }
}

/// C `wctomb`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: i32) -> c_int {
    if s.is_null() {
        return 0;
    }
    if !(0..256).contains(&wc) {
        crate::thread::area::set_errno(84);
        return -1;
    }
    // SAFETY: s has room for one byte.
    unsafe { *s = wc as c_char };
    1
}

/// C `mbstowcs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbstowcs(d: *mut i32, s: *const c_char, n: usize) -> usize {
    let mut i = 0;
    // SAFETY: s is a C string; d has n slots when not NULL.
    unsafe {
        loop {
            let c = *s.add(i) as u8;
            if !d.is_null() {
                if i >= n {
                    return i;
                }
                *d.add(i) = c as i32;
            }
            if c == 0 {
                return i;
            }
            i += 1;
        }
    }
}

/// C `wcstombs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstombs(d: *mut c_char, s: *const i32, n: usize) -> usize {
    let mut i = 0;
    // SAFETY: s is a wide C string; d has n bytes when not NULL.
    unsafe {
        loop {
            let c = *s.add(i);
            if !(0..256).contains(&c) {
                crate::thread::area::set_errno(84);
                return usize::MAX;
            }
            if !d.is_null() {
                if i >= n {
                    return i;
                }
                *d.add(i) = c as c_char;
            }
            if c == 0 {
                return i;
            }
            i += 1;
        }
    }
}
