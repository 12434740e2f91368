//! The C layer of %f %e %g %a (and upper-case forms): flags, width, precision,
//! %g's style choice and trailing zeros, %a's hex digits. Decimal digits come
//! exactly rounded from `num::flt2dec` (core's float formatting).
use super::printf::{Counter, Sink, Spec};
use crate::num::flt2dec::{decimal, Decimal, Mode};

pub fn fmt_float<S: Sink>(out: &mut Counter<S>, sp: &Spec, x: f64, conv: u8) {
    let upper = conv.is_ascii_uppercase();
    let neg = x.is_sign_negative();
    let sign: &[u8] = if neg { b"-" } else if sp.plus { b"+" } else if sp.space { b" " } else { b"" };
    if !x.is_finite() {
        let body: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        out.field(&Spec { zero: false, ..*sp }, sign, 0, body, false);
        return;
    }
    let a = x.abs();
    match conv | 0x20 {
        b'f' => {
            let p = sp.prec.unwrap_or(6);
            let d = decimal(a, Mode::Fixed(p));
            emit_fixed(out, sp, sign, &d, p, sp.alt);
        }
        b'e' => {
            let p = sp.prec.unwrap_or(6);
            let d = decimal(a, Mode::Sig(p + 1));
            emit_exp(out, sp, sign, &d, p, sp.alt, upper);
        }
        b'g' => {
            let p = match sp.prec {
                None => 6,
                Some(0) => 1,
                Some(p) => p,
            };
            let d = decimal(a, Mode::Sig(p));
            // Exponent X of the rounded value in %e form.
            let xexp = if d.n == 0 { 0 } else { d.exp - 1 };
            if (p as i32) > xexp && xexp >= -4 {
                let mut fp = (p as i32 - 1 - xexp) as usize;
                if !sp.alt {
                    // Drop trailing zeros: keep only the digits we have after the point.
                    let frac_have = (d.n as i32 - d.exp).max(0) as usize;
                    fp = fp.min(frac_have);
                }
                emit_fixed(out, sp, sign, &d, fp, sp.alt);
            } else {
                let mut ep = p - 1;
                if !sp.alt {
                    ep = ep.min(d.n.saturating_sub(1));
                }
                emit_exp(out, sp, sign, &d, ep, sp.alt, upper);
            }
        }
        _ => emit_hex(out, sp, sign, a, upper),
    }
}

/// Digit `i` (0-based from the most significant) of `d`, zero past its end.
fn dig(d: &Decimal, i: i64) -> u8 {
    d.digit(i)
}

/// Writes `d` as [int].[frac digits] with exactly `p` fraction digits.
fn emit_fixed<S: Sink>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], d: &Decimal, p: usize, alt: bool) {
    let int_n = if d.n == 0 || d.exp <= 0 { 1 } else { d.exp as usize };
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
    if d.n == 0 || d.exp <= 0 {
        buf[0] = b'0';
        k = 1;
    } else {
        for i in 0..d.exp as i64 {
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
    let base = if d.n == 0 { 0 } else { d.exp as i64 };
    let nonzero_end = if d.n == 0 { 0 } else { (d.n as i64 - base).max(0) as usize };
    let real = p.min(nonzero_end);
    for j in 0..real {
        buf[k] = if d.n == 0 { b'0' } else { dig(d, base + j as i64) };
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
fn emit_exp<S: Sink>(out: &mut Counter<S>, sp: &Spec, sign: &[u8], d: &Decimal, p: usize, alt: bool, upper: bool) {
    let e = if d.n == 0 { 0 } else { d.exp - 1 };
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
    let real = p.min(d.n.saturating_sub(1));
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
    let mut mant = bits & ((1u64 << 52) - 1);
    let (mut lead, e) = if a == 0.0 { (0u64, 0) } else if be == 0 { (0, -1022) } else { (1, be - 1023) };
    // 13 hex fraction digits; round to the precision (half to even).
    let mut nd = 13usize;
    if let Some(p) = sp.prec {
        if p < 13 {
            let drop = (13 - p) * 4;
            let rem = mant & ((1u64 << drop) - 1);
            let half = 1u64 << (drop - 1);
            mant >>= drop;
            if rem > half || (rem == half && (mant & 1 == 1 || (p == 0 && lead & 1 == 1))) {
                mant += 1;
                if mant >> (p * 4) != 0 {
                    mant &= (1u64 << (p * 4)) - 1;
                    lead += 1;
                }
            }
            nd = p;
        }
    } else {
        while nd > 0 && mant & 0xf == 0 {
            mant >>= 4;
            nd -= 1;
        }
    }
    let hexd: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut body = [0u8; 48];
    let mut k = 0;
    body[k] = b'0' + lead as u8;
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
