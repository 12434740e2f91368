//! sin, cos and tan of an 80-bit long double in software: the argument is
//! reduced modulo π/2 exactly enough for every finite value (Payne–Hanek:
//! the 64-bit significand times a 256-bit window of 2/π, in integers), then
//! Taylor polynomials on [-π/4, π/4] in extended arithmetic.
//! The x87's fsin/fcos/fptan are not used: they reduce with a 66-bit π (wrong
//! far from 0 even on hardware, and only below 2^63), and QEMU's TCG computes
//! them in double precision, so results would depend on the machine.
use super::trigl_tables::{COS, PIO2, SIN, TWO_OVER_PI};
use super::x87ops::{add, div, mul, sub, L};
use crate::ldbl::{encode, Class};

const fn ld((se, m): (u16, u64)) -> L {
    let b = m.to_le_bytes();
    let s = se.to_le_bytes();
    L::new([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], s[0], s[1]])
}

/// m · 2^e as a long double (m != 0; the result must be a normal number).
fn from_parts(neg: bool, m: u64, e: i32) -> L {
    let lz = m.leading_zeros();
    let m = m << lz;
    let biased = e - lz as i32 + 63 + 16383;
    if biased <= 0 {
        return L::zero(neg); // below 2^-16382: negligible next to the high part
    }
    L::new(encode(neg, biased as u16, m))
}

/// |x| = (q + r) · π/2 with r in [-1/2, 1/2]·π/2 as hi + lo: the quadrant q mod 4 and r.
fn reduce(m: u64, k: i32) -> (u32, L, L) {
    // x = m·2^k. Words of 2/π whose bits all have weight 2^-i with i <= k-2 only add
    // multiples of 4 to x·2/π: skip them.
    let j0 = if k >= 66 { ((k - 66) / 64 + 1) as usize } else { 0 };
    let w = [TWO_OVER_PI[j0], TWO_OVER_PI[j0 + 1], TWO_OVER_PI[j0 + 2], TWO_OVER_PI[j0 + 3]];
    // p = m · (w0 w1 w2 w3), 320 bits, little-endian limbs; value p · 2^(k - 64(j0+4)).
    let mut p = [0u64; 5];
    let mut carry = 0u128;
    for i in 0..4 {
        let t = (m as u128) * (w[3 - i] as u128) + carry;
        p[i] = t as u64;
        carry = t >> 64;
    }
    p[4] = carry as u64;
    let s = (64 * (j0 as i32 + 4) - k) as u32; // fraction bits of p, in 191..=320
    let bit = |i: u32| -> u64 { if i >= 320 { 0 } else { (p[(i / 64) as usize] >> (i % 64)) & 1 } };
    let mut q = (bit(s) | bit(s + 1) << 1) as u32;
    // The 128 fraction bits below the point (s > 128 always).
    let mut f: u128 = 0;
    for i in 0..128 {
        f |= (bit(s - 1 - i) as u128) << (127 - i);
    }
    // Round to the nearest quadrant: r = f - 1 when f >= 1/2.
    let neg = f >> 127 != 0;
    if neg {
        q = q.wrapping_add(1);
        f = f.wrapping_neg();
    }
    if f == 0 {
        return (q & 3, L::zero(neg), L::zero(false));
    }
    // r = f · π/2: f = fm · 2^(-128-lz) with fm normalised; the top 128 bits of fm·PIO2.
    let lz = f.leading_zeros();
    let fm = f << lz;
    let (a1, a0) = ((fm >> 64) as u64 as u128, fm as u64 as u128);
    let (b1, b0) = (PIO2.0 as u128, PIO2.1 as u128);
    let mid = a1 * b0 + ((a0 * b0) >> 64);
    let mid2 = a0 * b1 + (mid as u64 as u128);
    let top = a1 * b1 + (mid >> 64) + (mid2 >> 64); // fm·PIO2 >> 128
    // value = top · 2^(128 - 128 - lz - 127) = top · 2^(-127 - lz)
    let (top, e) = if top >> 127 == 0 { (top << 1, -128 - lz as i32) } else { (top, -127 - lz as i32) };
    let hi = from_parts(neg, (top >> 64) as u64, e + 64);
    let lo_bits = top as u64;
    let lo = if lo_bits == 0 { L::zero(false) } else { from_parts(neg, lo_bits, e) };
    (q & 3, hi, lo)
}

