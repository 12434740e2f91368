//! strtol family, ato*, and strtod/strtof over `num::dec2flt` (strtold: strtold.rs).
use core::ffi::{c_char, c_int, c_long, c_longlong, c_ulong, c_ulonglong};

use crate::num::dec2flt::{parse, F32, F64};
use crate::thread::area::set_errno;

const ERANGE: c_int = 34;
const EINVAL: c_int = 22;

/// Parses an integer; returns (magnitude, negative, overflowed, end offset).
/// `limit` is the largest magnitude allowed (for the sign found).
unsafe fn parse_int(s: *const c_char, base: c_int, signed: bool, max: u64, min_mag: u64) -> (u64, bool, usize) {
    let at = |i: usize| -> u8 {
        // SAFETY: we only read up to the first byte that cannot continue a number.
        unsafe { *s.add(i) as u8 }
    };
    let mut i = 0;
    while at(i) == b' ' || (9..=13).contains(&at(i)) {
        i += 1;
    }
    let neg = at(i) == b'-';
    if at(i) == b'-' || at(i) == b'+' {
        i += 1;
    }
    let mut base = base as u32;
    if (base == 0 || base == 16) && at(i) == b'0' && (at(i + 1) | 0x20) == b'x' && (at(i + 2) as char).is_digit(16) {
        i += 2;
        base = 16;
    } else if base == 0 && at(i) == b'0' {
        base = 8;
    } else if base == 0 {
        base = 10;
    }
    if !(2..=36).contains(&base) {
        set_errno(EINVAL);
        return (0, false, 0);
    }
    let start = i;
    let mut v: u64 = 0;
    let mut over = false;
    while let Some(d) = (at(i) as char).to_digit(base) {
        match v.checked_mul(base as u64).and_then(|x| x.checked_add(d as u64)) {
            Some(x) => v = x,
            None => over = true,
        }
        i += 1;
    }
    if i == start {
        return (0, false, 0);
    }
    let limit = if neg && signed { min_mag } else { max };
    if over || v > limit {
        set_errno(ERANGE);
        let clamp = if signed { limit } else { u64::MAX };
        return (clamp, neg && signed, i);
    }
    // Unsigned conversions negate in the unsigned type.
    if neg && !signed {
        return (v.wrapping_neg(), false, i);
    }
    (v, neg, i)
}

unsafe fn set_end(end: *mut *mut c_char, s: *const c_char, n: usize) {
    if !end.is_null() {
        // SAFETY: end is writable; s + n is within the string.
        unsafe { *end = s.add(n) as *mut c_char };
    }
}

/// C `strtoll`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoll(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_longlong {
    // SAFETY: s is a C string.
    let (v, neg, n) = unsafe { parse_int(s, base, true, i64::MAX as u64, 1u64 << 63) };
    // SAFETY: as above.
    unsafe { set_end(end, s, n) };
    if neg { (v as i64).wrapping_neg() } else { v as i64 }
}

/// C `strtol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: forwarded.
    unsafe { strtoll(s, end, base) }
}

/// C `strtoull`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoull(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulonglong {
    // SAFETY: s is a C string.
    let (v, _, n) = unsafe { parse_int(s, base, false, u64::MAX, 0) };
    // SAFETY: as above.
    unsafe { set_end(end, s, n) };
    v
}

/// C `strtoul`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: forwarded.
    unsafe { strtoull(s, end, base) }
}

/// C `strtoimax`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoimax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> i64 {
    // SAFETY: forwarded.
    unsafe { strtoll(s, end, base) }
}

/// C `strtoumax`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtoumax(s: *const c_char, end: *mut *mut c_char, base: c_int) -> u64 {
    // SAFETY: forwarded.
    unsafe { strtoull(s, end, base) }
}

/// C `atoi`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoi(s: *const c_char) -> c_int {
    // SAFETY: forwarded.
    unsafe { strtol(s, core::ptr::null_mut(), 10) as c_int }
}

/// C `atol`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atol(s: *const c_char) -> c_long {
    // SAFETY: forwarded.
    unsafe { strtol(s, core::ptr::null_mut(), 10) }
}

/// C `atoll`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atoll(s: *const c_char) -> c_longlong {
    // SAFETY: forwarded.
    unsafe { strtoll(s, core::ptr::null_mut(), 10) }
}

/// The C string as a byte slice up to (not including) its NUL.
unsafe fn bytes<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: s is a C string.
    unsafe { core::ffi::CStr::from_ptr(s) }.to_bytes()
}

/// C `strtod` (exact, round-half-even).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtod(s: *const c_char, end: *mut *mut c_char) -> f64 {
    // SAFETY: s is a C string.
    let p = parse(unsafe { bytes(s) }, F64);
    if p.range {
        set_errno(ERANGE);
    }
    // SAFETY: len is within the string.
    unsafe { set_end(end, s, p.len) };
    f64::from_bits(p.bits)
}

/// C `strtof` (rounded directly to float, no double rounding).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strtof(s: *const c_char, end: *mut *mut c_char) -> f32 {
    // SAFETY: s is a C string.
    let p = parse(unsafe { bytes(s) }, F32);
    if p.range {
        set_errno(ERANGE);
    }
    // SAFETY: len is within the string.
    unsafe { set_end(end, s, p.len) };
    f32::from_bits(p.bits as u32)
}

/// C `atof`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn atof(s: *const c_char) -> f64 {
    // SAFETY: forwarded.
    unsafe { strtod(s, core::ptr::null_mut()) }
}

/// glibc names (`__isoc23_strtol` & co.) that newer glibc headers emit.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc23_strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long {
    // SAFETY: forwarded.
    unsafe { strtol(s, end, base) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc23_strtoul(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulong {
    // SAFETY: forwarded.
    unsafe { strtoul(s, end, base) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc23_strtoll(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_longlong {
    // SAFETY: forwarded.
    unsafe { strtoll(s, end, base) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc23_strtoull(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_ulonglong {
    // SAFETY: forwarded.
    unsafe { strtoull(s, end, base) }
}
