//! `<wctype.h>`: wide character classes and case mapping. In the C locale
//! only ASCII characters have classes; under C.UTF-8 the Unicode properties
//! of `core`'s tables apply (alpha = Alphabetic, upper/lower = Uppercase/
//! Lowercase, digit and xdigit stay ASCII as POSIX requires), and `wcwidth`
//! uses the `unicode-width` crate's East Asian Width data.
mod width;

use core::ffi::{c_char, c_int, c_void};

use crate::header::ctype as ct;
use crate::header::locale::{resolve, Locale, LC_CTYPE};
pub use width::{wcswidth, wcwidth};

/// `wctype_t` values: 1-based class numbers.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Class {
    Alnum = 1,
    Alpha,
    Blank,
    Cntrl,
    Digit,
    Graph,
    Lower,
    Print,
    Punct,
    Space,
    Upper,
    Xdigit,
}
const CLASSES: [(&[u8], Class); 12] = [
    (b"alnum", Class::Alnum), (b"alpha", Class::Alpha), (b"blank", Class::Blank), (b"cntrl", Class::Cntrl),
    (b"digit", Class::Digit), (b"graph", Class::Graph), (b"lower", Class::Lower), (b"print", Class::Print),
    (b"punct", Class::Punct), (b"space", Class::Space), (b"upper", Class::Upper), (b"xdigit", Class::Xdigit),
];

fn unicode_space(c: char) -> bool {
    // Unicode White_Space without the no-break spaces and NEL, as glibc's "space".
    c.is_whitespace() && !matches!(c, '\u{85}' | '\u{a0}' | '\u{2007}' | '\u{202f}')
}

fn unicode_cntrl(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// glibc's "alpha" also holds the decimal digits of other scripts (Nd): core
/// has no Nd table, so Numeric minus the common No blocks (super/subscripts,
/// fractions, circled and parenthesized numbers) stands in for it.
fn unicode_alpha(c: char) -> bool {
    c.is_alphabetic()
        || (c.is_numeric()
            && !matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0xbc..=0xbe | 0x2070..=0x209f | 0x2150..=0x218f
                | 0x2460..=0x24ff | 0x2776..=0x2793 | 0x3192..=0x3195 | 0x3220..=0x3229 | 0x3248..=0x325f
                | 0x3280..=0x3289 | 0x32b1..=0x32bf | 0x1d360..=0x1d378 | 0x1f100..=0x1f10c))
}

fn unicode_print(c: char) -> bool {
    !unicode_cntrl(c) && !matches!(c as u32, 0xfffe | 0xffff)
}

fn is(class: Class, wc: u32, utf8: bool) -> bool {
    if wc < 0x80 || !utf8 {
        if wc >= 0x80 {
            return false;
        }
        let f = match class {
            Class::Alnum => ct::isalnum,
            Class::Alpha => ct::isalpha,
            Class::Blank => ct::isblank,
            Class::Cntrl => ct::iscntrl,
            Class::Digit => ct::isdigit,
            Class::Graph => ct::isgraph,
            Class::Lower => ct::islower,
            Class::Print => ct::isprint,
            Class::Punct => ct::ispunct,
            Class::Space => ct::isspace,
            Class::Upper => ct::isupper,
            Class::Xdigit => ct::isxdigit,
        };
        return f(wc as c_int) != 0;
    }
    let Some(c) = char::from_u32(wc) else { return false };
    match class {
        Class::Alnum | Class::Alpha => unicode_alpha(c),
        Class::Blank => unicode_space(c) && !matches!(c, '\u{2028}' | '\u{2029}'),
        Class::Cntrl => unicode_cntrl(c),
        Class::Digit | Class::Xdigit => false,
        Class::Graph => unicode_print(c) && !unicode_space(c),
        Class::Lower => c.is_lowercase(),
        Class::Print => unicode_print(c),
        Class::Punct => unicode_print(c) && !unicode_space(c) && !unicode_alpha(c),
        Class::Space => unicode_space(c),
        Class::Upper => c.is_uppercase(),
    }
}

fn loc_utf8(l: *const Locale) -> bool {
    // SAFETY: a live locale (resolve/current_locale).
    unsafe { (*l).is_utf8(LC_CTYPE) }
}

fn cur_utf8() -> bool {
    crate::header::locale::utf8()
}

macro_rules! classes {
    ($($name:ident $name_l:ident $glibc_l:ident => $class:ident),*) => {$(
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(c: u32) -> c_int {
            is(Class::$class, c, cur_utf8()) as c_int
        }
        #[unsafe(no_mangle)]
        pub extern "C" fn $name_l(c: u32, l: *mut c_void) -> c_int {
            is(Class::$class, c, loc_utf8(resolve(l))) as c_int
        }
        #[unsafe(no_mangle)]
        pub extern "C" fn $glibc_l(c: u32, l: *mut c_void) -> c_int {
            $name_l(c, l)
        }
    )*};
}
classes!(iswalnum iswalnum_l __iswalnum_l => Alnum, iswalpha iswalpha_l __iswalpha_l => Alpha,
    iswblank iswblank_l __iswblank_l => Blank, iswcntrl iswcntrl_l __iswcntrl_l => Cntrl,
    iswdigit iswdigit_l __iswdigit_l => Digit, iswgraph iswgraph_l __iswgraph_l => Graph,
    iswlower iswlower_l __iswlower_l => Lower, iswprint iswprint_l __iswprint_l => Print,
    iswpunct iswpunct_l __iswpunct_l => Punct, iswspace iswspace_l __iswspace_l => Space,
    iswupper iswupper_l __iswupper_l => Upper, iswxdigit iswxdigit_l __iswxdigit_l => Xdigit);

