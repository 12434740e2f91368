//! POSIX `getdate`: the input is matched against each line of the template
//! file named by $DATEMSK (strptime formats, the whole input must match but
//! for blanks around it); the first match is completed from the current
//! local time as glibc does:
//! * no time of day given: the current one; else the missing parts are 0;
//! * no date given: today, or tomorrow if the hour has passed;
//! * only a weekday (maybe with a time): that day, today or later;
//! * a month and a weekday: the first such weekday of that month;
//! * a month without a day: its first day; a month before the current one
//!   without a year is next year's;
//! * missing year/month/day otherwise: the current ones.
//! A day the month does not have is error 8. Errors go to `getdate_err`
//! (1 no $DATEMSK, 2 unreadable, 3 no such file, 4 not a regular file,
//! 5 read error, 6 no memory, 7 no template matched, 8 invalid date).
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;

use super::calendar::{localtime_r, mktime, Tm};
use super::strptime::strptime;

#[unsafe(no_mangle)]
pub static mut getdate_err: c_int = 0;

static mut RESULT: Tm = Tm {
    tm_sec: 0, tm_min: 0, tm_hour: 0, tm_mday: 0, tm_mon: 0, tm_year: 0, tm_wday: 0, tm_yday: 0, tm_isdst: 0,
    tm_gmtoff: 0, tm_zone: core::ptr::null(),
};

const UNSET: c_int = c_int::MIN;

fn set_err(e: c_int) -> *mut Tm {
    let p: *mut c_int = crate::got!(getdate_err);
    // SAFETY: the program's (or our) getdate_err.
    unsafe { *p = e };
    null_mut()
}

fn days_in_month(year: c_int, mon: c_int) -> c_int {
    let y = year as i64 + 1900;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mon.rem_euclid(12) as usize]
}

/// The template file's contents, or the getdate_err code.
fn read_templates() -> Result<Vec<u8>, c_int> {
    // SAFETY: a C string constant.
    let p = unsafe { crate::header::stdlib::env::getenv(c"DATEMSK".as_ptr()) };
    if p.is_null() {
        return Err(1);
    }
    // SAFETY: an environment string.
    let path = unsafe { CStr::from_ptr(p) };
    if path.to_bytes().is_empty() {
        return Err(1);
    }
    let st = rustix::fs::stat(path).map_err(|_| 3)?;
    if rustix::fs::FileType::from_raw_mode(st.st_mode) != rustix::fs::FileType::RegularFile {
        return Err(4);
    }
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(path, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).map_err(|_| 2)?;
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match rustix::io::read(&fd, &mut buf) {
            Ok(0) => return Ok(out),
            Ok(n) => {
                if out.try_reserve(n).is_err() {
                    return Err(6);
                }
                out.extend_from_slice(&buf[..n]);
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return Err(5),
        }
    }
}

/// POSIX `getdate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdate(s: *const c_char) -> *mut Tm {
    let text = match read_templates() {
        Ok(t) => t,
        Err(e) => return set_err(e),
    };
    let unset = Tm {
        tm_sec: UNSET, tm_min: UNSET, tm_hour: UNSET, tm_mday: UNSET, tm_mon: UNSET, tm_year: UNSET, tm_wday: UNSET,
        tm_yday: UNSET, tm_isdst: -1, tm_gmtoff: 0, tm_zone: core::ptr::null(),
    };
    let mut tm = unset;
    let mut matched = false;
    // SAFETY: s is a C string (caller contract).
    let input = unsafe { CStr::from_ptr(s) }.to_bytes();
    let start = input.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(input.len());
    let mut line = Vec::new();
    for l in text.split(|&c| c == b'\n') {
        line.clear();
        line.extend_from_slice(l);
        line.push(0);
        tm = unset;
        // SAFETY: both are NUL-terminated; tm is ours.
        let end = unsafe { strptime(s.add(start), line.as_ptr() as *const c_char, &mut tm) };
        if end.is_null() {
            continue;
        }
        // SAFETY: end points into s.
        let rest = unsafe { CStr::from_ptr(end) }.to_bytes();
        if rest.iter().all(|c| c.is_ascii_whitespace()) {
            matched = true;
            break;
        }
    }
    if !matched {
        return set_err(7);
    }
    let now_t = rustix::time::clock_gettime(rustix::time::ClockId::Realtime).tv_sec;
    let mut now = unset;
    // SAFETY: both pointers are ours.
    unsafe { localtime_r(&now_t, &mut now) };

    let has = |v: c_int| v != UNSET;
    let time_given = has(tm.tm_hour) || has(tm.tm_min) || has(tm.tm_sec);
    let date_given = has(tm.tm_year) || has(tm.tm_mon) || has(tm.tm_mday) || has(tm.tm_wday);
    if time_given {
        for f in [&mut tm.tm_hour, &mut tm.tm_min, &mut tm.tm_sec] {
            if *f == UNSET {
                *f = 0;
            }
        }
    } else {
        (tm.tm_hour, tm.tm_min, tm.tm_sec) = (now.tm_hour, now.tm_min, now.tm_sec);
    }
    let mut add_days = 0;
    let mday_given = has(tm.tm_mday);
    if !date_given {
        (tm.tm_year, tm.tm_mon, tm.tm_mday) = (now.tm_year, now.tm_mon, now.tm_mday);
        if tm.tm_hour < now.tm_hour {
            add_days = 1;
        }
    } else if has(tm.tm_wday) && !has(tm.tm_mday) && !has(tm.tm_mon) && !has(tm.tm_year) {
        (tm.tm_year, tm.tm_mon, tm.tm_mday) = (now.tm_year, now.tm_mon, now.tm_mday);
        add_days = (tm.tm_wday - now.tm_wday).rem_euclid(7);
    } else {
        let year_given = has(tm.tm_year);
        if !year_given {
            tm.tm_year = now.tm_year;
        }
        if !has(tm.tm_mon) {
            tm.tm_mon = now.tm_mon;
        } else if !mday_given && !year_given && tm.tm_mon < now.tm_mon {
            tm.tm_year += 1;
        }
        if !mday_given {
            if has(tm.tm_wday) && has(tm.tm_mon) {
                // The first such weekday of the month: find the 1st's weekday.
                let mut first = Tm { tm_mday: 1, tm_hour: 12, tm_min: 0, tm_sec: 0, tm_isdst: -1, ..tm };
                // SAFETY: ours.
                unsafe { mktime(&mut first) };
                tm.tm_mday = 1 + (tm.tm_wday - first.tm_wday).rem_euclid(7);
            } else if has(tm.tm_mon) {
                tm.tm_mday = 1;
            } else {
                tm.tm_mday = now.tm_mday;
            }
        }
    }
    if !(0..12).contains(&tm.tm_mon) || tm.tm_mday < 1 || tm.tm_mday > days_in_month(tm.tm_year, tm.tm_mon) {
        return set_err(8);
    }
    tm.tm_mday += add_days;
    tm.tm_isdst = -1;
    tm.tm_wday = 0;
    tm.tm_yday = 0;
    // SAFETY: ours; mktime normalises (tomorrow, next weekday) and fills wday/yday.
    if unsafe { mktime(&mut tm) } == -1 && tm.tm_year != 69 {
        return set_err(8);
    }
    // SAFETY: the one static result (getdate is not thread-safe by specification).
    unsafe {
        RESULT = tm;
        &raw mut RESULT
    }
}
