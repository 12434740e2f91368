//! C `strftime` in the C locale.
use core::ffi::{c_char, c_int};

use super::calendar::{day_abbr, mon_abbr, year_days, Tm, DAY_NAMES_C, MON_NAMES_C};

struct Out {
    p: *mut u8,
    cap: usize,
    len: usize,
    full: bool,
}

impl Out {
    fn put(&mut self, b: &[u8]) {
        for &c in b {
            if self.len + 1 >= self.cap {
                self.full = true;
                return;
            }
            // SAFETY: len + 1 < cap bytes of the caller's buffer.
            unsafe { *self.p.add(self.len) = c };
            self.len += 1;
        }
    }

    /// A number with minimum width `w`, padded with `pad` (0: no padding).
    fn num(&mut self, v: i64, w: usize, pad: u8) {
        let mut buf = [0u8; 24];
        let mut n = 0;
        let mut x = v.unsigned_abs();
        loop {
            buf[23 - n] = b'0' + (x % 10) as u8;
            n += 1;
            x /= 10;
            if x == 0 {
                break;
            }
        }
        if v < 0 {
            self.put(b"-");
        }
        if pad != 0 {
            for _ in n..w {
                self.put(&[pad]);
            }
        }
        self.put(&buf[24 - n..]);
    }
}

/// ISO 8601 week-based year and week number: the week (Monday first) is
/// counted in the year its Thursday falls in.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let mut year = tm.tm_year as i64 + 1900;
    let wday = (tm.tm_wday as i64 + 6) % 7;
    let mut thu = tm.tm_yday as i64 - wday + 3;
    if thu < 0 {
        year -= 1;
        thu += year_days(year);
    } else if thu >= year_days(year) {
        thu -= year_days(year);
        year += 1;
    }
    (year, thu / 7 + 1)
}

fn fmt(o: &mut Out, f: &[u8], tm: &Tm) {
    let mut i = 0;
    while i < f.len() && !o.full {
        let c = f[i];
        i += 1;
        if c != b'%' || i >= f.len() {
            o.put(&[c]);
            continue;
        }
        let mut pad_override: Option<u8> = None;
        while i < f.len() && matches!(f[i], b'-' | b'_' | b'0' | b'^' | b'#') {
            pad_override = Some(match f[i] {
                b'-' => 0,
                b'_' => b' ',
                b'0' => b'0',
                _ => pad_override.unwrap_or(b'0'),
            });
            i += 1;
        }
        while i < f.len() && matches!(f[i], b'E' | b'O') {
            i += 1;
        }
        if i >= f.len() {
            break;
        }
        let conv = f[i];
        i += 1;
        let pad = |d: u8| pad_override.unwrap_or(d);
        let year = tm.tm_year as i64 + 1900;
        let hour12 = if tm.tm_hour % 12 == 0 { 12 } else { tm.tm_hour % 12 } as i64;
        match conv {
            b'a' => o.put(day_abbr(tm.tm_wday)),
            b'A' => o.put(DAY_NAMES_C.get(tm.tm_wday as usize).map_or(&b"?"[..], |s| s.to_bytes())),
            b'b' | b'h' => o.put(mon_abbr(tm.tm_mon)),
            b'B' => o.put(MON_NAMES_C.get(tm.tm_mon as usize).map_or(&b"?"[..], |s| s.to_bytes())),
            b'c' => fmt(o, b"%a %b %e %H:%M:%S %Y", tm),
            b'C' => o.num(year.div_euclid(100), 2, pad(b'0')),
            b'd' => o.num(tm.tm_mday as i64, 2, pad(b'0')),
            b'D' => fmt(o, b"%m/%d/%y", tm),
            b'e' => o.num(tm.tm_mday as i64, 2, pad(b' ')),
            b'F' => fmt(o, b"%Y-%m-%d", tm),
            b'G' => o.num(iso_week(tm).0, 1, pad(b'0')),
            b'g' => o.num(iso_week(tm).0.rem_euclid(100), 2, pad(b'0')),
            b'H' => o.num(tm.tm_hour as i64, 2, pad(b'0')),
            b'I' => o.num(hour12, 2, pad(b'0')),
            b'j' => o.num(tm.tm_yday as i64 + 1, 3, pad(b'0')),
            b'k' => o.num(tm.tm_hour as i64, 2, pad(b' ')),
            b'l' => o.num(hour12, 2, pad(b' ')),
            b'm' => o.num(tm.tm_mon as i64 + 1, 2, pad(b'0')),
            b'M' => o.num(tm.tm_min as i64, 2, pad(b'0')),
            b'n' => o.put(b"\n"),
            b'p' => o.put(if tm.tm_hour >= 12 { b"PM" } else { b"AM" }),
            b'P' => o.put(if tm.tm_hour >= 12 { b"pm" } else { b"am" }),
            b'r' => fmt(o, b"%I:%M:%S %p", tm),
            b'R' => fmt(o, b"%H:%M", tm),
            b's' => o.num(super::calendar::local_tm_to_time(tm), 1, 0),
            b'S' => o.num(tm.tm_sec as i64, 2, pad(b'0')),
            b't' => o.put(b"\t"),
            b'T' => fmt(o, b"%H:%M:%S", tm),
            b'u' => o.num(if tm.tm_wday == 0 { 7 } else { tm.tm_wday as i64 }, 1, 0),
            b'U' => o.num((tm.tm_yday as i64 + 7 - tm.tm_wday as i64) / 7, 2, pad(b'0')),
            b'V' => o.num(iso_week(tm).1, 2, pad(b'0')),
            b'w' => o.num(tm.tm_wday as i64, 1, 0),
            b'W' => o.num((tm.tm_yday as i64 + 7 - (tm.tm_wday as i64 + 6) % 7) / 7, 2, pad(b'0')),
            b'x' => fmt(o, b"%m/%d/%y", tm),
            b'X' => fmt(o, b"%H:%M:%S", tm),
            b'y' => o.num(year.rem_euclid(100), 2, pad(b'0')),
            b'Y' => o.num(year, 1, 0),
            b'z' => {
                let off = tm.tm_gmtoff;
                o.put(if off < 0 { b"-" } else { b"+" });
                let a = off.unsigned_abs() as i64;
                o.num(a / 3600 * 100 + a / 60 % 60, 4, b'0');
            }
            b'Z' => {
                if tm.tm_zone.is_null() {
                    o.put(b"UTC");
                } else {
                    // SAFETY: tm_zone is a C string.
                    o.put(unsafe { core::ffi::CStr::from_ptr(tm.tm_zone) }.to_bytes());
                }
            }
            b'%' => o.put(b"%"),
            other => {
                o.put(&[b'%', other]);
            }
        }
    }
}

/// C `strftime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strftime(buf: *mut c_char, max: usize, f: *const c_char, tm: *const Tm) -> usize {
    let mut o = Out { p: buf as *mut u8, cap: max, len: 0, full: max == 0 };
    // SAFETY: f is a C string, tm readable, buf has max bytes.
    unsafe {
        fmt(&mut o, core::ffi::CStr::from_ptr(f).to_bytes(), &*tm);
        if o.full {
            if max > 0 {
                *buf = 0;
            }
            return 0;
        }
        *buf.add(o.len) = 0;
    }
    o.len
}

/// POSIX `strftime_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strftime_l(buf: *mut c_char, max: usize, f: *const c_char, tm: *const Tm, _l: *mut core::ffi::c_void) -> usize {
    // SAFETY: forwarded.
    unsafe { strftime(buf, max, f, tm) }
}

#[allow(dead_code)]
fn _t(_: c_int) {}
