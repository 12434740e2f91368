//! malloc & co.
//!
//! Small and medium requests (≤ 256 KiB) are served from 52 size classes: 16-byte
//! steps up to 128, then four classes per power of two. Each block has a 16-byte
//! header (its class); freed blocks go onto their class's free list and are
//! reused LIFO. New blocks are carved by bumping through 1 MiB `mmap` chunks
//! (fresh pages cost nothing until touched). Larger requests get their own
//! `mmap` and are returned with `munmap`/grown with `mremap`. One futex lock
//! guards the class lists. Each thread keeps a small cache of free blocks of
//! the classes up to 2 KiB in its thread area ([`ThreadCache`]): a malloc/free
//! pair that hits it takes no lock and no atomic instruction; misses move
//! blocks between the cache and the shared lists in batches, under one lock.
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::header::string::mem::{memcpy, memset};
use crate::sync::Lock;
use crate::thread::area::set_errno;

const HDR: usize = 16;
const NCLASS: usize = 52;
const MAX_SMALL: usize = 256 * 1024;
const CHUNK: usize = 1 << 20;
const PAGE: usize = 4096;
const ENOMEM: c_int = 12;
const EINVAL: c_int = 22;

const TAG_CLASS: usize = 0;
const TAG_MMAP: usize = 1;
const TAG_ALIGNED: usize = 2;

/// Payload size of class `idx`.
pub const fn class_size(idx: usize) -> usize {
    if idx < 8 {
        16 * (idx + 1)
    } else {
        let k = 7 + (idx - 8) / 4;
        let j = (idx - 8) % 4;
        (1 << k) + (j + 1) * (1 << (k - 2))
    }
}

/// Smallest class whose payload holds `n` bytes (n ≤ MAX_SMALL).
pub const fn class_of(n: usize) -> usize {
    if n <= 128 {
        if n == 0 { 0 } else { (n + 15) / 16 - 1 }
    } else {
        let m = n - 1;
        let k = (usize::BITS - 1 - m.leading_zeros()) as usize;
        8 + 4 * (k - 7) + ((m - (1 << k)) >> (k - 2))
    }
}

struct Heap {
    free: [*mut u8; NCLASS],
    bump: *mut u8,
    bump_end: *mut u8,
}

static LOCK: Lock = Lock::new();
static mut HEAP: Heap = Heap { free: [null_mut(); NCLASS], bump: null_mut(), bump_end: null_mut() };

fn map(len: usize) -> *mut u8 {
    use rustix::mm::{mmap_anonymous, MapFlags, ProtFlags};
    // SAFETY: a fresh anonymous mapping aliases nothing.
    match unsafe { mmap_anonymous(null_mut(), len, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE) } {
        Ok(p) => p as *mut u8,
        Err(_) => null_mut(),
    }
}

/// Classes cached per thread (payloads up to 2 KiB).
pub const NCACHE: usize = 24;
/// Blocks a thread keeps per class; a full class hands half back.
const CACHE_MAX: u8 = 16;
/// Blocks moved from the shared lists on a miss.
const REFILL: usize = 8;

/// Free blocks a thread keeps for itself, in its thread area (zero = empty).
/// Only its own thread touches it; after [`thread_exit`] every class counts as
/// full and empty, so later frees and mallocs of the exiting thread go to the
/// shared lists.
#[repr(C)]
pub struct ThreadCache {
    head: [*mut u8; NCACHE],
    count: [u8; NCACHE],
}

#[inline(always)]
fn cache() -> *mut ThreadCache {
    // SAFETY: the calling thread's area lives as long as the thread.
    unsafe { &raw mut (*crate::thread::area::current()).mcache }
}

/// Pops or carves a block of class `idx`; returns the payload pointer.
#[inline]
fn alloc_class(idx: usize) -> *mut u8 {
    if idx < NCACHE {
        let c = cache();
        // SAFETY: our own thread's cache; cached blocks are free blocks of class
        // idx whose first payload word links the next one.
        unsafe {
            let head = (*c).head[idx];
            if !head.is_null() {
                (*c).head[idx] = *(head as *mut *mut u8);
                (*c).count[idx] -= 1;
                return head;
            }
            if (*c).count[idx] < CACHE_MAX {
                return refill(c, idx);
            }
        }
    }
    alloc_shared(idx)
}

