//! `<math.h>`: the C names over the `libm` crate (a port of musl's libm).
//! `long double` variants: `ldouble.rs` (x87).
pub mod fmal;
pub mod ldouble;
pub mod special;
mod trigl;
mod trigl_tables;
pub mod x87;
pub mod x87ops;

use core::ffi::{c_int, c_long, c_longlong};

macro_rules! m1 {
    ($($n:ident $f:ident),*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $n(x: f64) -> f64 { libm::$n(x) }
        #[unsafe(no_mangle)]
        pub extern "C" fn $f(x: f32) -> f32 { libm::$f(x) }
    )*};
}
macro_rules! m2 {
    ($($n:ident $f:ident),*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $n(x: f64, y: f64) -> f64 { libm::$n(x, y) }
        #[unsafe(no_mangle)]
        pub extern "C" fn $f(x: f32, y: f32) -> f32 { libm::$f(x, y) }
    )*};
}

m1!(acos acosf, asin asinf, atan atanf, cos cosf, sin sinf, tan tanf, cosh coshf, sinh sinhf, tanh tanhf, acosh acoshf, asinh asinhf, atanh atanhf, exp expf, exp2 exp2f, exp10 exp10f, expm1 expm1f, log logf, log10 log10f, log2 log2f, log1p log1pf, sqrt sqrtf, cbrt cbrtf, ceil ceilf, floor floorf, round roundf, trunc truncf, rint rintf, erf erff, erfc erfcf, tgamma tgammaf, fabs fabsf, j0 j0f, j1 j1f, y0 y0f, y1 y1f);
m2!(atan2 atan2f, pow powf, hypot hypotf, fmod fmodf, remainder remainderf, copysign copysignf, fmax fmaxf, fmin fminf, fdim fdimf, nextafter nextafterf);

