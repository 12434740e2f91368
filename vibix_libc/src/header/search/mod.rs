//! `<search.h>`: hash tables (hsearch and the GNU `_r` forms), binary search
//! trees (tsearch family, AVL-balanced), linear search, and queue links.
mod hash;
mod tree;

use core::ffi::{c_int, c_void};

type Cmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;

/// XSI `lfind`: linear search of `*n` elements of `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lfind(key: *const c_void, base: *const c_void, n: *mut usize, size: usize, cmp: Cmp) -> *mut c_void {
    // SAFETY: base holds *n elements of `size` bytes (C contract).
    unsafe {
        for i in 0..*n {
            let e = base.cast::<u8>().add(i * size);
            if cmp(key, e.cast()) == 0 {
                return e.cast_mut().cast();
            }
        }
    }
    core::ptr::null_mut()
}

/// XSI `lsearch`: lfind, appending the key (and incrementing `*n`) if absent.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lsearch(key: *const c_void, base: *mut c_void, n: *mut usize, size: usize, cmp: Cmp) -> *mut c_void {
    // SAFETY: as lfind; base has room for one more element (C contract).
    unsafe {
        let found = lfind(key, base, n, size, cmp);
        if !found.is_null() {
            return found;
        }
        let dst = base.cast::<u8>().add(*n * size);
        core::ptr::copy_nonoverlapping(key.cast::<u8>(), dst, size);
        *n += 1;
        dst.cast()
    }
}

/// A queue element as insque/remque see it: forward and backward links first.
#[repr(C)]
struct Qelem {
    next: *mut Qelem,
    prev: *mut Qelem,
}

/// XSI `insque`: inserts `e` after `pred` (NULL pred: `e` starts a list).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn insque(e: *mut c_void, pred: *mut c_void) {
    let (e, p) = (e.cast::<Qelem>(), pred.cast::<Qelem>());
    // SAFETY: e and pred (if not NULL) start with the two links (C contract).
    unsafe {
        if p.is_null() {
            (*e).next = core::ptr::null_mut();
            (*e).prev = core::ptr::null_mut();
            return;
        }
        (*e).next = (*p).next;
        (*e).prev = p;
        (*p).next = e;
        if !(*e).next.is_null() {
            (*(*e).next).prev = e;
        }
    }
}

/// XSI `remque`: unlinks `e`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remque(e: *mut c_void) {
    let e = e.cast::<Qelem>();
    // SAFETY: e is linked (C contract).
    unsafe {
        if !(*e).next.is_null() {
            (*(*e).next).prev = (*e).prev;
        }
        if !(*e).prev.is_null() {
            (*(*e).prev).next = (*e).next;
        }
    }
}
