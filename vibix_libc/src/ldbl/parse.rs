//! Text -> long double, correctly rounded: C syntax (space, sign, inf/nan,
//! hex floats with a binary exponent, decimal with an `e` exponent), then the
//! decimal digits as a big integer D and D × 10^E computed exactly (a big
//! multiplication, or a big division with a sticky remainder).
use super::big::Big;
use super::{encode, round, INF_EXP};

/// Significant decimal digits kept; the rest only count as a sticky digit.
/// (Halfway cases of long double need up to ~11,500 digits.)
const MAX_DIGITS: usize = 12_000;

/// Result: the value's 10 bytes, bytes consumed (0: no number), ERANGE.
pub struct Parsed {
    pub bytes: [u8; 10],
    pub len: usize,
    pub range: bool,
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

fn starts_ci(s: &[u8], at: usize, word: &[u8]) -> bool {
    s.len() >= at + word.len() && s[at..at + word.len()].iter().zip(word).all(|(a, b)| lower(*a) == *b)
}

/// `[eE|pP][+-]digits` at `i`, if present: (value clamped, end).
fn exponent(s: &[u8], i: usize, marker: u8) -> Option<(i64, usize)> {
    if i >= s.len() || lower(s[i]) != marker {
        return None;
    }
    let mut j = i + 1;
    let neg = j < s.len() && s[j] == b'-';
    if j < s.len() && (s[j] == b'-' || s[j] == b'+') {
        j += 1;
    }
    let start = j;
    let mut v: i64 = 0;
    while j < s.len() && s[j].is_ascii_digit() {
        v = (v * 10 + (s[j] - b'0') as i64).min(1_000_000_000);
        j += 1;
    }
    if j == start {
        return None;
    }
    Some((if neg { -v } else { v }, j))
}

pub fn parse(s: &[u8]) -> Parsed {
    let none = Parsed { bytes: [0; 10], len: 0, range: false };
    let mut i = 0;
    while i < s.len() && (s[i] == b' ' || (9..=13).contains(&s[i])) {
        i += 1;
    }
    let neg = i < s.len() && s[i] == b'-';
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        i += 1;
    }
    if starts_ci(s, i, b"inf") {
        let n = if starts_ci(s, i, b"infinity") { 8 } else { 3 };
        return Parsed { bytes: encode(neg, INF_EXP, 1 << 63), len: i + n, range: false };
    }
    if starts_ci(s, i, b"nan") {
        let mut n = i + 3;
        if n < s.len() && s[n] == b'(' {
            let mut j = n + 1;
            while j < s.len() && (s[j].is_ascii_alphanumeric() || s[j] == b'_') {
                j += 1;
            }
            if j < s.len() && s[j] == b')' {
                n = j + 1;
            }
        }
        return Parsed { bytes: encode(neg, INF_EXP, 0xc000_0000_0000_0000), len: n, range: false };
    }
    let r = if s.len() > i + 1 && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        match hex(s, i + 2) {
            Some(r) => r,
            // "0x" without hex digits: the number is the "0".
            None => Parsed { bytes: [0; 10], len: i + 1, range: false },
        }
    } else {
        match dec(s, i) {
            Some(r) => r,
            None => return none,
        }
    };
    let mut bytes = r.bytes;
    if neg {
        bytes[9] |= 0x80;
    }
    Parsed { bytes, ..r }
}

fn hex(s: &[u8], mut i: usize) -> Option<Parsed> {
    let mut m: u128 = 0;
    let mut sticky = false;
    let mut exp2: i64 = 0;
    let mut any = false;
    let mut point = false;
    while i < s.len() {
        let c = s[i];
        if let Some(v) = (c as char).to_digit(16) {
            any = true;
            if m >> 120 == 0 {
                m = (m << 4) | v as u128;
                if point {
                    exp2 -= 4;
                }
            } else {
                sticky |= v != 0;
                if !point {
                    exp2 += 4;
                }
            }
        } else if c == b'.' && !point {
            point = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if let Some((e, end)) = exponent(s, i, b'p') {
        exp2 = exp2.saturating_add(e);
        i = end;
    }
    let (e, mant, range) = round(m, sticky, -exp2.clamp(-1 << 40, 1 << 40));
    Some(Parsed { bytes: encode(false, e, mant), len: i, range: range && m != 0 })
}

fn dec(s: &[u8], mut i: usize) -> Option<Parsed> {
    let mut d = Big(alloc::vec::Vec::new());
    let (mut ndig, mut chunk, mut chunk_n) = (0usize, 0u32, 0u32);
    let mut exp10: i64 = 0;
    let mut sticky = false;
    let mut any = false;
    let mut point = false;
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() {
            any = true;
            if ndig == 0 && c == b'0' {
                // Leading zeros only move the point.
                if point {
                    exp10 -= 1;
                }
            } else if ndig < MAX_DIGITS {
                chunk = chunk * 10 + (c - b'0') as u32;
                chunk_n += 1;
                if chunk_n == 9 {
                    d.mul_add_small(1_000_000_000, chunk);
                    (chunk, chunk_n) = (0, 0);
                }
                ndig += 1;
                if point {
                    exp10 -= 1;
                }
            } else {
                sticky |= c != b'0';
                if !point {
                    exp10 += 1;
                }
            }
        } else if c == b'.' && !point {
            point = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if chunk_n > 0 {
        d.mul_add_small(10u32.pow(chunk_n), chunk);
    }
    if let Some((e, end)) = exponent(s, i, b'e') {
        exp10 = exp10.saturating_add(e);
        i = end;
    }
    if d.is_zero() {
        return Some(Parsed { bytes: [0; 10], len: i, range: false });
    }
    // Far outside the range: no arithmetic needed.
    let mag = exp10 + ndig as i64;
    if mag > 4940 {
        return Some(Parsed { bytes: encode(false, INF_EXP, 1 << 63), len: i, range: true });
    }
    if mag < -4960 {
        return Some(Parsed { bytes: [0; 10], len: i, range: true });
    }
    let (q, st, sh) = if exp10 >= 0 {
        d.mul_pow5(exp10 as u64);
        d.shl(exp10 as u64);
        top_bits(&d)
    } else {
        let k = (-exp10) as u64;
        let mut den = Big::from_u64(1);
        den.mul_pow5(k);
        den.shl(k);
        // Scale so that the quotient has 126 or 127 bits.
        let sh = den.bit_len() as i64 + 126 - d.bit_len() as i64;
        if sh >= 0 {
            d.shl(sh as u64);
        } else {
            den.shl((-sh) as u64);
        }
        let (q, rem) = d.div_big(&den);
        (q, rem, sh)
    };
    let (e, mant, range) = round(q, st || sticky, sh);
    Some(Parsed { bytes: encode(false, e, mant), len: i, range })
}

/// The top 128 bits of `n` as (q, sticky, s) with n ≈ q × 2^-s.
fn top_bits(n: &Big) -> (u128, bool, i64) {
    let bl = n.bit_len();
    if bl <= 128 {
        let q = n.bits_at(0) as u128 | (n.bits_at(64) as u128) << 64;
        return (q, false, 0);
    }
    let from = bl - 128;
    let q = n.bits_at(from) as u128 | (n.bits_at(from + 64) as u128) << 64;
    (q, n.any_below(from), -(from as i64))
}
