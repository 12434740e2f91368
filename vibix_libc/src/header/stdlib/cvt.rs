//! Legacy XSI `ecvt`/`fcvt`/`gcvt`: a double's decimal digits without a
//! point. The digits are exact (core's float formatting through
//! `num::flt2dec`, rounded half-to-even on the exact value, as printf). The
//! interface follows glibc: at most 17 digits (ecvt) or 17 fraction digits
//! (fcvt), a negative fcvt count rounds left of the point, inf/nan come back
//! as their %f text with *decpt = 0. glibc's own ecvt scales in binary
//! floating point and can be off in the 16th/17th digit or return one digit
//! too many on a carry; these are not reproduced (docs/libc.md).
use core::ffi::{c_char, c_int};

use crate::fmt::float::fmt_float;
use crate::fmt::printf::{Counter, Sink};
use crate::fmt::spec::Spec;
use crate::num::flt2dec::{decimal, Mode};

/// Most digits a double can be asked for.
const NDIGIT_MAX: usize = 17;
/// 309 integer digits + 17 fraction digits + NUL (fcvt(DBL_MAX, 17)).
const BUF: usize = 309 + NDIGIT_MAX + 2;

/// The static result buffers of ecvt and fcvt (one each, as in glibc: each
/// call overwrites its function's previous result).
static mut ECVT: [u8; BUF] = [0; BUF];
static mut FCVT: [u8; BUF] = [0; BUF];

#[derive(Clone, Copy)]
enum Which {
    E,
    F,
}

/// Writes `n` digits `digit(0..n)` and a NUL into the buffer of `w`; returns it.
fn emit(w: Which, n: usize, digit: impl Fn(usize) -> u8) -> *mut c_char {
    let n = n.min(BUF - 1);
    // SAFETY: the buffers are only written here, by the (non-reentrant by
    // interface) ecvt/fcvt; n < BUF.
    unsafe {
        let r = match w {
            Which::E => &mut *(&raw mut ECVT),
            Which::F => &mut *(&raw mut FCVT),
        };
        for (i, b) in r.iter_mut().take(n).enumerate() {
            *b = digit(i);
        }
        r[n] = 0;
        r.as_mut_ptr().cast()
    }
}

/// "inf"/"-inf"/"nan" as glibc returns them (sign in the text, *sign = 0).
fn nonfinite(w: Which, x: f64, decpt: &mut c_int, sign: &mut c_int) -> *mut c_char {
    let t: &[u8] = if x.is_nan() { b"nan" } else if x < 0.0 { b"-inf" } else { b"inf" };
    *decpt = 0;
    *sign = 0;
    emit(w, t.len(), |i| t[i])
}

/// The decimal exponent E of finite non-zero `a`: 10^(E-1) <= a < 10^E
/// (767 significant digits are exact: no rounding can carry).
fn exponent(a: f64) -> i32 {
    decimal(a, Mode::Sig(780)).exp
}

/// `ecvt(x, n, &decpt, &sign)`: the first `n` significant digits.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ecvt(x: f64, n: c_int, decpt: *mut c_int, sign: *mut c_int) -> *mut c_char {
    // SAFETY: decpt and sign are writable ints (caller contract).
    let (decpt, sign) = unsafe { (&mut *decpt, &mut *sign) };
    let n = n.clamp(0, NDIGIT_MAX as c_int) as usize;
    if !x.is_finite() {
        if n == 0 {
            *decpt = 1;
            *sign = 0;
            return emit(Which::E, 0, |_| 0);
        }
        return nonfinite(Which::E, x, decpt, sign);
    }
    *sign = x.is_sign_negative() as c_int;
    let a = x.abs();
    if a == 0.0 {
        *decpt = 1;
        return emit(Which::E, n, |_| b'0');
    }
    if n == 0 {
        *decpt = exponent(a);
        return emit(Which::E, 0, |_| 0);
    }
    let d = decimal(a, Mode::Sig(n));
    *decpt = d.exp;
    emit(Which::E, n, |i| d.digit(i as i64))
}

/// `fcvt(x, n, &decpt, &sign)`: the digits of `x` rounded to `n` places after
/// the point (n < 0: to 10^-n, keeping at least one digit), without leading
/// zeros.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fcvt(x: f64, n: c_int, decpt: *mut c_int, sign: *mut c_int) -> *mut c_char {
    // SAFETY: decpt and sign are writable ints (caller contract).
    let (decpt, sign) = unsafe { (&mut *decpt, &mut *sign) };
    if !x.is_finite() {
        return nonfinite(Which::F, x, decpt, sign);
    }
    *sign = x.is_sign_negative() as c_int;
    let a = x.abs();
    let frac = n.clamp(0, NDIGIT_MAX as c_int) as usize;
    if a == 0.0 {
        *decpt = 1;
        return emit(Which::F, 1 + frac, |_| b'0');
    }
    if n < 0 {
        let e = exponent(a);
        let left = (-n).min(e - 1);
        if left > 0 {
            // Round to e - left significant digits: the integer part's digits
            // above 10^left, then zeros.
            let d = decimal(a, Mode::Sig((e - left) as usize));
            *decpt = d.exp;
            return emit(Which::F, d.exp as usize, |i| d.digit(i as i64));
        }
    }
    let d = decimal(a, Mode::Fixed(frac));
    if d.n == 0 {
        // Rounded to zero: "0" without fraction digits, else none at all
        // with the point after the fraction's zeros.
        if frac == 0 {
            *decpt = 1;
            return emit(Which::F, 1, |_| b'0');
        }
        *decpt = -(frac as c_int);
        return emit(Which::F, 0, |_| 0);
    }
    *decpt = d.exp;
    emit(Which::F, (d.exp + frac as i32).max(0) as usize, |i| d.digit(i as i64))
}

/// Output into the caller's gcvt buffer.
struct Buf(*mut u8, usize);

impl Sink for Buf {
    fn put(&mut self, b: &[u8]) -> bool {
        // SAFETY: the gcvt buffer holds the %.17g text of any double (the
        // caller's contract: glibc documents no size either).
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.0.add(self.1), b.len()) };
        self.1 += b.len();
        true
    }
}

/// `gcvt(x, n, buf)`: `x` as printf's `%.*g` with `n` (at most 17)
/// significant digits, into `buf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gcvt(x: f64, n: c_int, buf: *mut c_char) -> *mut c_char {
    let mut sink = Buf(buf.cast(), 0);
    // A negative count is printf's "no precision" (6), as glibc passes it on.
    let prec = (n >= 0).then(|| (n as usize).min(NDIGIT_MAX));
    let sp = Spec { left: false, plus: false, space: false, alt: false, zero: false, width: 0, prec };
    let mut out = Counter { sink: &mut sink, count: 0, failed: false, chars: false };
    fmt_float(&mut out, &sp, x, b'g');
    let len = out.count;
    // SAFETY: as Buf::put: the NUL follows the text.
    unsafe { *buf.add(len) = 0 };
    buf
}