fn class_of(t: usize) -> Option<Class> {
    CLASSES.iter().find(|(_, c)| *c as usize == t).map(|(_, c)| *c)
}

/// C `wctype`: a class by name, 0 if unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype(name: *const c_char) -> usize {
    // SAFETY: name is a C string.
    let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    CLASSES.iter().find(|(s, _)| *s == n).map_or(0, |(_, c)| *c as usize)
}

/// A `wctype_t` class by name (0: unknown), for the pattern matchers.
pub fn class_by_name(name: &[u8]) -> usize {
    CLASSES.iter().find(|(s, _)| *s == name).map_or(0, |(_, c)| *c as usize)
}

/// Whether `c` is in class `t`: ASCII characters, and Unicode ones when
/// `utf8` (a byte >= 0x80 read as a byte has no class; nor has any value
/// past U+10FFFF, such as regex's marks for invalid bytes).
#[inline]
pub fn in_class(c: u32, t: usize, utf8: bool) -> bool {
    if c > 0x10_ffff || (!utf8 && c >= 0x80) {
        return false;
    }
    class_of(t).is_some_and(|k| is(k, c, utf8))
}

/// POSIX `wctype_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctype_l(name: *const c_char, _l: *mut c_void) -> usize {
    // SAFETY: forwarded.
    unsafe { wctype(name) }
}

/// C `iswctype`.
#[unsafe(no_mangle)]
pub extern "C" fn iswctype(c: u32, t: usize) -> c_int {
    class_of(t).is_some_and(|k| is(k, c, cur_utf8())) as c_int
}

/// POSIX `iswctype_l`.
#[unsafe(no_mangle)]
pub extern "C" fn iswctype_l(c: u32, t: usize, l: *mut c_void) -> c_int {
    class_of(t).is_some_and(|k| is(k, c, loc_utf8(resolve(l)))) as c_int
}

fn map_case(c: u32, upper: bool, utf8: bool) -> u32 {
    if c < 0x80 {
        return if upper { ct::toupper(c as c_int) as u32 } else { ct::tolower(c as c_int) as u32 };
    }
    if !utf8 {
        return c;
    }
    let Some(ch) = char::from_u32(c) else { return c };
    // Only one-to-one mappings (towupper('ß') is 'ß').
    let mut it_u;
    let mut it_l;
    let it: &mut dyn Iterator<Item = char> = if upper {
        it_u = ch.to_uppercase();
        &mut it_u
    } else {
        it_l = ch.to_lowercase();
        &mut it_l
    };
    match (it.next(), it.next()) {
        (Some(m), None) => m as u32,
        _ => c,
    }
}

/// C `towupper`.
#[unsafe(no_mangle)]
pub extern "C" fn towupper(c: u32) -> u32 {
    map_case(c, true, cur_utf8())
}

/// C `towlower`.
#[unsafe(no_mangle)]
pub extern "C" fn towlower(c: u32) -> u32 {
    map_case(c, false, cur_utf8())
}

/// POSIX `towupper_l`.
#[unsafe(no_mangle)]
pub extern "C" fn towupper_l(c: u32, l: *mut c_void) -> u32 {
    map_case(c, true, loc_utf8(resolve(l)))
}

/// POSIX `towlower_l`.
#[unsafe(no_mangle)]
pub extern "C" fn towlower_l(c: u32, l: *mut c_void) -> u32 {
    map_case(c, false, loc_utf8(resolve(l)))
}

/// C `wctrans`: 1 = "toupper", 2 = "tolower", 0 if unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans(name: *const c_char) -> usize {
    // SAFETY: name is a C string.
    match unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes() {
        b"toupper" => 1,
        b"tolower" => 2,
        _ => 0,
    }
}

/// POSIX `wctrans_l`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctrans_l(name: *const c_char, _l: *mut c_void) -> usize {
    // SAFETY: forwarded.
    unsafe { wctrans(name) }
}

/// C `towctrans`.
#[unsafe(no_mangle)]
pub extern "C" fn towctrans(c: u32, t: usize) -> u32 {
    match t {
        1 => towupper(c),
        2 => towlower(c),
        _ => c,
    }
}

/// POSIX `towctrans_l`.
#[unsafe(no_mangle)]
pub extern "C" fn towctrans_l(c: u32, t: usize, l: *mut c_void) -> u32 {
    match t {
        1 => towupper_l(c, l),
        2 => towlower_l(c, l),
        _ => c,
    }
}

macro_rules! glibc_alias {
    ($($name:ident => $target:ident ($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            // SAFETY: forwarded.
            #[allow(unused_unsafe)]
            unsafe { $target($($a),*) }
        }
    )*};
}
glibc_alias! {
    __iswctype_l => iswctype_l(c: u32, t: usize, l: *mut c_void) -> c_int;
    __towupper_l => towupper_l(c: u32, l: *mut c_void) -> u32;
    __towlower_l => towlower_l(c: u32, l: *mut c_void) -> u32;
    __towctrans_l => towctrans_l(c: u32, t: usize, l: *mut c_void) -> u32;
    __wctype_l => wctype_l(n: *const c_char, l: *mut c_void) -> usize;
    __wctrans_l => wctrans_l(n: *const c_char, l: *mut c_void) -> usize;
}
