//! SSE2 building blocks for the string functions. SSE2 is part of x86_64 itself,
//! so nothing here asks CPUID.
//!
//! Loads and stores are inline asm on purpose: an aligned 16-byte load may read
//! bytes after a string's terminator (harmless on x86_64: an aligned block never
//! crosses a page), which Rust cannot express; and opaque stores keep LLVM from
//! turning the copy and fill loops back into calls to memcpy/memset themselves.
use core::arch::asm;
use core::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    _mm_setzero_si128, _mm_xor_si128,
};

pub const VEC: usize = 16;

/// Bytes of a page: a load that stays inside one cannot fault if any byte of it is mapped.
pub const PAGE: usize = 4096;

/// Aligned 16-byte load; `p` must be 16-byte aligned and the block must hold
/// at least one readable byte (then all of it is readable: same page).
#[inline(always)]
pub unsafe fn load_aligned(p: *const u8) -> __m128i {
    let v: __m128i;
    // SAFETY: caller contract above; movdqa faults only on misalignment.
    unsafe { asm!("movdqa {}, xmmword ptr [{}]", out(xmm_reg) v, in(reg) p, options(pure, readonly, nostack, preserves_flags)) };
    v
}

/// `load_aligned(p + OFF)` with the offset in the addressing mode.
#[inline(always)]
pub unsafe fn load_aligned_at<const OFF: usize>(p: *const u8) -> __m128i {
    let v: __m128i;
    // SAFETY: as load_aligned, for p + OFF.
    unsafe {
        asm!("movdqa {}, xmmword ptr [{} + {off}]", out(xmm_reg) v, in(reg) p, off = const OFF,
            options(pure, readonly, nostack, preserves_flags))
    };
    v
}

/// `load(p + OFF)` with the offset in the addressing mode.
#[inline(always)]
pub unsafe fn load_at<const OFF: usize>(p: *const u8) -> __m128i {
    let v: __m128i;
    // SAFETY: as load, for p + OFF.
    unsafe {
        asm!("movdqu {}, xmmword ptr [{} + {off}]", out(xmm_reg) v, in(reg) p, off = const OFF,
            options(pure, readonly, nostack, preserves_flags))
    };
    v
}

/// Unaligned 16-byte load; all 16 bytes at `p` must be readable.
#[inline(always)]
pub unsafe fn load(p: *const u8) -> __m128i {
    let v: __m128i;
    // SAFETY: caller contract above.
    unsafe { asm!("movdqu {}, xmmword ptr [{}]", out(xmm_reg) v, in(reg) p, options(pure, readonly, nostack, preserves_flags)) };
    v
}

/// Unaligned 16-byte store; all 16 bytes at `p` must be writable.
#[inline(always)]
pub unsafe fn store(p: *mut u8, v: __m128i) {
    // SAFETY: caller contract above.
    unsafe { asm!("movdqu xmmword ptr [{}], {}", in(reg) p, in(xmm_reg) v, options(nostack, preserves_flags)) };
}

/// `store_aligned(p + OFF, v)` with the offset in the addressing mode.
#[inline(always)]
pub unsafe fn store_aligned_at<const OFF: usize>(p: *mut u8, v: __m128i) {
    // SAFETY: as store_aligned, for p + OFF.
    unsafe { asm!("movdqa xmmword ptr [{} + {off}], {}", in(reg) p, in(xmm_reg) v, off = const OFF, options(nostack, preserves_flags)) };
}

/// Opaque unaligned scalar loads and stores (same reason as above: no idiom recognition).
#[inline(always)]
pub unsafe fn load8(p: *const u8) -> u64 {
    // SAFETY: caller provides 8 readable bytes.
    unsafe { (p as *const u64).read_unaligned() }
}

#[inline(always)]
pub unsafe fn load4(p: *const u8) -> u32 {
    // SAFETY: caller provides 4 readable bytes.
    unsafe { (p as *const u32).read_unaligned() }
}

