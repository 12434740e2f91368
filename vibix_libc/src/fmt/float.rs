//! The C layer of %f %e %g %a (and upper-case forms): flags, width, precision,
//! %g's style choice and trailing zeros, %a's hex digits. Decimal digits come
//! exactly rounded from `num::flt2dec` (core's float formatting).
use super::printf::{Counter, Sink, Spec};
use crate::num::flt2dec::{decimal, Decimal, Mode};

/// Exactly rounded decimal digits 0.d0d1...(n digits) × 10^exp, zeros past n:
/// what the %f/%e/%g layout needs (doubles: `num::flt2dec`; long doubles:
/// `ldbl::todec`).
pub trait Digits {
    fn n(&self) -> usize;
    fn exp(&self) -> i32;
    /// ASCII digit `i`, '0' past the end.
    fn digit(&self, i: i64) -> u8;
}

impl Digits for Decimal {
    fn n(&self) -> usize {
        self.n
    }
    fn exp(&self) -> i32 {
        self.exp
    }
    fn digit(&self, i: i64) -> u8 {
        Decimal::digit(self, i)
    }
}

pub fn fmt_float<S: Sink>(out: &mut Counter<S>, sp: &Spec, x: f64, conv: u8) {
    let upper = conv.is_ascii_uppercase();
    let neg = x.is_sign_negative();
    let sign = sign_of(neg, sp);
    if !x.is_finite() {
        fmt_nonfinite(out, sp, sign, x.is_nan(), upper);
        return;
    }
    let a = x.abs();
    if conv | 0x20 == b'a' {
        emit_hex(out, sp, sign, a, upper);
    } else {
        fmt_decimal(out, sp, sign, conv, |m| decimal(a, m));
    }
}

/// The sign prefix for the flags.
pub fn sign_of(neg: bool, sp: &Spec) -> &'static [u8] {
    if neg { b"-" } else if sp.plus { b"+" } else if sp.space { b" " } else { b"" }
}

/// inf/nan in the case of the conversion.
pub fn fmt_nonfinite<S: Sink>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], nan: bool, upper: bool) {
    let body: &[u8] = match (nan, upper) {
        (true, false) => b"nan",
        (true, true) => b"NAN",
        (false, false) => b"inf",
        (false, true) => b"INF",
    };
    out.field(&Spec { zero: false, ..*sp }, sign, 0, body, false);
}

/// %f %e %g (any case) of a finite magnitude whose digits `gen` produces.
pub fn fmt_decimal<S: Sink, D: Digits>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], conv: u8, gen: impl Fn(Mode) -> D) {
    let upper = conv.is_ascii_uppercase();
    match conv | 0x20 {
        b'f' => {
            let p = sp.prec.unwrap_or(6);
            let d = gen(Mode::Fixed(p));
            emit_fixed(out, sp, sign, &d, p, sp.alt);
        }
        b'e' => {
            let p = sp.prec.unwrap_or(6);
            let d = gen(Mode::Sig(p + 1));
            emit_exp(out, sp, sign, &d, p, sp.alt, upper);
        }
        b'g' => {
            let p = match sp.prec {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            let d = gen(Mode::Sig(p));
            // Exponent X of the rounded value in %e form.
            let xexp = if d.n() == 0 { 0 } else { d.exp() - 1 };
            if (p as i32) > xexp && xexp >= -4 {
                let mut fp = (p as i32 - 1 - xexp) as usize;
                if !sp.alt {
                    // Drop trailing zeros: keep only the digits we have after the point.
                    let frac_have = (d.n() as i32 - d.exp()).max(0) as usize;
                    fp = fp.min(frac_have);
                }
                emit_fixed(out, sp, sign, &d, fp, sp.alt);
            } else {
                let mut ep = p - 1;
                if !sp.alt {
                    ep = ep.min(d.n().saturating_sub(1));
                }
                emit_exp(out, sp, sign, &d, ep, sp.alt, upper);
            }
        }
        _ => {}
    }
}

/// Digit `i` (0-based from the most significant) of `d`, zero past its end.
fn dig<D: Digits>(d: &D, i: i64) -> u8 {
    d.digit(i)
}

/// Writes `d` as [int].[frac digits] with exactly `p` fraction digits.
fn emit_fixed<S: Sink, D: Digits>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], d: &D, p: usize, alt: bool) {
    let int_n = if d.n() == 0 || d.exp() <= 0 { 1 } else { d.exp() as usize };
    let point = p > 0 || alt;
    let len = sign.len() + int_n + point as usize + p;
    let fill = sp.width.saturating_sub(len);
    if !sp.left && !sp.zero {
        out.pad(b' ', fill);
    }
    out.put(sign);
    if !sp.left && sp.zero {
        out.pad(b'0', fill);
    }
    // Integer digits: index i of the digit string is worth 10^(exp-1-i).
    let mut buf = [0u8; 64];
    let mut k = 0;
    if d.n() == 0 || d.exp() <= 0 {
        buf[0] = b'0';
        k = 1;
    } else {
        for i in 0..d.exp() as i64 {
            buf[k] = dig(d, i);
            k += 1;
            if k == buf.len() {
                out.put(&buf);
                k = 0;
            }
        }
    }
    if point {
        buf[k] = b'.';
        k += 1;
        if k == buf.len() {
            out.put(&buf);
            k = 0;
        }
    }
    out.put(&buf[..k]);
    k = 0;
    // Fraction digit j (1-based) is digit index exp - 1 + j.
    let base = if d.n() == 0 { 0 } else { d.exp() as i64 };
    let nonzero_end = if d.n() == 0 { 0 } else { (d.n() as i64 - base).max(0) as usize };
    let real = p.min(nonzero_end);
    for j in 0..real {
        buf[k] = if d.n() == 0 { b'0' } else { dig(d, base + j as i64) };
        k += 1;
        if k == buf.len() {
            out.put(&buf);
            k = 0;
        }
    }
    out.put(&buf[..k]);
    out.pad(b'0', p - real);
    if sp.left {
        out.pad(b' ', fill);
    }
}

