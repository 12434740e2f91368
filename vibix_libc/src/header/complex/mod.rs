//! `<complex.h>`: double and float complex functions from their textbook
//! formulas over `libm` (float ones computed in double), and the long double
//! ones: exact parts (creall, cimagl, conjl, cabsl, cargl, cprojl) on the
//! x87, the rest computed in double and widened (docs/unsupported.md).
//! SysV passes `double _Complex` in two SSE registers like a two-double
//! struct; `long double _Complex` in memory, returned in st(0)/st(1) (`ldc.rs`).
mod ldc;

use libm as m;

/// `double _Complex`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}
/// `float _Complex`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Cf {
    pub re: f32,
    pub im: f32,
}

const fn c(re: f64, im: f64) -> C {
    C { re, im }
}

fn add(a: C, b: C) -> C {
    c(a.re + b.re, a.im + b.im)
}
fn sub(a: C, b: C) -> C {
    c(a.re - b.re, a.im - b.im)
}
fn mul(a: C, b: C) -> C {
    c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}
/// i·z and -i·z.
fn times_i(z: C) -> C {
    c(-z.im, z.re)
}
fn times_minus_i(z: C) -> C {
    c(z.im, -z.re)
}

pub fn cabs_(z: C) -> f64 {
    m::hypot(z.re, z.im)
}
pub fn carg_(z: C) -> f64 {
    m::atan2(z.im, z.re)
}
pub fn cexp_(z: C) -> C {
    if z.im == 0.0 {
        return c(m::exp(z.re), z.im);
    }
    let e = m::exp(z.re);
    let (s, co) = m::sincos(z.im);
    c(e * co, e * s)
}
pub fn clog_(z: C) -> C {
    c(m::log(cabs_(z)), carg_(z))
}
pub fn csqrt_(z: C) -> C {
    if z.im.is_infinite() {
        return c(f64::INFINITY, z.im);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return c(0.0, z.im);
    }
    if z.re.is_infinite() {
        return if z.re > 0.0 {
            c(z.re, if z.im.is_nan() { z.im } else { m::copysign(0.0, z.im) })
        } else {
            c(if z.im.is_nan() { z.im.abs() } else { 0.0 }, m::copysign(f64::INFINITY, z.im))
        };
    }
    let t = m::sqrt((z.re.abs() + cabs_(z)) / 2.0);
    if z.re >= 0.0 { c(t, z.im / (2.0 * t)) } else { c(z.im.abs() / (2.0 * t), m::copysign(t, z.im)) }
}
pub fn cpow_(z: C, w: C) -> C {
    if z.re == 0.0 && z.im == 0.0 {
        return if w.re == 0.0 && w.im == 0.0 { c(1.0, 0.0) } else { c(0.0, 0.0) };
    }
    cexp_(mul(w, clog_(z)))
}
pub fn csinh_(z: C) -> C {
    let (s, co) = m::sincos(z.im);
    c(m::sinh(z.re) * co, m::cosh(z.re) * s)
}
pub fn ccosh_(z: C) -> C {
    let (s, co) = m::sincos(z.im);
    c(m::cosh(z.re) * co, m::sinh(z.re) * s)
}
pub fn ctanh_(z: C) -> C {
    if z.re.abs() > 20.0 {
        return c(m::copysign(1.0, z.re), m::copysign(0.0, m::sin(2.0 * z.im)));
    }
    let d = m::cosh(2.0 * z.re) + m::cos(2.0 * z.im);
    c(m::sinh(2.0 * z.re) / d, m::sin(2.0 * z.im) / d)
}
pub fn csin_(z: C) -> C {
    times_minus_i(csinh_(times_i(z)))
}
pub fn ccos_(z: C) -> C {
    ccosh_(times_i(z))
}
pub fn ctan_(z: C) -> C {
    times_minus_i(ctanh_(times_i(z)))
}
pub fn casinh_(z: C) -> C {
    clog_(add(z, csqrt_(add(mul(z, z), c(1.0, 0.0)))))
}
pub fn cacosh_(z: C) -> C {
    clog_(add(z, mul(csqrt_(add(z, c(1.0, 0.0))), csqrt_(sub(z, c(1.0, 0.0))))))
}
pub fn catanh_(z: C) -> C {
    let one = c(1.0, 0.0);
    let r = sub(clog_(add(one, z)), clog_(sub(one, z)));
    c(r.re / 2.0, r.im / 2.0)
}
pub fn casin_(z: C) -> C {
    times_minus_i(casinh_(times_i(z)))
}
pub fn cacos_(z: C) -> C {
    let a = casin_(z);
    c(core::f64::consts::FRAC_PI_2 - a.re, -a.im)
}
pub fn catan_(z: C) -> C {
    times_minus_i(catanh_(times_i(z)))
}
pub fn cproj_(z: C) -> C {
    if z.re.is_infinite() || z.im.is_infinite() { c(f64::INFINITY, m::copysign(0.0, z.im)) } else { z }
}

fn to_c(z: Cf) -> C {
    c(z.re as f64, z.im as f64)
}
fn to_cf(z: C) -> Cf {
    Cf { re: z.re as f32, im: z.im as f32 }
}

macro_rules! cfuns {
    ($($d:ident $f:ident => $imp:ident),*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $d(z: C) -> C { $imp(z) }
        #[unsafe(no_mangle)]
        pub extern "C" fn $f(z: Cf) -> Cf { to_cf($imp(to_c(z))) }
    )*};
}
cfuns!(cexp cexpf => cexp_, clog clogf => clog_, csqrt csqrtf => csqrt_, csin csinf => csin_, ccos ccosf => ccos_,
    ctan ctanf => ctan_, csinh csinhf => csinh_, ccosh ccoshf => ccosh_, ctanh ctanhf => ctanh_, casin casinf => casin_,
    cacos cacosf => cacos_, catan catanf => catan_, casinh casinhf => casinh_, cacosh cacoshf => cacosh_,
    catanh catanhf => catanh_, cproj cprojf => cproj_);

#[unsafe(no_mangle)]
pub extern "C" fn cpow(z: C, w: C) -> C {
    cpow_(z, w)
}
#[unsafe(no_mangle)]
pub extern "C" fn cpowf(z: Cf, w: Cf) -> Cf {
    to_cf(cpow_(to_c(z), to_c(w)))
}
#[unsafe(no_mangle)]
pub extern "C" fn cabs(z: C) -> f64 {
    cabs_(z)
}
#[unsafe(no_mangle)]
pub extern "C" fn cabsf(z: Cf) -> f32 {
    cabs_(to_c(z)) as f32
}
#[unsafe(no_mangle)]
pub extern "C" fn carg(z: C) -> f64 {
    carg_(z)
}
#[unsafe(no_mangle)]
pub extern "C" fn cargf(z: Cf) -> f32 {
    carg_(to_c(z)) as f32
}
#[unsafe(no_mangle)]
pub extern "C" fn creal(z: C) -> f64 {
    z.re
}
#[unsafe(no_mangle)]
pub extern "C" fn crealf(z: Cf) -> f32 {
    z.re
}
#[unsafe(no_mangle)]
pub extern "C" fn cimag(z: C) -> f64 {
    z.im
}
#[unsafe(no_mangle)]
pub extern "C" fn cimagf(z: Cf) -> f32 {
    z.im
}
#[unsafe(no_mangle)]
pub extern "C" fn conj(z: C) -> C {
    c(z.re, -z.im)
}
#[unsafe(no_mangle)]
pub extern "C" fn conjf(z: Cf) -> Cf {
    Cf { re: z.re, im: -z.im }
}