#[unsafe(no_mangle)]
pub extern "C" fn fma(x: f64, y: f64, z: f64) -> f64 { libm::fma(x, y, z) }
#[unsafe(no_mangle)]
pub extern "C" fn fmaf(x: f32, y: f32, z: f32) -> f32 { libm::fmaf(x, y, z) }
#[unsafe(no_mangle)]
pub extern "C" fn nearbyint(x: f64) -> f64 { libm::rint(x) }
#[unsafe(no_mangle)]
pub extern "C" fn nearbyintf(x: f32) -> f32 { libm::rintf(x) }
#[unsafe(no_mangle)]
pub extern "C" fn ilogb(x: f64) -> c_int { libm::ilogb(x) }
#[unsafe(no_mangle)]
pub extern "C" fn ilogbf(x: f32) -> c_int { libm::ilogbf(x) }
#[unsafe(no_mangle)]
pub extern "C" fn ldexp(x: f64, e: c_int) -> f64 { libm::ldexp(x, e) }
#[unsafe(no_mangle)]
pub extern "C" fn ldexpf(x: f32, e: c_int) -> f32 { libm::ldexpf(x, e) }
#[unsafe(no_mangle)]
pub extern "C" fn scalbn(x: f64, e: c_int) -> f64 { libm::scalbn(x, e) }
#[unsafe(no_mangle)]
pub extern "C" fn scalbnf(x: f32, e: c_int) -> f32 { libm::scalbnf(x, e) }
#[unsafe(no_mangle)]
pub extern "C" fn scalbln(x: f64, e: c_long) -> f64 { libm::scalbn(x, e.clamp(-100000, 100000) as c_int) }
#[unsafe(no_mangle)]
pub extern "C" fn jn(n: c_int, x: f64) -> f64 { libm::jn(n, x) }
#[unsafe(no_mangle)]
pub extern "C" fn yn(n: c_int, x: f64) -> f64 { libm::yn(n, x) }
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexp(x: f64, e: *mut c_int) -> f64 {
    let (m, ex) = libm::frexp(x);
    // SAFETY: e is writable.
    unsafe { *e = ex };
    m
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn frexpf(x: f32, e: *mut c_int) -> f32 {
    let (m, ex) = libm::frexpf(x);
    // SAFETY: e is writable.
    unsafe { *e = ex };
    m
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modf(x: f64, ip: *mut f64) -> f64 {
    let (f, i) = libm::modf(x);
    // SAFETY: ip is writable.
    unsafe { *ip = i };
    f
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn modff(x: f32, ip: *mut f32) -> f32 {
    let (f, i) = libm::modff(x);
    // SAFETY: ip is writable.
    unsafe { *ip = i };
    f
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquo(x: f64, y: f64, q: *mut c_int) -> f64 {
    let (r, qq) = libm::remquo(x, y);
    // SAFETY: q is writable.
    unsafe { *q = qq };
    r
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgamma_r(x: f64, s: *mut c_int) -> f64 {
    let (r, sg) = libm::lgamma_r(x);
    // SAFETY: s is writable.
    unsafe { *s = sg };
    r
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincos(x: f64, s: *mut f64, c: *mut f64) {
    let (a, b) = libm::sincos(x);
    // SAFETY: s and c are writable.
    unsafe {
        *s = a;
        *c = b;
    }
}
#[unsafe(no_mangle)]
pub extern "C" fn lround(x: f64) -> c_long { libm::round(x) as c_long }
#[unsafe(no_mangle)]
pub extern "C" fn llround(x: f64) -> c_longlong { libm::round(x) as c_longlong }
#[unsafe(no_mangle)]
pub extern "C" fn lrint(x: f64) -> c_long { libm::rint(x) as c_long }
#[unsafe(no_mangle)]
pub extern "C" fn llrint(x: f64) -> c_longlong { libm::rint(x) as c_longlong }
#[unsafe(no_mangle)]
pub extern "C" fn lroundf(x: f32) -> c_long { libm::roundf(x) as c_long }
#[unsafe(no_mangle)]
pub extern "C" fn lrintf(x: f32) -> c_long { libm::rintf(x) as c_long }
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nan(_tag: *const core::ffi::c_char) -> f64 { f64::NAN }
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanf(_tag: *const core::ffi::c_char) -> f32 { f32::NAN }

// glibc classification entry points (used by its <math.h> macros).
#[unsafe(no_mangle)]
pub extern "C" fn __isnan(x: f64) -> c_int { x.is_nan() as c_int }
#[unsafe(no_mangle)]
pub extern "C" fn __isinf(x: f64) -> c_int { if x.is_infinite() { if x > 0.0 { 1 } else { -1 } } else { 0 } }
#[unsafe(no_mangle)]
pub extern "C" fn __finite(x: f64) -> c_int { x.is_finite() as c_int }
#[unsafe(no_mangle)]
pub extern "C" fn __signbit(x: f64) -> c_int { x.is_sign_negative() as c_int }
#[unsafe(no_mangle)]
pub extern "C" fn __fpclassify(x: f64) -> c_int {
    use core::num::FpCategory::*;
    match x.classify() { Nan => 0, Infinite => 1, Zero => 2, Subnormal => 3, Normal => 4 }
}
#[unsafe(no_mangle)]
pub extern "C" fn isnan(x: f64) -> c_int { x.is_nan() as c_int }
#[unsafe(no_mangle)]
pub extern "C" fn isinf(x: f64) -> c_int { __isinf(x) }
#[unsafe(no_mangle)]
pub extern "C" fn finite(x: f64) -> c_int { x.is_finite() as c_int }

/// `int signgam` (set by lgamma, lgammaf, lgammal). A program may copy-relocate
/// it, so it is written through the GOT (build.rs's dynamic list).
#[unsafe(no_mangle)]
pub static mut signgam: c_int = 0;

pub(crate) fn set_signgam(s: c_int) {
    let p: *mut c_int = crate::got!(signgam);
    // SAFETY: the GOT entry points at the one live signgam (ours or the program's copy).
    unsafe { *p = s };
}

/// C `lgamma`: also sets `signgam`.
#[unsafe(no_mangle)]
pub extern "C" fn lgamma(x: f64) -> f64 {
    let (r, s) = libm::lgamma_r(x);
    set_signgam(s);
    r
}
#[unsafe(no_mangle)]
pub extern "C" fn lgammaf(x: f32) -> f32 {
    let (r, s) = libm::lgammaf_r(x);
    set_signgam(s);
    r
}

/// C `logb`: the unbiased exponent as a double.
#[unsafe(no_mangle)]
pub extern "C" fn logb(x: f64) -> f64 {
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if !x.is_finite() {
        return x * x;
    }
    libm::ilogb(x) as f64
}
#[unsafe(no_mangle)]
pub extern "C" fn logbf(x: f32) -> f32 {
    logb(x as f64) as f32
}

// Obsolete and GNU names musl also exports.
#[unsafe(no_mangle)]
pub extern "C" fn drem(x: f64, y: f64) -> f64 { libm::remainder(x, y) }
#[unsafe(no_mangle)]
pub extern "C" fn dremf(x: f32, y: f32) -> f32 { libm::remainderf(x, y) }
#[unsafe(no_mangle)]
pub extern "C" fn finitef(x: f32) -> c_int { x.is_finite() as c_int }
#[unsafe(no_mangle)]
pub extern "C" fn jnf(n: c_int, x: f32) -> f32 { libm::jnf(n, x) }
#[unsafe(no_mangle)]
pub extern "C" fn ynf(n: c_int, x: f32) -> f32 { libm::ynf(n, x) }
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lgammaf_r(x: f32, s: *mut c_int) -> f32 {
    let (r, sg) = libm::lgammaf_r(x);
    // SAFETY: s is writable.
    unsafe { *s = sg };
    r
}
#[unsafe(no_mangle)]
pub extern "C" fn llrintf(x: f32) -> c_longlong { libm::rintf(x) as c_longlong }
#[unsafe(no_mangle)]
pub extern "C" fn llroundf(x: f32) -> c_longlong { libm::roundf(x) as c_longlong }
#[unsafe(no_mangle)]
pub extern "C" fn pow10(x: f64) -> f64 { libm::exp10(x) }
#[unsafe(no_mangle)]
pub extern "C" fn pow10f(x: f32) -> f32 { libm::exp10f(x) }
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remquof(x: f32, y: f32, q: *mut c_int) -> f32 {
    let (r, qq) = libm::remquof(x, y);
    // SAFETY: q is writable.
    unsafe { *q = qq };
    r
}
#[unsafe(no_mangle)]
pub extern "C" fn scalblnf(x: f32, e: c_long) -> f32 { libm::scalbnf(x, e.clamp(-100000, 100000) as c_int) }
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sincosf(x: f32, s: *mut f32, c: *mut f32) {
    let (a, b) = libm::sincosf(x);
    // SAFETY: s and c are writable.
    unsafe {
        *s = a;
        *c = b;
    }
}
/// BSD `scalb`: x·2^y for an integral y (NaN otherwise).
#[unsafe(no_mangle)]
pub extern "C" fn scalb(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x * y;
    }
    if y.is_infinite() {
        return if y > 0.0 { x * y } else { x / -y };
    }
    if libm::rint(y) != y {
        return (y - y) / (y - y);
    }
    libm::scalbn(x, y.clamp(-65000.0, 65000.0) as c_int)
}
#[unsafe(no_mangle)]
pub extern "C" fn scalbf(x: f32, y: f32) -> f32 { scalb(x as f64, y as f64) as f32 }
/// GNU `significand`: the mantissa scaled to [1, 2).
#[unsafe(no_mangle)]
pub extern "C" fn significand(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() { x } else { libm::scalbn(x, -libm::ilogb(x)) }
}
#[unsafe(no_mangle)]
pub extern "C" fn significandf(x: f32) -> f32 { significand(x as f64) as f32 }
