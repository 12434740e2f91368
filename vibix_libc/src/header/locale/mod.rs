//! `<locale.h>`: the "C"/"POSIX" locale and C.UTF-8. Any name ending in
//! `.UTF-8`/`.utf8` (optionally `@modifier`) is accepted and means C.UTF-8
//! (UTF-8 character handling, C conventions otherwise: docs/unsupported.md);
//! other names fail. Only LC_CTYPE changes behaviour (the multibyte
//! encoding); the other categories keep their names for setlocale queries.
//!
//! A `locale_t` points at a [`Locale`], whose first fields have glibc's
//! `struct __locale_struct` layout, so glibc-compiled `isalpha_l` macros
//! (which read `__ctype_b`) work. The calling thread's `uselocale` choice
//! lives in its thread area; null means the global locale.
pub mod langinfo;
pub mod variants;
mod names;

use core::ffi::{c_char, c_int, c_void};
use core::ptr::{null, null_mut};

use crate::thread::area::{current, set_errno};
pub use names::{is_utf8_name, parse_name};

pub const LC_CTYPE: usize = 0;
pub const LC_ALL: usize = 6;
/// Categories 0..=12 (glibc's numbering; 6 is LC_ALL).
pub const NCAT: usize = 13;
const NAME_MAX: usize = 40;
/// glibc's `LC_GLOBAL_LOCALE`.
pub const GLOBAL_HANDLE: *mut Locale = usize::MAX as *mut Locale;

#[repr(C)]
pub struct Locale {
    // glibc-compatible prefix.
    data: [*mut c_void; NCAT],
    ctype_b: *const u16,
    ctype_tolower: *const i32,
    ctype_toupper: *const i32,
    names: [*const c_char; NCAT],
    // Ours.
    /// Bit `c`: category `c` is UTF-8.
    utf8_mask: u32,
    name_buf: [[u8; NAME_MAX]; NCAT],
}
static_assertions::const_assert_eq!(core::mem::offset_of!(Locale, ctype_b), 104);
static_assertions::const_assert_eq!(core::mem::offset_of!(Locale, names), 128);

impl Locale {
    const fn c() -> Locale {
        let mut buf = [[0u8; NAME_MAX]; NCAT];
        let mut i = 0;
        while i < NCAT {
            buf[i][0] = b'C';
            i += 1;
        }
        Locale {
            data: [null_mut(); NCAT],
            ctype_b: null(),
            ctype_tolower: null(),
            ctype_toupper: null(),
            names: [null(); NCAT],
            utf8_mask: 0,
            name_buf: buf,
        }
    }

    /// Points `names` at `name_buf` and the ctype pointers at the tables
    /// (after a move, and lazily for the static global).
    fn fix(&mut self) {
        for i in 0..NCAT {
            self.names[i] = self.name_buf[i].as_ptr() as *const c_char;
        }
        // SAFETY: the *_loc functions return pointers to static table pointers.
        unsafe {
            self.ctype_b = *crate::header::ctype::__ctype_b_loc();
            self.ctype_tolower = *crate::header::ctype::__ctype_tolower_loc();
            self.ctype_toupper = *crate::header::ctype::__ctype_toupper_loc();
        }
    }

    fn set(&mut self, cat: usize, name: &[u8]) {
        let n = name.len().min(NAME_MAX - 1);
        self.name_buf[cat] = [0; NAME_MAX];
        self.name_buf[cat][..n].copy_from_slice(&name[..n]);
        if is_utf8_name(name) {
            self.utf8_mask |= 1 << cat;
        } else {
            self.utf8_mask &= !(1 << cat);
        }
    }

    pub fn name(&self, cat: usize) -> &[u8] {
        let b = &self.name_buf[cat];
        &b[..b.iter().position(|&c| c == 0).unwrap_or(NAME_MAX)]
    }

    pub fn is_utf8(&self, cat: usize) -> bool {
        self.utf8_mask & (1 << cat) != 0
    }
}

static mut GLOBAL: Locale = Locale::c();
/// setlocale's result for a mixed LC_ALL query.
static mut COMPOSITE: [u8; 13 * (NAME_MAX + 20)] = [0; 13 * (NAME_MAX + 20)];

fn global() -> *mut Locale {
    &raw mut GLOBAL
}

/// The calling thread's locale.
pub fn current_locale() -> *const Locale {
    // SAFETY: own thread area; a non-null value came from uselocale and is live (POSIX contract).
    let l = unsafe { (*current()).locale } as *const Locale;
    if l.is_null() { global() } else { l }
}

/// Resolves a `locale_t` argument (LC_GLOBAL_LOCALE included).
pub fn resolve(l: *mut c_void) -> *const Locale {
    if l.is_null() || l as *mut Locale == GLOBAL_HANDLE { global() } else { l as *const Locale }
}

/// Whether the calling thread's LC_CTYPE is UTF-8.
#[inline]
pub fn utf8() -> bool {
    // SAFETY: current_locale is live.
    unsafe { (*current_locale()).is_utf8(LC_CTYPE) }
}

