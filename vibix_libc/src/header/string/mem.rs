//! `mem*` functions: SSE2 for copying, filling, comparing and searching.
//! Small sizes use a few overlapping loads/stores instead of loops; the copy
//! and fill loops store aligned 64-byte blocks (see simd.rs for why every
//! access is opaque asm).
use core::ffi::{c_int, c_void};

use super::select::{call_slot, impl_slot};
use super::simd::{self, load, load2, load4, load8, load_aligned, load_aligned_at, load_at, store, store1, store2, store4, store8, store_aligned_at, VEC};

/// Copies n <= 16 bytes, loading everything before storing (so overlap is fine).
#[inline(always)]
unsafe fn copy_small(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: n bytes readable at s and writable at d (callers); the two
    // accesses of each size class overlap and stay within [0, n).
    unsafe {
        if n >= 8 {
            let (a, b) = (load8(s), load8(s.add(n - 8)));
            store8(d, a);
            store8(d.add(n - 8), b);
        } else if n >= 4 {
            let (a, b) = (load4(s), load4(s.add(n - 4)));
            store4(d, a);
            store4(d.add(n - 4), b);
        } else if n >= 2 {
            let (a, b) = (load2(s), load2(s.add(n - 2)));
            store2(d, a);
            store2(d.add(n - 2), b);
        } else if n == 1 {
            store1(d, *s);
        }
    }
}

/// Copies 16 < n <= 64 bytes, all loads before all stores (overlap is fine).
#[inline(always)]
unsafe fn copy_medium(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: n bytes readable at s and writable at d; every block lies in [0, n).
    unsafe {
        if n <= 2 * VEC {
            let (a, b) = (load(s), load(s.add(n - VEC)));
            store(d, a);
            store(d.add(n - VEC), b);
        } else {
            let (a, b) = (load(s), load(s.add(VEC)));
            let (c, e) = (load(s.add(n - 2 * VEC)), load(s.add(n - VEC)));
            store(d, a);
            store(d.add(VEC), b);
            store(d.add(n - 2 * VEC), c);
            store(d.add(n - VEC), e);
        }
    }
}

/// Copies n > 64 bytes front to back; safe when `d` is below `s` or the two do
/// not overlap. The head and the last 64 bytes are loaded before anything is
/// stored; the loop stores aligned blocks in between.
unsafe fn copy_forward(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: n bytes readable at s and writable at d. A forward walk never
    // overwrites source bytes it has yet to read when d <= s.
    unsafe {
        let head = load(s);
        let t = n - 4 * VEC;
        let (t0, t1, t2, t3) = (load(s.add(t)), load(s.add(t + VEC)), load(s.add(t + 2 * VEC)), load(s.add(t + 3 * VEC)));
        let skip = VEC - (d as usize & (VEC - 1));
        let (mut dp, mut sp) = (d.add(skip), s.add(skip));
        let end = d.add(t);
        while dp < end {
            let (a, b, c, e) = (load_at::<0>(sp), load_at::<16>(sp), load_at::<32>(sp), load_at::<48>(sp));
            store_aligned_at::<0>(dp, a);
            store_aligned_at::<16>(dp, b);
            store_aligned_at::<32>(dp, c);
            store_aligned_at::<48>(dp, e);
            dp = dp.add(4 * VEC);
            sp = sp.add(4 * VEC);
        }
        store(d.add(t), t0);
        store(d.add(t + VEC), t1);
        store(d.add(t + 2 * VEC), t2);
        store(d.add(t + 3 * VEC), t3);
        store(d, head);
    }
}

/// Copies n > 64 bytes forward ([`copy_forward`]'s contract): AVX2 above 128
/// bytes when available.
#[inline(never)]
unsafe fn copy_long(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: copy_forward's contract (callers); AVX2 only when available.
    unsafe {
        if n > 8 * VEC && crate::cpu::avx2() {
            super::avx2::copy_forward(d, s, n);
        } else {
            copy_forward(d, s, n);
        }
    }
}

/// Copies n > 64 bytes back to front, for `d` above an overlapping `s`.
unsafe fn copy_backward(d: *mut u8, s: *const u8, n: usize) {
    // SAFETY: as copy_forward, mirrored: with d > s, a backward walk never
    // overwrites source bytes it has yet to read.
    unsafe {
        let tail = load(s.add(n - VEC));
        let (h0, h1, h2, h3) = (load(s), load(s.add(VEC)), load(s.add(2 * VEC)), load(s.add(3 * VEC)));
        let de = d.add(n);
        let skip = de as usize & (VEC - 1);
        let (mut dp, mut sp) = (de.sub(skip), s.add(n - skip));
        let start = d.add(4 * VEC);
        while dp > start {
            dp = dp.sub(4 * VEC);
            sp = sp.sub(4 * VEC);
            let (a, b, c, e) = (load_at::<48>(sp), load_at::<32>(sp), load_at::<16>(sp), load_at::<0>(sp));
            store_aligned_at::<48>(dp, a);
            store_aligned_at::<32>(dp, b);
            store_aligned_at::<16>(dp, c);
            store_aligned_at::<0>(dp, e);
        }
        store(d, h0);
        store(d.add(VEC), h1);
        store(d.add(2 * VEC), h2);
        store(d.add(3 * VEC), h3);
        store(de.sub(VEC), tail);
    }
}

