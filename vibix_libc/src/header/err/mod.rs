//! `<err.h>`: BSD formatted error messages on stderr, `program: message`
//! (plus `: strerror(errno)` for the warn/err forms), and exit for err/errx.
use core::ffi::{c_char, c_int};

use crate::header::stdio::file::stderr;
use crate::header::stdio::io::fputs;
use crate::header::stdio::printf::vfprintf;
use crate::va::{variadic, VaPtr};

use crate::header::stdio::io::{flockfile, funlockfile};

unsafe extern "C" {
    fn exit(code: c_int) -> !;
}

/// The one message writer: `name: [fmt...][: strerror(e)]\n`, under the stream lock.
unsafe fn message(fmt: *const c_char, ap: VaPtr, errno: Option<c_int>) {
    // SAFETY: stderr is libc's stream; program_invocation_short_name is NULL or a C string.
    unsafe {
        let f = stderr;
        flockfile(f);
        let name: *mut c_char = *crate::got!(crate::start::program_invocation_short_name);
        if !name.is_null() {
            fputs(name, f);
            fputs(c": ".as_ptr(), f);
        }
        if !fmt.is_null() {
            vfprintf(f, fmt, ap);
        }
        if let Some(e) = errno {
            if !fmt.is_null() {
                fputs(c": ".as_ptr(), f);
            }
            fputs(crate::header::errno::strerror(e), f);
        }
        fputs(c"\n".as_ptr(), f);
        funlockfile(f);
    }
}

/// BSD `vwarn`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwarn(fmt: *const c_char, ap: VaPtr) {
    let e = crate::thread::area::errno();
    // SAFETY: the caller's format and arguments.
    unsafe { message(fmt, ap, Some(e)) }
}

/// BSD `vwarnx`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwarnx(fmt: *const c_char, ap: VaPtr) {
    // SAFETY: the caller's format and arguments.
    unsafe { message(fmt, ap, None) }
}

/// BSD `verr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn verr(code: c_int, fmt: *const c_char, ap: VaPtr) -> ! {
    // SAFETY: as vwarn.
    unsafe {
        vwarn(fmt, ap);
        exit(code)
    }
}

/// BSD `verrx`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn verrx(code: c_int, fmt: *const c_char, ap: VaPtr) -> ! {
    // SAFETY: as vwarnx.
    unsafe {
        vwarnx(fmt, ap);
        exit(code)
    }
}

variadic!(warn => vwarn, 1);
variadic!(warnx => vwarnx, 1);
variadic!(err => verr, 2);
variadic!(errx => verrx, 2);