/// A cache miss: up to REFILL blocks from the shared list (or fresh ones) under
/// one lock; returns one, keeps the rest.
#[cold]
unsafe fn refill(c: *mut ThreadCache, idx: usize) -> *mut u8 {
    let _g = LOCK.guard();
    // SAFETY: HEAP under LOCK; c is the calling thread's cache.
    unsafe {
        let h = &mut *(&raw mut HEAP);
        let first = carve_locked(h, idx);
        if first.is_null() {
            return first;
        }
        for _ in 1..REFILL {
            let b = carve_locked(h, idx);
            if b.is_null() {
                break;
            }
            *(b as *mut *mut u8) = (*c).head[idx];
            (*c).head[idx] = b;
            (*c).count[idx] += 1;
        }
        first
    }
}

/// Frees a class block into the thread's cache; a full class first hands half
/// of its blocks back to the shared list.
#[inline]
unsafe fn free_class(p: *mut u8, idx: usize) {
    if idx < NCACHE {
        let c = cache();
        // SAFETY: our own thread's cache; p is a free block of class idx.
        unsafe {
            if (*c).count[idx] < CACHE_MAX {
                *(p as *mut *mut u8) = (*c).head[idx];
                (*c).head[idx] = p;
                (*c).count[idx] += 1;
                return;
            }
            if !(*c).head[idx].is_null() {
                spill(c, idx, CACHE_MAX as usize / 2);
                *(p as *mut *mut u8) = (*c).head[idx];
                (*c).head[idx] = p;
                (*c).count[idx] += 1;
                return;
            }
        }
    }
    let _g = LOCK.guard();
    // SAFETY: HEAP under LOCK; the block's payload is ours to reuse.
    unsafe {
        let h = &mut *(&raw mut HEAP);
        *(p as *mut *mut u8) = h.free[idx];
        h.free[idx] = p;
    }
}

/// Moves `n` cached blocks of class `idx` to the shared list (one lock).
#[cold]
unsafe fn spill(c: *mut ThreadCache, idx: usize, n: usize) {
    let _g = LOCK.guard();
    // SAFETY: HEAP under LOCK; c is the calling thread's cache.
    unsafe {
        let h = &mut *(&raw mut HEAP);
        for _ in 0..n {
            let b = (*c).head[idx];
            if b.is_null() {
                break;
            }
            (*c).head[idx] = *(b as *mut *mut u8);
            (*c).count[idx] -= 1;
            *(b as *mut *mut u8) = h.free[idx];
            h.free[idx] = b;
        }
    }
}

/// Thread exit (after the TSD destructors): the cache goes back to the shared
/// lists and stays off for the rest of the thread's life.
pub fn thread_exit() {
    let c = cache();
    for idx in 0..NCACHE {
        // SAFETY: our own thread's cache.
        unsafe {
            spill(c, idx, usize::MAX);
            (*c).count[idx] = CACHE_MAX;
        }
    }
}

/// Pops or carves a block of class `idx` from the shared lists.
fn alloc_shared(idx: usize) -> *mut u8 {
    let _g = LOCK.guard();
    // SAFETY: HEAP is only touched with LOCK held.
    unsafe { carve_locked(&mut *(&raw mut HEAP), idx) }
}

/// With LOCK held: a block of class `idx` from its free list or the bump chunk.
fn carve_locked(h: &mut Heap, idx: usize) -> *mut u8 {
    let head = h.free[idx];
    if !head.is_null() {
        // SAFETY: free blocks store the next pointer in their first payload word.
        h.free[idx] = unsafe { *(head as *mut *mut u8) };
        return head;
    }
    let need = class_size(idx) + HDR;
    if (h.bump_end as usize) - (h.bump as usize) < need {
        let c = map(CHUNK);
        if c.is_null() {
            return null_mut();
        }
        h.bump = c;
        // SAFETY: c..c+CHUNK is the new mapping.
        h.bump_end = unsafe { c.add(CHUNK) };
    }
    let b = h.bump;
    // SAFETY: need bytes fit between bump and bump_end (checked above).
    unsafe {
        h.bump = b.add(need);
        *(b as *mut usize) = (idx << 2) | TAG_CLASS;
        b.add(HDR)
    }
}

