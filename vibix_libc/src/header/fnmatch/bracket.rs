//! Bracket expressions: `[...]` against one character of the string.
//!
//! Items are read one at a time from just after the `[` (a leading `!` or
//! `^` negates; a `]` first is an ordinary character). What glibc users
//! see, kept here: a malformed `[:name:]`, `[=x=]` or `[.x.]` opener that
//! does not close is an ordinary `[`; an unknown class, an unclosed `[.`, a
//! multi-character collating symbol or a trailing backslash makes the
//! expression match nothing; a collating symbol followed by `-` starts a
//! range even before `]` (so `[[.a.]-]` holds `-` but not `a`).
use super::Reader;
use crate::header::wctype::{class_by_name, in_class};

pub enum Outcome {
    /// The character is in the set; the expression took this many bytes after `[`.
    Match(usize),
    NoMatch,
    /// No closing `]`: the `[` is an ordinary character.
    Literal,
}

/// One item of the list and where the next one starts.
enum Item {
    /// A character (case-folded), which may start a range.
    Char(u32),
    /// `[.x.]`: x as written, which may start a range.
    Symbol(u32),
    /// `[=x=]`.
    Equiv(u32),
    /// `[:name:]`.
    Class(usize),
}

const CLOSE: u32 = b']' as u32;

/// Reads the item at `q[i]`; Err(()) when the expression can match nothing.
fn item(r: Reader, q: &[u8], i: usize) -> Result<Option<(Item, usize)>, ()> {
    let Some((c, n)) = r.at(q, i) else { return Ok(None) };
    if c == b'\\' as u32 && r.escapes() {
        let (e, en) = r.at(q, i + n).ok_or(())?;
        return Ok(Some((Item::Char(r.fold(e)), i + n + en)));
    }
    if c == b'[' as u32 {
        match q.get(i + 1) {
            Some(b':') => {
                let name_len = q[i + 2..].iter().take_while(|b| (b'a'..=b'y').contains(b)).count();
                let end = i + 2 + name_len;
                if q[end..].starts_with(b":]") {
                    return match class_by_name(&q[i + 2..end]) {
                        0 => Err(()),
                        t => Ok(Some((Item::Class(t), end + 2))),
                    };
                }
            }
            Some(b'=') => {
                if let Some((x, xn)) = r.at(q, i + 2) {
                    if q[i + 2 + xn..].starts_with(b"=]") {
                        return Ok(Some((Item::Equiv(x), i + 2 + xn + 2)));
                    }
                }
            }
            Some(b'.') => return symbol(r, q, i + 2).map(|(x, next)| Some((Item::Symbol(x), next))),
            _ => {}
        }
    }
    Ok(Some((Item::Char(r.fold(c)), i + n)))
}

/// The collating symbol whose name starts at `q[i]`: one character, then `.]`.
fn symbol(r: Reader, q: &[u8], mut i: usize) -> Result<(u32, usize), ()> {
    let (mut sym, mut count) = (0, 0);
    loop {
        let (c, n) = r.at(q, i).ok_or(())?;
        if c == b'.' as u32 && q.get(i + n) == Some(&b']') {
            // Neither locale defines multi-character collating elements.
            return if count == 1 { Ok((sym, i + n + 1)) } else { Err(()) };
        }
        sym = c;
        count += 1;
        i += n;
    }
}

/// The upper bound of a range whose `-` is at `q[i - 1]`.
fn range_end(r: Reader, q: &[u8], i: usize) -> Result<(u32, usize), ()> {
    if q[i..].starts_with(b"[.") {
        return symbol(r, q, i + 2);
    }
    let (mut c, mut n) = r.at(q, i).ok_or(())?;
    if c == b'\\' as u32 && r.escapes() {
        let (e, en) = r.at(q, i + n).ok_or(())?;
        (c, n) = (e, n + en);
    }
    Ok((r.fold(c), i + n))
}

/// Whether `sc` (a character of the string) is in the expression `q` (after `[`).
pub fn eval(r: Reader, q: &[u8], sc: u32) -> Outcome {
    match scan(r, q, sc) {
        Ok(Some(o)) => o,
        Ok(None) => Outcome::Literal,
        Err(()) => Outcome::NoMatch,
    }
}

fn scan(r: Reader, q: &[u8], sc: u32) -> Result<Option<Outcome>, ()> {
    let negate = matches!(q.first(), Some(b'!' | b'^'));
    let fc = r.fold(sc);
    let mut i = negate as usize;
    let mut first = true;
    loop {
        if !first && r.at(q, i).is_some_and(|(c, _)| c == CLOSE) {
            return Ok(Some(if negate { Outcome::Match(i + 1) } else { Outcome::NoMatch }));
        }
        first = false;
        let Some((it, next)) = item(r, q, i)? else { return Ok(None) };
        i = next;
        let hit = match it {
            Item::Class(t) => in_class(sc, t, r.wide),
            Item::Equiv(x) => x == sc,
            Item::Char(lo) | Item::Symbol(lo) => {
                let sym = matches!(it, Item::Symbol(_));
                let dash = q.get(i) == Some(&b'-');
                let after = q.get(i + 1);
                if dash && after.is_some_and(|&b| b != b']') {
                    let (hi, next) = range_end(r, q, i + 1)?;
                    i = next;
                    lo <= fc && fc <= hi
                } else if dash && after.is_none() {
                    return Err(());
                } else if sym && dash {
                    // `[.x.]-]`: x began a range that `]` did not finish.
                    false
                } else if sym {
                    lo == sc
                } else {
                    lo == fc
                }
            }
        };
        if hit {
            return skip_rest(r, q, i).map(|end| Some(if negate { Outcome::NoMatch } else { Outcome::Match(end) }));
        }
    }
}

/// After a matching item at `q[i]`: the bytes up to and including `]`.
fn skip_rest(r: Reader, q: &[u8], mut i: usize) -> Result<usize, ()> {
    loop {
        let (c, n) = r.at(q, i).ok_or(())?;
        i += n;
        match c {
            CLOSE => return Ok(i),
            _ if c == b'\\' as u32 && r.escapes() => i += r.at(q, i).ok_or(())?.1,
            _ if c == b'[' as u32 => match q.get(i) {
                Some(b':') => {
                    let name_len = q[i + 1..].iter().take_while(|b| (b'a'..=b'y').contains(b)).count();
                    if q[i + 1 + name_len..].starts_with(b":]") {
                        i += 1 + name_len + 2;
                    }
                }
                Some(b'=') => {
                    let (_, xn) = r.at(q, i + 1).ok_or(())?;
                    if !q[i + 1 + xn..].starts_with(b"=]") {
                        return Err(());
                    }
                    i += 1 + xn + 2;
                }
                Some(b'.') => i = symbol_end(r, q, i + 1)?,
                _ => {}
            },
            _ => {}
        }
    }
}

/// Past the `.]` closing a collating symbol whose name starts at `q[i]`.
fn symbol_end(r: Reader, q: &[u8], mut i: usize) -> Result<usize, ()> {
    loop {
        let (c, n) = r.at(q, i).ok_or(())?;
        if c == b'.' as u32 && q.get(i + n) == Some(&b']') {
            return Ok(i + n + 1);
        }
        i += n;
    }
}
