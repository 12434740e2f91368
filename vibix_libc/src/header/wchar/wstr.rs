//! More `<wchar.h>` string functions: concatenation, search, tokens, case-
//! insensitive comparison and collation (code point order in every locale).
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use super::{wcschr, wcslen, wcsncmp, Wchar};
use crate::header::wctype::{towlower, towlower_l};

/// C `wcscat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscat(d: *mut Wchar, s: *const Wchar) -> *mut Wchar {
    // SAFETY: d has room for both strings (caller contract).
    unsafe { wcsncat(d, s, usize::MAX) }
}

/// C `wcsncat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncat(d: *mut Wchar, s: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: d has room for its string, n characters of s and a NUL.
    unsafe {
        let mut e = d.add(wcslen(d));
        let mut i = 0;
        while i < n && *s.add(i) != 0 {
            *e = *s.add(i);
            e = e.add(1);
            i += 1;
        }
        *e = 0;
    }
    d
}

/// POSIX `wcsnlen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsnlen(s: *const Wchar, n: usize) -> usize {
    // SAFETY: s has n characters or a NUL before.
    (0..n).find(|&i| unsafe { *s.add(i) } == 0).unwrap_or(n)
}

/// POSIX `wcsdup`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsdup(s: *const Wchar) -> *mut Wchar {
    // SAFETY: s is a wide C string.
    let n = unsafe { wcslen(s) } + 1;
    let d = crate::header::stdlib::malloc::malloc(n * 4) as *mut Wchar;
    if !d.is_null() {
        // SAFETY: d has n slots.
        unsafe { core::ptr::copy_nonoverlapping(s, d, n) };
    }
    d
}

/// Length of the prefix of `s` whose characters are (`inside`) or are not in `set`.
unsafe fn span(s: *const Wchar, set: *const Wchar, inside: bool) -> usize {
    let mut i = 0;
    // SAFETY: both are wide C strings.
    unsafe {
        while *s.add(i) != 0 && (!wcschr(set, *s.add(i)).is_null()) == inside {
            i += 1;
        }
    }
    i
}

/// C `wcsspn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsspn(s: *const Wchar, set: *const Wchar) -> usize {
    // SAFETY: forwarded.
    unsafe { span(s, set, true) }
}

/// C `wcscspn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscspn(s: *const Wchar, set: *const Wchar) -> usize {
    // SAFETY: forwarded.
    unsafe { span(s, set, false) }
}

/// C `wcspbrk`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcspbrk(s: *const Wchar, set: *const Wchar) -> *mut Wchar {
    // SAFETY: forwarded; the index is inside s.
    unsafe {
        let i = span(s, set, false);
        if *s.add(i) == 0 { null_mut() } else { s.add(i) as *mut Wchar }
    }
}

/// C `wcsstr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsstr(h: *const Wchar, n: *const Wchar) -> *mut Wchar {
    // SAFETY: both are wide C strings; comparisons stop at h's NUL.
    unsafe {
        let nl = wcslen(n);
        let mut p = h;
        loop {
            if wcsncmp(p, n, nl) == 0 {
                return p as *mut Wchar;
            }
            if *p == 0 {
                return null_mut();
            }
            p = p.add(1);
        }
    }
}

/// X/Open `wcswcs` (old name of wcsstr).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcswcs(h: *const Wchar, n: *const Wchar) -> *mut Wchar {
    // SAFETY: forwarded.
    unsafe { wcsstr(h, n) }
}

/// C `wcstok`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstok(s: *mut Wchar, delim: *const Wchar, save: *mut *mut Wchar) -> *mut Wchar {
    // SAFETY: s (or *save) and delim are wide C strings; save is writable.
    unsafe {
        let mut p = if s.is_null() { *save } else { s };
        if p.is_null() {
            return null_mut();
        }
        p = p.add(span(p, delim, true));
        if *p == 0 {
            *save = null_mut();
            return null_mut();
        }
        let end = p.add(span(p, delim, false));
        if *end == 0 {
            *save = null_mut();
        } else {
            *end = 0;
            *save = end.add(1);
        }
        p
    }
}

