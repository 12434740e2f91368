//! GNU `strverscmp`: strings compared as version numbers. Where the strings
//! first differ, the digit run in progress decides how:
//! * a run with a nonzero first digit is an integer: the longer run is larger,
//!   equal lengths compare by their first differing digit;
//! * a run of only zeros so far is a fraction with more leading zeros, which is
//!   smaller ("000" < "00" < "0" < "1"): the string whose run ends there is larger;
//! * a run starting with 0 that had a nonzero digit compares bytewise;
//! * outside digits, bytes compare as unsigned char.
use core::ffi::{c_char, c_int, CStr};

fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

/// The version order of `a` and `b` (both without their NUL; index past the
/// end reads as NUL).
pub fn compare(a: &[u8], b: &[u8]) -> c_int {
    let at = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < a.len().max(b.len()) && at(a, i) == at(b, i) {
        i += 1;
    }
    let (c1, c2) = (at(a, i), at(b, i));
    let diff = c1 as c_int - c2 as c_int;
    if diff == 0 {
        return 0;
    }
    // The common digit run just before the difference.
    let mut start = i;
    while start > 0 && is_digit(a[start - 1]) {
        start -= 1;
    }
    let run = &a[start..i];
    let (d1, d2) = (is_digit(c1), is_digit(c2));
    // The integer case: compare the lengths of the two digit runs from here.
    let by_length = || {
        let mut k = i + 1;
        loop {
            match (is_digit(at(a, k)), is_digit(at(b, k))) {
                (true, true) => k += 1,
                (true, false) => return 1,
                (false, true) => return -1,
                (false, false) => return diff,
            }
        }
    };
    if run.is_empty() {
        // A run starts here: an integer only if neither starts with 0.
        return if d1 && d2 && c1 != b'0' && c2 != b'0' { by_length() } else { diff };
    }
    if run[0] != b'0' {
        return match (d1, d2) {
            (true, true) => by_length(),
            (false, true) => -1,
            (true, false) => 1,
            (false, false) => diff,
        };
    }
    if run.iter().all(|&c| c == b'0') {
        return match (d1, d2) {
            (false, true) => 1,
            (true, false) => -1,
            _ => diff,
        };
    }
    diff
}

/// GNU `strverscmp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strverscmp(a: *const c_char, b: *const c_char) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (a, b) = unsafe { (CStr::from_ptr(a).to_bytes(), CStr::from_ptr(b).to_bytes()) };
    compare(a, b)
}

