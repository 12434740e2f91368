//! `<locale.h>`: only the "C"/"POSIX" locale exists.
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

/// `struct lconv` for the C locale.
#[repr(C)]
pub struct Lconv {
    decimal_point: *const c_char,
    thousands_sep: *const c_char,
    grouping: *const c_char,
    int_curr_symbol: *const c_char,
    currency_symbol: *const c_char,
    mon_decimal_point: *const c_char,
    mon_thousands_sep: *const c_char,
    mon_grouping: *const c_char,
    positive_sign: *const c_char,
    negative_sign: *const c_char,
    frac: [c_char; 14],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Lconv>(), 96);

static mut LCONV: Lconv = Lconv {
    decimal_point: c".".as_ptr(),
    thousands_sep: c"".as_ptr(),
    grouping: c"".as_ptr(),
    int_curr_symbol: c"".as_ptr(),
    currency_symbol: c"".as_ptr(),
    mon_decimal_point: c"".as_ptr(),
    mon_thousands_sep: c"".as_ptr(),
    mon_grouping: c"".as_ptr(),
    positive_sign: c"".as_ptr(),
    negative_sign: c"".as_ptr(),
    frac: [127; 14],
};

fn is_c(name: *const c_char) -> bool {
    // SAFETY: name is a C string.
    let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    n.is_empty() || n == b"C" || n == b"POSIX" || n == b"C.UTF-8" || n == b"C.utf8"
}

/// C `setlocale`: "C", "POSIX" and "" (which means C here) succeed.
#[unsafe(no_mangle)]
pub extern "C" fn setlocale(cat: c_int, name: *const c_char) -> *mut c_char {
    if !(0..=12).contains(&cat) {
        return null_mut();
    }
    if name.is_null() || is_c(name) {
        return c"C".as_ptr() as *mut c_char;
    }
    null_mut()
}

/// C `localeconv`.
#[unsafe(no_mangle)]
pub extern "C" fn localeconv() -> *mut Lconv {
    &raw mut LCONV
}

/// POSIX `newlocale`: only the C locale (a non-NULL dummy handle).
#[unsafe(no_mangle)]
pub extern "C" fn newlocale(_mask: c_int, name: *const c_char, _base: *mut c_void) -> *mut c_void {
    if name.is_null() || is_c(name) {
        return &raw mut LCONV as *mut c_void;
    }
    crate::thread::area::set_errno(2);
    null_mut()
}

#[unsafe(no_mangle)]
pub extern "C" fn freelocale(_l: *mut c_void) {}

#[unsafe(no_mangle)]
pub extern "C" fn uselocale(_l: *mut c_void) -> *mut c_void {
    &raw mut LCONV as *mut c_void
}

#[unsafe(no_mangle)]
pub extern "C" fn duplocale(l: *mut c_void) -> *mut c_void {
    l
}
