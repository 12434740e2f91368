//! AVX2 versions of the scanning and comparing string functions (32-byte
//! vectors, 128 bytes per loop step), chosen at run time by [`crate::cpu::avx2`].
//! Same shape as the SSE2 ones: aligned blocks never cross a page, so the
//! scans may read past a terminator inside the terminator's block (loads are
//! asm for that reason, see simd.rs); in-bounds loads use the intrinsics.
//!
//! Every function here needs AVX2 and an OS that saves YMM state: callers
//! check `cpu::avx2()` first.
use core::arch::asm;
use core::arch::x86_64::{
    __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8, _mm256_movemask_epi8,
    _mm256_set1_epi8, _mm256_setzero_si256, _mm256_storeu_si256, _mm256_xor_si256,
};
use core::ffi::{c_char, c_int, c_void};

const VEC: usize = 32;

/// Aligned 32-byte load of `p + off`: `p + off` is 32-byte aligned and its block
/// holds at least one readable byte (so all of it is readable: same page).
macro_rules! load_aligned {
    ($p:expr, $off:literal) => {{
        let v: __m256i;
        asm!("vmovdqa {}, ymmword ptr [{} + {off}]", out(ymm_reg) v, in(reg) $p, off = const $off,
            options(pure, readonly, nostack, preserves_flags));
        v
    }};
}

/// Unaligned 32-byte load; the 32 bytes at `p` are readable.
macro_rules! ldu {
    ($p:expr) => {
        _mm256_loadu_si256($p as *const __m256i)
    };
}

/// Bit i set where byte i of `v` is zero.
#[inline]
#[target_feature(enable = "avx2")]
fn zero_mask(v: __m256i) -> u32 {
    _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_setzero_si256())) as u32
}

#[inline]
#[target_feature(enable = "avx2")]
fn eq_mask(v: __m256i, c: __m256i) -> u32 {
    _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, c)) as u32
}

/// Zero exactly at the bytes of `v` that are zero or equal `c`.
#[inline]
#[target_feature(enable = "avx2")]
fn zero_at_nul_or(v: __m256i, c: __m256i) -> __m256i {
    _mm256_min_epu8(_mm256_xor_si256(v, c), v)
}

#[inline]
#[target_feature(enable = "avx2")]
fn min4(a: __m256i, b: __m256i, c: __m256i, d: __m256i) -> __m256i {
    _mm256_min_epu8(_mm256_min_epu8(a, b), _mm256_min_epu8(c, d))
}

/// `strlen`; the string at `s` is NUL-terminated.
#[target_feature(enable = "avx2")]
pub unsafe extern "C" fn strlen(s: *const c_char) -> usize {
    let s = s as *const u8;
    let off = s as usize & (VEC - 1);
    let mut p = s.wrapping_sub(off);
    // SAFETY: every block read is aligned and none lies beyond the block of
    // the terminator, which is readable (C string contract).
    unsafe {
        let m = zero_mask(load_aligned!(p, 0)) >> off;
        if m != 0 {
            return m.trailing_zeros() as usize;
        }
        p = p.add(VEC);
        while p as usize & (4 * VEC - 1) != 0 {
            let m = zero_mask(load_aligned!(p, 0));
            if m != 0 {
                return p.offset_from(s) as usize + m.trailing_zeros() as usize;
            }
            p = p.add(VEC);
        }
        // 128 bytes per step until one holds a NUL; in asm so that two of the
        // four loads fold into vpminub (10 instructions a step). p is 128-byte
        // aligned: each group lies in one page, at or before the terminator's.
        asm!(
            "2:",
            "vmovdqa {a}, ymmword ptr [{p}]",
            "vpminub {a}, {a}, ymmword ptr [{p} + 32]",
            "vmovdqa {b}, ymmword ptr [{p} + 64]",
            "vpminub {b}, {b}, ymmword ptr [{p} + 96]",
            "vpminub {a}, {a}, {b}",
            "vpcmpeqb {a}, {a}, {z}",
            "vpmovmskb {m:e}, {a}",
            "add {p}, 128",
            "test {m:e}, {m:e}",
            "jz 2b",
            p = inout(reg) p,
            a = out(ymm_reg) _,
            b = out(ymm_reg) _,
            z = in(ymm_reg) _mm256_setzero_si256(),
            m = out(reg) _,
            options(readonly, nostack),
        );
        p = p.sub(4 * VEC);
        // Which of the four: two 64-bit masks.
        let (a, b, c, d) = (load_aligned!(p, 0), load_aligned!(p, 32), load_aligned!(p, 64), load_aligned!(p, 96));
        let lo = zero_mask(a) as u64 | (zero_mask(b) as u64) << 32;
        if lo != 0 {
            return p.offset_from(s) as usize + lo.trailing_zeros() as usize;
        }
        let hi = zero_mask(c) as u64 | (zero_mask(d) as u64) << 32;
        p.offset_from(s) as usize + 64 + hi.trailing_zeros() as usize
    }
}

