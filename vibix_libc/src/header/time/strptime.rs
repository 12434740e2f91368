//! POSIX `strptime` in the C locale, following glibc's rules: numbers skip
//! leading space and take digits only while the value can still grow within
//! the field's range; `%y` 69-99 is 19xx; after parsing, missing `tm_wday`/
//! `tm_yday` (and month/day from `%j`) are derived when a date was given.
use core::ffi::{c_char, c_int};

use super::calendar::{days_from_civil, Tm, DAY_NAMES_C, MON_NAMES_C};

#[derive(Default)]
struct State {
    have_wday: bool,
    have_yday: bool,
    have_mon: bool,
    have_mday: bool,
    have_i: bool,
    is_pm: bool,
    want_xday: bool,
    century: Option<i32>,
    want_century: bool,
}

fn is_space(c: u8) -> bool {
    c == b' ' || (9..=13).contains(&c)
}

/// glibc's get_number: space, then at most `n` digits while value*10 <= `to`.
fn number(s: &[u8], i: &mut usize, from: i64, to: i64, n: usize) -> Option<i64> {
    while *i < s.len() && is_space(s[*i]) {
        *i += 1;
    }
    if *i >= s.len() || !s[*i].is_ascii_digit() {
        return None;
    }
    let mut v: i64 = 0;
    let mut left = n;
    loop {
        v = v * 10 + (s[*i] - b'0') as i64;
        *i += 1;
        left -= 1;
        if left == 0 || v * 10 > to || *i >= s.len() || !s[*i].is_ascii_digit() {
            break;
        }
    }
    (from..=to).contains(&v).then_some(v)
}

/// A full or abbreviated name (case-insensitive); its index.
fn name(s: &[u8], i: &mut usize, names: &[&core::ffi::CStr]) -> Option<usize> {
    for (k, full) in names.iter().enumerate() {
        let full = full.to_bytes();
        for cand in [full, &full[..3]] {
            let end = *i + cand.len();
            if end <= s.len() && s[*i..end].eq_ignore_ascii_case(cand) {
                *i = end;
                return Some(k);
            }
        }
    }
    None
}

fn leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn parse(s: &[u8], i: &mut usize, f: &[u8], tm: &mut Tm, st: &mut State) -> Option<()> {
    let mut k = 0;
    while k < f.len() {
        let c = f[k];
        k += 1;
        if is_space(c) {
            while *i < s.len() && is_space(s[*i]) {
                *i += 1;
            }
            continue;
        }
        if c != b'%' {
            if *i < s.len() && s[*i] == c {
                *i += 1;
                continue;
            }
            return None;
        }
        while k < f.len() && matches!(f[k], b'E' | b'O' | b'-' | b'_' | b'0' | b'^' | b'#') {
            k += 1;
        }
        let conv = *f.get(k)?;
        k += 1;
        let sub = |fmt: &[u8], i: &mut usize, tm: &mut Tm, st: &mut State| parse(s, i, fmt, tm, st);
        match conv {
            b'%' => {
                if s.get(*i) != Some(&b'%') {
                    return None;
                }
                *i += 1;
            }
            b'n' | b't' => {
                while *i < s.len() && is_space(s[*i]) {
                    *i += 1;
                }
            }
            b'a' | b'A' => {
                tm.tm_wday = name(s, i, &DAY_NAMES_C)? as c_int;
                st.have_wday = true;
            }
            b'b' | b'B' | b'h' => {
                tm.tm_mon = name(s, i, &MON_NAMES_C)? as c_int;
                st.have_mon = true;
                st.want_xday = true;
            }
            b'c' => sub(b"%a %b %e %H:%M:%S %Y", i, tm, st)?,
            b'C' => {
                st.century = Some(number(s, i, 0, 99, 2)? as i32);
                st.want_xday = true;
            }
            b'd' | b'e' => {
                tm.tm_mday = number(s, i, 1, 31, 2)? as c_int;
                st.have_mday = true;
                st.want_xday = true;
            }
            b'D' | b'x' => sub(b"%m/%d/%y", i, tm, st)?,
            b'F' => sub(b"%Y-%m-%d", i, tm, st)?,
            b'H' | b'k' => {
                tm.tm_hour = number(s, i, 0, 23, 2)? as c_int;
                st.have_i = false;
            }
            b'I' | b'l' => {
                tm.tm_hour = (number(s, i, 1, 12, 2)? % 12) as c_int;
                st.have_i = true;
            }
            b'j' => {
                tm.tm_yday = (number(s, i, 1, 366, 3)? - 1) as c_int;
                st.have_yday = true;
            }
            b'm' => {
                tm.tm_mon = (number(s, i, 1, 12, 2)? - 1) as c_int;
                st.have_mon = true;
                st.want_xday = true;
            }
            b'M' => tm.tm_min = number(s, i, 0, 59, 2)? as c_int,
            b'S' => tm.tm_sec = number(s, i, 0, 61, 2)? as c_int,
            b'p' | b'P' => {
                let rest = &s[*i..];
                if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"AM") {
                    st.is_pm = false;
                } else if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"PM") {
                    st.is_pm = true;
                } else {
                    return None;
                }
                *i += 2;
            }
            b'r' => sub(b"%I:%M:%S %p", i, tm, st)?,
            b'R' => sub(b"%H:%M", i, tm, st)?,
            b'T' | b'X' => sub(b"%H:%M:%S", i, tm, st)?,
            b's' => {
                while *i < s.len() && is_space(s[*i]) {
                    *i += 1;
                }
                let neg = s.get(*i) == Some(&b'-');
                if neg {
                    *i += 1;
                }
                if !s.get(*i)?.is_ascii_digit() {
                    return None;
                }
                let mut v: i64 = 0;
                while *i < s.len() && s[*i].is_ascii_digit() {
                    v = v.checked_mul(10)?.checked_add((s[*i] - b'0') as i64)?;
                    *i += 1;
                }
                let t = if neg { -v } else { v };
                if !super::calendar::to_local_tm(t, tm) {
                    return None;
                }
            }
            b'u' => {
                tm.tm_wday = (number(s, i, 1, 7, 1)? % 7) as c_int;
                st.have_wday = true;
            }
            b'w' => {
                tm.tm_wday = number(s, i, 0, 6, 1)? as c_int;
                st.have_wday = true;
            }
            b'U' | b'W' | b'V' => {
                number(s, i, 0, 53, 2)?;
            }
            b'g' => {
                number(s, i, 0, 99, 2)?;
            }
            b'G' => {
                number(s, i, 0, 9999, 4)?;
            }
            b'y' => {
                let v = number(s, i, 0, 99, 2)?;
                tm.tm_year = if v >= 69 { v } else { v + 100 } as c_int;
                st.want_century = true;
                st.want_xday = true;
            }
            b'Y' => {
                tm.tm_year = (number(s, i, 0, 9999, 4)? - 1900) as c_int;
                st.want_century = false;
                st.want_xday = true;
            }
            b'z' => {
                while *i < s.len() && is_space(s[*i]) {
                    *i += 1;
                }
                if s.get(*i) == Some(&b'Z') {
                    *i += 1;
                    tm.tm_gmtoff = 0;
                    continue;
                }
                let neg = match s.get(*i) {
                    Some(b'+') => false,
                    Some(b'-') => true,
                    _ => return None,
                };
                *i += 1;
                let (mut v, mut n) = (0i64, 0);
                while n < 4 && *i < s.len() {
                    if s[*i] == b':' && n == 2 {
                        *i += 1;
                        continue;
                    }
                    if !s[*i].is_ascii_digit() {
                        break;
                    }
                    v = v * 10 + (s[*i] - b'0') as i64;
                    *i += 1;
                    n += 1;
                }
                match n {
                    2 => v *= 100,
                    4 => {}
                    _ => return None,
                }
                if v % 100 >= 60 || v / 100 > 24 {
                    return None;
                }
                let off = (v / 100) * 3600 + (v % 100) * 60;
                tm.tm_gmtoff = if neg { -off } else { off } as core::ffi::c_long;
            }
            b'Z' => {
                while *i < s.len() && is_space(s[*i]) {
                    *i += 1;
                }
                while *i < s.len() && !is_space(s[*i]) {
                    *i += 1;
                }
            }
            _ => return None,
        }
    }
    Some(())
}