/// POSIX `memcpy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    let (d, s) = (dst as *mut u8, src as *const u8);
    // SAFETY: the caller guarantees n readable bytes at src and n writable at dst.
    unsafe {
        if n <= VEC {
            copy_small(d, s, n);
        } else if n <= 4 * VEC {
            copy_medium(d, s, n);
        } else {
            copy_long(d, s, n);
        }
    }
    dst
}

/// POSIX `memmove`: like memcpy, but walks backwards when the destination
/// overlaps the source's tail.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    let (d, s) = (dst as *mut u8, src as *const u8);
    // SAFETY: as memcpy; the small and medium copies load before they store.
    unsafe {
        if n <= VEC {
            copy_small(d, s, n);
        } else if n <= 4 * VEC {
            copy_medium(d, s, n);
        } else if (d as usize).wrapping_sub(s as usize) >= n {
            copy_long(d, s, n);
        } else {
            copy_backward(d, s, n);
        }
    }
    dst
}

/// POSIX `memset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut c_void, c: c_int, n: usize) -> *mut c_void {
    let d = dst as *mut u8;
    let b = c as u8;
    // SAFETY: the caller guarantees n writable bytes at dst; every store lies in [0, n).
    unsafe {
        if n <= VEC {
            let w = (b as u64) * 0x0101_0101_0101_0101;
            if n >= 8 {
                store8(d, w);
                store8(d.add(n - 8), w);
            } else if n >= 4 {
                store4(d, w as u32);
                store4(d.add(n - 4), w as u32);
            } else if n >= 2 {
                store2(d, w as u16);
                store2(d.add(n - 2), w as u16);
            } else if n == 1 {
                store1(d, b);
            }
            return dst;
        }
        let v = simd::splat(b);
        store(d, v);
        store(d.add(n - VEC), v);
        if n <= 2 * VEC {
            return dst;
        }
        store(d.add(VEC), v);
        store(d.add(n - 2 * VEC), v);
        if n <= 4 * VEC {
            return dst;
        }
        let t = n - 4 * VEC;
        let mut p = d.add(VEC - (d as usize & (VEC - 1)));
        let end = d.add(t);
        while p < end {
            store_aligned_at::<0>(p, v);
            store_aligned_at::<16>(p, v);
            store_aligned_at::<32>(p, v);
            store_aligned_at::<48>(p, v);
            p = p.add(4 * VEC);
        }
        store(end, v);
        store(end.add(VEC), v);
    }
    dst
}

/// Difference of the first differing byte of two words loaded from memory
/// (little endian: the lowest differing byte comes first).
#[inline(always)]
fn word_diff(x: u64, y: u64) -> c_int {
    let shift = (x ^ y).trailing_zeros() & !7;
    ((x >> shift) as u8) as c_int - ((y >> shift) as u8) as c_int
}

/// POSIX `memcmp`: 16 bytes at a time; the tail is one overlapping block.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    let (a, b) = (a as *const u8, b as *const u8);
    // SAFETY: all reads are within [0, n), which the caller guarantees readable.
    unsafe {
        if n < VEC {
            if n >= 8 {
                let (x, y) = (load8(a), load8(b));
                if x != y {
                    return word_diff(x, y);
                }
                let (x, y) = (load8(a.add(n - 8)), load8(b.add(n - 8)));
                return if x != y { word_diff(x, y) } else { 0 };
            }
            if n >= 4 {
                let x = load4(a) as u64 | (load4(a.add(n - 4)) as u64) << 32;
                let y = load4(b) as u64 | (load4(b.add(n - 4)) as u64) << 32;
                return if x != y { word_diff(x, y) } else { 0 };
            }
            for i in 0..n {
                let (x, y) = (*a.add(i), *b.add(i));
                if x != y {
                    return x as c_int - y as c_int;
                }
            }
            return 0;
        }
        if n >= 2 * VEC {
            return memcmp_long(a, b, n);
        }
        memcmp_sse2(a, b, n)
    }
}

/// `memcmp` of n >= 32 bytes: AVX2 when available (out of line, so the short
/// compares above need no stack frame).
#[inline(never)]
unsafe fn memcmp_long(a: *const u8, b: *const u8, n: usize) -> c_int {
    // SAFETY: n readable bytes at a and b (memcmp's contract); AVX2 only when available.
    unsafe {
        if crate::cpu::avx2() {
            return super::avx2::memcmp(a as _, b as _, n);
        }
        memcmp_sse2(a, b, n)
    }
}

