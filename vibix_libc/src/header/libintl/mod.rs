//! `<libintl.h>`: GNU gettext message translation from `.mo` catalogs.
//!
//! A message of `domain` in category `cat` is looked up in
//! `<dir>/<language>/<CATEGORY>/<domain>.mo`, `dir` from `bindtextdomain`
//! (default /usr/share/locale). The languages are those of `$LANGUAGE`
//! (colon-separated) or else the category's locale name (setlocale); each is
//! tried from its most to its least specific form, as glibc does:
//! `ll_CC.codeset@mod`, `ll_CC.normcodeset@mod`, `ll_CC@mod`, `ll@mod`, ...,
//! `ll`. Under the "C"/"POSIX" locale nothing is translated. Catalogs are
//! mapped once and kept (also the misses, so a missing file costs one open).
//! Without a translation the functions return their `msgid` argument (for
//! the plural ones `msgid1` if n == 1 else `msgid2`). errno is preserved.
//! Translations come out in the codeset `bind_textdomain_codeset` set for
//! the domain, or else in the calling thread's LC_CTYPE codeset, converted
//! by iconv from the catalog's `charset=` (mo.rs); a conversion iconv does
//! not know leaves the message untranslated, as in glibc.
mod mo;
mod plural;

use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_ulong, CStr};
use core::ptr::null_mut;

use crate::sync::Lock;
use mo::Catalog;

const LC_MESSAGES: c_int = 5;
const LC_ALL: c_int = 6;
const DEFAULT_DIR: &[u8] = b"/usr/share/locale\0";
const CATEGORY_NAMES: [&[u8]; 13] = [
    b"LC_CTYPE", b"LC_NUMERIC", b"LC_TIME", b"LC_COLLATE", b"LC_MONETARY", b"LC_MESSAGES", b"",
    b"LC_PAPER", b"LC_NAME", b"LC_ADDRESS", b"LC_TELEPHONE", b"LC_MEASUREMENT", b"LC_IDENTIFICATION",
];

/// NUL-terminated copies; old ones are never freed (callers may still hold
/// pointers that an earlier call returned).
struct Binding {
    domain: Vec<u8>,
    dir: Option<Vec<u8>>,
    codeset: Option<Vec<u8>>,
}

struct State {
    domain: Option<Vec<u8>>,
    bindings: Vec<Binding>,
    /// Catalog paths tried so far, with what was there.
    catalogs: Vec<(Vec<u8>, Option<Catalog>)>,
}

static LOCK: Lock = Lock::new();
static mut STATE: State = State { domain: None, bindings: Vec::new(), catalogs: Vec::new() };

fn state() -> &'static mut State {
    // SAFETY: only called with LOCK held.
    unsafe { &mut *(&raw mut STATE) }
}

fn cstr_bytes(p: *const c_char) -> &'static [u8] {
    // SAFETY: callers pass non-null C strings.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

fn owned(b: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(b.len() + 1);
    v.extend_from_slice(b);
    v.push(0);
    v
}

/// The current text domain (with its NUL).
fn current_domain(st: &State) -> &[u8] {
    st.domain.as_deref().unwrap_or(b"messages\0")
}

/// Keeps errno as it was across a gettext call.
struct SaveErrno(c_int);
impl Drop for SaveErrno {
    fn drop(&mut self) {
        crate::thread::area::set_errno(self.0);
    }
}