fn alloc_large(n: usize) -> *mut u8 {
    let Some(len) = n.checked_add(HDR + PAGE - 1).map(|l| l & !(PAGE - 1)) else {
        return null_mut();
    };
    let m = map(len);
    if m.is_null() {
        return null_mut();
    }
    // SAFETY: the mapping is at least HDR bytes long.
    unsafe {
        *(m as *mut usize) = len | TAG_MMAP;
        m.add(HDR)
    }
}

/// Header word of a live block.
#[inline]
unsafe fn tag(p: *mut u8) -> usize {
    // SAFETY: every block we hand out has a header HDR bytes before it.
    unsafe { *(p.sub(HDR) as *const usize) }
}

/// How many bytes the caller may use at `p`.
unsafe fn usable(p: *mut u8) -> usize {
    // SAFETY: p is a live block (caller contract).
    let t = unsafe { tag(p) };
    match t & 3 {
        TAG_CLASS => class_size(t >> 2),
        TAG_MMAP => (t & !3) - HDR,
        _ => {
            // SAFETY: aligned headers keep the underlying block in their second word.
            let raw = unsafe { *(p.sub(8) as *const *mut u8) };
            // SAFETY: raw is the live block containing p.
            unsafe { usable(raw) - (p as usize - raw as usize) }
        }
    }
}

/// POSIX `malloc`.
#[unsafe(no_mangle)]
pub extern "C" fn malloc(n: usize) -> *mut c_void {
    let p = if n <= MAX_SMALL { alloc_class(class_of(n)) } else { alloc_large(n) };
    if p.is_null() {
        set_errno(ENOMEM);
    }
    p as *mut c_void
}

/// POSIX `free`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn free(p: *mut c_void) {
    let p = p as *mut u8;
    if p.is_null() {
        return;
    }
    // SAFETY: p came from this allocator (caller contract).
    let t = unsafe { tag(p) };
    match t & 3 {
        // SAFETY: a live class block, now free.
        TAG_CLASS => unsafe { free_class(p, t >> 2) },
        TAG_MMAP => {
            // SAFETY: the mapping starts at the header and is (t & !3) bytes long.
            let _ = unsafe { rustix::mm::munmap(p.sub(HDR) as *mut c_void, t & !3) };
        }
        _ => {
            // SAFETY: the underlying block is in the second header word.
            unsafe { free(*(p.sub(8) as *const *mut c_void)) };
        }
    }
}

/// POSIX `calloc`.
#[unsafe(no_mangle)]
pub extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
    let Some(total) = n.checked_mul(size) else {
        set_errno(ENOMEM);
        return null_mut();
    };
    let p = malloc(total);
    // Fresh mmap pages are already zero.
    // SAFETY: p is a live block of at least `total` bytes.
    if !p.is_null() && unsafe { tag(p as *mut u8) } & 3 != TAG_MMAP {
        // SAFETY: as above.
        unsafe { memset(p, 0, total) };
    }
    p
}

/// POSIX `realloc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realloc(p: *mut c_void, n: usize) -> *mut c_void {
    if p.is_null() {
        return malloc(n);
    }
    // SAFETY: p is a live block (caller contract).
    let (t, have) = unsafe { (tag(p as *mut u8), usable(p as *mut u8)) };
    if n <= have && (n >= have / 2 || have <= 128) {
        return p;
    }
    if t & 3 == TAG_MMAP && n > MAX_SMALL {
        let new_len = (n + HDR + PAGE - 1) & !(PAGE - 1);
        // SAFETY: remapping our own mapping; its header moves with it.
        let r = unsafe {
            rustix::mm::mremap((p as *mut u8).sub(HDR) as *mut c_void, t & !3, new_len, rustix::mm::MremapFlags::MAYMOVE)
        };
        if let Ok(m) = r {
            // SAFETY: m is the (possibly moved) mapping with the header first.
            unsafe {
                *(m as *mut usize) = new_len | TAG_MMAP;
                return (m as *mut u8).add(HDR) as *mut c_void;
            }
        }
    }
    let q = malloc(n);
    if !q.is_null() {
        // SAFETY: both blocks are live; copy what both can hold.
        unsafe {
            memcpy(q, p, have.min(n));
            free(p);
        }
    }
    q
}