/// `memcmp` of n >= 16 bytes with SSE2.
#[inline(always)]
unsafe fn memcmp_sse2(a: *const u8, b: *const u8, n: usize) -> c_int {
    // SAFETY: all reads are within [0, n), which the caller guarantees readable.
    unsafe {
        let mut i = 0;
        // 64 bytes per step until a difference; the 16-byte loop below finds it.
        while i + 4 * VEC <= n {
            let (x, y) = (a.add(i), b.add(i));
            let e0 = simd::and(simd::eq(load_at::<0>(x), load_at::<0>(y)), simd::eq(load_at::<16>(x), load_at::<16>(y)));
            let e1 = simd::and(simd::eq(load_at::<32>(x), load_at::<32>(y)), simd::eq(load_at::<48>(x), load_at::<48>(y)));
            if simd::movemask(simd::and(e0, e1)) != 0xffff {
                break;
            }
            i += 4 * VEC;
        }
        if i >= n {
            return 0;
        }
        loop {
            if i + VEC > n {
                i = n - VEC;
            }
            let m = !simd::same_mask(load(a.add(i)), load(b.add(i))) & 0xffff;
            if m != 0 {
                let j = i + m.trailing_zeros() as usize;
                return *a.add(j) as c_int - *b.add(j) as c_int;
            }
            i += VEC;
            if i >= n {
                return 0;
            }
        }
    }
}

/// `bcmp`: zero iff equal.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int {
    // SAFETY: same contract as memcmp.
    unsafe { memcmp(a, b, n) }
}

impl_slot!(MEMCHR, memchr_first, (s: *const c_void, c: c_int, n: usize) -> *mut c_void, memchr_sse2, super::avx2::memchr);

/// POSIX `memchr` (SSE2 or AVX2, see select.rs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    call_slot!(MEMCHR, (s: *const c_void, c: c_int, n: usize) -> *mut c_void)
}

/// `memchr` with SSE2: aligned 16-byte blocks; bytes of the first and last
/// block outside [s, s + n) are masked off (the blocks never cross a page).
unsafe extern "C" fn memchr_sse2(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    if n == 0 {
        return core::ptr::null_mut();
    }
    let s = s as *const u8;
    let cv = simd::splat(c as u8);
    let off = s as usize & (VEC - 1);
    let mut p = s.wrapping_sub(off);
    // Bytes left from p on, counting the skipped head (no overflow: the object fits in memory).
    let mut left = n.saturating_add(off);
    // SAFETY: every aligned block read holds at least one byte of [s, s + n).
    unsafe {
        let mut m = simd::eq_mask(load_aligned(p), cv) >> off << off;
        if left > VEC {
            if m != 0 {
                return p.add(m.trailing_zeros() as usize) as *mut c_void;
            }
            p = p.add(VEC);
            left -= VEC;
            // Single blocks up to a 64-byte boundary: the 4-block loop then never
            // reads past the 64-byte group of a match (strnlen passes n = SIZE_MAX).
            while p as usize & (4 * VEC - 1) != 0 && left > VEC {
                let m = simd::eq_mask(load_aligned(p), cv);
                if m != 0 {
                    return p.add(m.trailing_zeros() as usize) as *mut c_void;
                }
                p = p.add(VEC);
                left -= VEC;
            }
            // 64 bytes per step while all four blocks lie inside the range.
            while left > 4 * VEC {
                let (a, b) = (simd::eq(load_aligned_at::<0>(p), cv), simd::eq(load_aligned_at::<16>(p), cv));
                let (c, d) = (simd::eq(load_aligned_at::<32>(p), cv), simd::eq(load_aligned_at::<48>(p), cv));
                if simd::movemask(simd::or(simd::or(a, b), simd::or(c, d))) != 0 {
                    // The match is in one of these blocks: the loop below finds it.
                    break;
                }
                p = p.add(4 * VEC);
                left -= 4 * VEC;
            }
            m = simd::eq_mask(load_aligned(p), cv);
        }
        // SAFETY: every block the tail reads holds a byte of [s, s + n).
        super::scan::memchr_tail::<VEC>(p, left, m, |q| simd::eq_mask(load_aligned(q), cv))
    }
}

/// GNU `memrchr`: aligned blocks from the end.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memrchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void {
    if n == 0 {
        return core::ptr::null_mut();
    }
    let s = s as *const u8;
    let cv = simd::splat(c as u8);
    let last = s.wrapping_add(n - 1);
    let mut p = last.wrapping_sub(last as usize & (VEC - 1));
    // SAFETY: every aligned block read holds at least one byte of [s, s + n);
    // bits before s and after the last byte are masked off.
    unsafe {
        let mut m = simd::eq_mask(load_aligned(p), cv) & (((2u64 << (last as usize & (VEC - 1))) - 1) as u32);
        loop {
            if p <= s {
                m &= !0u32 << (s as usize - p as usize);
                return if m != 0 { p.add(31 - m.leading_zeros() as usize) as *mut c_void } else { core::ptr::null_mut() };
            }
            if m != 0 {
                return p.add(31 - m.leading_zeros() as usize) as *mut c_void;
            }
            p = p.sub(VEC);
            m = simd::eq_mask(load_aligned(p), cv);
        }
    }
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
