//! `<wchar.h>`/`<wctype.h>` for the C locale: a multibyte character is one
//! byte, so bytes 0..=255 map one-to-one to wide characters; anything else
//! is EILSEQ. Classification is ASCII's.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use crate::thread::area::set_errno;

type Wchar = i32;
const EILSEQ: c_int = 84;
const WEOF: u32 = 0xffff_ffff;

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

/// C `mbsinit` (the C locale has no shift state).
#[unsafe(no_mangle)]
pub extern "C" fn mbsinit(_ps: *const u64) -> c_int {
    1
}

/// C `btowc`.
#[unsafe(no_mangle)]
pub extern "C" fn btowc(c: c_int) -> u32 {
    if (0..=255).contains(&c) { c as u32 } else { WEOF }
}

/// C `wctob`.
#[unsafe(no_mangle)]
pub extern "C" fn wctob(c: u32) -> c_int {
    if c <= 255 { c as c_int } else { -1 }
}

/// C `mbrtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtowc(pwc: *mut Wchar, s: *const c_char, n: usize, _ps: *mut u64) -> usize {
    if s.is_null() {
        return 0;
    }
    if n == 0 {
        return usize::MAX - 1; // (size_t)-2: incomplete
    }
    // SAFETY: at least one byte readable; pwc writable when not NULL.
    unsafe {
        let c = *s as u8;
        if !pwc.is_null() {
            *pwc = c as Wchar;
        }
        (c != 0) as usize
    }
}

/// C `mbrlen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: usize, ps: *mut u64) -> usize {
    // SAFETY: forwarded.
    unsafe { mbrtowc(null_mut(), s, n, ps) }
}

/// C `wcrtomb`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: Wchar, _ps: *mut u64) -> usize {
    if s.is_null() {
        return 1;
    }
    if !(0..=255).contains(&wc) {
        set_errno(EILSEQ);
        return usize::MAX;
    }
    // SAFETY: s has room for one byte.
    unsafe { *s = wc as c_char };
    1
}

/// C `mbsrtowcs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsrtowcs(d: *mut Wchar, src: *mut *const c_char, n: usize, _ps: *mut u64) -> usize {
    // SAFETY: *src is a C string; d has n slots when not NULL.
    unsafe {
        let s = *src;
        let mut i = 0;
        loop {
            if !d.is_null() && i >= n {
                *src = s.add(i);
                return i;
            }
            let c = *s.add(i) as u8;
            if !d.is_null() {
                *d.add(i) = c as Wchar;
            }
            if c == 0 {
                if !d.is_null() {
                    *src = core::ptr::null();
                }
                return i;
            }
            i += 1;
        }
    }
}

/// C `wcsrtombs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrtombs(d: *mut c_char, src: *mut *const Wchar, n: usize, _ps: *mut u64) -> usize {
    // SAFETY: *src is a wide C string; d has n bytes when not NULL.
    unsafe {
        let s = *src;
        let mut i = 0;
        loop {
            if !d.is_null() && i >= n {
                *src = s.add(i);
                return i;
            }
            let c = *s.add(i);
            if !(0..=255).contains(&c) {
                set_errno(EILSEQ);
                return usize::MAX;
            }
            if !d.is_null() {
                *d.add(i) = c as c_char;
            }
            if c == 0 {
                if !d.is_null() {
                    *src = core::ptr::null();
                }
                return i;
            }
            i += 1;
        }
    }
}

macro_rules! wclass {
    ($($name:ident => $f:path),*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(c: u32) -> c_int {
            if c < 128 { ($f(c as c_int) != 0) as c_int } else { 0 }
        }
    )*};
}
use crate::header::ctype as ct;
wclass!(iswalpha => ct::isalpha, iswdigit => ct::isdigit, iswalnum => ct::isalnum, iswspace => ct::isspace,
    iswupper => ct::isupper, iswlower => ct::islower, iswxdigit => ct::isxdigit, iswpunct => ct::ispunct,
    iswprint => ct::isprint, iswgraph => ct::isgraph, iswcntrl => ct::iscntrl, iswblank => ct::isblank);

/// C `towupper`.
#[unsafe(no_mangle)]
pub extern "C" fn towupper(c: u32) -> u32 {
    if c < 128 { ct::toupper(c as c_int) as u32 } else { c }
}

/// C `towlower`.
#[unsafe(no_mangle)]
pub extern "C" fn towlower(c: u32) -> u32 {
    if c < 128 { ct::tolower(c as c_int) as u32 } else { c }
}
