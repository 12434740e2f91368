//! `<libgen.h>`: POSIX `basename` and `dirname` (both may modify their
//! argument; glibc's `__xpg_basename` is the same function).
use core::ffi::c_char;

static mut DOT: [c_char; 2] = [b'.' as c_char, 0];

fn dot() -> *mut c_char {
    // A static "." that callers must not modify (POSIX allows a static result).
    core::ptr::addr_of_mut!(DOT).cast()
}

/// Length of the C string at `p`.
unsafe fn len(p: *const c_char) -> usize {
    // SAFETY: p is a C string.
    unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes().len()
}

/// POSIX `basename`: the last component, trailing slashes removed in place.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn basename(p: *mut c_char) -> *mut c_char {
    // SAFETY: p is NULL or a writable C string (C contract).
    unsafe {
        if p.is_null() || *p == 0 {
            return dot();
        }
        let mut end = len(p);
        while end > 1 && *p.add(end - 1) == b'/' as c_char {
            end -= 1;
        }
        *p.add(end) = 0;
        let mut start = end;
        while start > 0 && *p.add(start - 1) != b'/' as c_char {
            start -= 1;
        }
        // "/" (or all slashes): start == end - 1 at the one kept slash.
        if start == end {
            start -= 1;
        }
        p.add(start)
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn __xpg_basename(p: *mut c_char) -> *mut c_char {
    // SAFETY: same contract.
    unsafe { basename(p) }
}

/// POSIX `dirname`: the parent directory, cut in place ("." if none).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dirname(p: *mut c_char) -> *mut c_char {
    let slash = b'/' as c_char;
    // SAFETY: p is NULL or a writable C string.
    unsafe {
        if p.is_null() || *p == 0 {
            return dot();
        }
        let mut i = len(p);
        // Trailing slashes, then the last component, then the slashes before it.
        while i > 1 && *p.add(i - 1) == slash {
            i -= 1;
        }
        while i > 0 && *p.add(i - 1) != slash {
            i -= 1;
        }
        if i == 0 {
            return dot();
        }
        while i > 1 && *p.add(i - 1) == slash {
            i -= 1;
        }
        // Only slashes left: exactly two leading slashes are kept (POSIX lets
        // "//" mean something else than "/"; glibc keeps them).
        if i == 1 && *p == slash && *p.add(1) == slash && *p.add(2) != slash {
            i = 2;
        }
        *p.add(i) = 0;
        p
    }
}
