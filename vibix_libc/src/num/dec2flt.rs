//! String -> binary float, the core of `strtod`/`strtof`/`scanf %f`: the C
//! syntax (spaces, sign, inf/nan, hex floats, ERANGE) is handled here; decimal
//! digits are converted by `core`'s `str::parse` (exact and correctly rounded:
//! Eisel-Lemire with a big-decimal fallback).

/// A binary floating-point format.
#[derive(Clone, Copy)]
pub struct Format {
    pub mant_bits: u32,
    pub emin: i32,
    pub emax: i32,
}
pub const F64: Format = Format { mant_bits: 53, emin: -1022, emax: 1023 };
pub const F32: Format = Format { mant_bits: 24, emin: -126, emax: 127 };

/// Rounds (q + sticky·ε) × 2^-s to `f` (round-half-even) and returns the
/// IEEE bit pattern (without sign). q must be non-zero and have more bits than
/// the format's mantissa.
pub fn round_binary(q: u128, sticky: bool, s: i32, f: Format) -> u64 {
    let bl = 128 - q.leading_zeros() as i32;
    let e2 = bl - 1 - s;
    let frac_bits = f.mant_bits - 1;
    let inf = inf_bits(f);
    if e2 > f.emax {
        return inf;
    }
    let keep = if e2 >= f.emin { f.mant_bits as i32 } else { f.mant_bits as i32 - (f.emin - e2) };
    if keep < 0 {
        return 0;
    }
    let shift = (bl - keep) as u32;
    let mut m = if shift >= 128 { 0 } else { (q >> shift) as u64 };
    let half = (q >> (shift - 1)) & 1 == 1;
    let rest = sticky || (q & ((1u128 << (shift - 1)) - 1)) != 0;
    if half && (rest || m & 1 == 1) {
        m += 1;
    }
    if e2 >= f.emin {
        let mut e = e2;
        if m == 1u64 << f.mant_bits {
            m >>= 1;
            e += 1;
        }
        if e > f.emax {
            return inf;
        }
        (((e - f.emin + 1) as u64) << frac_bits) | (m & ((1u64 << frac_bits) - 1))
    } else {
        // Subnormal: m × 2^(emin - frac_bits); a carry into bit frac_bits
        // becomes the smallest normal number by itself.
        m
    }
}

/// Result of parsing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    /// IEEE bits of the magnitude, sign bit applied.
    pub bits: u64,
    /// Bytes consumed (0: no number).
    pub len: usize,
    /// Overflow or underflow (strtod sets ERANGE).
    pub range: bool,
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

fn starts_with_ci(s: &[u8], pat: &[u8]) -> bool {
    s.len() >= pat.len() && s.iter().zip(pat).all(|(a, b)| lower(*a) == *b)
}

/// Parses an exponent `<marker>[+-]digits` at `s[i..]` (marker case-insensitive):
/// its value, clamped to ±2^40, and the index after it; None without digits.
fn parse_exponent(s: &[u8], i: usize, marker: u8) -> Option<(i64, usize)> {
    let at = |i: usize| if i < s.len() { s[i] } else { 0 };
    if lower(at(i)) != marker {
        return None;
    }
    let mut j = i + 1;
    let eneg = at(j) == b'-';
    if at(j) == b'-' || at(j) == b'+' {
        j += 1;
    }
    if !at(j).is_ascii_digit() {
        return None;
    }
    let mut e: i64 = 0;
    while at(j).is_ascii_digit() {
        e = (e * 10 + (at(j) - b'0') as i64).min(1 << 40);
        j += 1;
    }
    Some((if eneg { -e } else { e }, j))
}