/// `strchrnul`: the first `c` or the terminator.
#[target_feature(enable = "avx2")]
pub unsafe extern "C" fn strchrnul(s: *const c_char, c: c_int) -> *mut c_char {
    let cv = _mm256_set1_epi8(c as i8);
    let s = s as *const u8;
    let off = s as usize & (VEC - 1);
    let mut p = s.wrapping_sub(off);
    // SAFETY: aligned blocks up to the one holding the terminator (readable).
    unsafe {
        let m = zero_mask(zero_at_nul_or(load_aligned!(p, 0), cv)) >> off << off;
        if m != 0 {
            return p.add(m.trailing_zeros() as usize) as *mut c_char;
        }
        p = p.add(VEC);
        while p as usize & (4 * VEC - 1) != 0 {
            let m = zero_mask(zero_at_nul_or(load_aligned!(p, 0), cv));
            if m != 0 {
                return p.add(m.trailing_zeros() as usize) as *mut c_char;
            }
            p = p.add(VEC);
        }
        loop {
            let a = zero_at_nul_or(load_aligned!(p, 0), cv);
            let b = zero_at_nul_or(load_aligned!(p, 32), cv);
            let c = zero_at_nul_or(load_aligned!(p, 64), cv);
            let d = zero_at_nul_or(load_aligned!(p, 96), cv);
            if zero_mask(min4(a, b, c, d)) != 0 {
                let lo = zero_mask(a) as u64 | (zero_mask(b) as u64) << 32;
                if lo != 0 {
                    return p.add(lo.trailing_zeros() as usize) as *mut c_char;
                }
                let hi = zero_mask(c) as u64 | (zero_mask(d) as u64) << 32;
                return p.add(64 + hi.trailing_zeros() as usize) as *mut c_char;
            }
            p = p.add(4 * VEC);
        }
    }
}

/// `memchr`: aligned blocks, bytes outside [s, s + n) masked off.
#[target_feature(enable = "avx2")]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    if n == 0 {
        return core::ptr::null_mut();
    }
    let s = s as *const u8;
    let cv = _mm256_set1_epi8(c as i8);
    let off = s as usize & (VEC - 1);
    let mut p = s.wrapping_sub(off);
    // Bytes left from p on, counting the skipped head (no overflow: the object fits in memory).
    let mut left = n.saturating_add(off);
    // SAFETY: every aligned block read holds at least one byte of [s, s + n).
    unsafe {
        let mut m = eq_mask(load_aligned!(p, 0), cv) >> off << off;
        if left > VEC {
            if m != 0 {
                return p.add(m.trailing_zeros() as usize) as *mut c_void;
            }
            p = p.add(VEC);
            left -= VEC;
            // Single blocks up to a 128-byte boundary: the 4-block loop then never
            // reads past the 128-byte group of a match (strnlen passes n = SIZE_MAX).
            while p as usize & (4 * VEC - 1) != 0 && left > VEC {
                let m = eq_mask(load_aligned!(p, 0), cv);
                if m != 0 {
                    return p.add(m.trailing_zeros() as usize) as *mut c_void;
                }
                p = p.add(VEC);
                left -= VEC;
            }
            // 128 bytes per step while all four blocks lie inside the range (asm:
            // the loads fold into vpcmpeqb); stops at a group with a match. p is
            // 128-byte aligned, so a group never crosses a page.
            if left > 4 * VEC {
                let found: u32;
                asm!(
                    "2:",
                    "vpcmpeqb {a}, {c}, ymmword ptr [{p}]",
                    "vpcmpeqb {b}, {c}, ymmword ptr [{p} + 32]",
                    "vpor {a}, {a}, {b}",
                    "vpcmpeqb {b}, {c}, ymmword ptr [{p} + 64]",
                    "vpor {a}, {a}, {b}",
                    "vpcmpeqb {b}, {c}, ymmword ptr [{p} + 96]",
                    "vpor {a}, {a}, {b}",
                    "vpmovmskb {m:e}, {a}",
                    "test {m:e}, {m:e}",
                    "jnz 3f",
                    "add {p}, 128",
                    "sub {left}, 128",
                    "cmp {left}, 128",
                    "ja 2b",
                    "3:",
                    p = inout(reg) p,
                    left = inout(reg) left,
                    a = out(ymm_reg) _,
                    b = out(ymm_reg) _,
                    c = in(ymm_reg) cv,
                    m = out(reg) found,
                    options(readonly, nostack),
                );
                if found != 0 {
                    let a = _mm256_cmpeq_epi8(load_aligned!(p, 0), cv);
                    let b = _mm256_cmpeq_epi8(load_aligned!(p, 32), cv);
                    let lo = _mm256_movemask_epi8(a) as u32 as u64 | (_mm256_movemask_epi8(b) as u32 as u64) << 32;
                    if lo != 0 {
                        return p.add(lo.trailing_zeros() as usize) as *mut c_void;
                    }
                    let c = _mm256_cmpeq_epi8(load_aligned!(p, 64), cv);
                    let d = _mm256_cmpeq_epi8(load_aligned!(p, 96), cv);
                    let hi = _mm256_movemask_epi8(c) as u32 as u64 | (_mm256_movemask_epi8(d) as u32 as u64) << 32;
                    return p.add(64 + hi.trailing_zeros() as usize) as *mut c_void;
                }
            }
            m = eq_mask(load_aligned!(p, 0), cv);
        }
        // SAFETY: every block the tail reads holds a byte of [s, s + n).
        super::scan::memchr_tail::<VEC>(p, left, m, |q| eq_mask(load_aligned!(q, 0), cv))
    }
}