/// `MB_CUR_MAX` of the calling thread's locale.
pub fn mb_cur_max() -> usize {
    if utf8() { 4 } else { 1 }
}

/// Applies `name` to the categories in `mask` of `l`; false if a name is unknown.
fn apply(l: &mut Locale, mask: u32, name: &[u8]) -> bool {
    // Validate everything first: a failed call changes nothing.
    let mut want = [[0u8; NAME_MAX]; NCAT];
    let mut lens = [0usize; NCAT];
    for cat in (0..NCAT).filter(|&c| c != LC_ALL && mask & (1 << c) != 0) {
        let Some(n) = names::resolve_for(cat, name, &mut want[cat]) else { return false };
        lens[cat] = n;
    }
    for cat in (0..NCAT).filter(|&c| c != LC_ALL && mask & (1 << c) != 0) {
        let w = want[cat];
        l.set(cat, &w[..lens[cat]]);
    }
    true
}

fn cstr<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: p is a C string (caller contract).
    unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes()
}

/// C `setlocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlocale(cat: c_int, name: *const c_char) -> *mut c_char {
    if !(0..NCAT as c_int).contains(&cat) {
        set_errno(22);
        return null_mut();
    }
    let cat = cat as usize;
    // SAFETY: setlocale is not thread-safe by specification; we are the only writer.
    let g = unsafe { &mut *global() };
    g.fix();
    if !name.is_null() {
        let mask = if cat == LC_ALL { u32::MAX } else { 1 << cat };
        if !apply(g, mask, cstr(name)) {
            return null_mut();
        }
    }
    if cat != LC_ALL {
        return g.names[cat] as *mut c_char;
    }
    let first = g.name(0);
    if (1..NCAT).filter(|&c| c != LC_ALL).all(|c| g.name(c) == first) {
        return g.names[0] as *mut c_char;
    }
    // SAFETY: as above (single writer); the buffer fits 12 names plus labels.
    unsafe {
        let buf = &mut *(&raw mut COMPOSITE);
        let n = names::composite(g, buf);
        buf[n] = 0;
        buf.as_mut_ptr() as *mut c_char
    }
}

/// POSIX `newlocale`: `base` (if any) is modified and returned, else a new locale.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn newlocale(mask: c_int, name: *const c_char, base: *mut c_void) -> *mut c_void {
    if name.is_null() || mask & !0x1fff != 0 {
        set_errno(22);
        return null_mut();
    }
    let mut l = Locale::c();
    let b = base as *mut Locale;
    if !b.is_null() && b != GLOBAL_HANDLE {
        // SAFETY: base is a live locale from newlocale/duplocale.
        unsafe { core::ptr::copy_nonoverlapping(b, &mut l, 1) };
    }
    // glibc's LC_ALL_MASK has bit 6 clear; accept either.
    if !apply(&mut l, mask as u32, cstr(name)) {
        set_errno(2);
        return null_mut();
    }
    let out = if !b.is_null() && b != GLOBAL_HANDLE { b } else { alloc_locale() };
    if out.is_null() {
        set_errno(12);
        return null_mut();
    }
    // SAFETY: out is a live Locale-sized block.
    unsafe {
        core::ptr::write(out, l);
        (*out).fix();
    }
    out as *mut c_void
}

fn alloc_locale() -> *mut Locale {
    crate::header::stdlib::malloc::malloc(core::mem::size_of::<Locale>()) as *mut Locale
}

/// POSIX `duplocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn duplocale(l: *mut c_void) -> *mut c_void {
    let src = resolve(l);
    let out = alloc_locale();
    if out.is_null() {
        set_errno(12);
        return null_mut();
    }
    // SAFETY: src is live; out is a fresh block.
    unsafe {
        core::ptr::copy_nonoverlapping(src, out, 1);
        (*out).fix();
    }
    out as *mut c_void
}

/// POSIX `freelocale`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freelocale(l: *mut c_void) {
    if !l.is_null() && l as *mut Locale != GLOBAL_HANDLE && l as *mut Locale != global() {
        // SAFETY: l came from newlocale/duplocale.
        unsafe { crate::header::stdlib::malloc::free(l) };
    }
}

/// POSIX `uselocale`: returns the previous setting (LC_GLOBAL_LOCALE if none).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uselocale(l: *mut c_void) -> *mut c_void {
    let t = current();
    // SAFETY: own thread area.
    let old = unsafe { (*t).locale };
    if !l.is_null() {
        let new = if l as *mut Locale == GLOBAL_HANDLE { null_mut() } else { l };
        // SAFETY: own thread area.
        unsafe { (*t).locale = new };
    }
    if old.is_null() { GLOBAL_HANDLE as *mut c_void } else { old }
}

/// `struct lconv` of the C locale.
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

/// C `localeconv` (C conventions in every supported locale).
#[unsafe(no_mangle)]
pub extern "C" fn localeconv() -> *mut Lconv {
    &raw mut LCONV
}
