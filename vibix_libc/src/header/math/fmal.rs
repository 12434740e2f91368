//! `fmal`: x·y + z for x87 `long double` with a single rounding. The 64-bit
//! mantissas are multiplied exactly (128 bits), z is aligned in a 256-bit
//! frame (bits beyond it fold into a sticky bit), the exact sum is rounded in
//! the x87's current rounding mode, and the IEEE flags are raised.
use core::arch::asm;
use core::ffi::c_int;

use super::x87::ld_wrap;
use super::x87ops::{add, mul, L};
use crate::ldbl::{decode, encode, Class};

const FE_INEXACT: c_int = 0x20;
const FE_UNDERFLOW: c_int = 0x10;
const FE_OVERFLOW: c_int = 0x08;

/// A 256-bit unsigned integer (hi, lo).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct U256(u128, u128);

impl U256 {
    fn bits(self) -> u32 {
        if self.0 != 0 { 256 - self.0.leading_zeros() } else { 128 - self.1.leading_zeros() }
    }
    fn shl(self, n: u32) -> U256 {
        match n {
            0 => self,
            1..=127 => U256((self.0 << n) | (self.1 >> (128 - n)), self.1 << n),
            128..=255 => U256(self.1 << (n - 128), 0),
            _ => U256(0, 0),
        }
    }
    /// Shift right by n, then left by one with bit 0 telling whether any bit was
    /// shifted out (a sticky bit below every kept bit, so sums with it round
    /// exactly as with the full value).
    fn shr_sticky1(self, n: u32) -> U256 {
        let r = self.shr(n).shl(1);
        if self.any_below(n) { U256(r.0, r.1 | 1) } else { r }
    }
    fn shr(self, n: u32) -> U256 {
        match n {
            0 => self,
            1..=127 => U256(self.0 >> n, (self.1 >> n) | (self.0 << (128 - n))),
            128..=255 => U256(0, self.0 >> (n - 128)),
            _ => U256(0, 0),
        }
    }
    fn add(self, o: U256) -> U256 {
        let (lo, c) = self.1.overflowing_add(o.1);
        U256(self.0 + o.0 + c as u128, lo)
    }
    fn sub(self, o: U256) -> U256 {
        let (lo, b) = self.1.overflowing_sub(o.1);
        U256(self.0 - o.0 - b as u128, lo)
    }
    fn bit(self, n: u32) -> bool {
        if n >= 256 {
            false
        } else if n >= 128 { (self.0 >> (n - 128)) & 1 == 1 } else { (self.1 >> n) & 1 == 1 }
    }
    /// Whether any bit below n is set.
    fn any_below(self, n: u32) -> bool {
        if n == 0 {
            false
        } else if n >= 256 {
            self != U256(0, 0)
        } else if n <= 128 {
            self.1 & (u128::MAX >> (128 - n)) != 0
        } else {
            self.1 != 0 || self.0 & (u128::MAX >> (256 - n)) != 0
        }
    }
}

/// The x87 rounding control: 0 nearest, 1 down, 2 up, 3 toward zero.
fn rounding() -> u16 {
    let mut cw: u16 = 0;
    // SAFETY: stores the x87 control word.
    unsafe { asm!("fnstcw [{}]", in(reg) &mut cw, options(nostack)) };
    (cw >> 10) & 3
}

/// Normalized (mantissa with bit 63 set, exponent) of a finite nonzero value.
fn norm(mant: u64, e2: i32) -> (u64, i32) {
    let lz = mant.leading_zeros();
    (mant << lz, e2 - lz as i32)
}

