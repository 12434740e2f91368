//! Wide number parsing (`wcstol` & co.) and `wcsftime`: the ASCII run of the
//! wide string (numbers are ASCII; leading space may be any `iswspace`
//! character) is copied to bytes, parsed by the narrow function, and the end
//! pointer mapped back (one wide character per byte).
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void};

use super::wprintf::wide_to_internal;
use super::Wchar;
use crate::fmt::mb::get_utf8_any;
use crate::header::stdlib::strtol as n;
use crate::header::time::calendar::Tm;

/// Runs `parse` on the ASCII prefix of `s` (after leading wide space) and sets `*end`.
unsafe fn with_ascii<T>(s: *const Wchar, end: *mut *mut Wchar, parse: impl FnOnce(*const c_char, *mut *mut c_char) -> T) -> T {
    // SAFETY: s is a wide C string.
    unsafe {
        let mut skip = 0;
        while *s.add(skip) != 0 && crate::header::wctype::iswspace(*s.add(skip) as u32) != 0 {
            skip += 1;
        }
        let mut len = 0;
        while matches!(*s.add(skip + len), 1..=0x7f) {
            len += 1;
        }
        let mut buf: Vec<u8> = Vec::new();
        if buf.try_reserve(len + 1).is_err() {
            crate::thread::area::set_errno(12);
            if !end.is_null() {
                *end = s as *mut Wchar;
            }
            return parse(c"".as_ptr(), core::ptr::null_mut());
        }
        buf.extend((0..len).map(|i| *s.add(skip + i) as u8));
        buf.push(0);
        let mut e: *mut c_char = core::ptr::null_mut();
        let v = parse(buf.as_ptr() as *const c_char, &mut e);
        if !end.is_null() {
            let used = e.offset_from(buf.as_ptr() as *const c_char) as usize;
            // No conversion: end is the start, leading space included.
            *end = if used == 0 { s as *mut Wchar } else { s.add(skip + used) as *mut Wchar };
        }
        v
    }
}

macro_rules! wcs_int {
    ($($name:ident => $f:ident -> $t:ty),*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(s: *const Wchar, end: *mut *mut Wchar, base: c_int) -> $t {
            // SAFETY: forwarded (s is a wide C string).
            unsafe { with_ascii(s, end, |p, e| n::$f(p, e, base)) }
        }
    )*};
}
wcs_int!(wcstol => strtol -> core::ffi::c_long, wcstoul => strtoul -> core::ffi::c_ulong,
    wcstoll => strtoll -> core::ffi::c_longlong, wcstoull => strtoull -> core::ffi::c_ulonglong,
    wcstoimax => strtoimax -> i64, wcstoumax => strtoumax -> u64);

/// C `wcstod`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstod(s: *const Wchar, end: *mut *mut Wchar) -> f64 {
    // SAFETY: forwarded.
    unsafe { with_ascii(s, end, |p, e| n::strtod(p, e)) }
}

/// C `wcstof`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstof(s: *const Wchar, end: *mut *mut Wchar) -> f32 {
    // SAFETY: forwarded.
    unsafe { with_ascii(s, end, |p, e| n::strtof(p, e)) }
}

unsafe extern "C" fn wcstold_inner(s: *const Wchar, end: *mut *mut Wchar, out: *mut [u8; 10]) {
    // SAFETY: s is a wide C string; out is the wrapper's buffer.
    unsafe {
        *out = with_ascii(s, end, |p, e| {
            let r = crate::ldbl::parse::parse(core::ffi::CStr::from_ptr(p).to_bytes());
            if r.range {
                crate::thread::area::set_errno(34);
            }
            if !e.is_null() {
                *e = p.add(r.len) as *mut c_char;
            }
            r.bytes
        });
    }
}
crate::header::math::x87::ld_return!(wcstold => wcstold_inner, "rdx");

/// C `wcsftime`: strftime over the format's internal UTF-8 form.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsftime(buf: *mut Wchar, max: usize, fmt: *const Wchar, tm: *const Tm) -> usize {
    // SAFETY: fmt is a wide C string.
    let Some(mut f) = (unsafe { wide_to_internal(fmt) }) else { return 0 };
    f.push(0);
    // Each output wide character takes at most 6 bytes internally.
    let cap = max.saturating_mul(6).min(1 << 20) + 1;
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve(cap).is_err() {
        return 0;
    }
    out.resize(cap, 0);
    // SAFETY: f is NUL-terminated; out has cap bytes; tm is readable.
    let n = unsafe { crate::header::time::strftime::strftime(out.as_mut_ptr() as *mut c_char, cap, f.as_ptr() as *const c_char, tm) };
    let mut k = 0;
    let mut i = 0;
    while i < n {
        if k + 1 >= max {
            return 0;
        }
        let (w, len) = get_utf8_any(&out[i..n]);
        // SAFETY: k + 1 < max slots of buf.
        unsafe { *buf.add(k) = w as Wchar };
        k += 1;
        i += len;
    }
    if max == 0 {
        return 0;
    }
    // SAFETY: k < max.
    unsafe { *buf.add(k) = 0 };
    k
}

/// POSIX `wcsftime_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsftime_l(buf: *mut Wchar, max: usize, fmt: *const Wchar, tm: *const Tm, _l: *mut c_void) -> usize {
    // SAFETY: forwarded.
    unsafe { wcsftime(buf, max, fmt, tm) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wcsftime_l(buf: *mut Wchar, max: usize, fmt: *const Wchar, tm: *const Tm, l: *mut c_void) -> usize {
    // SAFETY: forwarded.
    unsafe { wcsftime_l(buf, max, fmt, tm, l) }
}
