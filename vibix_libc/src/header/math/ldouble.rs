//! The `long double` (`*l`) functions: x87 instructions (`x87ops`) plus the
//! C99 Annex F special cases. sin/cos/tan are computed in software (`trigl`:
//! exact argument reduction; the x87's fsin family is inaccurate for large
//! arguments and only double-precision under QEMU's TCG); the others use the
//! x87's fpatan/fyl2x/f2xm1 (its 64-bit internal accuracy, not glibc's
//! correctly rounded results in the last bits: docs/unsupported.md).
use core::ffi::{c_char, c_int, c_long};

use super::x87::{ld1, ld1g, ld2, ld2g, ld_arg, ld_return};
use super::trigl::{cos, sin, tan};
use super::x87ops::*;
use crate::ldbl::Class;

macro_rules! f1 {
    ($($name:ident $inner:ident |$x:ident| $e:expr;)*) => {$(
        unsafe extern "C" fn $inner(p: *const L, out: *mut L) {
            // SAFETY: the wrapper passes the caller's argument slot and its result buffer.
            let $x: L = unsafe { *p };
            let r: L = $e;
            // SAFETY: as above.
            unsafe { *out = r };
        }
        ld1!($name => $inner);
    )*};
}
macro_rules! f2 {
    ($($name:ident $inner:ident |$x:ident, $y:ident| $e:expr;)*) => {$(
        unsafe extern "C" fn $inner(p: *const L, q: *const L, out: *mut L) {
            // SAFETY: the wrapper passes the caller's argument slots and its result buffer.
            let ($x, $y): (L, L) = unsafe { (*p, *q) };
            let r: L = $e;
            // SAFETY: as above.
            unsafe { *out = r };
        }
        ld2!($name => $inner);
    )*};
}

fn half() -> L {
    div(one(), from_i64(2))
}

/// The integer-valued x, if it is one (finite and x == trunc(x)).
pub(super) fn is_int(x: L) -> bool {
    !x.is_nan() && !x.is_inf() && !lt(round_with(x, 3), x) && !lt(x, round_with(x, 3))
}

fn is_odd_int(x: L) -> bool {
    if !is_int(x) {
        return false;
    }
    // Beyond 2^64 every integer is even.
    let h = div(x, from_i64(2));
    !is_int(h)
}

fn expl_(x: L) -> L {
    match x.class().1 {
        Class::Nan => x,
        Class::Inf => if x.neg() { L::zero(false) } else { x },
        _ => exp2(mul(x, konst(1))),
    }
}

fn expm1_(x: L) -> L {
    match x.class().1 {
        Class::Nan | Class::Zero => x,
        Class::Inf => if x.neg() { from_i64(-1) } else { x },
        _ => {
            let t = mul(x, konst(1));
            // f2xm1 is accurate near 0 and valid for |t| <= 1.
            if lt(t.abs(), one()) { f2xm1(t) } else { sub(exp2(t), one()) }
        }
    }
}

fn ln1p_(x: L) -> L {
    // fyl2xp1 needs |x| < 1 - sqrt(2)/2.
    if lt(x.abs(), from_f64(0.29)) { ln1p(x) } else { ln(add(one(), x)) }
}