fn fma_(x: L, y: L, z: L) -> L {
    let (sx, cx) = decode(x.0);
    let (sy, cy) = decode(y.0);
    let (sz, cz) = decode(z.0);
    let ((mx, ex), (my, ey)) = match (cx, cy) {
        (Class::Finite { mant: a, e2: b }, Class::Finite { mant: c, e2: d }) => (norm(a, b), norm(c, d)),
        // NaN, infinity or a zero factor: x·y is exact, so two x87 operations
        // round once (and give NaN/invalid and signed-zero results as IEEE says).
        _ => return add(mul(x, y), z),
    };
    let (mz, ez) = match cz {
        Class::Finite { mant, e2 } => norm(mant, e2),
        Class::Zero => return mul(x, y), // x·y ≠ 0 exactly: one rounding
        _ => return add(mul(x, y), z),   // z infinite or NaN
    };
    let sp = sx != sy;
    // Exact product P·2^ep, P in [2^126, 2^128).
    let p = U256(0, mx as u128 * my as u128);
    let ep = ex + ey;
    let zz = U256(0, mz as u128);
    // Put both in one frame value·2^e with the larger one high and exact.
    let (a, b, e) = if ez >= ep {
        let d = (ez - ep) as u32;
        if d <= 190 { (p, zz.shl(d), ep) } else { (p.shr_sticky1(d - 190), zz.shl(191), ez - 191) }
    } else {
        let d = (ep - ez) as u32;
        if d <= 126 { (p.shl(126), zz.shl(126 - d), ep - 126) } else { (p.shl(127), zz.shr_sticky1(d - 126), ep - 127) }
    };
    let (s, neg) = if sp == sz {
        (a.add(b), sp)
    } else if a >= b {
        (a.sub(b), sp)
    } else {
        (b.sub(a), sz)
    };
    let rc = rounding();
    if s == U256(0, 0) {
        // An exact zero from opposite signs: +0, or -0 when rounding down.
        return L::new(encode(rc == 1, 0, 0));
    }
    // value = s·2^e: keep 64 bits below the leading one (fewer in the subnormal range).
    let n = s.bits() as i32;
    let k = e + n - 1; // unbiased exponent of the leading bit
    let keep = if k >= -16382 { 64 } else { 64 - (-16382 - k) };
    let sh = n - keep; // bits dropped (<= 0: the sum is short and exact)
    let (kept, half, rest) = if sh <= 0 {
        (s.1 << (-sh) as u32, false, false)
    } else {
        let sh = sh as u32;
        (s.shr(sh).1, s.bit(sh - 1), s.any_below(sh - 1))
    };
    let inexact = half || rest;
    let up = match rc {
        0 => half && (rest || kept & 1 == 1),
        1 => neg && inexact,
        2 => !neg && inexact,
        _ => false,
    };
    let mut m = kept + up as u128;
    let mut flags = if inexact { FE_INEXACT } else { 0 };
    let r = if keep == 64 {
        let mut k = k;
        if m >> 64 != 0 {
            m >>= 1;
            k += 1;
        }
        if k + 16383 >= 0x7fff {
            flags |= FE_OVERFLOW | FE_INEXACT;
            let to_inf = match rc {
                0 => true,
                1 => neg,
                2 => !neg,
                _ => false,
            };
            if to_inf { encode(neg, 0x7fff, 1 << 63) } else { encode(neg, 0x7ffe, u64::MAX) }
        } else {
            encode(neg, (k + 16383) as u16, m as u64)
        }
    } else {
        if inexact {
            flags |= FE_UNDERFLOW;
        }
        // Rounding up to 2^63 gives the smallest normal number.
        encode(neg, if m >> 63 != 0 { 1 } else { 0 }, m as u64)
    };
    if flags != 0 {
        crate::header::fenv::feraiseexcept(flags);
    }
    L::new(r)
}

unsafe extern "C" fn fmal_i(x: *const L, y: *const L, z: *const L, out: *mut L) {
    // SAFETY: the wrapper passes the caller's three argument slots and its result buffer.
    unsafe { *out = fma_(*x, *y, *z) };
}
ld_wrap!(fmal => fmal_i, "lea rdi, [rsp + 8]\n lea rsi, [rsp + 24]\n lea rdx, [rsp + 40]", "rcx");