/// Horner's rule over coefficients c[0] + t·(c[1] + t·(...)).
fn horner(c: &[(u16, u64)], t: L) -> L {
    let mut acc = ld(c[c.len() - 1]);
    for &k in c[..c.len() - 1].iter().rev() {
        acc = add(ld(k), mul(t, acc));
    }
    acc
}

const HALF: L = ld((0x3ffe, 1 << 63));
const ONE: L = ld((0x3fff, 1 << 63));

/// sin(hi + lo) for |hi + lo| <= π/4.
fn sin_kernel(hi: L, lo: L) -> L {
    let t = mul(hi, hi);
    let tail = mul(mul(hi, t), horner(&SIN, t));
    // sin(hi + lo) ≈ sin(hi) + lo·cos(hi), cos(hi) ≈ 1 - t/2.
    add(hi, add(tail, mul(lo, sub(ONE, mul(HALF, t)))))
}

/// cos(hi + lo) for |hi + lo| <= π/4.
fn cos_kernel(hi: L, lo: L) -> L {
    let t = mul(hi, hi);
    // 1 - t/2 + t²·(1/24 - ...), minus lo·sin(hi) ≈ lo·hi.
    let rest = sub(mul(mul(t, t), horner(&COS[1..], t)), mul(lo, hi));
    add(sub(ONE, mul(HALF, t)), rest)
}

/// The reduced argument of x (finite): quadrant, hi, lo. |x| <= π/4 is used as it is.
fn reduced(x: L) -> (u32, L, L) {
    let (_, class) = x.class();
    let Class::Finite { mant, e2 } = class else { return (0, x.abs(), L::zero(false)) };
    // π/4 ≈ 0.785: below 2^-1 (exponent field < 0x3ffe) or up to 0.785 as it is.
    const PIO4: L = ld((0x3ffe, 0xc90fdaa22168c235));
    if !super::x87ops::lt(PIO4, x.abs()) {
        return (0, x.abs(), L::zero(false));
    }
    reduce(mant, e2)
}

fn neg(v: L) -> L {
    v.with_sign(!v.neg())
}

/// sin(x); x is not infinite (the caller answers NaN for that).
pub fn sin(x: L) -> L {
    if x.is_nan() {
        return add(x, x);
    }
    if x.exp_field() < 0x3fff - 33 {
        return x; // |x| < 2^-33: sin x rounds to x (also ±0 and denormals)
    }
    let (q, hi, lo) = reduced(x);
    let r = match q {
        0 => sin_kernel(hi, lo),
        1 => cos_kernel(hi, lo),
        2 => neg(sin_kernel(hi, lo)),
        _ => neg(cos_kernel(hi, lo)),
    };
    if x.neg() { neg(r) } else { r }
}

/// cos(x); x is not infinite.
pub fn cos(x: L) -> L {
    if x.is_nan() {
        return add(x, x);
    }
    if x.exp_field() < 0x3fff - 33 {
        return ONE;
    }
    let (q, hi, lo) = reduced(x);
    match q {
        0 => cos_kernel(hi, lo),
        1 => neg(sin_kernel(hi, lo)),
        2 => neg(cos_kernel(hi, lo)),
        _ => sin_kernel(hi, lo),
    }
}

/// tan(x); x is not infinite.
pub fn tan(x: L) -> L {
    if x.is_nan() {
        return add(x, x);
    }
    if x.exp_field() < 0x3fff - 33 {
        return x;
    }
    let (q, hi, lo) = reduced(x);
    let (s, c) = (sin_kernel(hi, lo), cos_kernel(hi, lo));
    let r = if q & 1 == 0 { div(s, c) } else { neg(div(c, s)) };
    if x.neg() { neg(r) } else { r }
}

/// sin and cos of x with one reduction; x is not infinite.
pub fn sincos(x: L) -> (L, L) {
    if x.is_nan() {
        return (add(x, x), add(x, x));
    }
    if x.exp_field() < 0x3fff - 33 {
        return (x, ONE);
    }
    let (q, hi, lo) = reduced(x);
    let (s, c) = (sin_kernel(hi, lo), cos_kernel(hi, lo));
    let (s, c) = match q {
        0 => (s, c),
        1 => (c, neg(s)),
        2 => (neg(s), neg(c)),
        _ => (neg(c), s),
    };
    (if x.neg() { neg(s) } else { s }, c)
}
