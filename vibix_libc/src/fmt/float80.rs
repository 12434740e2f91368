//! printf's %Lf %Le %Lg %La: x87 long double, exact (digits from
//! `ldbl::todec`, laid out by `float.rs`). %La prints the top four mantissa
//! bits as the leading hex digit, as glibc does (`0x8p-3` is 1.0).
use super::float::{emit_hex_parts, fmt_decimal, fmt_nonfinite, round_hex, sign_of};
use super::printf::{Counter, Sink, Spec};
use crate::ldbl::{decode, todec, Class};

pub fn fmt_long_double<S: Sink>(out: &mut Counter<S>, sp: &Spec, bytes: [u8; 10], conv: u8) {
    let upper = conv.is_ascii_uppercase();
    let (neg, class) = decode(bytes);
    let sign = sign_of(neg, sp);
    let (mant, e2) = match class {
        Class::Nan | Class::Inf => return fmt_nonfinite(out, sp, sign, class == Class::Nan, upper),
        Class::Zero => (0, 0),
        Class::Finite { mant, e2 } => (mant, e2),
    };
    if conv | 0x20 != b'a' {
        if mant == 0 {
            return fmt_decimal(out, sp, sign, conv, |_| todec::LDecimal { d: alloc::vec::Vec::new(), exp: 0 });
        }
        return fmt_decimal(out, sp, sign, conv, |m| todec::decimal(mant, e2, m));
    }
    // value = mant × 2^e2 = (mant / 2^60) × 2^(e2 + 60): one lead digit, 15 fraction digits.
    let mut e = if mant == 0 { 0 } else { e2 + 60 };
    let (mut lead, mut frac, nd) = round_hex(mant >> 60, mant & ((1 << 60) - 1), 15, sp.prec);
    if lead == 16 {
        // A carry out of the lead digit: 0x10.0 is 0x1.0 with the exponent up by 4.
        (lead, frac) = (1, 0);
        e += 4;
    }
    emit_hex_parts(out, sp, sign, lead, frac, nd, e, upper);
}
