//! `long double _Complex`: passed in memory (32 bytes per argument), returned
//! in st(0) (real) and st(1) (imaginary). The exact parts use x87 values; the
//! transcendental ones go through the double functions.
use super::{c, C};
use crate::header::math::x87ops::{atan2, from_f64, mul, sqrt, add, to_f64, L};

#[repr(C)]
#[derive(Clone, Copy)]
pub struct Cl {
    re: L,
    im: L,
}

/// `$name(long double complex z[, w]) -> long double complex` via `$inner(&z[, &w], &mut out)`.
macro_rules! ldc_ret {
    ($name:ident => $inner:path, 1) => {
        ldc_ret!(@ $name, $inner, "lea rdi, [rsp + 8]", "mov rsi, rsp");
    };
    ($name:ident => $inner:path, 2) => {
        ldc_ret!(@ $name, $inner, "lea rdi, [rsp + 8]\n lea rsi, [rsp + 40]", "mov rdx, rsp");
    };
    (@ $name:ident, $inner:path, $args:literal, $out:literal) => {
        #[unsafe(naked)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                $args,
                "sub rsp, 40",
                $out,
                "call {f}",
                "fld tbyte ptr [rsp + 16]",
                "fld tbyte ptr [rsp]",
                "add rsp, 40",
                "ret",
                f = sym $inner,
            )
        }
    };
}

fn to_c(z: Cl) -> C {
    c(to_f64(z.re), to_f64(z.im))
}
fn from_c(z: C) -> Cl {
    Cl { re: from_f64(z.re), im: from_f64(z.im) }
}

macro_rules! via_double {
    ($($name:ident $inner:ident => $imp:path),*) => {$(
        unsafe extern "C" fn $inner(z: *const Cl, out: *mut Cl) {
            // SAFETY: the caller's argument slot and the wrapper's buffer.
            unsafe { *out = from_c($imp(to_c(*z))) };
        }
        ldc_ret!($name => $inner, 1);
    )*};
}
via_double!(cexpl cexpl_i => super::cexp_, clogl clogl_i => super::clog_, csqrtl csqrtl_i => super::csqrt_,
    csinl csinl_i => super::csin_, ccosl ccosl_i => super::ccos_, ctanl ctanl_i => super::ctan_,
    csinhl csinhl_i => super::csinh_, ccoshl ccoshl_i => super::ccosh_, ctanhl ctanhl_i => super::ctanh_,
    casinl casinl_i => super::casin_, cacosl cacosl_i => super::cacos_, catanl catanl_i => super::catan_,
    casinhl casinhl_i => super::casinh_, cacoshl cacoshl_i => super::cacosh_, catanhl catanhl_i => super::catanh_);

unsafe extern "C" fn cpowl_i(z: *const Cl, w: *const Cl, out: *mut Cl) {
    // SAFETY: argument slots and the wrapper's buffer.
    unsafe { *out = from_c(super::cpow_(to_c(*z), to_c(*w))) };
}
ldc_ret!(cpowl => cpowl_i, 2);

unsafe extern "C" fn conjl_i(z: *const Cl, out: *mut Cl) {
    // SAFETY: as above.
    unsafe { *out = Cl { re: (*z).re, im: (*z).im.with_sign(!(*z).im.neg()) } };
}
ldc_ret!(conjl => conjl_i, 1);

unsafe extern "C" fn cprojl_i(z: *const Cl, out: *mut Cl) {
    // SAFETY: as above.
    unsafe {
        let v = *z;
        *out = if v.re.is_inf() || v.im.is_inf() { Cl { re: L::inf(false), im: L::zero(v.im.neg()) } } else { v };
    }
}
ldc_ret!(cprojl => cprojl_i, 1);

macro_rules! real_parts {
    ($($name:ident $inner:ident |$z:ident| $e:expr;)*) => {$(
        unsafe extern "C" fn $inner(p: *const Cl, out: *mut L) {
            // SAFETY: the argument slot and the wrapper's buffer.
            let $z = unsafe { *p };
            let r: L = $e;
            // SAFETY: as above.
            unsafe { *out = r };
        }
        crate::header::math::x87::ld1!($name => $inner);
    )*};
}
real_parts! {
    creall creall_i |z| z.re;
    cimagl cimagl_i |z| z.im;
    cabsl cabsl_i |z| if z.re.is_inf() || z.im.is_inf() { L::inf(false) } else { sqrt(add(mul(z.re, z.re), mul(z.im, z.im))) };
    cargl cargl_i |z| atan2(z.im, z.re);
}
