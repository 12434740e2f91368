//! Broken-down time: gmtime/localtime, mktime/timegm, asctime/ctime.
use core::ffi::{c_char, c_int, c_long};
use core::ptr::null_mut;

use crate::thread::area::set_errno;

/// `struct tm` (glibc layout, with tm_gmtoff/tm_zone).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Tm {
    pub tm_sec: c_int,
    pub tm_min: c_int,
    pub tm_hour: c_int,
    pub tm_mday: c_int,
    pub tm_mon: c_int,
    pub tm_year: c_int,
    pub tm_wday: c_int,
    pub tm_yday: c_int,
    pub tm_isdst: c_int,
    pub tm_gmtoff: c_long,
    pub tm_zone: *const c_char,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Tm>(), 56);
static_assertions::const_assert_eq!(core::mem::offset_of!(Tm, tm_gmtoff), 40);

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// (year, month 1..12, day) of a day count since the epoch.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Fills `tm` for UTC time `t`; false if the year does not fit an int.
pub fn to_tm(t: i64, tm: &mut Tm) -> bool {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    if y - 1900 > c_int::MAX as i64 || y - 1900 < c_int::MIN as i64 {
        return false;
    }
    tm.tm_sec = (secs % 60) as c_int;
    tm.tm_min = (secs / 60 % 60) as c_int;
    tm.tm_hour = (secs / 3600) as c_int;
    tm.tm_mday = d as c_int;
    tm.tm_mon = (m - 1) as c_int;
    tm.tm_year = (y - 1900) as c_int;
    tm.tm_wday = (days + 4).rem_euclid(7) as c_int;
    tm.tm_yday = (days - days_from_civil(y, 1, 1)) as c_int;
    tm.tm_isdst = 0;
    tm.tm_gmtoff = 0;
    tm.tm_zone = c"UTC".as_ptr();
    true
}

/// Seconds since the epoch of a (possibly denormalized) broken-down UTC time.
pub fn from_tm(tm: &Tm) -> i64 {
    let mut y = tm.tm_year as i64 + 1900;
    let mut mon = tm.tm_mon as i64;
    y += mon.div_euclid(12);
    mon = mon.rem_euclid(12);
    let days = days_from_civil(y, mon + 1, 1) + tm.tm_mday as i64 - 1;
    days * 86400 + tm.tm_hour as i64 * 3600 + tm.tm_min as i64 * 60 + tm.tm_sec as i64
}

static mut TM_BUF: Tm = Tm {
    tm_sec: 0, tm_min: 0, tm_hour: 0, tm_mday: 0, tm_mon: 0, tm_year: 0, tm_wday: 0, tm_yday: 0,
    tm_isdst: 0, tm_gmtoff: 0, tm_zone: core::ptr::null(),
};

/// POSIX `gmtime_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gmtime_r(t: *const i64, out: *mut Tm) -> *mut Tm {
    // SAFETY: t readable, out writable.
    unsafe {
        if !to_tm(*t, &mut *out) {
            set_errno(75);
            return null_mut();
        }
    }
    out
}

/// C `gmtime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gmtime(t: *const i64) -> *mut Tm {
    // SAFETY: the static result buffer, as C specifies.
    unsafe { gmtime_r(t, &raw mut TM_BUF) }
}

/// Fills `tm` with the local time of UTC instant `t` (zone from `zone`).
pub fn to_local_tm(t: i64, tm: &mut Tm) -> bool {
    let z = super::zone::lookup(t);
    if !to_tm(t.saturating_add(z.offset as i64), tm) {
        return false;
    }
    tm.tm_isdst = z.is_dst as c_int;
    tm.tm_gmtoff = z.offset as c_long;
    tm.tm_zone = z.name;
    true
}

/// POSIX `localtime_r` (does not need to call tzset, but follows TZ like glibc's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn localtime_r(t: *const i64, out: *mut Tm) -> *mut Tm {
    // SAFETY: t readable, out writable.
    unsafe {
        if !to_local_tm(*t, &mut *out) {
            set_errno(75);
            return null_mut();
        }
    }
    out
}

