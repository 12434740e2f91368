//! `<stdio_ext.h>`: the buffer-state queries and controls of Solaris and glibc
//! (`__fpending`, `__freading`, `__fpurge`, `__fsetlocking`, ...), which
//! gnulib-style code (coreutils' close_stdout, m4, tar) uses.
use core::ffi::{c_char, c_int};
use core::ptr::null;

use super::file::{for_each, flush, File, FileLock, F_BYCALLER, F_ERR, F_LBF, F_READ, F_WRITE, F_WRITING};

const FSETLOCKING_INTERNAL: c_int = 1;
const FSETLOCKING_BYCALLER: c_int = 2;

/// `_flushlbf`: flushes every line-buffered stream.
#[unsafe(no_mangle)]
pub extern "C" fn _flushlbf() {
    for_each(|f| {
        // SAFETY: f is a live stream.
        unsafe {
            if (*f).flags & F_LBF != 0 && (*f).wlen > 0 {
                let _l = FileLock::new(f);
                flush(f);
            }
        }
    });
}

/// `__fsetlocking`: whether stdio locks `f` itself (INTERNAL, the default) or
/// the caller does (BYCALLER); returns the previous state. QUERY only asks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fsetlocking(f: *mut File, kind: c_int) -> c_int {
    // SAFETY: f is a live stream owned by the caller.
    unsafe {
        let old = if (*f).flags & F_BYCALLER != 0 { FSETLOCKING_BYCALLER } else { FSETLOCKING_INTERNAL };
        match kind {
            FSETLOCKING_BYCALLER => (*f).flags |= F_BYCALLER,
            FSETLOCKING_INTERNAL => (*f).flags &= !F_BYCALLER,
            _ => {} // FSETLOCKING_QUERY
        }
        old
    }
}

/// `__fwriting`: nonzero if the stream is write-only or its last operation was
/// a write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fwriting(f: *mut File) -> c_int {
    // SAFETY: f is a live stream.
    let fl = unsafe { (*f).flags };
    (fl & F_READ == 0 || fl & F_WRITING != 0) as c_int
}

/// `__freading`: nonzero if the stream is read-only or its last operation was
/// a read (buffered input or pushed-back bytes exist).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freading(f: *mut File) -> c_int {
    // SAFETY: f is a live stream.
    unsafe {
        let fl = (*f).flags;
        (fl & F_WRITE == 0 || (fl & F_WRITING == 0 && ((*f).rend > 0 || (*f).nunget > 0))) as c_int
    }
}

/// `__freadable`: nonzero if the stream was opened for reading.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadable(f: *mut File) -> c_int {
    // SAFETY: f is a live stream.
    (unsafe { (*f).flags } & F_READ != 0) as c_int
}

/// `__fwritable`: nonzero if the stream was opened for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fwritable(f: *mut File) -> c_int {
    // SAFETY: f is a live stream.
    (unsafe { (*f).flags } & F_WRITE != 0) as c_int
}

/// `__flbf`: nonzero if the stream is line-buffered.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __flbf(f: *mut File) -> c_int {
    // SAFETY: f is a live stream.
    (unsafe { (*f).flags } & F_LBF != 0) as c_int
}

/// `__fbufsize`: the size of the stream's buffer (0 before it has one, and
/// for unbuffered streams).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fbufsize(f: *mut File) -> usize {
    // SAFETY: f is a live stream.
    unsafe { if (*f).buf.is_null() { 0 } else { (*f).bufsize } }
}

/// `__fpending`: bytes written to the stream but not yet to the file.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fpending(f: *mut File) -> usize {
    // SAFETY: f is a live stream.
    unsafe { (*f).wlen }
}

/// `__fpurge`: discards buffered input and output (the file offset is not
/// touched).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fpurge(f: *mut File) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe {
        (*f).wlen = 0;
        (*f).rpos = 0;
        (*f).rend = 0;
        (*f).nunget = 0;
    }
    0
}

/// `__freadahead`: bytes of input buffered (pushed-back ones included).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadahead(f: *mut File) -> usize {
    // SAFETY: f is a live stream.
    unsafe { (*f).rend - (*f).rpos + (*f).nunget }
}

/// `__freadptr`: the buffered input as one span (NULL when there is none, or
/// while pushed-back bytes that are not in the buffer come first).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadptr(f: *mut File, size: *mut usize) -> *const c_char {
    // SAFETY: f is a live stream; size is writable.
    unsafe {
        if (*f).nunget > 0 || (*f).rpos >= (*f).rend {
            return null();
        }
        *size = (*f).rend - (*f).rpos;
        (*f).buf.add((*f).rpos) as *const c_char
    }
}

/// `__freadptrinc`: consumes `n` bytes of the span `__freadptr` gave.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __freadptrinc(f: *mut File, n: usize) {
    // SAFETY: f is a live stream; n is at most what __freadptr reported.
    unsafe { (*f).rpos = ((*f).rpos + n).min((*f).rend) }
}

/// `__fseterr`: sets the stream's error indicator.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __fseterr(f: *mut File) {
    // SAFETY: f is a live stream.
    unsafe { (*f).flags |= F_ERR }
}
