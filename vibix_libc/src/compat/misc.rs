//! Small glibc-named entry points.

use core::ffi::{c_char, c_int};

extern "C" {
    fn strerror(errnum: c_int) -> *const c_char;
    fn __errno_location() -> *mut c_int;
}

const ERANGE: c_int = 34;
const EINVAL: c_int = 22;

/// The XSI-compliant `strerror_r` (what `<string.h>` maps `strerror_r` to when
/// `_GNU_SOURCE` is not defined); std uses it for `io::Error` messages.
/// Returns 0, or ERANGE when `buf` was too small (it then holds a truncated,
/// terminated message), or EINVAL for an unknown error number (the message is
/// still written, as glibc does).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __xpg_strerror_r(errnum: c_int, buf: *mut c_char, buflen: usize) -> c_int {
    // SAFETY: errno is saved/restored around strerror, which may set it.
    let saved = unsafe { *__errno_location() };
    // SAFETY: strerror returns a static, NUL-terminated string (never NULL).
    let msg = unsafe { strerror(errnum) };
    // SAFETY: restoring the errno slot read above.
    unsafe { *__errno_location() = saved };
    // SAFETY: `msg` is NUL-terminated.
    let len = unsafe { core::ffi::CStr::from_ptr(msg) }.to_bytes().len();
    if buflen == 0 {
        return ERANGE;
    }
    let n = len.min(buflen - 1);
    // SAFETY: the caller provides `buflen` writable bytes; n < buflen.
    unsafe {
        core::ptr::copy_nonoverlapping(msg, buf, n);
        *buf.add(n) = 0;
    }
    if n < len {
        ERANGE
    } else if (1..=133).contains(&errnum) || errnum == 0 {
        0
    } else {
        EINVAL
    }
}

/// Programs (and Rust std) call this to learn whether they run on glibc and
/// which version. We are not glibc: the answer is deliberately not of the form
/// "MAJOR.MINOR", so version checks take their portable path (std then spawns
/// processes with fork/exec instead of `posix_spawn`, and never calls `res_init`).
#[unsafe(no_mangle)]
pub extern "C" fn gnu_get_libc_version() -> *const c_char {
    c"vibix".as_ptr()
}

/// glibc's release status string, the companion of [`gnu_get_libc_version`].
#[unsafe(no_mangle)]
pub extern "C" fn gnu_get_libc_release() -> *const c_char {
    c"stable".as_ptr()
}
