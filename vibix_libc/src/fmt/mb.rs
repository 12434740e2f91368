//! Multibyte encodings of the two locale kinds: UTF-8 (C.UTF-8) and the C
//! locale's single-byte encoding (every byte is the character of the same
//! value, as POSIX.1-2024 requires). Pure functions, shared by `<wchar.h>`,
//! `<stdlib.h>`'s mb functions, printf and scanf.

/// One step of decoding.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decoded {
    /// A character and the bytes it took.
    Char(u32, usize),
    /// The bytes are a valid prefix of a longer character.
    Incomplete,
    /// Not a valid (prefix of a) character: EILSEQ.
    Invalid,
}

/// Decodes one character of `s` (an empty `s` is Incomplete).
pub fn decode(s: &[u8], utf8: bool) -> Decoded {
    match s.first() {
        None => Decoded::Incomplete,
        Some(&b) if !utf8 || b < 0x80 => Decoded::Char(b as u32, 1),
        Some(_) => decode_utf8(s),
    }
}

/// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
pub fn decode_utf8(s: &[u8]) -> Decoded {
    let b0 = s[0];
    let (n, init, min) = match b0 {
        0x00..=0x7f => return Decoded::Char(b0 as u32, 1),
        0xc2..=0xdf => (2, (b0 & 0x1f) as u32, 0x80),
        0xe0..=0xef => (3, (b0 & 0x0f) as u32, 0x800),
        0xf0..=0xf4 => (4, (b0 & 0x07) as u32, 0x10000),
        _ => return Decoded::Invalid,
    };
    let mut w = init;
    for k in 1..n {
        let Some(&b) = s.get(k) else { return Decoded::Incomplete };
        if b & 0xc0 != 0x80 {
            return Decoded::Invalid;
        }
        w = (w << 6) | (b & 0x3f) as u32;
        // Reject overlong/surrogate/too-large prefixes as soon as the second byte shows them.
        if k == 1 {
            let lead = w << (6 * (n - 2));
            let ok = match n {
                3 => lead >= 0x800 && !(0xd800..0xe000).contains(&lead),
                4 => (0x10000..0x110000).contains(&lead),
                _ => true,
            };
            if !ok {
                return Decoded::Invalid;
            }
        }
    }
    if w < min { Decoded::Invalid } else { Decoded::Char(w, n) }
}

/// Encodes `w` in the locale's encoding; None if it has no encoding (EILSEQ).
pub fn wide_to_mb(w: u32, utf8: bool, buf: &mut [u8; 8]) -> Option<usize> {
    if !utf8 {
        if w > 0xff {
            return None;
        }
        buf[0] = w as u8;
        return Some(1);
    }
    if (0xd800..0xe000).contains(&w) || w > 0x10ffff {
        return None;
    }
    Some(put_utf8(w, buf))
}

/// `btowc`: the wide character of a single byte, if it is one.
pub fn byte_to_wide(b: u8, utf8: bool) -> Option<u32> {
    if !utf8 || b < 0x80 { Some(b as u32) } else { None }
}

/// UTF-8 extended to any 31-bit value (up to 6 bytes): the wide printf
/// engine's internal form, which must carry every wchar_t unchanged.
pub fn put_utf8(w: u32, buf: &mut [u8; 8]) -> usize {
    if w < 0x80 {
        buf[0] = w as u8;
        return 1;
    }
    let n = match w {
        0..=0x7ff => 2,
        0x800..=0xffff => 3,
        0x1_0000..=0x1f_ffff => 4,
        0x20_0000..=0x3ff_ffff => 5,
        _ => 6,
    };
    let w = w & 0x7fff_ffff;
    for k in (1..n).rev() {
        buf[k] = 0x80 | ((w >> (6 * (n - 1 - k))) & 0x3f) as u8;
    }
    buf[0] = ((0xff00u32 >> n) as u8) | (w >> (6 * (n - 1))) as u8;
    n
}

/// Decodes the internal form written by `put_utf8` (`s` non-empty).
pub fn get_utf8_any(s: &[u8]) -> (u32, usize) {
    let b0 = s[0];
    let n = match b0.leading_ones() {
        0 => return (b0 as u32, 1),
        k @ 2..=6 => k as usize,
        _ => return (b0 as u32, 1),
    };
    let mut w = (b0 & (0x7f >> n)) as u32;
    for k in 1..n {
        match s.get(k) {
            Some(&b) if b & 0xc0 == 0x80 => w = (w << 6) | (b & 0x3f) as u32,
            _ => return (b0 as u32, 1),
        }
    }
    (w, n)
}
