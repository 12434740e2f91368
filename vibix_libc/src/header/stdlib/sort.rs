//! qsort (a stable merge sort, like glibc's, so ties come out in the same
//! order) and bsearch.
use core::ffi::{c_int, c_void};

use super::malloc::{free, malloc};
use crate::header::string::mem::memcpy;

type Cmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;
type CmpR = unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int;

enum Compare {
    Plain(Cmp),
    WithArg(CmpR, *mut c_void),
}

impl Compare {
    unsafe fn le(&self, a: *const u8, b: *const u8) -> bool {
        // SAFETY: the caller's comparator on two elements of its array.
        unsafe {
            match *self {
                Compare::Plain(f) => f(a as _, b as _) <= 0,
                Compare::WithArg(f, arg) => f(a as _, b as _, arg) <= 0,
            }
        }
    }
}

/// Sorts base[0..n) using tmp (n*size bytes) as scratch.
unsafe fn merge_sort(base: *mut u8, tmp: *mut u8, n: usize, size: usize, cmp: &Compare) {
    if n < 2 {
        return;
    }
    // SAFETY: all indices stay below n elements of `size` bytes in both buffers.
    unsafe {
        if n <= 8 {
            // Stable insertion sort for short runs.
            for i in 1..n {
                let mut j = i;
                memcpy(tmp as _, base.add(i * size) as _, size);
                while j > 0 && !cmp.le(base.add((j - 1) * size), tmp) {
                    j -= 1;
                }
                if j != i {
                    core::ptr::copy(base.add(j * size), base.add((j + 1) * size), (i - j) * size);
                    memcpy(base.add(j * size) as _, tmp as _, size);
                }
            }
            return;
        }
        let mid = n / 2;
        merge_sort(base, tmp, mid, size, cmp);
        merge_sort(base.add(mid * size), tmp, n - mid, size, cmp);
        let (mut i, mut j, mut k) = (0, mid, 0);
        while i < mid && j < n {
            if cmp.le(base.add(i * size), base.add(j * size)) {
                memcpy(tmp.add(k * size) as _, base.add(i * size) as _, size);
                i += 1;
            } else {
                memcpy(tmp.add(k * size) as _, base.add(j * size) as _, size);
                j += 1;
            }
            k += 1;
        }
        if i < mid {
            memcpy(tmp.add(k * size) as _, base.add(i * size) as _, (mid - i) * size);
            k += mid - i;
        }
        memcpy(base as _, tmp as _, k * size);
    }
}

/// In-place heap sort: the fallback when no scratch memory is available.
unsafe fn heap_sort(base: *mut u8, n: usize, size: usize, cmp: &Compare) {
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

unsafe fn sort(base: *mut c_void, n: usize, size: usize, cmp: Compare) {
    if n < 2 || size == 0 {
        return;
    }
    let tmp = malloc(n.saturating_mul(size)) as *mut u8;
    // SAFETY: base has n elements of `size` bytes; tmp as many (or NULL).
    unsafe {
        if tmp.is_null() {
            heap_sort(base as *mut u8, n, size, &cmp);
        } else {
            merge_sort(base as *mut u8, tmp, n, size, &cmp);
            free(tmp as *mut c_void);
        }
    }
}

/// C `qsort`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort(base: *mut c_void, n: usize, size: usize, cmp: Cmp) {
    // SAFETY: forwarded.
    unsafe { sort(base, n, size, Compare::Plain(cmp)) }
}

/// GNU `qsort_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qsort_r(base: *mut c_void, n: usize, size: usize, cmp: CmpR, arg: *mut c_void) {
    // SAFETY: forwarded.
    unsafe { sort(base, n, size, Compare::WithArg(cmp, arg)) }
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