/// Difference of the first differing byte of the 32-byte blocks at `a` and `b`
/// whose equality mask is `eq` (not all ones).
#[inline]
unsafe fn first_diff(a: *const u8, b: *const u8, eq: u32) -> c_int {
    let j = (!eq).trailing_zeros() as usize;
    // SAFETY: j < 32 lies inside both blocks (caller).
    unsafe { *a.add(j) as c_int - *b.add(j) as c_int }
}

/// `memcmp` for n >= 32: 128 bytes per step, then 32-byte blocks, the last one
/// overlapping (all loads within [0, n)).
#[target_feature(enable = "avx2")]
pub unsafe fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    let mut i = 0;
    // SAFETY: every load covers bytes inside [0, n), readable by the caller's contract.
    unsafe {
        while i + 4 * VEC <= n {
            let e0 = _mm256_and_si256(_mm256_cmpeq_epi8(ldu!(a.add(i)), ldu!(b.add(i))), _mm256_cmpeq_epi8(ldu!(a.add(i + 32)), ldu!(b.add(i + 32))));
            let e1 = _mm256_and_si256(_mm256_cmpeq_epi8(ldu!(a.add(i + 64)), ldu!(b.add(i + 64))), _mm256_cmpeq_epi8(ldu!(a.add(i + 96)), ldu!(b.add(i + 96))));
            if _mm256_movemask_epi8(_mm256_and_si256(e0, e1)) != -1 {
                break;
            }
            i += 4 * VEC;
        }
        while i < n {
            if i + VEC > n {
                i = n - VEC;
            }
            let eq = _mm256_movemask_epi8(_mm256_cmpeq_epi8(ldu!(a.add(i)), ldu!(b.add(i)))) as u32;
            if eq != u32::MAX {
                return first_diff(a.add(i), b.add(i), eq);
            }
            i += VEC;
        }
    }
    0
}

/// `memcpy`/forward `memmove` of n > 128 bytes (d below s or no overlap):
/// head and last 128 bytes loaded before anything is stored, aligned 32-byte
/// stores in between.
#[target_feature(enable = "avx2")]
pub unsafe fn copy_forward(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: n readable bytes at s, n writable at d; a forward walk never
    // overwrites source bytes it has yet to read when d <= s. Every store lies in [d, d + n).
    unsafe {
        let head = ldu!(s);
        let t = n - 4 * VEC;
        let (t0, t1, t2, t3) = (ldu!(s.add(t)), ldu!(s.add(t + VEC)), ldu!(s.add(t + 2 * VEC)), ldu!(s.add(t + 3 * VEC)));
        let skip = VEC - (d as usize & (VEC - 1));
        let (mut dp, mut sp) = (d.add(skip), s.add(skip));
        let end = d.add(t);
        while dp < end {
            let (a, b, c, e) = (ldu!(sp), ldu!(sp.add(32)), ldu!(sp.add(64)), ldu!(sp.add(96)));
            store_aligned(dp, a);
            store_aligned(dp.add(32), b);
            store_aligned(dp.add(64), c);
            store_aligned(dp.add(96), e);
            dp = dp.add(4 * VEC);
            sp = sp.add(4 * VEC);
        }
        _mm256_storeu_si256(d.add(t) as *mut __m256i, t0);
        _mm256_storeu_si256(d.add(t + VEC) as *mut __m256i, t1);
        _mm256_storeu_si256(d.add(t + 2 * VEC) as *mut __m256i, t2);
        _mm256_storeu_si256(d.add(t + 3 * VEC) as *mut __m256i, t3);
        _mm256_storeu_si256(d as *mut __m256i, head);
    }
}

/// Opaque aligned 32-byte store (keeps LLVM from turning the loop into a memcpy call).
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn store_aligned(p: *mut u8, v: __m256i) {
    // SAFETY: p is 32-byte aligned and 32 bytes at p are writable (caller).
    unsafe { asm!("vmovdqa ymmword ptr [{}], {}", in(reg) p, in(ymm_reg) v, options(nostack, preserves_flags)) };
}
