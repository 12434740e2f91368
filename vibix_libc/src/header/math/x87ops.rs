//! x87 arithmetic on 10-byte `long double` values for the `*l` functions:
//! each operation is one short inline-asm sequence over memory operands
//! (the x87 register stack is declared clobbered), so the math can be
//! written in Rust.
use core::arch::asm;

use crate::ldbl::{decode, encode, Class};

/// A long double value (16 bytes: the size and alignment C gives it).
#[derive(Clone, Copy)]
#[repr(C, align(16))]
pub struct L(pub [u8; 10], [u8; 6]);

impl L {
    pub const fn new(b: [u8; 10]) -> L {
        L(b, [0; 6])
    }
    pub fn class(self) -> (bool, Class) {
        decode(self.0)
    }
    pub fn is_nan(self) -> bool {
        matches!(self.class().1, Class::Nan)
    }
    pub fn is_inf(self) -> bool {
        matches!(self.class().1, Class::Inf)
    }
    pub fn is_zero(self) -> bool {
        matches!(self.class().1, Class::Zero)
    }
    pub fn neg(self) -> bool {
        self.0[9] & 0x80 != 0
    }
    pub fn abs(mut self) -> L {
        self.0[9] &= 0x7f;
        self
    }
    pub fn with_sign(mut self, neg: bool) -> L {
        self.0[9] = (self.0[9] & 0x7f) | if neg { 0x80 } else { 0 };
        self
    }
    pub fn inf(neg: bool) -> L {
        L::new(encode(neg, 0x7fff, 1 << 63))
    }
    /// The x87 default NaN (what invalid operations give: sign set, quiet).
    pub fn nan() -> L {
        L::new(encode(true, 0x7fff, 0xc000_0000_0000_0000))
    }
    /// A positive quiet NaN (what glibc returns for domain errors of asin/acos/log).
    pub fn nan_pos() -> L {
        L::nan().with_sign(false)
    }
    pub fn zero(neg: bool) -> L {
        L::new(encode(neg, 0, 0))
    }
    /// Biased exponent field.
    pub fn exp_field(self) -> u16 {
        u16::from_le_bytes([self.0[8], self.0[9]]) & 0x7fff
    }
    pub fn mant(self) -> u64 {
        u64::from_le_bytes(self.0[..8].try_into().unwrap_or([0; 8]))
    }
}

macro_rules! binop {
    ($($name:ident $insn:literal),*) => {$(
        /// a OP b in extended precision (current rounding mode).
        pub fn $name(a: L, b: L) -> L {
            let mut o = L::new([0; 10]);
            // SAFETY: loads two 10-byte values, stores one; the x87 stack is balanced.
            unsafe {
                asm!("fld tbyte ptr [{b}]", "fld tbyte ptr [{a}]", $insn, "fstp tbyte ptr [{o}]", "fstp st(0)",
                    a = in(reg) &a, b = in(reg) &b, o = in(reg) &mut o,
                    out("ax") _, out("st(0)") _, out("st(1)") _, options(nostack));
            }
            o
        }
    )*};
}
binop!(add "fadd st(0), st(1)", sub "fsub st(0), st(1)", mul "fmul st(0), st(1)", div "fdiv st(0), st(1)",
    // atan(a / b) with the quadrant of (b, a): fpatan takes st(1)/st(0).
    atan2 "fxch st(1)\n fpatan\n fld st(0)",
    // a × log2(b).
    ylog2x "fxch st(1)\n fyl2x\n fld st(0)",
    // a × 2^trunc(b).
    scale "fscale",
    // fmod/remainder: repeated partial remainders until C2 clears.
    fmod "2:\n fprem\n fnstsw ax\n test ah, 4\n jnz 2b",
    remainder "2:\n fprem1\n fnstsw ax\n test ah, 4\n jnz 2b");

macro_rules! unop {
    ($($name:ident $insn:literal),*) => {$(
        pub fn $name(a: L) -> L {
            let mut o = L::new([0; 10]);
            // SAFETY: one value in, one out; the x87 stack is balanced.
            unsafe {
                asm!("fld tbyte ptr [{a}]", $insn, "fstp tbyte ptr [{o}]",
                    a = in(reg) &a, o = in(reg) &mut o,
                    out("ax") _, out("st(0)") _, out("st(1)") _, out("st(2)") _, options(nostack));
            }
            o
        }
    )*};
}
unop!(sqrt "fsqrt", rint "frndint", f2xm1 "f2xm1",
    ln "fldln2\n fxch st(1)\n fyl2x", log2 "fld1\n fxch st(1)\n fyl2x", log10 "fldlg2\n fxch st(1)\n fyl2x",
    // ln(1 + a) for |a| < 1 - sqrt(2)/2.
    ln1p "fldln2\n fxch st(1)\n fyl2xp1",
    // The unbiased exponent (logb).
    logb "fxtract\n fstp st(0)");

