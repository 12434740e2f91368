//! qsort (a stable merge sort, like glibc's, so ties come out in the same
//! order: insertion-sorted runs, then bottom-up merge passes that alternate
//! between the array and one malloc'd buffer; 4- and 8-byte elements move as
//! words) and bsearch. Without memory it falls back to an in-place heap sort.
use core::ffi::{c_int, c_void};

use super::malloc::{free, malloc};
use crate::header::string::mem::memcpy;

type Cmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;
type CmpR = unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int;

/// "a sorts before or equal to b", monomorphized per comparator kind.
trait Order {
    unsafe fn le(&self, a: *const u8, b: *const u8) -> bool;
}

struct Plain(Cmp);
struct WithArg(CmpR, *mut c_void);

impl Order for Plain {
    #[inline(always)]
    unsafe fn le(&self, a: *const u8, b: *const u8) -> bool {
        // SAFETY: the caller's comparator on two elements of its array.
        unsafe { (self.0)(a as _, b as _) <= 0 }
    }
}

impl Order for WithArg {
    #[inline(always)]
    unsafe fn le(&self, a: *const u8, b: *const u8) -> bool {
        // SAFETY: as above, with the caller's argument.
        unsafe { (self.0)(a as _, b as _, self.1) <= 0 }
    }
}

/// Copies one element, monomorphized for 4- and 8-byte elements.
trait Elem {
    fn size(&self) -> usize;
    unsafe fn copy(&self, dst: *mut u8, src: *const u8);
}

struct E4;
struct E8;
struct Bytes(usize);

impl Elem for E4 {
    #[inline(always)]
    fn size(&self) -> usize {
        4
    }
    #[inline(always)]
    unsafe fn copy(&self, dst: *mut u8, src: *const u8) {
        // SAFETY: both point at 4-byte elements (maybe unaligned).
        unsafe { (dst as *mut u32).write_unaligned((src as *const u32).read_unaligned()) }
    }
}

impl Elem for E8 {
    #[inline(always)]
    fn size(&self) -> usize {
        8
    }
    #[inline(always)]
    unsafe fn copy(&self, dst: *mut u8, src: *const u8) {
        // SAFETY: both point at 8-byte elements (maybe unaligned).
        unsafe { (dst as *mut u64).write_unaligned((src as *const u64).read_unaligned()) }
    }
}

impl Elem for Bytes {
    #[inline(always)]
    fn size(&self) -> usize {
        self.0
    }
    #[inline(always)]
    unsafe fn copy(&self, dst: *mut u8, src: *const u8) {
        // SAFETY: both point at elements of self.0 bytes, in different places.
        unsafe { memcpy(dst as _, src as _, self.0) };
    }
}

/// Sorted runs of this many elements (insertion sort) start the merging.
const RUN: usize = 12;

/// Stable insertion sort of the `n` elements at `p`; `slot` holds one element.
#[inline(always)]
unsafe fn insertion_sort<E: Elem, O: Order>(p: *mut u8, n: usize, slot: *mut u8, e: &E, o: &O) {
    let sz = e.size();
    // SAFETY: all indices are below n; slot is separate scratch.
    unsafe {
        for i in 1..n {
            let cur = p.add(i * sz);
            if o.le(cur.sub(sz), cur) {
                continue;
            }
            e.copy(slot, cur);
            let mut j = i;
            while j > 0 && !o.le(p.add((j - 1) * sz), slot) {
                e.copy(p.add(j * sz), p.add((j - 1) * sz));
                j -= 1;
            }
            e.copy(p.add(j * sz), slot);
        }
    }
}

/// Merges the sorted runs src[0..m) and src[m..n) (elements) into dst, stably.
#[inline(always)]
unsafe fn merge<E: Elem, O: Order>(src: *const u8, dst: *mut u8, m: usize, n: usize, e: &E, o: &O) {
    let sz = e.size();
    // SAFETY: reads stay in src[0..n), writes in dst[0..n); the buffers differ.
    unsafe {
        let (mut i, mid, mut j, end) = (src, src.add(m * sz), src.add(m * sz), src.add(n * sz));
        let mut k = dst;
        // Already in order (or no right run: m == n, where mid is one past
        // the end and must not reach the comparator): one copy.
        if mid < end && !o.le(mid.sub(sz), mid) {
            while i < mid && j < end {
                if o.le(i, j) {
                    e.copy(k, i);
                    i = i.add(sz);
                } else {
                    e.copy(k, j);
                    j = j.add(sz);
                }
                k = k.add(sz);
            }
        }
        if i < mid {
            memcpy(k as _, i as _, mid as usize - i as usize);
            k = k.add(mid as usize - i as usize);
        }
        if j < end {
            memcpy(k as _, j as _, end as usize - j as usize);
        }
    }
}

