//! `scandir` and its two stock orderings, `alphasort` (strcoll) and
//! `versionsort` (strverscmp). Each entry handed out is a malloc'd copy of the
//! whole `struct dirent`, so the caller frees entries and array with free().
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use super::{closedir, opendir, readdir, Dirent};
use crate::header::stdlib::malloc::{free, malloc, realloc};
use crate::thread::area::{errno, set_errno};

type Filter = Option<unsafe extern "C" fn(*const Dirent) -> c_int>;
type Compar = Option<unsafe extern "C" fn(*mut *const Dirent, *mut *const Dirent) -> c_int>;

/// Frees the first `n` entries of `v` and `v` itself.
unsafe fn free_all(v: *mut *mut Dirent, n: usize) {
    // SAFETY: v holds n entries from malloc (caller's invariant).
    unsafe {
        for i in 0..n {
            free((*v.add(i)).cast());
        }
        free(v.cast());
    }
}

/// POSIX `scandir`: the entries of `dir` that `filter` accepts (all when NULL),
/// sorted with `compar` (directory order when NULL); -1 with errno on failure.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn scandir(dir: *const c_char, out: *mut *mut *mut Dirent, filter: Filter, compar: Compar) -> c_int {
    // SAFETY: dir is a C string (C contract).
    let d = unsafe { opendir(dir) };
    if d.is_null() {
        return -1;
    }
    let saved = errno();
    let mut v: *mut *mut Dirent = null_mut();
    let (mut n, mut cap) = (0usize, 0usize);
    let failed;
    loop {
        set_errno(0);
        // SAFETY: d is our open stream.
        let e = unsafe { readdir(d) };
        if e.is_null() {
            failed = errno();
            break;
        }
        // SAFETY: the caller's filter gets a valid entry.
        if let Some(f) = filter {
            if unsafe { f(e) } == 0 {
                continue;
            }
        }
        if n == cap {
            cap = if cap == 0 { 32 } else { cap * 2 };
            // SAFETY: v is NULL or our earlier block.
            let nv = unsafe { realloc(v.cast(), cap * core::mem::size_of::<*mut Dirent>()) }.cast::<*mut Dirent>();
            if nv.is_null() {
                failed = 12;
                break;
            }
            v = nv;
        }
        let copy = malloc(core::mem::size_of::<Dirent>()).cast::<Dirent>();
        if copy.is_null() {
            failed = 12;
            break;
        }
        // SAFETY: e is readdir's entry, copy a fresh block of its size; v has room for n+1.
        unsafe {
            core::ptr::copy_nonoverlapping(e, copy, 1);
            *v.add(n) = copy;
        }
        n += 1;
    }
    // SAFETY: d is our stream.
    unsafe { closedir(d) };
    if failed != 0 {
        // SAFETY: v holds n of our entries.
        unsafe { free_all(v, n) };
        set_errno(failed);
        return -1;
    }
    if n > c_int::MAX as usize {
        // SAFETY: as above.
        unsafe { free_all(v, n) };
        set_errno(75); // EOVERFLOW
        return -1;
    }
    if let (Some(c), true) = (compar, n > 1) {
        type Cmp = unsafe extern "C" fn(*const c_void, *const c_void) -> c_int;
        // SAFETY: v holds n entry pointers and qsort hands the comparator pointers
        // to them, which is the `const struct dirent **` scandir's comparator takes.
        unsafe { crate::header::stdlib::sort::qsort(v.cast(), n, core::mem::size_of::<*mut Dirent>(), core::mem::transmute::<_, Cmp>(c)) };
    }
    set_errno(saved);
    // SAFETY: the caller's result pointer.
    unsafe { *out = v };
    n as c_int
}

/// POSIX `alphasort`: names in the collation order of the locale.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn alphasort(a: *mut *const Dirent, b: *mut *const Dirent) -> c_int {
    // SAFETY: scandir's comparator contract: both point at entries.
    unsafe { crate::header::string::str::strcoll((**a).d_name.as_ptr(), (**b).d_name.as_ptr()) }
}

/// GNU `versionsort`: names compared by strverscmp.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn versionsort(a: *mut *const Dirent, b: *mut *const Dirent) -> c_int {
    // SAFETY: as alphasort.
    unsafe { crate::header::string::verscmp::strverscmp((**a).d_name.as_ptr(), (**b).d_name.as_ptr()) }
}
