//! The wscanf family: the scanf engine (header/stdio/scanf.rs) over wide
//! formats and wide input (a `wchar_t` string, or a stream read with the
//! locale's multibyte conversion, as fgetwc does). `%c`/`%s`/`%[` store the
//! locale's multibyte form, `%lc`/`%ls`/`%l[` (and `%C`/`%S`) wide characters.
use core::ffi::c_int;

use super::mbconv::{Wchar, WEOF};
use super::stdio::{getwc_locked, ungetwc};
use crate::header::stdio::file::{File, FileLock};
use crate::header::stdio::scanf::{scan, Input};
use crate::va::{variadic, VaList, VaPtr};

struct WStrIn(*const u32);
impl Input for WStrIn {
    fn get(&mut self) -> Option<u32> {
        // SAFETY: a NUL-terminated wide string; we never advance past its NUL.
        let c = unsafe { *self.0 };
        if c == 0 {
            return None;
        }
        // SAFETY: c was not the terminator.
        self.0 = unsafe { self.0.add(1) };
        Some(c)
    }
    fn unget(&mut self, _c: u32) {
        // SAFETY: we only unget the character just read.
        self.0 = unsafe { self.0.sub(1) };
    }
}

struct WFileIn(*mut File);
impl Input for WFileIn {
    fn get(&mut self) -> Option<u32> {
        // SAFETY: a live, locked stream.
        let c = unsafe { getwc_locked(self.0) };
        if c == WEOF { None } else { Some(c) }
    }
    fn unget(&mut self, c: u32) {
        // SAFETY: as above (the stream lock is recursive).
        unsafe { ungetwc(c, self.0) };
    }
}

unsafe fn wfmt<'a>(f: *const Wchar) -> &'a [u32] {
    let mut n = 0;
    // SAFETY: f is a NUL-terminated wide string.
    unsafe {
        while *f.add(n) != 0 {
            n += 1;
        }
        core::slice::from_raw_parts(f as *const u32, n)
    }
}

/// C `vfwscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfwscanf(f: *mut File, fmt: *const Wchar, ap: VaPtr) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: fmt is a wide C string; ap a live va_list.
    scan(unsafe { wfmt(fmt) }, &mut WFileIn(f), &mut VaList(ap), true)
}

/// C `vwscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwscanf(fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vfwscanf(crate::header::stdio::file::stdin, fmt, ap) }
}

/// C `vswscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vswscanf(s: *const Wchar, fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: s and fmt are wide C strings; ap a live va_list.
    scan(unsafe { wfmt(fmt) }, &mut WStrIn(s as *const u32), &mut VaList(ap), true)
}

variadic!(wscanf => vwscanf, 1);
variadic!(fwscanf => vfwscanf, 2);
variadic!(swscanf => vswscanf, 2);
// glibc's C99 names (what glibc's headers make programs call).
variadic!(__isoc99_wscanf => vwscanf, 1);
variadic!(__isoc99_fwscanf => vfwscanf, 2);
variadic!(__isoc99_swscanf => vswscanf, 2);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vfwscanf(f: *mut File, fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vfwscanf(f, fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vwscanf(fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vwscanf(fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vswscanf(s: *const Wchar, fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vswscanf(s, fmt, ap) }
}
