//! Locale names: which are accepted, `""` from the environment, and glibc's
//! composite `LC_CTYPE=...;LC_NUMERIC=...` form of mixed LC_ALL.
use super::{Locale, LC_ALL, NCAT};

const CAT_NAMES: [&[u8]; NCAT] = [
    b"LC_CTYPE", b"LC_NUMERIC", b"LC_TIME", b"LC_COLLATE", b"LC_MONETARY", b"LC_MESSAGES", b"LC_ALL",
    b"LC_PAPER", b"LC_NAME", b"LC_ADDRESS", b"LC_TELEPHONE", b"LC_MEASUREMENT", b"LC_IDENTIFICATION",
];

/// `lang_territory.UTF-8[@modifier]` (or `.utf8`), case-insensitively.
pub fn is_utf8_name(n: &[u8]) -> bool {
    let base = match n.iter().position(|&c| c == b'@') {
        Some(at) => &n[..at],
        None => n,
    };
    let Some(dot) = base.iter().rposition(|&c| c == b'.') else { return false };
    let cs = &base[dot + 1..];
    cs.eq_ignore_ascii_case(b"UTF-8") || cs.eq_ignore_ascii_case(b"utf8")
}

/// Whether `n` names a locale we have; "" is resolved by the caller.
pub fn parse_name(n: &[u8]) -> bool {
    n == b"C" || n == b"POSIX" || (is_utf8_name(n) && !n.contains(&b'/') && n.len() < super::NAME_MAX)
}

fn env(name: &core::ffi::CStr) -> &'static [u8] {
    // SAFETY: getenv returns a C string or NULL.
    unsafe {
        let p = crate::header::stdlib::env::getenv(name.as_ptr());
        if p.is_null() { b"" } else { core::ffi::CStr::from_ptr(p).to_bytes() }
    }
}

fn env_for(cat: usize) -> &'static [u8] {
    let all = env(c"LC_ALL");
    if !all.is_empty() {
        return all;
    }
    let var: &core::ffi::CStr = match cat {
        0 => c"LC_CTYPE",
        1 => c"LC_NUMERIC",
        2 => c"LC_TIME",
        3 => c"LC_COLLATE",
        4 => c"LC_MONETARY",
        5 => c"LC_MESSAGES",
        7 => c"LC_PAPER",
        8 => c"LC_NAME",
        9 => c"LC_ADDRESS",
        10 => c"LC_TELEPHONE",
        11 => c"LC_MEASUREMENT",
        _ => c"LC_IDENTIFICATION",
    };
    let v = env(var);
    if !v.is_empty() {
        return v;
    }
    let lang = env(c"LANG");
    if lang.is_empty() { b"C" } else { lang }
}

/// The name category `cat` gets from setlocale argument `name` (which may be
/// "", or composite), written to `out`; None if unknown.
pub fn resolve_for(cat: usize, name: &[u8], out: &mut [u8; super::NAME_MAX]) -> Option<usize> {
    let mut n = name;
    if n.contains(&b';') {
        // Composite: find "LC_X=value" for this category.
        n = n.split(|&c| c == b';').find_map(|part| {
            let eq = part.iter().position(|&c| c == b'=')?;
            (&part[..eq] == CAT_NAMES[cat]).then(|| &part[eq + 1..])
        })?;
    }
    if n.is_empty() {
        n = env_for(cat);
    }
    if !parse_name(n) {
        return None;
    }
    if n == b"POSIX" {
        n = b"C"; // glibc reports the POSIX locale as "C"
    }
    out[..n.len()].copy_from_slice(n);
    Some(n.len())
}

/// Writes `LC_CTYPE=a;LC_NUMERIC=b;...` for a mixed locale; returns the length.
pub fn composite(l: &Locale, buf: &mut [u8]) -> usize {
    let mut k = 0;
    for cat in (0..NCAT).filter(|&c| c != LC_ALL) {
        if k > 0 {
            buf[k] = b';';
            k += 1;
        }
        for part in [CAT_NAMES[cat], b"=", l.name(cat)] {
            buf[k..k + part.len()].copy_from_slice(part);
            k += part.len();
        }
    }
    k
}