/// C `localtime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn localtime(t: *const i64) -> *mut Tm {
    // SAFETY: the static result buffer, as C specifies.
    unsafe { localtime_r(t, &raw mut TM_BUF) }
}

/// The UTC instant of local broken-down time `tm` (mktime without normalizing).
pub fn local_tm_to_time(tm: &Tm) -> i64 {
    super::zone::local_to_utc(from_tm(tm), tm.tm_isdst)
}

/// C `mktime`: local time (tm_isdst -1: the zone decides) to time_t; normalizes `tm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mktime(tm: *mut Tm) -> i64 {
    // SAFETY: tm is a valid struct tm.
    unsafe {
        let t = local_tm_to_time(&*tm);
        if !to_local_tm(t, &mut *tm) {
            set_errno(75);
            return -1;
        }
        t
    }
}

/// GNU `timegm`: UTC broken-down time to time_t; normalizes `tm`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timegm(tm: *mut Tm) -> i64 {
    // SAFETY: tm is a valid struct tm.
    unsafe {
        let t = from_tm(&*tm);
        if !to_tm(t, &mut *tm) {
            set_errno(75);
            return -1;
        }
        t
    }
}

const DAYS: [&[u8; 3]; 7] = [b"Sun", b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat"];
const MONS: [&[u8; 3]; 12] = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];
pub const DAY_NAMES_C: [&core::ffi::CStr; 7] = [c"Sunday", c"Monday", c"Tuesday", c"Wednesday", c"Thursday", c"Friday", c"Saturday"];
pub const MON_NAMES_C: [&core::ffi::CStr; 12] = [
    c"January", c"February", c"March", c"April", c"May", c"June", c"July", c"August", c"September", c"October", c"November",
    c"December",
];
pub fn day_abbr(i: c_int) -> &'static [u8] {
    DAYS.get(i as usize).map_or(b"?", |d| &d[..])
}
pub fn mon_abbr(i: c_int) -> &'static [u8] {
    MONS.get(i as usize).map_or(b"?", |d| &d[..])
}
pub fn year_days(y: i64) -> i64 {
    if is_leap(y) { 366 } else { 365 }
}

static mut ASC_BUF: [u8; 64] = [0; 64];

/// POSIX `asctime_r`: "Www Mmm dd hh:mm:ss yyyy\n".
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asctime_r(tm: *const Tm, buf: *mut c_char) -> *mut c_char {
    // SAFETY: tm readable; buf has 26+ bytes (C contract), strftime bounds it to 64.
    unsafe {
        let n = super::strftime::strftime(buf, 64, c"%a %b %e %H:%M:%S %Y\n".as_ptr(), tm);
        if n == 0 {
            return null_mut();
        }
        // asctime pads the day with a space, as %e does.
    }
    buf
}

/// C `asctime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn asctime(tm: *const Tm) -> *mut c_char {
    // SAFETY: static buffer as C specifies.
    unsafe { asctime_r(tm, &raw mut ASC_BUF as *mut c_char) }
}

/// POSIX `ctime_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctime_r(t: *const i64, buf: *mut c_char) -> *mut c_char {
    let mut tm = TM_ZERO;
    // SAFETY: t readable; buf writable.
    unsafe {
        if localtime_r(t, &mut tm).is_null() {
            return null_mut();
        }
        asctime_r(&tm, buf)
    }
}

/// C `ctime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctime(t: *const i64) -> *mut c_char {
    // SAFETY: static buffer.
    unsafe { ctime_r(t, &raw mut ASC_BUF as *mut c_char) }
}

pub const TM_ZERO: Tm = Tm {
    tm_sec: 0, tm_min: 0, tm_hour: 0, tm_mday: 0, tm_mon: 0, tm_year: 0, tm_wday: 0, tm_yday: 0,
    tm_isdst: 0, tm_gmtoff: 0, tm_zone: core::ptr::null(),
};
