//! `<fnmatch.h>`: shell pattern matching (POSIX `*`, `?`, bracket
//! expressions with ranges and character classes, `\` escapes; flags
//! FNM_PATHNAME, FNM_PERIOD, FNM_NOESCAPE, FNM_LEADING_DIR, FNM_CASEFOLD).
//! Single-byte characters (C locale).
use core::ffi::{c_char, c_int, CStr};

pub const FNM_PATHNAME: c_int = 0x1;
pub const FNM_NOESCAPE: c_int = 0x2;
pub const FNM_PERIOD: c_int = 0x4;
pub const FNM_LEADING_DIR: c_int = 0x8;
pub const FNM_CASEFOLD: c_int = 0x10;
const FNM_NOMATCH: c_int = 1;

fn fold(c: u8, flags: c_int) -> u8 {
    if flags & FNM_CASEFOLD != 0 { c.to_ascii_lowercase() } else { c }
}

fn class(name: &[u8], c: u8) -> Option<bool> {
    Some(match name {
        b"alnum" => c.is_ascii_alphanumeric(),
        b"alpha" => c.is_ascii_alphabetic(),
        b"blank" => c == b' ' || c == b'\t',
        b"cntrl" => c.is_ascii_control(),
        b"digit" => c.is_ascii_digit(),
        b"graph" => c.is_ascii_graphic(),
        b"lower" => c.is_ascii_lowercase(),
        b"print" => c.is_ascii_graphic() || c == b' ',
        b"punct" => c.is_ascii_punctuation(),
        b"space" => c.is_ascii_whitespace() || c == 0x0b,
        b"upper" => c.is_ascii_uppercase(),
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => return None,
    })
}

/// Matches a bracket expression starting after `[` against `c`. Returns
/// `(matched, bytes of the pattern consumed)`, or None if the bracket is not
/// closed (then `[` is an ordinary character).
fn bracket(p: &[u8], c: u8, flags: c_int) -> Option<(bool, usize)> {
    let mut i = 0;
    let negate = matches!(p.first(), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let c = fold(c, flags);
    let mut hit = false;
    let mut first = true;
    loop {
        let &b = p.get(i)?;
        if b == b']' && !first {
            return Some((hit != negate, i + 1));
        }
        first = false;
        // [:class:]
        if b == b'[' && p.get(i + 1) == Some(&b':') {
            if let Some(end) = p[i + 2..].windows(2).position(|w| w == b":]") {
                let name = &p[i + 2..i + 2 + end];
                // Classes test the (case-folded) character itself, as glibc does.
                match class(name, c) {
                    Some(a) => hit |= a,
                    // An unknown class matches nothing.
                    None => return Some((false, 0)),
                }
                i += end + 4;
                continue;
            }
        }
        let mut lo = b;
        i += 1;
        if lo == b'\\' && flags & FNM_NOESCAPE == 0 {
            lo = *p.get(i)?;
            i += 1;
        }
        // A range lo-hi (a '-' before ']' is literal).
        if p.get(i) == Some(&b'-') && p.get(i + 1).is_some_and(|&h| h != b']') {
            let mut hi = p[i + 1];
            i += 2;
            if hi == b'\\' && flags & FNM_NOESCAPE == 0 {
                hi = *p.get(i)?;
                i += 1;
            }
            let (l, h) = (fold(lo, flags), fold(hi, flags));
            if (l..=h).contains(&c) || (flags & FNM_CASEFOLD != 0 && (lo..=hi).contains(&c.to_ascii_uppercase())) {
                hit = true;
            }
        } else if fold(lo, flags) == c {
            hit = true;
        }
    }
}

/// Whether position `i` of `s` is a "leading" period for FNM_PERIOD.
fn leading_period(s: &[u8], i: usize, flags: c_int) -> bool {
    flags & FNM_PERIOD != 0 && s.get(i) == Some(&b'.') && (i == 0 || (flags & FNM_PATHNAME != 0 && s[i - 1] == b'/'))
}

/// The matcher: `*` backtracks to the most recent star only (enough, since a
/// later star can absorb anything an earlier one could), except that with
/// FNM_PATHNAME a star never crosses `/`, so a segment restarts at each `/`.
pub fn matches(p: &[u8], s: &[u8], flags: c_int) -> bool {
    let (mut pi, mut si) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if pi < p.len() {
            let pc = p[pi];
            match pc {
                // A star cannot match a leading period: that is a mismatch here.
                b'*' if !leading_period(s, si, flags) => {
                    while p.get(pi) == Some(&b'*') {
                        pi += 1;
                    }
                    star = Some((pi, si));
                    continue;
                }
                b'?' if si < s.len() && !(flags & FNM_PATHNAME != 0 && s[si] == b'/') && !leading_period(s, si, flags) => {
                    pi += 1;
                    si += 1;
                    continue;
                }
                b'[' if si < s.len() && !(flags & FNM_PATHNAME != 0 && s[si] == b'/') && !leading_period(s, si, flags) => {
                    match bracket(&p[pi + 1..], s[si], flags) {
                        Some((true, n)) => {
                            pi += n + 1;
                            si += 1;
                            continue;
                        }
                        Some((false, _)) => {}
                        None if s[si] == b'[' => {
                            pi += 1;
                            si += 1;
                            continue;
                        }
                        None => {}
                    }
                }
                b'?' | b'[' | b'*' => {}
                _ => {
                    let (lit, n) = if pc == b'\\' && flags & FNM_NOESCAPE == 0 && pi + 1 < p.len() { (p[pi + 1], 2) } else { (pc, 1) };
                    if si < s.len() && fold(s[si], flags) == fold(lit, flags) {
                        pi += n;
                        si += 1;
                        continue;
                    }
                }
            }
        } else if si == s.len() || (flags & FNM_LEADING_DIR != 0 && s[si] == b'/') {
            return true;
        }
        // Mismatch: let the last star take one more byte (never a '/' under FNM_PATHNAME).
        match star {
            Some((sp, ss)) if ss < s.len() && !(flags & FNM_PATHNAME != 0 && s[ss] == b'/') => {
                star = Some((sp, ss + 1));
                pi = sp;
                si = ss + 1;
            }
            _ => return false,
        }
    }
}

/// POSIX `fnmatch`: 0 on a match, FNM_NOMATCH otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fnmatch(pat: *const c_char, s: *const c_char, flags: c_int) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (p, s) = unsafe { (CStr::from_ptr(pat).to_bytes(), CStr::from_ptr(s).to_bytes()) };
    if matches(p, s, flags) { 0 } else { FNM_NOMATCH }
}
