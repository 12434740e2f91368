//! `str*` functions of `<string.h>`.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use super::mem::{memcpy, memset};
use crate::header::stdlib::malloc::malloc;

/// POSIX `strlen`: aligned 8-byte reads (an aligned word never crosses a page,
/// so reading past the terminator inside it cannot fault).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> usize {
    let s = s as *const u8;
    let mut p = s;
    // SAFETY: bytes up to the terminator are readable (C string contract).
    unsafe {
        while (p as usize) & 7 != 0 {
            if *p == 0 {
                return p.offset_from(s) as usize;
            }
            p = p.add(1);
        }
        loop {
            let w: u64;
            // An opaque load: it may read bytes after the NUL within the same
            // aligned word, which is harmless on x86_64 but not expressible in Rust.
            core::arch::asm!("mov {}, qword ptr [{}]", out(reg) w, in(reg) p, options(nostack, readonly, preserves_flags));
            if (w.wrapping_sub(0x0101_0101_0101_0101) & !w & 0x8080_8080_8080_8080) != 0 {
                break;
            }
            p = p.add(8);
        }
        while *p != 0 {
            p = p.add(1);
        }
        p.offset_from(s) as usize
    }
}

/// POSIX `strnlen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strnlen(s: *const c_char, max: usize) -> usize {
    let mut i = 0;
    // SAFETY: reads stop at the terminator or max.
    while i < max && unsafe { *s.add(i) } != 0 {
        i += 1;
    }
    i
}

/// POSIX `strcmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    let mut i = 0;
    loop {
        // SAFETY: both strings are readable up to their terminators; we stop at the first.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
        i += 1;
    }
}

/// POSIX `strncmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    for i in 0..n {
        // SAFETY: as strcmp, bounded by n.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y || x == 0 {
            return x as c_int - y as c_int;
        }
    }
    0
}

/// POSIX `strcoll`: the C locale collates bytewise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcoll(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: same contract.
    unsafe { strcmp(a, b) }
}

/// POSIX `strxfrm` (C locale: identity).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strxfrm(dst: *mut c_char, src: *const c_char, n: usize) -> usize {
    // SAFETY: src is a C string; dst has n bytes.
    unsafe {
        let len = strlen(src);
        if len < n {
            memcpy(dst as _, src as _, len + 1);
        }
        len
    }
}

/// POSIX `strcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: dst has room for src and its terminator (caller contract).
    unsafe { memcpy(dst as _, src as _, strlen(src) + 1) };
    dst
}

/// POSIX `stpcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stpcpy(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: as strcpy.
    unsafe {
        let n = strlen(src);
        memcpy(dst as _, src as _, n + 1);
        dst.add(n)
    }
}

/// POSIX `strncpy`: pads with NULs up to n.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: dst has n bytes; src is read up to n or its terminator.
    unsafe {
        let len = strnlen(src, n);
        memcpy(dst as _, src as _, len);
        memset(dst.add(len) as _, 0, n - len);
    }
    dst
}

/// POSIX `stpncpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stpncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: as strncpy.
    unsafe {
        let len = strnlen(src, n);
        strncpy(dst, src, n);
        dst.add(len)
    }
}

/// BSD `strlcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlcpy(dst: *mut c_char, src: *const c_char, n: usize) -> usize {
    // SAFETY: dst has n bytes; src is a C string.
    unsafe {
        let len = strlen(src);
        if n > 0 {
            let c = len.min(n - 1);
            memcpy(dst as _, src as _, c);
            *dst.add(c) = 0;
        }
        len
    }
}

/// POSIX `strcat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcat(dst: *mut c_char, src: *const c_char) -> *mut c_char {
    // SAFETY: dst has room for both strings (caller contract).
    unsafe { strcpy(dst.add(strlen(dst)), src) };
    dst
}

/// POSIX `strncat`: appends at most n bytes, always terminates.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncat(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: dst has room for strlen(dst) + min(n, strlen(src)) + 1 bytes.
    unsafe {
        let d = dst.add(strlen(dst));
        let len = strnlen(src, n);
        memcpy(d as _, src as _, len);
        *d.add(len) = 0;
    }
    dst
}

/// POSIX `strchr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchr(s: *const c_char, c: c_int) -> *mut c_char {
    // SAFETY: C string contract.
    let p = unsafe { strchrnul(s, c) };
    // SAFETY: p points into the string (at most at its terminator).
    if unsafe { *p } as u8 == c as u8 { p } else { null_mut() }
}