/// The language variants of `name` (language[_territory][.codeset][@modifier]),
/// most specific first, each passed to `f` until it returns Some.
fn variants<R>(name: &[u8], mut f: impl FnMut(&[u8]) -> Option<R>) -> Option<R> {
    let (rest, modifier) = match name.iter().position(|&c| c == b'@') {
        Some(i) => (&name[..i], Some(&name[i..])),
        None => (name, None),
    };
    let (rest, codeset) = match rest.iter().position(|&c| c == b'.') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (lang, terr) = match rest.iter().position(|&c| c == b'_') {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    // The normalised codeset: lower-case letters and digits only, "iso" before all-digit names.
    let mut norm = Vec::new();
    if let Some(cs) = codeset {
        if cs.iter().all(|c| c.is_ascii_digit()) {
            norm.extend_from_slice(b"iso");
        }
        norm.extend(cs.iter().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()));
    }
    let norm_differs = codeset.is_some_and(|cs| cs != norm.as_slice());
    const NORM: u32 = 1;
    const CODESET: u32 = 2;
    const TERR: u32 = 4;
    const MODIFIER: u32 = 8;
    let have = (norm_differs as u32 * NORM)
        | (codeset.is_some() as u32 * CODESET)
        | (terr.is_some() as u32 * TERR)
        | (modifier.is_some() as u32 * MODIFIER);
    let mut buf = Vec::new();
    for mask in (0..16u32).rev() {
        if mask & !have != 0 || (mask & CODESET != 0 && mask & NORM != 0) {
            continue;
        }
        buf.clear();
        buf.extend_from_slice(lang);
        if mask & TERR != 0 {
            buf.extend_from_slice(terr.unwrap_or(b""));
        }
        if mask & CODESET != 0 {
            buf.push(b'.');
            buf.extend_from_slice(codeset.unwrap_or(b""));
        }
        if mask & NORM != 0 {
            buf.push(b'.');
            buf.extend_from_slice(&norm);
        }
        if mask & MODIFIER != 0 {
            buf.extend_from_slice(modifier.unwrap_or(b""));
        }
        if let Some(r) = f(&buf) {
            return Some(r);
        }
    }
    None
}

/// The catalog at `path` (opened on first use), under LOCK.
fn catalog<'a>(st: &'a mut State, path: &[u8]) -> Option<&'a mut Catalog> {
    let i = match st.catalogs.iter().position(|(p, _)| p.as_slice() == path) {
        Some(i) => i,
        None => {
            let c = CStr::from_bytes_with_nul(path).ok().and_then(Catalog::open);
            st.catalogs.push((path.to_vec(), c));
            st.catalogs.len() - 1
        }
    };
    st.catalogs[i].1.as_mut()
}

/// The translation of `id1` (plural `id2` for `n`), or None.
fn translate(domain: &[u8], id1: &[u8], plural: Option<u64>, cat: c_int) -> Option<*mut c_char> {
    if !(0..13).contains(&cat) || cat == LC_ALL {
        return None;
    }
    // SAFETY: the thread's locale is live.
    let locale = unsafe { (*crate::header::locale::current_locale()).name(cat as usize) };
    if locale == b"C" || locale == b"POSIX" {
        return None;
    }
    // SAFETY: a C string constant.
    let env = unsafe { crate::header::stdlib::env::getenv(c"LANGUAGE".as_ptr()) };
    let lang_env = if env.is_null() { None } else { Some(cstr_bytes(env)) }.filter(|v| !v.is_empty());
    let languages: &[u8] = lang_env.unwrap_or(locale);
    let st = state();
    let binding = st.bindings.iter().find(|b| b.domain.as_slice() == domain);
    let dir: Vec<u8> = binding.and_then(|b| b.dir.clone()).unwrap_or_else(|| DEFAULT_DIR.to_vec());
    let codeset: Vec<u8> = match binding.and_then(|b| b.codeset.clone()) {
        Some(c) => c,
        // SAFETY: the thread's locale is live.
        None => crate::header::locale::langinfo::codeset(unsafe { &*crate::header::locale::current_locale() }).to_bytes_with_nul().to_vec(),
    };
    let dir = &dir[..dir.len() - 1];
    let domain = &domain[..domain.len() - 1];
    for lang in languages.split(|&c| c == b':').filter(|l| !l.is_empty()) {
        if lang == b"C" || lang == b"POSIX" {
            break;
        }
        let found = variants(lang, |v| {
            let mut path = Vec::with_capacity(dir.len() + v.len() + domain.len() + 24);
            for part in [dir, b"/", v, b"/", CATEGORY_NAMES[cat as usize], b"/", domain, b".mo\0"] {
                path.extend_from_slice(part);
            }
            Some(catalog(st, &path)?.lookup(id1, plural, &codeset)? as *mut c_char)
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The domain argument (NULL: the current one), NUL-terminated.
fn domain_of(st: &State, d: *const c_char) -> Vec<u8> {
    if d.is_null() { current_domain(st).to_vec() } else { owned(cstr_bytes(d)) }
}

/// GNU `dcngettext`: everything below comes here.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dcngettext(domain: *const c_char, id1: *const c_char, id2: *const c_char, n: c_ulong, cat: c_int) -> *mut c_char {
    let fallback = if id2.is_null() || n == 1 { id1 } else { id2 } as *mut c_char;
    if id1.is_null() {
        return null_mut();
    }
    let _e = SaveErrno(crate::thread::area::errno());
    let _g = LOCK.guard();
    let d = domain_of(state(), domain);
    let plural = if id2.is_null() { None } else { Some(n as u64) };
    translate(&d, cstr_bytes(id1), plural, cat).unwrap_or(fallback)
}

/// GNU `dcgettext`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dcgettext(domain: *const c_char, id: *const c_char, cat: c_int) -> *mut c_char {
    // SAFETY: forwarded.
    unsafe { dcngettext(domain, id, core::ptr::null(), 1, cat) }
}

/// POSIX `gettext`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gettext(id: *const c_char) -> *mut c_char {
    // SAFETY: forwarded.
    unsafe { dcngettext(core::ptr::null(), id, core::ptr::null(), 1, LC_MESSAGES) }
}

/// POSIX `dgettext`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dgettext(domain: *const c_char, id: *const c_char) -> *mut c_char {
    // SAFETY: forwarded.
    unsafe { dcngettext(domain, id, core::ptr::null(), 1, LC_MESSAGES) }
}