/// BSD `reallocarray`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn reallocarray(p: *mut c_void, n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        // SAFETY: forwarded contract.
        Some(t) => unsafe { realloc(p, t) },
        None => {
            set_errno(ENOMEM);
            null_mut()
        }
    }
}

fn alloc_aligned(align: usize, n: usize) -> *mut u8 {
    if align <= 16 {
        return malloc(n) as *mut u8;
    }
    let Some(total) = n.checked_add(align) else { return null_mut() };
    let raw = malloc(total) as *mut u8;
    if raw.is_null() || raw as usize % align == 0 {
        return raw;
    }
    let p = ((raw as usize + HDR + align - 1) & !(align - 1)) as *mut u8;
    // SAFETY: raw + HDR <= p and p + n <= raw + total, so the header and payload
    // lie inside raw's block.
    unsafe {
        *(p.sub(HDR) as *mut usize) = TAG_ALIGNED;
        *(p.sub(8) as *mut *mut u8) = raw;
    }
    p
}

/// POSIX `posix_memalign`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_memalign(out: *mut *mut c_void, align: usize, n: usize) -> c_int {
    if !align.is_power_of_two() || align % core::mem::size_of::<usize>() != 0 {
        return EINVAL;
    }
    let p = alloc_aligned(align, n);
    if p.is_null() {
        return ENOMEM;
    }
    // SAFETY: out is writable (caller contract).
    unsafe { *out = p as *mut c_void };
    0
}

/// C11 `aligned_alloc`.
#[unsafe(no_mangle)]
pub extern "C" fn aligned_alloc(align: usize, n: usize) -> *mut c_void {
    if !align.is_power_of_two() {
        set_errno(EINVAL);
        return null_mut();
    }
    let p = alloc_aligned(align, n);
    if p.is_null() {
        set_errno(ENOMEM);
    }
    p as *mut c_void
}

/// `memalign` (obsolete).
#[unsafe(no_mangle)]
pub extern "C" fn memalign(align: usize, n: usize) -> *mut c_void {
    aligned_alloc(align, n)
}

/// `valloc` (obsolete).
#[unsafe(no_mangle)]
pub extern "C" fn valloc(n: usize) -> *mut c_void {
    aligned_alloc(PAGE, n)
}

/// `pvalloc` (obsolete).
#[unsafe(no_mangle)]
pub extern "C" fn pvalloc(n: usize) -> *mut c_void {
    aligned_alloc(PAGE, (n + PAGE - 1) & !(PAGE - 1))
}

/// GNU `malloc_usable_size`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn malloc_usable_size(p: *mut c_void) -> usize {
    if p.is_null() {
        return 0;
    }
    // SAFETY: p is a live block (caller contract).
    unsafe { usable(p as *mut u8) }
}

/// Resets the lock in a fork child (another thread may have held it).
pub fn after_fork_child() {
    LOCK.0.store(crate::sync::UNLOCKED, core::sync::atomic::Ordering::Relaxed);
}
pub fn before_fork() {
    LOCK.lock();
}
pub fn after_fork_parent() {
    LOCK.unlock();
}

/// Rust's allocator inside libc.
pub struct LibcAlloc;

// SAFETY: malloc/free honour the GlobalAlloc contract (alignment handled by
// alloc_aligned, all blocks 16-aligned otherwise).
unsafe impl core::alloc::GlobalAlloc for LibcAlloc {
    unsafe fn alloc(&self, l: core::alloc::Layout) -> *mut u8 {
        alloc_aligned(l.align(), l.size())
    }
    unsafe fn dealloc(&self, p: *mut u8, _: core::alloc::Layout) {
        // SAFETY: p came from alloc above.
        unsafe { free(p as *mut c_void) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn classes_cover_sizes() {
        for n in 0..=MAX_SMALL {
            let c = class_of(n);
            assert!(c < NCLASS && class_size(c) >= n);
            assert!(c == 0 || class_size(c - 1) < n, "n={n}");
        }
        assert_eq!(class_size(NCLASS - 1), MAX_SMALL);
    }
}