/// x87 constants.
pub fn konst(which: u8) -> L {
    let mut o = L::new([0; 10]);
    // SAFETY: loads one constant and stores it.
    unsafe {
        match which {
            0 => asm!("fld1", "fstp tbyte ptr [{o}]", o = in(reg) &mut o, out("st(0)") _, options(nostack)),
            1 => asm!("fldl2e", "fstp tbyte ptr [{o}]", o = in(reg) &mut o, out("st(0)") _, options(nostack)),
            2 => asm!("fldl2t", "fstp tbyte ptr [{o}]", o = in(reg) &mut o, out("st(0)") _, options(nostack)),
            _ => asm!("fldz", "fstp tbyte ptr [{o}]", o = in(reg) &mut o, out("st(0)") _, options(nostack)),
        }
    }
    o
}
pub fn one() -> L {
    konst(0)
}

/// Rounds to an integer with rounding control `rc` (0 nearest, 1 down, 2 up, 3 toward zero),
/// leaving the flags as they were (nearbyint semantics).
pub fn round_with(a: L, rc: u16) -> L {
    let mut o = L::new([0; 10]);
    let mut env = [0u8; 28];
    let mut cw: u16 = 0;
    // SAFETY: saves the x87 environment, sets the rounding control, rounds, restores.
    unsafe {
        asm!("fnstenv [{env}]", "fnstcw [{cw}]", "and word ptr [{cw}], 0xf3ff", "or word ptr [{cw}], {rc:x}",
            "fldcw [{cw}]", "fld tbyte ptr [{a}]", "frndint", "fstp tbyte ptr [{o}]", "fldenv [{env}]",
            env = in(reg) &mut env, cw = in(reg) &mut cw, rc = in(reg) (rc << 10), a = in(reg) &a, o = in(reg) &mut o,
            out("st(0)") _, options(nostack));
    }
    o
}

pub fn from_i64(v: i64) -> L {
    let mut o = L::new([0; 10]);
    // SAFETY: integer load, extended store.
    unsafe { asm!("fild qword ptr [{v}]", "fstp tbyte ptr [{o}]", v = in(reg) &v, o = in(reg) &mut o, out("st(0)") _, options(nostack)) };
    o
}

pub fn from_f64(v: f64) -> L {
    let mut o = L::new([0; 10]);
    // SAFETY: double load, extended store.
    unsafe { asm!("fld qword ptr [{v}]", "fstp tbyte ptr [{o}]", v = in(reg) &v, o = in(reg) &mut o, out("st(0)") _, options(nostack)) };
    o
}

/// Conversion to i64 in the current rounding mode (the integer indefinite on overflow).
pub fn to_i64(a: L) -> i64 {
    let mut v = 0i64;
    // SAFETY: extended load, integer store.
    unsafe { asm!("fld tbyte ptr [{a}]", "fistp qword ptr [{v}]", a = in(reg) &a, v = in(reg) &mut v, out("st(0)") _, options(nostack)) };
    v
}

pub fn to_f64(a: L) -> f64 {
    let mut v = 0f64;
    // SAFETY: extended load, double store.
    unsafe { asm!("fld tbyte ptr [{a}]", "fstp qword ptr [{v}]", a = in(reg) &a, v = in(reg) &mut v, out("st(0)") _, options(nostack)) };
    v
}

/// a < b (false if unordered).
pub fn lt(a: L, b: L) -> bool {
    let r: u8;
    // SAFETY: compares two loaded values and pops both.
    unsafe {
        asm!("fld tbyte ptr [{b}]", "fld tbyte ptr [{a}]", "fcomip st(0), st(1)", "fstp st(0)", "setb {r}",
            "setnp {t}", "and {r}, {t}",
            a = in(reg) &a, b = in(reg) &b, r = out(reg_byte) r, t = out(reg_byte) _,
            out("st(0)") _, out("st(1)") _, options(nostack));
    }
    r != 0
}

/// 2^a for finite a.
pub fn exp2(a: L) -> L {
    let i = rint(a);
    let f = sub(a, i);
    scale(add(f2xm1(f), one()), i)
}
