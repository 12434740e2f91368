//! Characters as the regex engine sees them: decoding (bytes in "C", UTF-8
//! in C.UTF-8), case folding, classes and word characters.
use crate::fmt::mb::{decode_utf8, Decoded};
use crate::header::wctype;
pub use crate::header::wctype::{class_by_name, in_class};

/// A byte that is not part of a valid UTF-8 sequence becomes this plus the
/// byte: it equals only the same invalid byte in the pattern, and `.`,
/// bracket expressions and classes never match it.
pub const INVALID: u32 = 0x11_0000;

/// The character starting at `s[i]` and its length in bytes (`i < s.len()`).
#[inline]
pub fn decode_at(s: &[u8], i: usize, utf8: bool) -> (u32, usize) {
    let b = s[i];
    if !utf8 || b < 0x80 {
        return (b as u32, 1);
    }
    match decode_utf8(&s[i..]) {
        Decoded::Char(w, n) => (w, n),
        _ => (INVALID + b as u32, 1),
    }
}

/// The character ending just before `s[i]` (`i > 0`).
pub fn decode_before(s: &[u8], i: usize, utf8: bool) -> u32 {
    if !utf8 || s[i - 1] < 0x80 {
        return s[i - 1] as u32;
    }
    let mut j = i - 1;
    while j > 0 && i - j < 4 && s[j] & 0xc0 == 0x80 {
        j -= 1;
    }
    match decode_at(s, j, utf8) {
        (c, n) if j + n == i => c,
        _ => INVALID + s[i - 1] as u32,
    }
}

/// Upper case, for REG_ICASE: pattern and subject both fold this way (as
/// glibc does, so `[a-\\]` is the range A-\\ under REG_ICASE).
#[inline]
pub fn fold(c: u32, utf8: bool) -> u32 {
    if c < 0x80 {
        (c as u8).to_ascii_uppercase() as u32
    } else if utf8 && c < INVALID {
        wctype::towupper(c)
    } else {
        c
    }
}

/// `\w`: alphanumerics and `_`.
#[inline]
pub fn is_word(c: u32, utf8: bool) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_alphanumeric() || c == b'_' as u32
    } else {
        utf8 && c < INVALID && wctype::iswalnum(c) != 0
    }
}
