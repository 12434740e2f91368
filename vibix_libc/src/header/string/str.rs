//! `str*` functions of `<string.h>`. The scanning ones read aligned 16-byte
//! blocks (SSE2): an aligned block never crosses a page, so reading past the
//! terminator inside it cannot fault.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use super::mem::{memchr, memcpy, memset};
use super::select::{call_slot, impl_slot};
use super::simd::{self, load, load_aligned, load_aligned_at, VEC};
use crate::header::stdlib::malloc::malloc;

/// The first aligned block at or below `s`, and how far `s` is into it.
#[inline(always)]
fn block_of(s: *const u8) -> (*const u8, u32) {
    let off = s as usize & (VEC - 1);
    (s.wrapping_sub(off), off as u32)
}

impl_slot!(STRLEN, strlen_first, (s: *const c_char) -> usize, strlen_sse2, super::avx2::strlen);
impl_slot!(STRCHRNUL, strchrnul_first, (s: *const c_char, c: c_int) -> *mut c_char, strchrnul_sse2, super::avx2::strchrnul);

/// POSIX `strlen` (SSE2 or AVX2, see select.rs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const c_char) -> usize {
    call_slot!(STRLEN, (s: *const c_char) -> usize)
}

/// `strlen` with SSE2: 16-byte blocks until `p` is 64-byte aligned, then 64
/// bytes per step (their byte-wise minimum is zero iff one of them holds a NUL).
unsafe extern "C" fn strlen_sse2(s: *const c_char) -> usize {
    let s = s as *const u8;
    let (mut p, off) = block_of(s);
    // SAFETY: every block read is aligned and holds no byte beyond the block
    // of the terminator, which is readable (C string contract).
    unsafe {
        let m = simd::zero_mask(load_aligned(p)) >> off;
        if m != 0 {
            return m.trailing_zeros() as usize;
        }
        p = p.add(VEC);
        while p as usize & (4 * VEC - 1) != 0 {
            let m = simd::zero_mask(load_aligned(p));
            if m != 0 {
                return p.offset_from(s) as usize + m.trailing_zeros() as usize;
            }
            p = p.add(VEC);
        }
        // 64 bytes per step until one of them is NUL, then find it block by block.
        loop {
            let (a, b) = (load_aligned_at::<0>(p), load_aligned_at::<16>(p));
            let (c, d) = (load_aligned_at::<32>(p), load_aligned_at::<48>(p));
            if simd::zero_mask(simd::min(simd::min(a, b), simd::min(c, d))) != 0 {
                break;
            }
            p = p.add(4 * VEC);
        }
        loop {
            let m = simd::zero_mask(load_aligned(p));
            if m != 0 {
                return p.offset_from(s) as usize + m.trailing_zeros() as usize;
            }
            p = p.add(VEC);
        }
    }
}

/// POSIX `strnlen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strnlen(s: *const c_char, max: usize) -> usize {
    // SAFETY: memchr reads at most max bytes and no page past the one of the
    // terminator (max may exceed the string, as POSIX allows).
    let z = unsafe { memchr(s as _, 0, max) };
    if z.is_null() { max } else { z as usize - s as usize }
}

/// Compares the strings at `a` and `b` from byte 0 up to `n` bytes, 16 at a
/// time with unaligned loads; a block that would touch the next page of
/// either string is compared byte by byte instead (the string may end there).
#[inline(always)]
unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> c_int {
    let mut i = 0;
    // SAFETY: a vector load happens only when it stays within the page of
    // its first byte, which is at or before the terminator (all earlier bytes
    // were equal and nonzero); byte reads stop at the first terminator.
    unsafe {
        while i < n {
            let (pa, pb) = (a.add(i), b.add(i));
            if simd::crosses_page(pa) || simd::crosses_page(pb) {
                let stop = (i + VEC).min(n);
                while i < stop {
                    let (x, y) = (*a.add(i), *b.add(i));
                    if x != y || x == 0 {
                        return x as c_int - y as c_int;
                    }
                    i += 1;
                }
                continue;
            }
            let m = simd::end_or_diff_mask(load(pa), load(pb));
            if m != 0 {
                let j = i + m.trailing_zeros() as usize;
                if j >= n {
                    return 0;
                }
                return *a.add(j) as c_int - *b.add(j) as c_int;
            }
            i += VEC;
        }
    }
    0
}

