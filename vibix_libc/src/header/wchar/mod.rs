//! `<wchar.h>`: wide strings (here), multibyte conversion (`mbconv`), wide
//! stdio (`stdio`), wide number parsing (`strto`).
pub mod mbconv;
pub mod stdio;
pub mod strto;
pub mod wprintf;
pub mod wscanf;
pub mod wstr;
pub mod wmemstream;

use core::ffi::c_int;
use core::ptr::null_mut;

pub use mbconv::{Wchar, WEOF};

fn wlen(s: *const Wchar) -> usize {
    let mut n = 0;
    // SAFETY: s is a NUL-terminated wide string (caller contract).
    while unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// C `wcslen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcslen(s: *const Wchar) -> usize {
    wlen(s)
}

/// C `wcscmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscmp(a: *const Wchar, b: *const Wchar) -> c_int {
    // SAFETY: forwarded.
    unsafe { wcsncmp(a, b, usize::MAX) }
}

/// C `wcsncmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncmp(a: *const Wchar, b: *const Wchar, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: stops at the first terminator.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
        if x == 0 {
            break;
        }
    }
    0
}

/// C `wcscpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcscpy(d: *mut Wchar, s: *const Wchar) -> *mut Wchar {
    // SAFETY: d has room for s (caller contract).
    unsafe { core::ptr::copy_nonoverlapping(s, d, wlen(s) + 1) };
    d
}

/// C `wcsncpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsncpy(d: *mut Wchar, s: *const Wchar, n: usize) -> *mut Wchar {
    let mut i = 0;
    // SAFETY: d has n slots; s is read up to its terminator.
    unsafe {
        while i < n && *s.add(i) != 0 {
            *d.add(i) = *s.add(i);
            i += 1;
        }
        while i < n {
            *d.add(i) = 0;
            i += 1;
        }
    }
    d
}

/// C `wcschr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcschr(s: *const Wchar, c: Wchar) -> *mut Wchar {
    let mut p = s;
    // SAFETY: stops at the terminator.
    unsafe {
        loop {
            if *p == c {
                return p as *mut Wchar;
            }
            if *p == 0 {
                return null_mut();
            }
            p = p.add(1);
        }
    }
}

/// C `wcsrchr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrchr(s: *const Wchar, c: Wchar) -> *mut Wchar {
    let mut last = null_mut();
    let mut p = s;
    // SAFETY: stops after the terminator.
    unsafe {
        loop {
            if *p == c {
                last = p as *mut Wchar;
            }
            if *p == 0 {
                return last;
            }
            p = p.add(1);
        }
    }
}

/// C `wmemcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemcpy(d: *mut Wchar, s: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: n wide characters each (caller contract).
    unsafe { core::ptr::copy_nonoverlapping(s, d, n) };
    d
}

/// C `wmemmove`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemmove(d: *mut Wchar, s: *const Wchar, n: usize) -> *mut Wchar {
    // SAFETY: n wide characters each.
    unsafe { core::ptr::copy(s, d, n) };
    d
}

/// C `wmemset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemset(d: *mut Wchar, c: Wchar, n: usize) -> *mut Wchar {
    for i in 0..n {
        // SAFETY: i < n.
        unsafe { *d.add(i) = c };
    }
    d
}

/// C `wmemcmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemcmp(a: *const Wchar, b: *const Wchar, n: usize) -> c_int {
    for i in 0..n {
        // SAFETY: i < n.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
    }
    0
}

/// C `wmemchr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wmemchr(s: *const Wchar, c: Wchar, n: usize) -> *mut Wchar {
    for i in 0..n {
        // SAFETY: i < n.
        if unsafe { *s.add(i) } == c {
            return s.wrapping_add(i) as *mut Wchar;
        }
    }
    null_mut()
}