/// Bottom-up stable merge sort of base[0..n) with tmp (n elements) as the
/// other buffer of each pass; the result ends in base.
unsafe fn merge_sort<E: Elem, O: Order>(base: *mut u8, tmp: *mut u8, n: usize, e: E, o: O) {
    let sz = e.size();
    // SAFETY: every run lies within the n elements of both buffers.
    unsafe {
        let mut start = 0;
        while start < n {
            let len = RUN.min(n - start);
            insertion_sort(base.add(start * sz), len, tmp, &e, &o);
            start += len;
        }
        let (mut src, mut dst) = (base, tmp);
        let mut width = RUN;
        while width < n {
            let mut start = 0;
            while start < n {
                let m = width.min(n - start);
                let len = (2 * width).min(n - start);
                merge(src.add(start * sz), dst.add(start * sz), m, len, &e, &o);
                start += len;
            }
            core::mem::swap(&mut src, &mut dst);
            width *= 2;
        }
        if src != base {
            memcpy(base as _, src as _, n * sz);
        }
    }
}

/// In-place heap sort: the fallback when no scratch memory is available.
unsafe fn heap_sort<O: Order>(base: *mut u8, n: usize, size: usize, cmp: &O) {
    let swap = |a: usize, b: usize| {
        // SAFETY: a, b < n.
        unsafe {
            for k in 0..size {
                core::ptr::swap(base.add(a * size + k), base.add(b * size + k));
            }
        }
    };
    let sift = |mut root: usize, end: usize| {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            // SAFETY: child + 1 < end <= n.
            if child + 1 < end && unsafe { !cmp.le(base.add((child + 1) * size), base.add(child * size)) } {
                child += 1;
            }
            // SAFETY: root, child < n.
            if unsafe { cmp.le(base.add(child * size), base.add(root * size)) } {
                break;
            }
            swap(root, child);
            root = child;
        }
    };
    for i in (0..n / 2).rev() {
        sift(i, n);
    }
    for end in (1..n).rev() {
        swap(0, end);
        sift(0, end);
    }
}

unsafe fn sort<O: Order>(base: *mut c_void, n: usize, size: usize, cmp: O) {
    if n < 2 || size == 0 {
        return;
    }
    let base = base as *mut u8;
    let tmp = malloc(n.saturating_mul(size)) as *mut u8;
    // SAFETY: base has n elements of `size` bytes; tmp as many (or NULL).
    unsafe {
        if tmp.is_null() {
            heap_sort(base, n, size, &cmp);
            return;
        }
        match size {
            4 => merge_sort(base, tmp, n, E4, cmp),
            8 => merge_sort(base, tmp, n, E8, cmp),
            _ => merge_sort(base, tmp, n, Bytes(size), cmp),
        }
        free(tmp as *mut c_void);
    }
}

/// C `qsort`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort(base: *mut c_void, n: usize, size: usize, cmp: Cmp) {
    // SAFETY: forwarded.
    unsafe { sort(base, n, size, Plain(cmp)) }
}

/// GNU `qsort_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort_r(base: *mut c_void, n: usize, size: usize, cmp: CmpR, arg: *mut c_void) {
    // SAFETY: forwarded.
    unsafe { sort(base, n, size, WithArg(cmp, arg)) }
}

/// C `bsearch`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bsearch(key: *const c_void, base: *const c_void, n: usize, size: usize, cmp: Cmp) -> *mut c_void {
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = (base as *const u8).wrapping_add(mid * size);
        // SAFETY: mid < n.
        let c = unsafe { cmp(key, p as _) };
        if c == 0 {
            return p as *mut c_void;
        }
        if c < 0 {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    core::ptr::null_mut()
}