/// POSIX `wcpcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcpcpy(d: *mut Wchar, s: *const Wchar) -> *mut Wchar {
    // SAFETY: d has room for s.
    unsafe {
        let n = wcslen(s);
        core::ptr::copy_nonoverlapping(s, d, n + 1);
        d.add(n)
    }
}

/// POSIX `wcpncpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcpncpy(d: *mut Wchar, s: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: d has n slots.
    unsafe {
        let k = wcsnlen(s, n);
        core::ptr::copy_nonoverlapping(s, d, k);
        for i in k..n {
            *d.add(i) = 0;
        }
        d.add(k)
    }
}

unsafe fn casecmp(a: *const Wchar, b: *const Wchar, n: usize, lower: impl Fn(u32) -> u32) -> c_int {
    for i in 0..n {
        // SAFETY: stops at the first NUL.
        let (x, y) = unsafe { (lower(*a.add(i) as u32) as Wchar, lower(*b.add(i) as u32) as Wchar) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
        if x == 0 {
            break;
        }
    }
    0
}

/// POSIX `wcscasecmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscasecmp(a: *const Wchar, b: *const Wchar) -> c_int {
    // SAFETY: forwarded.
    unsafe { casecmp(a, b, usize::MAX, |c| towlower(c)) }
}

/// POSIX `wcsncasecmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncasecmp(a: *const Wchar, b: *const Wchar, n: usize) -> c_int {
    // SAFETY: forwarded.
    unsafe { casecmp(a, b, n, |c| towlower(c)) }
}

/// POSIX `wcscasecmp_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscasecmp_l(a: *const Wchar, b: *const Wchar, l: *mut c_void) -> c_int {
    // SAFETY: forwarded.
    unsafe { casecmp(a, b, usize::MAX, |c| towlower_l(c, l)) }
}

/// POSIX `wcsncasecmp_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncasecmp_l(a: *const Wchar, b: *const Wchar, n: usize, l: *mut c_void) -> c_int {
    // SAFETY: forwarded.
    unsafe { casecmp(a, b, n, |c| towlower_l(c, l)) }
}

/// C `wcscoll`: code point order (C and C.UTF-8 collate by code point).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscoll(a: *const Wchar, b: *const Wchar) -> c_int {
    // SAFETY: forwarded.
    unsafe { super::wcscmp(a, b) }
}

/// POSIX `wcscoll_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscoll_l(a: *const Wchar, b: *const Wchar, _l: *mut c_void) -> c_int {
    // SAFETY: forwarded.
    unsafe { super::wcscmp(a, b) }
}

/// C `wcsxfrm`: the identity transform (collation is code point order).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsxfrm(d: *mut Wchar, s: *const Wchar, n: usize) -> usize {
    // SAFETY: s is a wide C string; d has n slots.
    unsafe {
        let len = wcslen(s);
        if len < n {
            core::ptr::copy_nonoverlapping(s, d, len + 1);
        }
        len
    }
}

/// POSIX `wcsxfrm_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsxfrm_l(d: *mut Wchar, s: *const Wchar, n: usize, _l: *mut c_void) -> usize {
    // SAFETY: forwarded.
    unsafe { wcsxfrm(d, s, n) }
}

macro_rules! alias {
    ($($name:ident => $target:ident ($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            // SAFETY: forwarded.
            unsafe { $target($($a),*) }
        }
    )*};
}
alias! {
    __wcscoll_l => wcscoll_l(a: *const Wchar, b: *const Wchar, l: *mut c_void) -> c_int;
    __wcsxfrm_l => wcsxfrm_l(d: *mut Wchar, s: *const Wchar, n: usize, l: *mut c_void) -> usize;
}