fn pow_(x: L, y: L) -> L {
    let o = one();
    if y.is_zero() || (!x.is_nan() && !lt(x, o) && !lt(o, x)) {
        return o;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let odd = is_odd_int(y);
    if x.is_zero() {
        return if y.neg() { L::inf(odd && x.neg()) } else { L::zero(odd && x.neg()) };
    }
    if y.is_inf() {
        let ax = x.abs();
        if !lt(ax, o) && !lt(o, ax) {
            return o; // (-1)^±inf
        }
        return if lt(ax, o) == y.neg() { L::inf(false) } else { L::zero(false) };
    }
    if x.is_inf() {
        let neg = x.neg() && odd;
        return if y.neg() { L::zero(neg) } else { L::inf(neg) };
    }
    if x.neg() && !is_int(y) {
        return L::nan();
    }
    let r = exp2(ylog2x(y, x.abs()));
    r.with_sign(x.neg() && odd)
}

fn sqrt1mx2(x: L) -> L {
    sqrt(mul(sub(one(), x), add(one(), x)))
}

fn round_(x: L) -> L {
    let t = round_with(x, 3);
    let d = sub(x, t).abs();
    if !lt(d, half()) && !x.is_inf() && !x.is_nan() {
        add(t, one().with_sign(x.neg()))
    } else {
        t
    }
}

fn sinh_(x: L) -> L {
    if x.is_nan() || x.is_inf() || x.is_zero() {
        return x;
    }
    let e = expm1_(x.abs());
    if e.is_inf() {
        return e.with_sign(x.neg());
    }
    // (e^a - e^-a)/2 = (E + E/(E+1))/2 with E = e^a - 1.
    let r = mul(add(e, div(e, add(e, one()))), half());
    r.with_sign(x.neg())
}

fn cosh_(x: L) -> L {
    if x.is_nan() {
        return x;
    }
    let e = expl_(x.abs());
    mul(add(e, div(one(), e)), half())
}

fn tanh_(x: L) -> L {
    if x.is_nan() || x.is_zero() {
        return x;
    }
    if lt(from_i64(23), x.abs()) {
        return one().with_sign(x.neg());
    }
    let e = expm1_(mul(from_i64(2), x.abs()));
    div(e, add(e, from_i64(2))).with_sign(x.neg())
}

fn asinh_(x: L) -> L {
    if x.is_nan() || x.is_inf() || x.is_zero() {
        return x;
    }
    let a = x.abs();
    let r = if lt(from_i64(1 << 32), a) {
        add(ln(a), konst_ln2())
    } else {
        let a2 = mul(a, a);
        ln1p_(add(a, div(a2, add(one(), sqrt(add(one(), a2))))))
    };
    r.with_sign(x.neg())
}

fn konst_ln2() -> L {
    ln(from_i64(2))
}

fn acosh_(x: L) -> L {
    if lt(x, one()) {
        return L::nan();
    }
    if x.is_inf() || x.is_nan() {
        return x;
    }
    let t = sub(x, one());
    ln1p_(add(t, sqrt(add(mul(t, t), mul(from_i64(2), t)))))
}

fn atanh_(x: L) -> L {
    if x.is_nan() || x.is_zero() {
        return x;
    }
    let a = x.abs();
    if lt(one(), a) {
        return L::nan();
    }
    if !lt(a, one()) {
        return L::inf(x.neg());
    }
    mul(half(), ln1p_(div(mul(from_i64(2), a), sub(one(), a)))).with_sign(x.neg())
}

fn cbrt_(x: L) -> L {
    if x.is_nan() || x.is_inf() || x.is_zero() {
        return x;
    }
    let a = x.abs();
    let mut r = exp2(div(log2(a), from_i64(3)));
    // Two Newton steps: r -= (r^3 - a) / (3 r^2).
    for _ in 0..2 {
        let r2 = mul(r, r);
        r = sub(r, div(sub(mul(r2, r), a), mul(from_i64(3), r2)));
    }
    r.with_sign(x.neg())
}

fn hypot_(x: L, y: L) -> L {
    if x.is_inf() || y.is_inf() {
        return L::inf(false);
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (a, b) = (x.abs(), y.abs());
    let (big, small) = if lt(a, b) { (b, a) } else { (a, b) };
    if big.is_zero() {
        return big;
    }
    let r = div(small, big);
    mul(big, sqrt(add(one(), mul(r, r))))
}

fn max_(x: L, y: L) -> L {
    if x.is_nan() { y } else if y.is_nan() || lt(y, x) { x } else { y }
}
fn min_(x: L, y: L) -> L {
    if x.is_nan() { y } else if y.is_nan() || lt(x, y) { x } else { y }
}
fn dim_(x: L, y: L) -> L {
    if x.is_nan() { x } else if y.is_nan() { y } else if lt(y, x) { sub(x, y) } else { L::zero(false) }
}

/// The neighbour of x toward y (ordering the 80-bit encodings).
fn next_(x: L, y: L) -> L {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if !lt(x, y) && !lt(y, x) {
        return y;
    }
    if x.is_zero() {
        return L::new(crate::ldbl::encode(y.neg(), 0, 1));
    }
    let up = lt(x, y) != x.neg(); // away from zero
    let (mut e, mut m) = (x.exp_field(), x.mant());
    if up {
        if m == u64::MAX {
            (e, m) = (e + 1, 1 << 63);
        } else {
            m += 1;
            if e == 0 && m == 1 << 63 {
                e = 1;
            }
        }
    } else if e == 0 || m > 1 << 63 {
        m -= 1;
    } else if e == 1 {
        (e, m) = (0, (1 << 63) - 1);
    } else {
        (e, m) = (e - 1, u64::MAX);
    }
    L::new(crate::ldbl::encode(x.neg(), e, m))
}

f1! {
    sqrtl sqrtl_i |x| sqrt(x);
    fabsl fabsl_i |x| x.abs();
    sinl sinl_i |x| if x.is_inf() { L::nan() } else { sin(x) };
    cosl cosl_i |x| if x.is_inf() { L::nan() } else { cos(x) };
    tanl tanl_i |x| if x.is_inf() { L::nan() } else { tan(x) };
    asinl asinl_i |x| if x.is_nan() { x } else if lt(one(), x.abs()) { L::nan_pos() } else { atan2(x, sqrt1mx2(x)) };
    acosl acosl_i |x| if x.is_nan() { x } else if lt(one(), x.abs()) { L::nan_pos() } else { atan2(sqrt1mx2(x), x) };
    atanl atanl_i |x| if x.is_nan() { x } else { atan2(x, one()) };
    expl expl_i |x| expl_(x);
    exp2l exp2l_i |x| match x.class().1 { Class::Nan => x, Class::Inf => if x.neg() { L::zero(false) } else { x }, _ => exp2(x) };
    exp10l exp10l_i |x| match x.class().1 { Class::Nan => x, Class::Inf => if x.neg() { L::zero(false) } else { x }, _ => exp2(mul(x, konst(2))) };
    pow10l pow10l_i |x| match x.class().1 { Class::Nan => x, Class::Inf => if x.neg() { L::zero(false) } else { x }, _ => exp2(mul(x, konst(2))) };
    expm1l expm1l_i |x| expm1_(x);
    logl logl_i |x| if x.neg() && !x.is_zero() && !x.is_nan() { L::nan_pos() } else { ln(x) };
    log2l log2l_i |x| if x.neg() && !x.is_zero() && !x.is_nan() { L::nan_pos() } else { log2(x) };
    log10l log10l_i |x| if x.neg() && !x.is_zero() && !x.is_nan() { L::nan_pos() } else { log10(x) };
    log1pl log1pl_i |x| if x.is_zero() || x.is_nan() { x } else if lt(x, from_i64(-1)) { L::nan() } else { ln1p_(x) };
    sinhl sinhl_i |x| sinh_(x);
    coshl coshl_i |x| cosh_(x);
    tanhl tanhl_i |x| tanh_(x);
    asinhl asinhl_i |x| asinh_(x);
    acoshl acoshl_i |x| acosh_(x);
    atanhl atanhl_i |x| atanh_(x);
    cbrtl cbrtl_i |x| cbrt_(x);
    floorl floorl_i |x| round_with(x, 1);
    ceill ceill_i |x| round_with(x, 2);
    truncl truncl_i |x| round_with(x, 3);
    roundl roundl_i |x| round_(x);
    rintl rintl_i |x| rint(x);
    nearbyintl nearbyintl_i |x| round_with(x, (crate::header::fenv::fegetround() >> 10) as u16);
    logbl logbl_i |x| if x.is_inf() { x.abs() } else { logb(x) };
}

f2! {
    powl powl_i |x, y| pow_(x, y);
    atan2l atan2l_i |y, x| if x.is_nan() || y.is_nan() { L::nan() } else { atan2(y, x) };
    fmodl fmodl_i |x, y| if x.is_nan() { x } else if y.is_nan() { y } else if x.is_inf() || y.is_zero() || x.is_nan() || y.is_nan() { L::nan() } else if y.is_inf() { x } else { fmod(x, y) };
    remainderl remainderl_i |x, y| if x.is_nan() { x } else if y.is_nan() { y } else if x.is_inf() || y.is_zero() || x.is_nan() || y.is_nan() { L::nan() } else if y.is_inf() { x } else { remainder(x, y) };
    dreml dreml_i |x, y| if x.is_nan() { x } else if y.is_nan() { y } else if x.is_inf() || y.is_zero() || x.is_nan() || y.is_nan() { L::nan() } else if y.is_inf() { x } else { remainder(x, y) };
    hypotl hypotl_i |x, y| hypot_(x, y);
    fmaxl fmaxl_i |x, y| max_(x, y);
    fminl fminl_i |x, y| min_(x, y);
    fdiml fdiml_i |x, y| dim_(x, y);
    copysignl copysignl_i |x, y| x.with_sign(y.neg());
    nextafterl nextafterl_i |x, y| next_(x, y);
    nexttowardl nexttowardl_i |x, y| next_(x, y);
}

unsafe extern "C" fn frexpl_i(p: *const L, e: *mut c_int, out: *mut L) {
    // SAFETY: argument slot, the caller's int*, the result buffer.
    unsafe {
        let x = *p;
        let (neg, class) = x.class();
        let (r, ex) = match class {
            Class::Finite { mant, e2 } => {
                // Normalize (denormals too): mant × 2^e2 = 0.1xxx × 2^(e2 + 64 - lz).
                let lz = mant.leading_zeros() as i32;
                (L::new(crate::ldbl::encode(neg, 16382, mant << lz)), e2 + 64 - lz)
            }
            _ => (x, 0),
        };
        *e = ex;
        *out = r;
    }
}
ld1g!(frexpl => frexpl_i);

unsafe extern "C" fn ldexpl_i(p: *const L, n: c_long, out: *mut L) {
    // SAFETY: argument slot and result buffer.
    unsafe { *out = scale(*p, from_i64(n.clamp(-100_000, 100_000))) };
}
unsafe extern "C" fn ldexpl_int_i(p: *const L, n: c_int, out: *mut L) {
    // SAFETY: forwarded (the int widened).
    unsafe { ldexpl_i(p, n as c_long, out) };
}
ld1g!(ldexpl => ldexpl_int_i);
ld1g!(scalbnl => ldexpl_int_i);
ld1g!(scalblnl => ldexpl_i);

unsafe extern "C" fn modfl_i(p: *const L, ip: *mut L, out: *mut L) {
    // SAFETY: argument slot, the caller's long double*, the result buffer.
    unsafe {
        let x = *p;
        let t = round_with(x, 3);
        *ip = t;
        *out = if x.is_inf() { L::zero(x.neg()) } else if x.is_nan() { x } else { sub(x, t).with_sign(x.neg()) };
    }
}
ld1g!(modfl => modfl_i);

unsafe extern "C" fn remquol_i(p: *const L, q: *const L, quo: *mut c_int, out: *mut L) {
    // SAFETY: argument slots, the caller's int*, the result buffer.
    unsafe {
        let (x, y) = (*p, *q);
        let r = if x.is_nan() { x } else if y.is_nan() { y } else if x.is_inf() || y.is_zero() { L::nan() } else if y.is_inf() { x } else { remainder(x, y) };
        // The low bits of the rounded quotient, with its sign.
        let qv = if r.is_nan() || y.is_inf() { 0 } else { to_i64(round_with(div(sub(x, r), y), 0)) };
        // The low three bits, as glibc returns.
        *quo = ((qv.unsigned_abs() & 7) as c_int) * if (x.neg() != y.neg()) && qv != 0 { -1 } else { 1 };
        *out = r;
    }
}
ld2g!(remquol => remquol_i);

unsafe extern "C" fn sincosl_i(p: *const L, s: *mut L, c: *mut L) {
    // SAFETY: argument slot and the caller's two long double*.
    unsafe {
        let x = *p;
        (*s, *c) = if x.is_inf() { (L::nan(), L::nan()) } else { super::trigl::sincos(x) };
    }
}
ld_arg!(sincosl => sincosl_i);

unsafe extern "C" fn ilogbl_i(p: *const L) -> c_int {
    // SAFETY: the argument slot.
    let x = unsafe { *p };
    match x.class().1 {
        Class::Zero | Class::Nan => c_int::MIN,
        Class::Inf => c_int::MAX,
        Class::Finite { .. } => to_i64(logb(x)) as c_int,
    }
}
ld_arg!(ilogbl => ilogbl_i);

unsafe extern "C" fn lrintl_i(p: *const L) -> c_long {
    // SAFETY: the argument slot.
    to_i64(unsafe { *p })
}
unsafe extern "C" fn lroundl_i(p: *const L) -> c_long {
    // SAFETY: the argument slot.
    to_i64(round_(unsafe { *p }))
}
ld_arg!(lrintl => lrintl_i);
ld_arg!(llrintl => lrintl_i);
ld_arg!(lroundl => lroundl_i);
ld_arg!(llroundl => lroundl_i);

unsafe extern "C" fn nexttoward_i(p: *const L, x: f64) -> f64 {
    // SAFETY: the argument slot.
    let y = unsafe { *p };
    let lx = from_f64(x);
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if !lt(lx, y) && !lt(y, lx) {
        return to_f64(y);
    }
    let up = lt(lx, y);
    if x == 0.0 {
        return if up { f64::from_bits(1) } else { -f64::from_bits(1) };
    }
    let b = x.to_bits();
    f64::from_bits(if up == (x > 0.0) { b + 1 } else { b - 1 })
}
unsafe extern "C" fn nexttowardf_i(p: *const L, x: f32) -> f32 {
    // SAFETY: the argument slot.
    let y = unsafe { *p };
    let lx = from_f64(x as f64);
    if x.is_nan() || y.is_nan() {
        return f32::NAN;
    }
    if !lt(lx, y) && !lt(y, lx) {
        return to_f64(y) as f32;
    }
    let up = lt(lx, y);
    if x == 0.0 {
        return if up { f32::from_bits(1) } else { -f32::from_bits(1) };
    }
    let b = x.to_bits();
    f32::from_bits(if up == (x > 0.0) { b + 1 } else { b - 1 })
}
/// `nexttoward(double, long double)`: x in xmm0, y in memory.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nexttoward() {
    core::arch::naked_asm!("lea rdi, [rsp + 8]", "jmp {f}", f = sym nexttoward_i)
}
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nexttowardf() {
    core::arch::naked_asm!("lea rdi, [rsp + 8]", "jmp {f}", f = sym nexttowardf_i)
}

unsafe extern "C" fn nanl_i(_tag: *const c_char, out: *mut L) {
    // SAFETY: the result buffer.
    unsafe { *out = L::nan_pos() };
}
ld_return!(nanl => nanl_i, "rsi");
