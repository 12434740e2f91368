//! Bracket expressions `[...]`: single characters, ranges (code point
//! order), `[:class:]`, and single-character `[.x.]` / `[=x=]`; also the
//! sets behind `\w \W \s \S`. Backslash is an ordinary character inside.
use alloc::vec::Vec;

use super::chars::{class_by_name, decode_at, fold, in_class, INVALID};
use super::compile::Flags;
use super::Error;

pub struct Set {
    /// Membership of the (folded) characters below 256, negation applied.
    low: [u64; 4],
    neg: bool,
    chars: Vec<u32>,
    ranges: Vec<(u32, u32)>,
    classes: Vec<usize>,
    utf8: bool,
}

impl Set {
    fn new(neg: bool, utf8: bool) -> Set {
        Set { low: [0; 4], neg, chars: Vec::new(), ranges: Vec::new(), classes: Vec::new(), utf8 }
    }

    fn raw(&self, c: u32) -> bool {
        self.chars.contains(&c)
            || self.ranges.iter().any(|&(l, h)| l <= c && c <= h)
            || self.classes.iter().any(|&t| in_class(c, t, self.utf8))
    }

    /// Fills the low table; `no_nl`: a negated set never matches newline.
    fn finish(mut self, no_nl: bool) -> Set {
        for c in 0..256u32 {
            let mut m = self.raw(c) != self.neg;
            if no_nl && self.neg && c == b'\n' as u32 {
                m = false;
            }
            if m {
                self.low[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        self
    }

    /// Whether the (already folded) character `c` is in the set.
    #[inline]
    pub fn has(&self, c: u32) -> bool {
        if c < 256 {
            return self.low[(c / 64) as usize] & (1 << (c % 64)) != 0;
        }
        c < INVALID && self.raw(c) != self.neg
    }

    /// `\w` (`neg`: `\W`); `\W` and `\S` do match newline, as in glibc.
    pub fn word(neg: bool, utf8: bool) -> Set {
        let mut s = Set::new(neg, utf8);
        s.classes.push(class_by_name(b"alnum"));
        s.chars.push(b'_' as u32);
        s.finish(false)
    }

    /// `\s` (`neg`: `\S`).
    pub fn space(neg: bool, utf8: bool) -> Set {
        let mut s = Set::new(neg, utf8);
        s.classes.push(class_by_name(b"space"));
        s.finish(false)
    }
}

enum Elem {
    Char(u32),
    Class(usize),
    /// `[.xy.]`: glibc reports it at the closing bracket (or in a range).
    BadCollating,
}

/// One element at `p[*i]`: a character, `[:class:]`, `[.c.]` or `[=c=]`.
fn element(p: &[u8], i: &mut usize, f: &Flags) -> Result<Elem, Error> {
    if p[*i] == b'[' && matches!(p.get(*i + 1), Some(b':' | b'.' | b'=')) {
        let delim = p[*i + 1];
        let start = *i + 2;
        let mut j = start;
        loop {
            if j + 1 >= p.len() {
                return Err(Error::EBrack);
            }
            if p[j] == delim && p[j + 1] == b']' {
                break;
            }
            j += 1;
        }
        let name = &p[start..j];
        *i = j + 2;
        if delim == b':' {
            // Under REG_ICASE upper and lower both mean alpha, as in glibc.
            let name = if f.icase && (name == b"upper" || name == b"lower") { &b"alpha"[..] } else { name };
            return match class_by_name(name) {
                0 => Err(Error::ECtype),
                t => Ok(Elem::Class(t)),
            };
        }
        // Collating symbols and equivalence classes: single characters only
        // (the C and C.UTF-8 locales have no multi-character elements).
        let single = !name.is_empty() && {
            let (c, n) = decode_at(name, 0, f.utf8);
            n == name.len() && c < INVALID
        };
        return match (single, delim) {
            (true, _) => Ok(Elem::Char(decode_at(name, 0, f.utf8).0)),
            (false, b'.') => Ok(Elem::BadCollating),
            (false, _) => Err(Error::ECollate),
        };
    }
    let (c, n) = decode_at(p, *i, f.utf8);
    *i += n;
    Ok(Elem::Char(c))
}

/// Parses a bracket expression; `*i` is just past `[` and ends past `]`.
pub fn parse(p: &[u8], i: &mut usize, f: &Flags) -> Result<Set, Error> {
    if *i >= p.len() {
        return Err(Error::BadPat);
    }
    let neg = p[*i] == b'^';
    if neg {
        *i += 1;
        if *i >= p.len() {
            return Err(Error::BadPat);
        }
    }
    let mut set = Set::new(neg, f.utf8);
    let mut first = true;
    let mut pending = None;
    let fc = |c: u32| if f.icase { fold(c, f.utf8) } else { c };
    loop {
        let Some(&b) = p.get(*i) else { return Err(Error::EBrack) };
        if b == b']' && !first {
            *i += 1;
            break;
        }
        // A '-' that is neither first, last, nor a range end is an error.
        if b == b'-' && !first && p.get(*i + 1) != Some(&b']') {
            return Err(Error::ERange);
        }
        first = false;
        let lo = element(p, i, f)?;
        if p.get(*i) == Some(&b'-') && p.get(*i + 1) != Some(&b']') {
            *i += 1;
            if *i >= p.len() {
                return Err(Error::EBrack);
            }
            let hi = element(p, i, f)?;
            if matches!(lo, Elem::BadCollating) || matches!(hi, Elem::BadCollating) {
                return Err(Error::ECollate);
            }
            let (Elem::Char(l), Elem::Char(h)) = (lo, hi) else { return Err(Error::ERange) };
            let (l, h) = (fc(l), fc(h));
            if l > h {
                return Err(Error::ERange);
            }
            set.ranges.push((l, h));
            continue;
        }
        match lo {
            Elem::Char(c) => set.chars.push(fc(c)),
            Elem::Class(t) => set.classes.push(t),
            Elem::BadCollating => pending = Some(Error::ECollate),
        }
    }
    if let Some(e) = pending {
        return Err(e);
    }
    Ok(set.finish(f.newline))
}
