//! `<langinfo.h>`: `nl_langinfo(_l)` with glibc's item numbers
//! (category << 16 | index). Every supported locale has C conventions;
//! only CODESET differs.
use core::ffi::{c_char, c_int, c_void};

use super::{resolve, Locale, LC_CTYPE};
use crate::header::time::calendar::{DAY_NAMES_C, MON_NAMES_C};

const ABDAY: [&core::ffi::CStr; 7] = [c"Sun", c"Mon", c"Tue", c"Wed", c"Thu", c"Fri", c"Sat"];
const ABMON: [&core::ffi::CStr; 12] =
    [c"Jan", c"Feb", c"Mar", c"Apr", c"May", c"Jun", c"Jul", c"Aug", c"Sep", c"Oct", c"Nov", c"Dec"];

/// CODESET: the name of `l`'s LC_CTYPE encoding, as glibc spells it.
pub fn codeset(l: &Locale) -> &'static core::ffi::CStr {
    if l.is_utf8(LC_CTYPE) { c"UTF-8" } else { c"ANSI_X3.4-1968" }
}

fn item(l: &Locale, it: c_int) -> &'static core::ffi::CStr {
    let (cat, idx) = (it >> 16, (it & 0xffff) as usize);
    match (cat, idx) {
        (0, 14) => codeset(l),
        (1, 0) => c".",
        (2, 0..=6) => ABDAY[idx],
        (2, 7..=13) => DAY_NAMES_C[idx - 7],
        (2, 14..=25) => ABMON[idx - 14],
        (2, 26..=37) => MON_NAMES_C[idx - 26],
        (2, 38) => c"AM",
        (2, 39) => c"PM",
        (2, 40) => c"%a %b %e %H:%M:%S %Y",
        (2, 41) => c"%m/%d/%y",
        (2, 42) => c"%H:%M:%S",
        (2, 43) => c"%I:%M:%S %p",
        (4, 15) => c"-",
        (5, 0) => c"^[yY]",
        (5, 1) => c"^[nN]",
        _ => c"",
    }
}

/// POSIX `nl_langinfo_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nl_langinfo_l(it: c_int, l: *mut c_void) -> *mut c_char {
    // SAFETY: resolve gives a live locale.
    item(unsafe { &*resolve(l) }, it).as_ptr() as *mut c_char
}

/// POSIX `nl_langinfo`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nl_langinfo(it: c_int) -> *mut c_char {
    // SAFETY: current_locale is live.
    item(unsafe { &*super::current_locale() }, it).as_ptr() as *mut c_char
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn __nl_langinfo_l(it: c_int, l: *mut c_void) -> *mut c_char {
    // SAFETY: forwarded.
    unsafe { nl_langinfo_l(it, l) }
}
