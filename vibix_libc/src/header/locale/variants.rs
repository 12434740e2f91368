//! The POSIX `*_l` functions (and glibc's `__*_l` names) whose result does not
//! depend on the locale here: byte classification, case mapping and
//! collation are the same in C and C.UTF-8 (glibc's C.UTF-8 also classifies
//! only ASCII bytes and collates by code point, which is byte order).
use core::ffi::{c_char, c_int, c_void};

use crate::header::ctype as ct;
use crate::header::stdlib::strtol;
use crate::header::string::{str as s, strings};

macro_rules! ctype_l {
    ($($name:ident $glibc:ident => $f:path),*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(c: c_int, _l: *mut c_void) -> c_int {
            $f(c)
        }
        #[unsafe(no_mangle)]
        pub extern "C" fn $glibc(c: c_int, _l: *mut c_void) -> c_int {
            $f(c)
        }
    )*};
}
ctype_l!(isalnum_l __isalnum_l => ct::isalnum, isalpha_l __isalpha_l => ct::isalpha, isblank_l __isblank_l => ct::isblank,
    iscntrl_l __iscntrl_l => ct::iscntrl, isdigit_l __isdigit_l => ct::isdigit, isgraph_l __isgraph_l => ct::isgraph,
    islower_l __islower_l => ct::islower, isprint_l __isprint_l => ct::isprint, ispunct_l __ispunct_l => ct::ispunct,
    isspace_l __isspace_l => ct::isspace, isupper_l __isupper_l => ct::isupper, isxdigit_l __isxdigit_l => ct::isxdigit,
    toupper_l __toupper_l => ct::toupper, tolower_l __tolower_l => ct::tolower);

macro_rules! forward_l {
    ($($name:ident $glibc:ident => $($target:ident)::+ ($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t,)* _l: *mut c_void) -> $r {
            // SAFETY: forwarded with the same contract.
            unsafe { $($target)::+($($a),*) }
        }
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $glibc($($a: $t,)* l: *mut c_void) -> $r {
            // SAFETY: forwarded.
            unsafe { $name($($a,)* l) }
        }
    )*};
}
forward_l! {
    strcoll_l __strcoll_l => s::strcoll(a: *const c_char, b: *const c_char) -> c_int;
    strxfrm_l __strxfrm_l => s::strxfrm(d: *mut c_char, src: *const c_char, n: usize) -> usize;
    strcasecmp_l __strcasecmp_l => strings::strcasecmp(a: *const c_char, b: *const c_char) -> c_int;
    strncasecmp_l __strncasecmp_l => strings::strncasecmp(a: *const c_char, b: *const c_char, n: usize) -> c_int;
    strtod_l __strtod_l => strtol::strtod(p: *const c_char, e: *mut *mut c_char) -> f64;
    strtof_l __strtof_l => strtol::strtof(p: *const c_char, e: *mut *mut c_char) -> f32;
}

#[unsafe(no_mangle)]
pub extern "C" fn __strerror_l(e: c_int, l: *mut c_void) -> *mut c_char {
    crate::header::errno::strerror_l(e, l)
}