/// Writes `d` as d.ddd e±XX with `p` fraction digits.
fn emit_exp<S: Sink, D: Digits>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], d: &D, p: usize, alt: bool, upper: bool) {
    let e = if d.n() == 0 { 0 } else { d.exp() - 1 };
    let mut ebuf = [0u8; 8];
    let mut en = 0;
    ebuf[0] = if upper { b'E' } else { b'e' };
    ebuf[1] = if e < 0 { b'-' } else { b'+' };
    en += 2;
    let ea = e.unsigned_abs();
    let mut tmp = [0u8; 5];
    let mut t = 0;
    let mut v = ea;
    while v > 0 || t < 2 {
        tmp[t] = b'0' + (v % 10) as u8;
        v /= 10;
        t += 1;
    }
    for k in (0..t).rev() {
        ebuf[en] = tmp[k];
        en += 1;
    }
    let point = p > 0 || alt;
    let len = sign.len() + 1 + point as usize + p + en;
    let fill = sp.width.saturating_sub(len);
    if !sp.left && !sp.zero {
        out.pad(b' ', fill);
    }
    out.put(sign);
    if !sp.left && sp.zero {
        out.pad(b'0', fill);
    }
    out.put(&[dig(d, 0)]);
    if point {
        out.put(b".");
    }
    let real = p.min(d.n().saturating_sub(1));
    let mut buf = [0u8; 64];
    let mut k = 0;
    for j in 0..real {
        buf[k] = dig(d, 1 + j as i64);
        k += 1;
        if k == buf.len() {
            out.put(&buf);
            k = 0;
        }
    }
    out.put(&buf[..k]);
    out.pad(b'0', p - real);
    out.put(&ebuf[..en]);
    if sp.left {
        out.pad(b' ', fill);
    }
}

/// %a: hexadecimal significand and binary exponent, as glibc prints it
/// (normal numbers start with "0x1", subnormals with "0x0" and exponent -1022).
fn emit_hex<S: Sink>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], a: f64, upper: bool) {
    let bits = a.to_bits();
    let be = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if a == 0.0 { (0u64, 0) } else if be == 0 { (0, -1022) } else { (1, be - 1023) };
    let (lead, mant, nd) = round_hex(lead, mant, 13, sp.prec);
    emit_hex_parts(out, sp, sign, lead, mant, nd, e, upper);
}

/// Rounds `lead`.`frac` (`digits` hex fraction digits) to the precision, half
/// to even (a carry goes into `lead`), or drops trailing zeros without one.
/// Returns (lead, frac, fraction digits).
pub fn round_hex(mut lead: u64, mut frac: u64, digits: usize, prec: Option<usize>) -> (u64, u64, usize) {
    let mut nd = digits;
    if let Some(p) = prec {
        if p < digits {
            let drop = (digits - p) * 4;
            let rem = frac & ((1u64 << drop) - 1);
            let half = 1u64 << (drop - 1);
            frac >>= drop;
            if rem > half || (rem == half && (frac & 1 == 1 || (p == 0 && lead & 1 == 1))) {
                frac += 1;
                if frac >> (p * 4) != 0 {
                    frac &= (1u64 << (p * 4)) - 1;
                    lead += 1;
                }
            }
            nd = p;
        }
    } else {
        while nd > 0 && frac & 0xf == 0 {
            frac >>= 4;
            nd -= 1;
        }
    }
    (lead, frac, nd)
}

/// Lays out %a: `lead`.`nd` hex digits of `mant` p `e`, with the spec's
/// precision (extra zeros), width and flags. Shared with long double.
#[allow(clippy::too_many_arguments)]
pub fn emit_hex_parts<S: Sink>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], lead: u64, mant: u64, nd: usize, e: i32, upper: bool) {
    let hexd: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut body = [0u8; 48];
    let mut k = 0;
    body[k] = hexd[lead as usize & 15];
    k += 1;
    let prec = sp.prec.unwrap_or(nd);
    if prec > 0 || sp.alt {
        body[k] = b'.';
        k += 1;
    }
    for i in (0..nd).rev() {
        body[k] = hexd[((mant >> (i * 4)) & 0xf) as usize];
        k += 1;
    }
    let extra_zeros = prec.saturating_sub(nd);
    let mut tail = [0u8; 8];
    let mut t = 0;
    tail[t] = if upper { b'P' } else { b'p' };
    t += 1;
    tail[t] = if e < 0 { b'-' } else { b'+' };
    t += 1;
    let mut tmp = [0u8; 5];
    let mut tn = 0;
    let mut v = e.unsigned_abs();
    loop {
        tmp[tn] = b'0' + (v % 10) as u8;
        tn += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for i in (0..tn).rev() {
        tail[t] = tmp[i];
        t += 1;
    }
    let prefix: &[u8] = if upper { b"0X" } else { b"0x" };
    let len = sign.len() + 2 + k + extra_zeros + t;
    let fill = sp.width.saturating_sub(len);
    if !sp.left && !sp.zero {
        out.pad(b' ', fill);
    }
    out.put(sign);
    out.put(prefix);
    if !sp.left && sp.zero {
        out.pad(b'0', fill);
    }
    out.put(&body[..k]);
    out.pad(b'0', extra_zeros);
    out.put(&tail[..t]);
    if sp.left {
        out.pad(b' ', fill);
    }
}
