//! The memory primitives rustc's codegen expects to link against. Written with
//! `rep movsb/stosb` so the compiler cannot turn them back into calls to themselves.
//! (Exported because rustc exports every `#[no_mangle]` item; libc's come first in
//! the global scope, so programs bind to those.)

#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: caller guarantees non-overlapping valid ranges of n bytes; quadwords
    // first, then the tail bytes (DF is clear per the ABI).
    unsafe {
        core::arch::asm!("rep movsq", "mov rcx, {rest}", "rep movsb", rest = in(reg) n & 7,
            inout("rcx") n >> 3 => _, inout("rdi") dst => _, inout("rsi") src => _,
            options(nostack, preserves_flags));
    }
    dst
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dst as usize).wrapping_sub(src as usize) >= n {
        // Forward copy is safe: dst is before src or the ranges do not overlap.
        // SAFETY: valid ranges per the caller.
        unsafe {
            core::arch::asm!("rep movsb", inout("rcx") n => _, inout("rdi") dst => _, inout("rsi") src => _,
                options(nostack, preserves_flags));
        }
    } else {
        // SAFETY: copy backwards from the last byte; DF is restored by cld.
        unsafe {
            core::arch::asm!("std", "rep movsb", "cld",
                inout("rcx") n => _, inout("rdi") dst.add(n).wrapping_sub(1) => _,
                inout("rsi") src.add(n).wrapping_sub(1) => _, options(nostack));
        }
    }
    dst
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    let q = (c as u8 as u64) * 0x0101_0101_0101_0101;
    // SAFETY: caller guarantees n writable bytes at dst; quadwords, then the tail.
    unsafe {
        core::arch::asm!("rep stosq", "mov rcx, {rest}", "rep stosb", rest = in(reg) n & 7,
            inout("rcx") n >> 3 => _, inout("rdi") dst => _, in("rax") q,
            options(nostack, preserves_flags));
    }
    dst
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    // Eight bytes a step (the loader compares whole program header tables);
    // the first differing word is settled bytewise below.
    while i + 8 <= n {
        // SAFETY: i + 8 <= n, both ranges valid per the caller; unaligned reads.
        let (x, y) = unsafe { ((a.add(i) as *const u64).read_unaligned(), (b.add(i) as *const u64).read_unaligned()) };
        if x != y {
            break;
        }
        i += 8;
    }
    while i < n {
        // SAFETY: i < n, both ranges valid per the caller.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: same contract as memcmp.
    unsafe { memcmp(a, b, n) }
}

/// Length of a NUL-terminated string.
///
/// # Safety
/// `s` must be NUL-terminated.
pub unsafe fn c_strlen(s: *const u8) -> usize {
    let mut n = 0;
    // SAFETY: reads up to and including the terminator. Volatile, so LLVM does
    // not turn the loop into a call to strlen (which nothing here defines).
    while unsafe { core::ptr::read_volatile(s.add(n)) } != 0 {
        n += 1;
    }
    n
}

/// A NUL-terminated C string as a byte slice (without the NUL).
///
/// # Safety
/// `s` must be NUL-terminated and outlive the returned slice.
pub unsafe fn c_bytes<'a>(s: *const u8) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    // SAFETY: forwarded contract.
    unsafe { core::slice::from_raw_parts(s, c_strlen(s)) }
}
