//! `<ctype.h>` for the C locale, plus glibc's table accessors
//! (`__ctype_b_loc` & co.) that glibc-compiled programs call from macros.
use core::ffi::c_int;

#[inline]
pub fn lower(c: u8) -> u8 {
    if c.is_ascii_uppercase() { c + 32 } else { c }
}

fn byte(c: c_int) -> Option<u8> {
    if (0..=255).contains(&c) { Some(c as u8) } else { None }
}

macro_rules! class {
    ($name:ident, $f:expr) => {
        #[unsafe(no_mangle)]
        pub extern "C" fn $name(c: c_int) -> c_int {
            let f: fn(u8) -> bool = $f;
            byte(c).is_some_and(f) as c_int
        }
    };
}

class!(isalpha, |b| b.is_ascii_alphabetic());
class!(isdigit, |b| b.is_ascii_digit());
class!(isalnum, |b| b.is_ascii_alphanumeric());
class!(isspace, |b| b == b' ' || (9..=13).contains(&b));
class!(isupper, |b| b.is_ascii_uppercase());
class!(islower, |b| b.is_ascii_lowercase());
class!(isxdigit, |b| b.is_ascii_hexdigit());
class!(ispunct, |b| b.is_ascii_punctuation());
class!(isprint, |b| (0x20..0x7f).contains(&b));
class!(isgraph, |b| b.is_ascii_graphic());
class!(iscntrl, |b| b < 0x20 || b == 0x7f);
class!(isblank, |b| b == b' ' || b == b'\t');

#[unsafe(no_mangle)]
pub extern "C" fn isascii(c: c_int) -> c_int {
    (c & !0x7f == 0) as c_int
}
#[unsafe(no_mangle)]
pub extern "C" fn toascii(c: c_int) -> c_int {
    c & 0x7f
}
#[unsafe(no_mangle)]
pub extern "C" fn toupper(c: c_int) -> c_int {
    if (b'a' as c_int..=b'z' as c_int).contains(&c) { c - 32 } else { c }
}
#[unsafe(no_mangle)]
pub extern "C" fn tolower(c: c_int) -> c_int {
    if (b'A' as c_int..=b'Z' as c_int).contains(&c) { c + 32 } else { c }
}

// glibc's classification bits (as laid out in its little-endian table).
const UPPER: u16 = 0x100;
const LOWER: u16 = 0x200;
const ALPHA: u16 = 0x400;
const DIGIT: u16 = 0x800;
const XDIGIT: u16 = 0x1000;
const SPACE: u16 = 0x2000;
const PRINT: u16 = 0x4000;
const GRAPH: u16 = 0x8000;
const BLANK: u16 = 0x1;
const CNTRL: u16 = 0x2;
const PUNCT: u16 = 0x4;
const ALNUM: u16 = 0x8;

const fn class_bits(c: u8) -> u16 {
    let mut m = 0;
    if c.is_ascii_uppercase() { m |= UPPER | ALPHA | ALNUM | PRINT | GRAPH; }
    if c.is_ascii_lowercase() { m |= LOWER | ALPHA | ALNUM | PRINT | GRAPH; }
    if c.is_ascii_digit() { m |= DIGIT | ALNUM | PRINT | GRAPH; }
    if c.is_ascii_hexdigit() { m |= XDIGIT; }
    if c == b' ' || (c >= 9 && c <= 13) { m |= SPACE; }
    if c == b' ' || c == b'\t' { m |= BLANK; }
    if c < 0x20 || c == 0x7f { m |= CNTRL; }
    if c.is_ascii_punctuation() { m |= PUNCT | PRINT | GRAPH; }
    if c == b' ' { m |= PRINT; }
    m
}

/// Tables indexed from -128 to 255 (so a signed char indexes them too).
const fn tables() -> ([u16; 384], [i32; 384], [i32; 384]) {
    let mut b = [0u16; 384];
    let mut lo = [0i32; 384];
    let mut up = [0i32; 384];
    let mut i = 0;
    while i < 384 {
        let c = i as i32 - 128;
        lo[i] = c;
        up[i] = c;
        if c >= 0 {
            let u = c as u8;
            b[i] = class_bits(u);
            if u.is_ascii_uppercase() { lo[i] = c + 32; }
            if u.is_ascii_lowercase() { up[i] = c - 32; }
        } else if c != -1 {
            lo[i] = (c as u8) as i32;
            up[i] = (c as u8) as i32;
        }
        i += 1;
    }
    (b, lo, up)
}

static TABLES: ([u16; 384], [i32; 384], [i32; 384]) = tables();
static mut B_PTR: *const u16 = core::ptr::null();
static mut LO_PTR: *const i32 = core::ptr::null();
static mut UP_PTR: *const i32 = core::ptr::null();

/// glibc `__ctype_b_loc`.
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_b_loc() -> *mut *const u16 {
    // SAFETY: idempotent initialisation of a pointer to static data.
    unsafe {
        B_PTR = TABLES.0.as_ptr().add(128);
        &raw mut B_PTR
    }
}
/// glibc `__ctype_tolower_loc`.
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_tolower_loc() -> *mut *const i32 {
    // SAFETY: as above.
    unsafe {
        LO_PTR = TABLES.1.as_ptr().add(128);
        &raw mut LO_PTR
    }
}
/// glibc `__ctype_toupper_loc`.
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_toupper_loc() -> *mut *const i32 {
    // SAFETY: as above.
    unsafe {
        UP_PTR = TABLES.2.as_ptr().add(128);
        &raw mut UP_PTR
    }
}

/// glibc `__ctype_get_mb_cur_max` (`MB_CUR_MAX`): of the calling thread's locale.
#[unsafe(no_mangle)]
pub extern "C" fn __ctype_get_mb_cur_max() -> usize {
    crate::header::locale::mb_cur_max()
}
