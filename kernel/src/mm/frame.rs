//! Physical page-frame allocator: a bitmap over the first 4 GiB (the part the
//! direct map covers), one bit per 4 KiB frame, 1 = in use. Single frames are
//! found from a moving hint; contiguous runs (kernel heap, stacks) by scan.
//! A user frame shared copy-on-write by several address spaces (fork) has a
//! share count: `free` drops one share and frees the frame only with the last.
use super::{phys_to_virt, PAGE};
use crate::sync::Global;

const MAX_FRAMES: usize = 1 << 20;

struct Frames {
    bits: [u64; MAX_FRAMES / 64],
    hint: usize,
    limit: usize,
    free: usize,
    total: usize,
}

/// Extra owners of each frame (0: one owner). Only whole user pages are shared.
static SHARES: Global<[u16; MAX_FRAMES]> = Global::new([0; MAX_FRAMES]);

static FRAMES: Global<Frames> = Global::new(Frames { bits: [!0; MAX_FRAMES / 64], hint: 0, limit: 0, free: 0, total: 0 });

impl Frames {
    fn used(&self, f: usize) -> bool {
        self.bits[f / 64] & (1 << (f % 64)) != 0
    }
    fn set(&mut self, f: usize, used: bool) {
        if used {
            self.bits[f / 64] |= 1 << (f % 64);
        } else {
            self.bits[f / 64] &= !(1 << (f % 64));
        }
    }
}

/// Marks `[start, end)` of usable RAM free, except the ranges in `reserved`.
pub fn add_region(start: u64, end: u64, reserved: &[(u64, u64)]) {
    let fr = FRAMES.get();
    let first = start.div_ceil(PAGE) as usize;
    let last = ((end / PAGE) as usize).min(MAX_FRAMES);
    for f in first..last {
        let a = f as u64 * PAGE;
        if a < 0x10_0000 || reserved.iter().any(|&(s, e)| a + PAGE > s && a < e) || !fr.used(f) {
            continue;
        }
        fr.set(f, false);
        fr.free += 1;
        fr.total += 1;
        fr.limit = fr.limit.max(f + 1);
    }
}

/// One frame, zero-filled.
pub fn alloc() -> Option<u64> {
    let fr = FRAMES.get();
    let limit = fr.limit;
    for i in 0..limit {
        let f = (fr.hint + i) % limit.max(1);
        if fr.bits[f / 64] == !0 {
            continue;
        }
        if !fr.used(f) {
            fr.set(f, true);
            fr.free -= 1;
            fr.hint = f + 1;
            let p = f as u64 * PAGE;
            // SAFETY: the frame was free, so nothing else refers to it; the direct map covers it.
            unsafe { core::ptr::write_bytes(phys_to_virt(p), 0, PAGE as usize) };
            return Some(p);
        }
    }
    None
}

/// `n` physically contiguous frames (not zeroed).
pub fn alloc_contig(n: usize) -> Option<u64> {
    let fr = FRAMES.get();
    let mut run = 0;
    for f in 0..fr.limit {
        if fr.used(f) {
            run = 0;
            continue;
        }
        run += 1;
        if run == n {
            let first = f + 1 - n;
            for g in first..=f {
                fr.set(g, true);
            }
            fr.free -= n;
            return Some(first as u64 * PAGE);
        }
    }
    None
}

/// Drops one owner of frame `p`; the last one frees it.
pub fn free(p: u64) {
    let sh = &mut SHARES.get()[(p / PAGE) as usize];
    if *sh > 0 {
        *sh -= 1;
        return;
    }
    free_contig(p, 1)
}

/// One more owner of the (in-use) frame `p`: a copy-on-write page after fork.
/// `false` when the count is saturated (the caller copies the page instead).
pub fn share(p: u64) -> bool {
    let sh = &mut SHARES.get()[(p / PAGE) as usize];
    if *sh == u16::MAX {
        return false;
    }
    *sh += 1;
    true
}

/// Whether another address space still owns frame `p`.
pub fn is_shared(p: u64) -> bool {
    SHARES.get()[(p / PAGE) as usize] > 0
}

pub fn free_contig(p: u64, n: usize) {
    let fr = FRAMES.get();
    let first = (p / PAGE) as usize;
    for f in first..first + n {
        assert!(fr.used(f), "double free of frame {:#x}", f as u64 * PAGE);
        fr.set(f, false);
    }
    fr.free += n;
    fr.hint = fr.hint.min(first);
}

/// Frames handed to the allocator at boot (free or in use).
pub fn total() -> usize {
    FRAMES.get().total
}

pub fn free_count() -> usize {
    FRAMES.get().free
}
