//! `strtold` (and `strtold_l`, `wcstold`): correctly rounded x87 long double
//! from `ldbl::parse`, returned in st(0) through `math::x87::ld_return!`.
use core::ffi::{c_char, c_void};

use crate::header::math::x87::ld_return;
use crate::ldbl::parse::parse;
use crate::thread::area::set_errno;

const ERANGE: i32 = 34;

unsafe extern "C" fn strtold_inner(s: *const c_char, end: *mut *mut c_char, out: *mut [u8; 10]) {
    // SAFETY: s is a C string; out is the wrapper's buffer.
    unsafe {
        let p = parse(core::ffi::CStr::from_ptr(s).to_bytes());
        if p.range {
            set_errno(ERANGE);
        }
        if !end.is_null() {
            *end = s.add(p.len) as *mut c_char;
        }
        *out = p.bytes;
    }
}

unsafe extern "C" fn strtold_l_inner(s: *const c_char, end: *mut *mut c_char, _l: *mut c_void, out: *mut [u8; 10]) {
    // SAFETY: forwarded.
    unsafe { strtold_inner(s, end, out) }
}

ld_return!(strtold => strtold_inner, "rdx");
ld_return!(strtold_l => strtold_l_inner, "rcx");
ld_return!(__strtold_l => strtold_l_inner, "rcx");
