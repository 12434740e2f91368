//! A small mmap-backed allocator for use after relocation: power-of-two size
//! classes with free lists, carved from 64 KiB chunks; big blocks get their own
//! mapping and are unmapped on free. Guarded by a spin lock.

use crate::sync::SpinLock;
use core::alloc::{GlobalAlloc, Layout};
use core::ptr::null_mut;
use rustix::mm::{mmap_anonymous, munmap, MapFlags, ProtFlags};

const CLASSES: usize = 9; // 16 .. 4096 bytes
const CHUNK: usize = 64 * 1024;

struct Heap {
    free: [*mut u8; CLASSES],
    cur: usize,
    end: usize,
    /// The first chunk is [`FIRST`] (in ld-vibix's bss: no mmap at start-up).
    first_used: bool,
}

/// Zero-filled memory in ld-vibix's own bss, handed out once.
#[repr(C, align(4096))]
pub struct StaticPages<const N: usize>(core::cell::UnsafeCell<[u8; N]>);
// SAFETY: handed out once (by the owner's lock or start-up), then owned by the taker.
unsafe impl<const N: usize> Sync for StaticPages<N> {}
impl<const N: usize> StaticPages<N> {
    pub const fn new() -> Self {
        Self(core::cell::UnsafeCell::new([0; N]))
    }
    pub fn as_ptr(&self) -> *mut u8 {
        self.0.get() as *mut u8
    }
}

static FIRST: StaticPages<CHUNK> = StaticPages::new();

pub struct LoaderAlloc {
    heap: SpinLock<Heap>,
}

// SAFETY: all state is behind the spin lock.
unsafe impl Sync for LoaderAlloc {}

#[global_allocator]
static ALLOC: LoaderAlloc =
    LoaderAlloc { heap: SpinLock::new(Heap { free: [null_mut(); CLASSES], cur: 0, end: 0, first_used: false }) };

/// fork: the allocator lock is held across the fork system call.
pub fn lock_for_fork() {
    ALLOC.heap.lock_held();
}

/// After fork, in the parent and the child.
///
/// # Safety
/// After [`lock_for_fork`] by this thread.
pub unsafe fn unlock_after_fork() {
    // SAFETY: forwarded contract.
    unsafe { ALLOC.heap.unlock_held() };
}

fn class_of(l: &Layout) -> Option<usize> {
    let sz = l.size().max(l.align()).max(16).next_power_of_two();
    let c = sz.trailing_zeros() as usize - 4;
    (c < CLASSES).then_some(c)
}

/// Anonymous read/write pages, or null.
pub fn map_pages(len: usize) -> *mut u8 {
    // SAFETY: a fresh anonymous mapping aliases nothing.
    unsafe { mmap_anonymous(null_mut(), len, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE) }
        .map(|p| p as *mut u8)
        .unwrap_or(null_mut())
}

fn page_round(n: usize) -> usize {
    (n + 4095) & !4095
}

// SAFETY: blocks are handed out once until freed; size classes are aligned to their size.
unsafe impl GlobalAlloc for LoaderAlloc {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let Some(c) = class_of(&l) else {
            return map_pages(page_round(l.size()));
        };
        let sz = 16usize << c;
        let mut h = self.heap.lock();
        let head = h.free[c];
        if !head.is_null() {
            // SAFETY: free blocks store the next pointer in their first word.
            h.free[c] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        let start = (h.cur + sz - 1) & !(sz - 1);
        if start + sz > h.end || h.cur == 0 {
            let p = if h.first_used { map_pages(CHUNK) } else { FIRST.as_ptr() };
            h.first_used = true;
            if p.is_null() {
                return p;
            }
            h.cur = p as usize;
            h.end = p as usize + CHUNK;
            let b = h.cur;
            h.cur += sz;
            return b as *mut u8;
        }
        h.cur = start + sz;
        start as *mut u8
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        match class_of(&l) {
            None => {
                // SAFETY: big blocks are whole mappings of this length.
                let _ = unsafe { munmap(p as *mut _, page_round(l.size())) };
            }
            Some(c) => {
                let mut h = self.heap.lock();
                // SAFETY: the block is ours and at least 16 bytes.
                unsafe { *(p as *mut *mut u8) = h.free[c] };
                h.free[c] = p;
            }
        }
    }
}
