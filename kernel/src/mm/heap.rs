//! The kernel heap: power-of-two size classes (16 B .. 2 KiB) carved from
//! single frames, and whole contiguous frame runs for anything larger.
use super::{frame, phys_to_virt, PAGE, PHYS_OFFSET};
use crate::sync::Global;
use core::alloc::{GlobalAlloc, Layout};

const CLASSES: usize = 8; // 16 << 0 ..= 16 << 7 = 2048

struct Heap {
    free: [*mut u8; CLASSES],
    /// Frames the heap holds: size-class frames (kept once carved) and large runs in use.
    frames: usize,
}

static HEAP: Global<Heap> = Global::new(Heap { free: [core::ptr::null_mut(); CLASSES], frames: 0 });

/// Frames the kernel heap holds now (the test runner's leak check leaves them out).
pub fn frames() -> usize {
    HEAP.get().frames
}

fn class_of(l: &Layout) -> Option<usize> {
    let size = l.size().max(l.align()).max(16).next_power_of_two();
    (size <= 2048).then(|| size.trailing_zeros() as usize - 4)
}

pub struct KernelHeap;

// SAFETY: blocks never overlap: each is handed out once until it is freed; sizes and
// alignments are rounded up to the block's power-of-two class (or whole pages).
unsafe impl GlobalAlloc for KernelHeap {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let Some(c) = class_of(&l) else {
            let pages = l.size().div_ceil(PAGE as usize);
            return match frame::alloc_contig(pages) {
                Some(p) => {
                    HEAP.get().frames += pages;
                    phys_to_virt(p)
                }
                None => core::ptr::null_mut(),
            };
        };
        let h = HEAP.get();
        if h.free[c].is_null() {
            let Some(p) = frame::alloc() else { return core::ptr::null_mut() };
            h.frames += 1;
            let base = phys_to_virt(p);
            let size = 16usize << c;
            for i in (0..PAGE as usize / size).rev() {
                // SAFETY: `base + i*size` is inside the fresh frame and aligned for a pointer.
                unsafe {
                    let b = base.add(i * size);
                    *(b as *mut *mut u8) = h.free[c];
                    h.free[c] = b;
                }
            }
        }
        let b = h.free[c];
        // SAFETY: `b` is a free block of this class; its first word links to the next one.
        h.free[c] = unsafe { *(b as *mut *mut u8) };
        b
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        match class_of(&l) {
            None => {
                let pages = l.size().div_ceil(PAGE as usize);
                HEAP.get().frames -= pages;
                frame::free_contig(p as u64 - PHYS_OFFSET, pages)
            }
            Some(c) => {
                let h = HEAP.get();
                // SAFETY: `p` came from `alloc` with the same layout, so it is a block of class `c`.
                unsafe { *(p as *mut *mut u8) = h.free[c] };
                h.free[c] = p;
            }
        }
    }
}