/// GNU `strchrnul`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    let mut p = s as *mut c_char;
    // SAFETY: stops at the terminator.
    unsafe {
        while *p != 0 && *p as u8 != c as u8 {
            p = p.add(1);
        }
    }
    p
}

/// POSIX `strrchr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    let mut last = null_mut();
    let mut p = s as *mut c_char;
    // SAFETY: stops after the terminator.
    unsafe {
        loop {
            if *p as u8 == c as u8 {
                last = p;
            }
            if *p == 0 {
                return last;
            }
            p = p.add(1);
        }
    }
}

/// POSIX `strstr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strstr(h: *const c_char, n: *const c_char) -> *mut c_char {
    // SAFETY: both are C strings.
    unsafe {
        let nl = strlen(n);
        if nl == 0 {
            return h as *mut c_char;
        }
        let mut p = h;
        while *p != 0 {
            if *p == *n && strncmp(p, n, nl) == 0 {
                return p as *mut c_char;
            }
            p = p.add(1);
        }
    }
    null_mut()
}

/// GNU `strcasestr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcasestr(h: *const c_char, n: *const c_char) -> *mut c_char {
    // SAFETY: both are C strings.
    unsafe {
        let nl = strlen(n);
        let mut p = h;
        loop {
            if super::strings::strncasecmp(p, n, nl) == 0 {
                return p as *mut c_char;
            }
            if *p == 0 {
                return null_mut();
            }
            p = p.add(1);
        }
    }
}

fn in_set(set: *const c_char, c: c_char) -> bool {
    let mut p = set;
    // SAFETY: set is a C string.
    unsafe {
        while *p != 0 {
            if *p == c {
                return true;
            }
            p = p.add(1);
        }
    }
    false
}

/// POSIX `strspn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strspn(s: *const c_char, accept: *const c_char) -> usize {
    let mut i = 0;
    // SAFETY: C strings.
    while unsafe { *s.add(i) } != 0 && in_set(accept, unsafe { *s.add(i) }) {
        i += 1;
    }
    i
}

/// POSIX `strcspn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcspn(s: *const c_char, reject: *const c_char) -> usize {
    let mut i = 0;
    // SAFETY: C strings.
    while unsafe { *s.add(i) } != 0 && !in_set(reject, unsafe { *s.add(i) }) {
        i += 1;
    }
    i
}

/// POSIX `strpbrk`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strpbrk(s: *const c_char, accept: *const c_char) -> *mut c_char {
    // SAFETY: C strings.
    unsafe {
        let p = s.add(strcspn(s, accept));
        if *p != 0 { p as *mut c_char } else { null_mut() }
    }
}

/// POSIX `strtok_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtok_r(s: *mut c_char, delim: *const c_char, save: *mut *mut c_char) -> *mut c_char {
    // SAFETY: s (or *save) is a writable C string; save is valid.
    unsafe {
        let mut p = if s.is_null() { *save } else { s };
        if p.is_null() {
            return null_mut();
        }
        p = p.add(strspn(p, delim));
        if *p == 0 {
            *save = null_mut();
            return null_mut();
        }
        let end = p.add(strcspn(p, delim));
        if *end == 0 {
            *save = null_mut();
        } else {
            *end = 0;
            *save = end.add(1);
        }
        p
    }
}

static mut STRTOK_SAVE: *mut c_char = null_mut();

/// POSIX `strtok` (not thread-safe, by definition).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtok(s: *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: strtok's hidden state is process-global by specification.
    unsafe { strtok_r(s, delim, &raw mut STRTOK_SAVE) }
}

/// BSD `strsep`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strsep(sp: *mut *mut c_char, delim: *const c_char) -> *mut c_char {
    // SAFETY: *sp is a writable C string or NULL.
    unsafe {
        let s = *sp;
        if s.is_null() {
            return null_mut();
        }
        let end = s.add(strcspn(s, delim));
        if *end != 0 {
            *end = 0;
            *sp = end.add(1);
        } else {
            *sp = null_mut();
        }
        s
    }
}

/// POSIX `strdup`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strdup(s: *const c_char) -> *mut c_char {
    // SAFETY: s is a C string.
    unsafe { strndup(s, usize::MAX) }
}

/// POSIX `strndup`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strndup(s: *const c_char, n: usize) -> *mut c_char {
    // SAFETY: s is readable up to n or its terminator; the copy gets len + 1 bytes.
    unsafe {
        let len = strnlen(s, n);
        let d = malloc(len + 1) as *mut c_char;
        if !d.is_null() {
            memcpy(d as _, s as _, len);
            *d.add(len) = 0;
        }
        d
    }
}
