//! Block-scan steps shared by the SSE2 (16-byte) and AVX2 (32-byte)
//! versions: the same loop at both widths, over each one's load-and-mask
//! primitive.
use core::ffi::c_void;

/// memchr's last blocks. `m` is the match mask of the `W`-byte aligned block
/// at `p`, `left` (> 0) the bytes of the range from `p` on, `mask_at(q)` the
/// match mask of the aligned block at `q`. Returns the first match inside
/// the range, or null.
///
/// # Safety
/// `p` is `W`-aligned and the range's bytes are readable, so every block
/// `mask_at` is given holds at least one of them (and lies in their page).
#[inline(always)]
pub unsafe fn memchr_tail<const W: usize>(mut p: *const u8, mut left: usize, mut m: u32, mask_at: impl Fn(*const u8) -> u32) -> *mut c_void {
    loop {
        if left <= W {
            m &= ((1u64 << left) - 1) as u32;
            // SAFETY: a set bit is a byte of this block inside the range.
            return if m != 0 { unsafe { p.add(m.trailing_zeros() as usize) as *mut c_void } } else { core::ptr::null_mut() };
        }
        if m != 0 {
            // SAFETY: as above.
            return unsafe { p.add(m.trailing_zeros() as usize) as *mut c_void };
        }
        // SAFETY: left > W: the next block still holds bytes of the range.
        p = unsafe { p.add(W) };
        left -= W;
        m = mask_at(p);
    }
}