/// Derives the fields glibc fills in after a successful parse.
fn finish(tm: &mut Tm, st: &State) {
    if st.have_i && st.is_pm {
        tm.tm_hour += 12;
    }
    if let Some(c) = st.century {
        tm.tm_year = if st.want_century { tm.tm_year % 100 + (c - 19) * 100 } else { (c - 19) * 100 };
    }
    let year = tm.tm_year as i64 + 1900;
    const CUM: [i64; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    let before = |m: usize| CUM[m] + (m >= 2 && leap(year)) as i64;
    if st.want_xday && !st.have_wday {
        if !(st.have_mon && st.have_mday) && st.have_yday {
            // Month and day from the day of the year.
            let yd = tm.tm_yday as i64;
            let mut m = 0;
            while m < 11 && before(m + 1) <= yd {
                m += 1;
            }
            if !st.have_mon {
                tm.tm_mon = m as c_int;
            }
            if !st.have_mday {
                tm.tm_mday = (yd - before(tm.tm_mon as usize) + 1) as c_int;
            }
        }
        if tm.tm_year >= -1900 {
            let days = days_from_civil(year, 1, 1) + before(tm.tm_mon.clamp(0, 11) as usize) + tm.tm_mday as i64 - 1;
            tm.tm_wday = (days + 4).rem_euclid(7) as c_int;
        }
    }
    if st.want_xday && !st.have_yday && (st.have_mon || (0..=11).contains(&tm.tm_mon)) {
        tm.tm_yday = (before(tm.tm_mon.clamp(0, 11) as usize) + tm.tm_mday as i64 - 1) as c_int;
    }
}

/// POSIX `strptime`: the end of the parsed input, or NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strptime(s: *const c_char, f: *const c_char, tm: *mut Tm) -> *mut c_char {
    // SAFETY: s and f are C strings; tm is writable.
    unsafe {
        let sb = core::ffi::CStr::from_ptr(s).to_bytes();
        let fb = core::ffi::CStr::from_ptr(f).to_bytes();
        let mut st = State::default();
        let mut i = 0;
        if parse(sb, &mut i, fb, &mut *tm, &mut st).is_none() {
            return core::ptr::null_mut();
        }
        finish(&mut *tm, &st);
        s.add(i) as *mut c_char
    }
}