#[inline(always)]
pub unsafe fn load2(p: *const u8) -> u16 {
    // SAFETY: caller provides 2 readable bytes.
    unsafe { (p as *const u16).read_unaligned() }
}

#[inline(always)]
pub unsafe fn store8(p: *mut u8, v: u64) {
    // SAFETY: caller provides 8 writable bytes.
    unsafe { asm!("mov qword ptr [{}], {}", in(reg) p, in(reg) v, options(nostack, preserves_flags)) };
}

#[inline(always)]
pub unsafe fn store4(p: *mut u8, v: u32) {
    // SAFETY: caller provides 4 writable bytes.
    unsafe { asm!("mov dword ptr [{}], {:e}", in(reg) p, in(reg) v, options(nostack, preserves_flags)) };
}

#[inline(always)]
pub unsafe fn store2(p: *mut u8, v: u16) {
    // SAFETY: caller provides 2 writable bytes.
    unsafe { asm!("mov word ptr [{}], {:x}", in(reg) p, in(reg) v, options(nostack, preserves_flags)) };
}

#[inline(always)]
pub unsafe fn store1(p: *mut u8, v: u8) {
    // SAFETY: caller provides 1 writable byte.
    unsafe { asm!("mov byte ptr [{}], {}", in(reg) p, in(reg_byte) v, options(nostack, preserves_flags)) };
}

/// Bit i set where byte i of `v` is zero.
#[inline(always)]
pub fn zero_mask(v: __m128i) -> u32 {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) as u32 }
}

/// Bit i set where byte i of `v` equals the splatted byte `c`.
#[inline(always)]
pub fn eq_mask(v: __m128i, c: __m128i) -> u32 {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(v, c)) as u32 }
}

/// Bit i set where bytes i of `a` and `b` are equal.
#[inline(always)]
pub fn same_mask(a: __m128i, b: __m128i) -> u32 {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) as u32 }
}

/// Bit i set where `a` ends (byte zero) or differs from `b` at byte i.
#[inline(always)]
pub fn end_or_diff_mask(a: __m128i, b: __m128i) -> u32 {
    // SAFETY: SSE2 is baseline on x86_64. min(a, eq) is 0 exactly where a is 0 or a != b.
    unsafe { zero_mask(_mm_min_epu8(a, _mm_cmpeq_epi8(a, b))) }
}

/// 0xff where bytes are equal, else 0.
#[inline(always)]
pub fn eq(a: __m128i, b: __m128i) -> __m128i {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_cmpeq_epi8(a, b) }
}

#[inline(always)]
pub fn and(a: __m128i, b: __m128i) -> __m128i {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_and_si128(a, b) }
}

#[inline(always)]
pub fn or(a: __m128i, b: __m128i) -> __m128i {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_or_si128(a, b) }
}

/// Zero exactly at the bytes of `v` that are zero or equal `c` (min(v ^ c, v)).
#[inline(always)]
pub fn zero_at_nul_or(v: __m128i, c: __m128i) -> __m128i {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_min_epu8(_mm_xor_si128(v, c), v) }
}

/// Top bits of the 16 bytes.
#[inline(always)]
pub fn movemask(v: __m128i) -> u32 {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_movemask_epi8(v) as u32 }
}

/// Byte-wise minimum: zero where either input has a zero byte.
#[inline(always)]
pub fn min(a: __m128i, b: __m128i) -> __m128i {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_min_epu8(a, b) }
}

/// All 16 bytes `c`.
#[inline(always)]
pub fn splat(c: u8) -> __m128i {
    // SAFETY: SSE2 is baseline on x86_64.
    unsafe { _mm_set1_epi8(c as i8) }
}

/// Whether a 16-byte load at `p` would touch the next page.
#[inline(always)]
pub fn crosses_page(p: *const u8) -> bool {
    (p as usize) & (PAGE - 1) > PAGE - VEC
}