/// POSIX `ngettext`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ngettext(id1: *const c_char, id2: *const c_char, n: c_ulong) -> *mut c_char {
    // SAFETY: forwarded.
    unsafe { dcngettext(core::ptr::null(), id1, id2, n, LC_MESSAGES) }
}

/// POSIX `dngettext`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dngettext(domain: *const c_char, id1: *const c_char, id2: *const c_char, n: c_ulong) -> *mut c_char {
    // SAFETY: forwarded.
    unsafe { dcngettext(domain, id1, id2, n, LC_MESSAGES) }
}

/// POSIX `textdomain`: NULL asks, "" goes back to "messages".
#[unsafe(no_mangle)]
pub unsafe extern "C" fn textdomain(domain: *const c_char) -> *mut c_char {
    let _g = LOCK.guard();
    let st = state();
    if !domain.is_null() {
        let d = cstr_bytes(domain);
        if let Some(old) = st.domain.take() {
            core::mem::forget(old);
        }
        st.domain = if d.is_empty() { None } else { Some(owned(d)) };
    }
    current_domain(st).as_ptr() as *mut c_char
}

/// Sets (non-NULL `value`) or reads one field of `domain`'s binding.
unsafe fn bind(domain: *const c_char, value: *const c_char, codeset: bool) -> *mut c_char {
    if domain.is_null() || cstr_bytes(domain).is_empty() {
        crate::thread::area::set_errno(22);
        return null_mut();
    }
    let _g = LOCK.guard();
    let st = state();
    let d = owned(cstr_bytes(domain));
    let i = match st.bindings.iter().position(|b| b.domain == d) {
        Some(i) => i,
        None if value.is_null() => {
            return if codeset { null_mut() } else { DEFAULT_DIR.as_ptr() as *mut c_char };
        }
        None => {
            st.bindings.push(Binding { domain: d, dir: None, codeset: None });
            st.bindings.len() - 1
        }
    };
    let b = &mut st.bindings[i];
    let slot = if codeset { &mut b.codeset } else { &mut b.dir };
    if !value.is_null() {
        let v = owned(cstr_bytes(value));
        if let Some(old) = slot.replace(v) {
            core::mem::forget(old);
        }
        if !codeset {
            // A new directory: catalogs are looked up afresh.
            st.catalogs.retain(|(_, c)| c.is_some());
        }
    }
    let b = &st.bindings[i];
    match (codeset, &b.dir, &b.codeset) {
        (false, Some(d), _) => d.as_ptr() as *mut c_char,
        (false, None, _) => DEFAULT_DIR.as_ptr() as *mut c_char,
        (true, _, Some(c)) => c.as_ptr() as *mut c_char,
        (true, _, None) => null_mut(),
    }
}

/// POSIX `bindtextdomain`: where `domain`'s catalogs are (NULL asks).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bindtextdomain(domain: *const c_char, dir: *const c_char) -> *mut c_char {
    // SAFETY: C strings or NULL.
    unsafe { bind(domain, dir, false) }
}

/// GNU `bind_textdomain_codeset` (NULL asks; NULL answer: none set).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bind_textdomain_codeset(domain: *const c_char, codeset: *const c_char) -> *mut c_char {
    // SAFETY: C strings or NULL.
    unsafe { bind(domain, codeset, true) }
}
