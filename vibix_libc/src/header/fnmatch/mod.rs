//! `<fnmatch.h>`: shell pattern matching (POSIX `*`, `?`, bracket
//! expressions with ranges, character classes, collating symbols `[.x.]`
//! and equivalence classes `[=x=]`, `\` escapes; flags FNM_PATHNAME,
//! FNM_PERIOD, FNM_NOESCAPE, FNM_LEADING_DIR, FNM_CASEFOLD).
//!
//! Under a UTF-8 LC_CTYPE the pattern and the string are read as
//! characters: `?`, a bracket expression and a `*` step take whole
//! characters, classes are the Unicode ones of `<wctype.h>` and
//! FNM_CASEFOLD folds with `towlower`. As glibc does, when that finds no
//! match (or either string is not valid UTF-8) the bytes are matched again
//! as single-byte characters, so a pattern that matches byte-wise still
//! matches. Neither locale has collation elements: `[.x.]` and `[=x=]` name
//! the one character x, a longer name makes the pattern match nothing, and
//! ranges compare code points.
mod bracket;

use core::ffi::{c_char, c_int, CStr};

use crate::fmt::mb::{decode_utf8, Decoded};
use crate::header::wctype;

pub const FNM_PATHNAME: c_int = 0x1;
pub const FNM_NOESCAPE: c_int = 0x2;
pub const FNM_PERIOD: c_int = 0x4;
pub const FNM_LEADING_DIR: c_int = 0x8;
pub const FNM_CASEFOLD: c_int = 0x10;
const FNM_NOMATCH: c_int = 1;

/// How one matching pass reads the two strings.
#[derive(Clone, Copy)]
struct Reader {
    /// Characters are UTF-8 sequences (both strings are valid UTF-8);
    /// otherwise each byte is a character.
    wide: bool,
    flags: c_int,
}

impl Reader {
    /// The character starting at `s[i]` and its length, None at the end.
    #[inline]
    fn at(self, s: &[u8], i: usize) -> Option<(u32, usize)> {
        let &b = s.get(i)?;
        if !self.wide || b < 0x80 {
            return Some((b as u32, 1));
        }
        match decode_utf8(&s[i..]) {
            Decoded::Char(c, n) => Some((c, n)),
            // Validated before a wide pass; a stray byte stays a byte.
            _ => Some((b as u32, 1)),
        }
    }

    /// FNM_CASEFOLD's folding: `towlower` over characters, ASCII over bytes.
    #[inline]
    fn fold(self, c: u32) -> u32 {
        if self.flags & FNM_CASEFOLD == 0 {
            c
        } else if c < 0x80 {
            (c as u8).to_ascii_lowercase() as u32
        } else if self.wide {
            wctype::towlower(c)
        } else {
            c
        }
    }

    fn escapes(self) -> bool {
        self.flags & FNM_NOESCAPE == 0
    }

    fn pathname(self) -> bool {
        self.flags & FNM_PATHNAME != 0
    }

    /// Whether position `i` of `s` is a "leading" period for FNM_PERIOD.
    fn leading_period(self, s: &[u8], i: usize) -> bool {
        self.flags & FNM_PERIOD != 0 && s.get(i) == Some(&b'.') && (i == 0 || (self.pathname() && s[i - 1] == b'/'))
    }

    /// The matcher: `*` backtracks to the most recent star only (enough,
    /// since a later star can absorb anything an earlier one could), except
    /// that with FNM_PATHNAME a star never crosses `/`, so a segment
    /// restarts at each `/`.
    fn run(self, p: &[u8], s: &[u8]) -> bool {
        let (mut pi, mut si) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        loop {
            if let Some((pc, pl)) = self.at(p, pi) {
                let sc = self.at(s, si);
                // Whether a wildcard may take the string's next character.
                let open = sc.is_some_and(|(c, _)| !(self.pathname() && c == b'/' as u32)) && !self.leading_period(s, si);
                let sl = sc.map_or(0, |(_, n)| n);
                const STAR: u32 = b'*' as u32;
                const QUERY: u32 = b'?' as u32;
                const OPEN: u32 = b'[' as u32;
                match pc {
                    // A star cannot match a leading period: that is a mismatch here.
                    STAR if !self.leading_period(s, si) => {
                        while p.get(pi) == Some(&b'*') {
                            pi += 1;
                        }
                        star = Some((pi, si));
                        continue;
                    }
                    QUERY if open => {
                        pi += 1;
                        si += sl;
                        continue;
                    }
                    OPEN if open => match bracket::eval(self, &p[pi + 1..], sc.map_or(0, |(c, _)| c)) {
                        bracket::Outcome::Match(n) => {
                            pi += 1 + n;
                            si += sl;
                            continue;
                        }
                        bracket::Outcome::NoMatch => {}
                        // An unclosed `[` is an ordinary character.
                        bracket::Outcome::Literal if s[si] == b'[' => {
                            pi += 1;
                            si += 1;
                            continue;
                        }
                        bracket::Outcome::Literal => {}
                    },
                    STAR | QUERY | OPEN => {}
                    _ => {
                        let lit = if pc == b'\\' as u32 && self.escapes() {
                            // A trailing backslash matches nothing.
                            self.at(p, pi + 1).map(|(c, n)| (c, n + 1))
                        } else {
                            Some((pc, pl))
                        };
                        if let (Some((lc, ln)), Some((c, _))) = (lit, sc) {
                            if self.fold(c) == self.fold(lc) {
                                pi += ln;
                                si += sl;
                                continue;
                            }
                        }
                    }
                }
            } else if si == s.len() || (self.flags & FNM_LEADING_DIR != 0 && s[si] == b'/') {
                return true;
            }
            // Mismatch: let the last star take one more character (never a '/' under FNM_PATHNAME).
            match star {
                Some((sp, ss)) if ss < s.len() && !(self.pathname() && s[ss] == b'/') => {
                    let ss = ss + self.at(s, ss).map_or(1, |(_, n)| n);
                    star = Some((sp, ss));
                    pi = sp;
                    si = ss;
                }
                _ => return false,
            }
        }
    }
}

/// Matches `s` against pattern `p` under the calling thread's locale.
pub fn matches(p: &[u8], s: &[u8], flags: c_int) -> bool {
    let (wide, bytes) = (Reader { wide: true, flags }, Reader { wide: false, flags });
    // Pure ASCII reads the same both ways: one pass.
    if crate::header::locale::utf8()
        && !(p.is_ascii() && s.is_ascii())
        && core::str::from_utf8(p).is_ok()
        && core::str::from_utf8(s).is_ok()
        && wide.run(p, s)
    {
        return true;
    }
    bytes.run(p, s)
}

/// POSIX `fnmatch`: 0 on a match, FNM_NOMATCH otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fnmatch(pat: *const c_char, s: *const c_char, flags: c_int) -> c_int {
    // SAFETY: both are C strings (C contract).
    let (p, s) = unsafe { (CStr::from_ptr(pat).to_bytes(), CStr::from_ptr(s).to_bytes()) };
    if matches(p, s, flags) { 0 } else { FNM_NOMATCH }
}
