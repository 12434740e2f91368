//! `wcwidth`/`wcswidth`: column widths from the `unicode-width` crate under
//! C.UTF-8; in the C locale only printable ASCII has a width.
use core::ffi::c_int;

type Wchar = i32;
use unicode_width::UnicodeWidthChar;

fn width(wc: u32, utf8: bool) -> c_int {
    if wc == 0 {
        return 0;
    }
    if wc < 0x80 || !utf8 {
        return if (0x20..0x7f).contains(&wc) { 1 } else { -1 };
    }
    match char::from_u32(wc) {
        // Soft hyphen is a visible hyphen in terminals (glibc: 1).
        Some('\u{ad}') => 1,
        // Hangul medial vowels and final consonants combine (glibc: 0).
        Some(c) if ('\u{1160}'..='\u{11ff}').contains(&c) => 0,
        Some(c) if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => -1,
        Some(c) => c.width().map_or(-1, |w| w as c_int),
        None => -1,
    }
}

/// POSIX `wcwidth`.
#[unsafe(no_mangle)]
pub extern "C" fn wcwidth(wc: Wchar) -> c_int {
    width(wc as u32, crate::header::locale::utf8())
}

/// POSIX `wcswidth`: the sum over at most `n` characters, -1 if any is unprintable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcswidth(s: *const Wchar, n: usize) -> c_int {
    let utf8 = crate::header::locale::utf8();
    let mut total = 0;
    for i in 0..n {
        // SAFETY: s has n characters or a NUL before.
        let c = unsafe { *s.add(i) };
        if c == 0 {
            break;
        }
        let w = width(c as u32, utf8);
        if w < 0 {
            return -1;
        }
        total += w;
    }
    total
}