/// POSIX `strcmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strcmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: both are C strings.
    unsafe { compare(a as _, b as _, usize::MAX) }
}

/// POSIX `strncmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strncmp(a: *const c_char, b: *const c_char, n: usize) -> c_int {
    // SAFETY: C strings (or arrays of at least n bytes).
    unsafe { compare(a as _, b as _, n) }
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

/// BSD `strlcat`: appends to the string in `dst` (of size n), always terminating
/// when `dst` holds a NUL within n; returns the length it tried to make.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlcat(dst: *mut c_char, src: *const c_char, n: usize) -> usize {
    // SAFETY: dst has n bytes; src is a C string.
    unsafe {
        let d = strnlen(dst, n);
        if d == n {
            // No NUL in dst: nothing is written.
            return n + strlen(src);
        }
        d + strlcpy(dst.add(d), src, n - d)
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

/// GNU `strchrnul`: like strlen, stopping at `c` or the terminator (SSE2 or AVX2).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    call_slot!(STRCHRNUL, (s: *const c_char, c: c_int) -> *mut c_char)
}

/// `strchrnul` with SSE2.
unsafe extern "C" fn strchrnul_sse2(s: *const c_char, c: c_int) -> *mut c_char {
    let cv = simd::splat(c as u8);
    let (mut p, off) = block_of(s as *const u8);
    let hit = |v| simd::zero_mask(simd::zero_at_nul_or(v, cv));
    // SAFETY: aligned blocks up to the one holding the terminator (readable).
    unsafe {
        let m = hit(load_aligned(p)) >> off << off;
        if m != 0 {
            return p.add(m.trailing_zeros() as usize) as *mut c_char;
        }
        p = p.add(VEC);
        while p as usize & (4 * VEC - 1) != 0 {
            let m = hit(load_aligned(p));
            if m != 0 {
                return p.add(m.trailing_zeros() as usize) as *mut c_char;
            }
            p = p.add(VEC);
        }
        loop {
            let a = simd::zero_at_nul_or(load_aligned_at::<0>(p), cv);
            let b = simd::zero_at_nul_or(load_aligned_at::<16>(p), cv);
            let c = simd::zero_at_nul_or(load_aligned_at::<32>(p), cv);
            let d = simd::zero_at_nul_or(load_aligned_at::<48>(p), cv);
            if simd::zero_mask(simd::min(simd::min(a, b), simd::min(c, d))) != 0 {
                break;
            }
            p = p.add(4 * VEC);
        }
        loop {
            let m = hit(load_aligned(p));
            if m != 0 {
                return p.add(m.trailing_zeros() as usize) as *mut c_char;
            }
            p = p.add(VEC);
        }
    }
}

/// POSIX `strrchr`: remembers the last block with a match before the terminator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strrchr(s: *const c_char, c: c_int) -> *mut c_char {
    let cv = simd::splat(c as u8);
    let (mut p, off) = block_of(s as *const u8);
    let mut last: (*const u8, u32) = (core::ptr::null(), 0);
    // SAFETY: aligned blocks up to the one holding the terminator (readable).
    unsafe {
        let mut v = load_aligned(p);
        let mut z = simd::zero_mask(v) >> off << off;
        let mut m = simd::eq_mask(v, cv) >> off << off;
        while z == 0 {
            if m != 0 {
                last = (p, m);
            }
            p = p.add(VEC);
            v = load_aligned(p);
            z = simd::zero_mask(v);
            m = simd::eq_mask(v, cv);
        }
        // Matches up to and including the terminator (c may be 0).
        m &= z ^ (z - 1);
        if m != 0 {
            last = (p, m);
        }
        if last.0.is_null() {
            return null_mut();
        }
        last.0.add(31 - last.1.leading_zeros() as usize) as *mut c_char
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
