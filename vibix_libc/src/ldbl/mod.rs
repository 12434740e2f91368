//! x87 80-bit `long double`: decoding and encoding the 10-byte format,
//! correctly rounded decimal/hex text -> value (`parse`, for strtold and
//! scanf) and exact value -> decimal digits (`todec`, for printf). Pure code
//! over small big integers (`big`); host-tested against glibc in tests-host.
pub mod big;
pub mod parse;
pub mod todec;

/// A decoded long double.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Class {
    Zero,
    /// value = mant × 2^e2 (mant != 0).
    Finite { mant: u64, e2: i32 },
    Inf,
    Nan,
}

/// Sign and class of the 10 little-endian bytes of an x87 extended value.
pub fn decode(b: [u8; 10]) -> (bool, Class) {
    let mant = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    let se = u16::from_le_bytes([b[8], b[9]]);
    let neg = se & 0x8000 != 0;
    let e = (se & 0x7fff) as i32;
    let class = if e == 0x7fff {
        if mant << 1 == 0 { Class::Inf } else { Class::Nan }
    } else if mant == 0 {
        Class::Zero
    } else {
        // Denormals (e == 0) have the exponent of e == 1.
        Class::Finite { mant, e2: e.max(1) - 16383 - 63 }
    };
    (neg, class)
}

/// The 10 bytes of sign/biased exponent/explicit-integer-bit mantissa.
pub fn encode(neg: bool, biased_exp: u16, mant: u64) -> [u8; 10] {
    let mut b = [0u8; 10];
    b[..8].copy_from_slice(&mant.to_le_bytes());
    let se = (biased_exp & 0x7fff) | if neg { 0x8000 } else { 0 };
    b[8..].copy_from_slice(&se.to_le_bytes());
    b
}

pub const INF_EXP: u16 = 0x7fff;
const EMIN: i64 = -16382;
const EMAX: i64 = 16383;

/// Rounds (q + sticky·ε) × 2^-s to the nearest long double (ties to even).
/// Returns (biased exponent, mantissa, out of range: overflow or an inexact tiny result).
pub fn round(q: u128, sticky: bool, s: i64) -> (u16, u64, bool) {
    if q == 0 {
        return (0, 0, sticky);
    }
    let bl = 128 - q.leading_zeros() as i64;
    let e2 = bl - 1 - s;
    if e2 > EMAX {
        return (INF_EXP, 1 << 63, true);
    }
    let keep = if e2 >= EMIN { 64 } else { 64 - (EMIN - e2) };
    if keep < 0 {
        return (0, 0, true);
    }
    let shift = bl - keep;
    let mut m: u128 = if shift <= 0 { q << (-shift) } else if shift >= 128 { 0 } else { q >> shift };
    let mut inexact = sticky;
    if shift > 0 {
        let half = shift <= 128 && (q >> (shift - 1)) & 1 == 1;
        let rest = sticky || (shift > 1 && (shift > 128 || q & ((1u128 << (shift - 1)) - 1) != 0));
        inexact |= half || rest;
        if half && (rest || m & 1 == 1) {
            m += 1;
        }
    }
    if e2 >= EMIN {
        let mut e = e2;
        if m >> 64 != 0 {
            m >>= 1;
            e += 1;
            if e > EMAX {
                return (INF_EXP, 1 << 63, true);
            }
        }
        ((e + 16383) as u16, m as u64, false)
    } else {
        // Subnormal; a carry into bit 63 is the smallest normal number. Like
        // glibc, ERANGE for a tiny result only when it is inexact.
        let exp = (m >> 63) as u16;
        (exp, m as u64, exp == 0 && inexact)
    }
}