fn is_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// Parses a C floating-point number (strtod syntax: spaces, sign, decimal or
/// hex with exponent, inf/infinity, nan/nan(...)) from the start of `s`.
pub fn parse(s: &[u8], f: Format) -> Parsed {
    let at = |i: usize| if i < s.len() { s[i] } else { 0 };
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let neg = at(i) == b'-';
    if at(i) == b'-' || at(i) == b'+' {
        i += 1;
    }
    let sign = if neg { sign_bit(f) } else { 0 };
    let inf = inf_bits(f);
    let rest = &s[i.min(s.len())..];
    if starts_with_ci(rest, b"inf") {
        let n = if starts_with_ci(rest, b"infinity") { 8 } else { 3 };
        return Parsed { bits: inf | sign, len: i + n, range: false };
    }
    if starts_with_ci(rest, b"nan") {
        let mut n = 3;
        let mut payload = 0u64;
        if rest.get(3) == Some(&b'(') {
            let mut j = 4;
            while j < rest.len() && (rest[j].is_ascii_alphanumeric() || rest[j] == b'_') {
                j += 1;
            }
            if rest.get(j) == Some(&b')') {
                n = j + 1;
                payload = nan_payload(&rest[4..j]);
            }
        }
        let quiet = 1u64 << (f.mant_bits - 2);
        let qnan = inf | quiet | (payload & (quiet - 1));
        return Parsed { bits: qnan | sign, len: i + n, range: false };
    }
    if at(i) == b'0' && lower(at(i + 1)) == b'x' && (at(i + 2).is_ascii_hexdigit() || (at(i + 2) == b'.' && at(i + 3).is_ascii_hexdigit())) {
        let mut p = parse_hex(&s[i + 2..], f);
        p.bits |= sign;
        p.len += i + 2;
        return p;
    }
    // Decimal: find the span core's parser gets (digits, one point, a valid exponent).
    let start = i;
    let (mut any, mut nonzero, mut seen_point) = (false, false, false);
    loop {
        let c = at(i);
        if c.is_ascii_digit() {
            any = true;
            nonzero |= c != b'0';
        } else if c == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any {
        return Parsed { bits: 0, len: 0, range: false };
    }
    if let Some((_, end)) = parse_exponent(s, i, b'e') {
        i = end;
    }
    if !nonzero {
        return Parsed { bits: sign, len: i, range: false };
    }
    // SAFETY: the span holds only ASCII digits, '.', 'e'/'E' and '+'/'-'.
    let text = unsafe { core::str::from_utf8_unchecked(&s[start..i]) };
    let bits = if f.mant_bits == 53 {
        text.parse::<f64>().map(f64::to_bits)
    } else {
        text.parse::<f32>().map(|v| v.to_bits() as u64)
    };
    // The span is valid float syntax by construction; core accepts all of it.
    let bits = bits.unwrap_or(inf);
    // Overflow to infinity, or underflow to a subnormal or zero.
    let range = bits == inf || bits >> (f.mant_bits - 1) == 0;
    Parsed { bits: bits | sign, len: i, range }
}

/// The number in "nan(...)" (decimal, 0x hex or 0 octal, as strtoull reads
/// it); anything else gives 0.
fn nan_payload(s: &[u8]) -> u64 {
    let (digits, base) = if s.len() > 2 && s[0] == b'0' && lower(s[1]) == b'x' {
        (&s[2..], 16)
    } else if s.len() > 1 && s[0] == b'0' {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let mut v = 0u64;
    for &c in digits {
        match (c as char).to_digit(base) {
            Some(d) => v = v.wrapping_mul(base as u64).wrapping_add(d as u64),
            None => return 0,
        }
    }
    v
}

/// Bit pattern of +infinity (all-ones exponent field).
fn inf_bits(f: Format) -> u64 {
    ((f.emax - f.emin + 2) as u64) << (f.mant_bits - 1)
}

fn sign_bit(f: Format) -> u64 {
    if f.mant_bits == 53 { 1 << 63 } else { 1 << 31 }
}

fn parse_hex(s: &[u8], f: Format) -> Parsed {
    let at = |i: usize| if i < s.len() { s[i] } else { 0 };
    let mut i = 0;
    let mut m: u64 = 0;
    let mut sticky = false;
    let mut exp2: i64 = 0;
    let mut seen_point = false;
    loop {
        let c = at(i);
        if let Some(v) = (c as char).to_digit(16) {
            if m >> 60 == 0 {
                m = (m << 4) | v as u64;
                if seen_point {
                    exp2 -= 4;
                }
            } else {
                sticky |= v != 0;
                if !seen_point {
                    exp2 += 4;
                }
            }
            i += 1;
        } else if c == b'.' && !seen_point {
            seen_point = true;
            i += 1;
        } else {
            break;
        }
    }
    if let Some((e, end)) = parse_exponent(s, i, b'p') {
        exp2 += e;
        i = end;
    }
    if m == 0 {
        return Parsed { bits: 0, len: i, range: false };
    }
    // value = m × 2^exp2; give round_binary at least 66 bits.
    let q = (m as u128) << 64;
    let s = -(exp2 - 64);
    let s = s.clamp(-100_000, 100_000) as i32;
    let inf = inf_bits(f);
    let bits = round_binary(q, sticky, s, f);
    let range = bits == inf || bits >> (f.mant_bits - 1) == 0;
    Parsed { bits, len: i, range }
}
