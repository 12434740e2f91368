//! `mem*` functions. memcpy/memset use `rep movsb`/`rep stosb` (fast on every
//! x86_64 with ERMS, and compiled code can never turn them back into calls to
//! themselves).
use core::ffi::{c_int, c_void};

/// POSIX `memcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: the caller guarantees n readable bytes at src and n writable at dst.
    unsafe {
        core::arch::asm!("rep movsb", inout("rcx") n => _, inout("rdi") dst => _, inout("rsi") src => _,
            options(nostack, preserves_flags));
    }
    dst
}

/// POSIX `memmove`: copies backwards when the destination overlaps the source's tail.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    if (dst as usize).wrapping_sub(src as usize) >= n {
        // SAFETY: no harmful overlap for a forward copy.
        return unsafe { memcpy(dst, src, n) };
    }
    // SAFETY: as memcpy; with DF set, movsb walks down from the last byte.
    unsafe {
        core::arch::asm!("std", "rep movsb", "cld",
            inout("rcx") n => _,
            inout("rdi") (dst as *mut u8).add(n).wrapping_sub(1) => _,
            inout("rsi") (src as *const u8).add(n).wrapping_sub(1) => _,
            options(nostack));
    }
    dst
}

/// POSIX `memset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: usize) -> *mut c_void {
    // SAFETY: the caller guarantees n writable bytes at dst.
    unsafe {
        core::arch::asm!("rep stosb", inout("rcx") n => _, inout("rdi") dst => _, in("al") c as u8,
            options(nostack, preserves_flags));
    }
    dst
}

/// POSIX `memcmp`: compares 8 bytes at a time until a difference.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    let mut i = 0;
    // SAFETY: all reads are below n, which the caller guarantees readable.
    unsafe {
        while i + 8 <= n {
            let x = (a.add(i) as *const u64).read_unaligned();
            let y = (b.add(i) as *const u64).read_unaligned();
            if x != y {
                let (x, y) = (x.swap_bytes(), y.swap_bytes());
                return if x < y { -1 } else { 1 };
            }
            i += 8;
        }
        while i < n {
            let (x, y) = (*a.add(i), *b.add(i));
            if x != y {
                return x as c_int - y as c_int;
            }
            i += 1;
        }
    }
    0
}

/// `bcmp`: zero iff equal.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    // SAFETY: same contract as memcmp.
    unsafe { memcmp(a, b, n) }
}

/// POSIX `memchr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    let s = s as *const u8;
    let c = c as u8;
    for i in 0..n {
        // SAFETY: i < n.
        if unsafe { *s.add(i) } == c {
            return s.wrapping_add(i) as *mut c_void;
        }
    }
    core::ptr::null_mut()
}

/// GNU `memrchr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    let s = s as *const u8;
    let mut i = n;
    while i > 0 {
        i -= 1;
        // SAFETY: i < n.
        if unsafe { *s.add(i) } == c as u8 {
            return s.wrapping_add(i) as *mut c_void;
        }
    }
    core::ptr::null_mut()
}

/// POSIX `memccpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memccpy(dst: *mut c_void, src: *const c_void, c: c_int, n: usize) -> *mut c_void {
    let (d, s) = (dst as *mut u8, src as *const u8);
    for i in 0..n {
        // SAFETY: i < n, within both buffers.
        unsafe {
            let b = *s.add(i);
            *d.add(i) = b;
            if b == c as u8 {
                return d.add(i + 1) as *mut c_void;
            }
        }
    }
    core::ptr::null_mut()
}

/// GNU `mempcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mempcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    // SAFETY: same contract as memcpy.
    unsafe { (memcpy(dst, src, n) as *mut u8).add(n) as *mut c_void }
}

/// GNU `memmem`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmem(h: *const c_void, hl: usize, n: *const c_void, nl: usize) -> *mut c_void {
    if nl == 0 {
        return h as *mut c_void;
    }
    if nl > hl {
        return core::ptr::null_mut();
    }
    let (h8, n8) = (h as *const u8, n as *const u8);
    for i in 0..=hl - nl {
        // SAFETY: i + nl <= hl.
        if unsafe { memcmp(h8.add(i) as _, n8 as _, nl) } == 0 {
            return h8.wrapping_add(i) as *mut c_void;
        }
    }
    core::ptr::null_mut()
}

/// `explicit_bzero`: memset the compiler may not drop.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn explicit_bzero(s: *mut c_void, n: usize) {
    // SAFETY: caller provides n writable bytes; memset is an opaque asm call.
    unsafe { memset(s, 0, n) };
}
