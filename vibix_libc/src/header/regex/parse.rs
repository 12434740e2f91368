//! Pattern → syntax tree, in POSIX BRE or ERE syntax with glibc's context
//! rules: where `^ $ * {` are operators or literals, which misplaced
//! operators are REG_BADRPT, `{m,n}` validation, and back-references only to
//! groups already closed on the same branch.
use alloc::boxed::Box;
use alloc::vec::Vec;

use super::bracket::{self, Set};
use super::chars::{decode_at, fold};
use super::compile::Flags;
use super::Error;

/// Zero-width assertions.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Look {
    Bol,
    Eol,
    WordB,
    NotWordB,
    WordStart,
    WordEnd,
    BufStart,
    BufEnd,
}

pub enum Node {
    Empty,
    Char(u32),
    Any,
    Set(usize),
    Look(Look),
    /// A capturing group and its number (1-based).
    Group(Box<Node>, usize),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// `min`, `max` (None: unbounded) repetitions.
    Rep(Box<Node>, u32, Option<u32>),
    Backref(usize),
}

/// glibc's RE_DUP_MAX.
const DUP_MAX: i32 = 0x7fff;
/// Limits that keep the recursive parser and compiler within a thread's
/// stack: group nesting, and repetition operators stacked on one atom (after
/// `x**` → `x*` and the like are merged). Past them regcomp is REG_ESPACE.
const MAX_GROUP_DEPTH: usize = 100;
const MAX_STACKED_REPS: usize = 32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    End,
    Char(u32),
    Any,
    Bracket,
    Open,
    Close,
    Alt,
    Star,
    Plus,
    Quest,
    Brace,
    Look(Look),
    Backref(usize),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Close,
    Comma,
    End,
}

pub struct Parsed {
    pub root: Node,
    pub sets: Vec<Set>,
    pub nsub: usize,
    pub backrefs: bool,
}

struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    f: Flags,
    /// BRE: `^` is an anchor here (pattern start, after `\(` or `\|`).
    caret_ok: bool,
    nsub: usize,
    /// Groups (bit n: group n) closed so far on the current branch.
    closed: u64,
    sets: Vec<Set>,
    backrefs: bool,
}

pub fn parse(p: &[u8], f: Flags) -> Result<Parsed, Error> {
    let mut ps = Parser { p, i: 0, f, caret_ok: true, nsub: 0, closed: 0, sets: Vec::new(), backrefs: false };
    let root = ps.alt(0)?;
    debug_assert!(ps.i >= p.len());
    Ok(Parsed { root, sets: ps.sets, nsub: ps.nsub, backrefs: ps.backrefs })
}

impl Parser<'_> {
    /// The next token and its length in bytes.
    fn peek(&self) -> Result<(Tok, usize), Error> {
        let p = self.p;
        let i = self.i;
        let Some(&b) = p.get(i) else { return Ok((Tok::End, 0)) };
        let ere = self.f.ere;
        let t = match b {
            b'.' => Tok::Any,
            b'[' => Tok::Bracket,
            b'*' => Tok::Star,
            b'^' if ere || self.caret_ok => Tok::Look(Look::Bol),
            b'$' if ere || self.dollar_anchors() => Tok::Look(Look::Eol),
            b'(' if ere => Tok::Open,
            b')' if ere => Tok::Close,
            b'|' if ere => Tok::Alt,
            b'+' if ere => Tok::Plus,
            b'?' if ere => Tok::Quest,
            b'{' if ere => Tok::Brace,
            b'\\' => {
                let Some(&c) = p.get(i + 1) else { return Err(Error::EEscape) };
                let t = match c {
                    b'1'..=b'9' => Tok::Backref((c - b'0') as usize),
                    b'w' => Tok::Word(false),
                    b'W' => Tok::Word(true),
                    b's' => Tok::Space(false),
                    b'S' => Tok::Space(true),
                    b'b' => Tok::Look(Look::WordB),
                    b'B' => Tok::Look(Look::NotWordB),
                    b'<' => Tok::Look(Look::WordStart),
                    b'>' => Tok::Look(Look::WordEnd),
                    b'`' => Tok::Look(Look::BufStart),
                    b'\'' => Tok::Look(Look::BufEnd),
                    b'(' if !ere => Tok::Open,
                    b')' if !ere => Tok::Close,
                    b'|' if !ere => Tok::Alt,
                    b'+' if !ere => Tok::Plus,
                    b'?' if !ere => Tok::Quest,
                    b'{' if !ere => Tok::Brace,
                    _ => {
                        let (c, n) = decode_at(p, i + 1, self.f.utf8);
                        return Ok((Tok::Char(c), 1 + n));
                    }
                };
                return Ok((t, 2));
            }
            _ => {
                let (c, n) = decode_at(p, i, self.f.utf8);
                return Ok((Tok::Char(c), n));
            }
        };
        Ok((t, 1))
    }

    /// BRE: `$` is an anchor at the end and before `\|` or `\)`.
    fn dollar_anchors(&self) -> bool {
        let rest = &self.p[self.i + 1..];
        rest.is_empty() || rest.starts_with(b"\\|") || rest.starts_with(b"\\)")
    }

    fn lit(&self, c: u32) -> Node {
        Node::Char(if self.f.icase { fold(c, self.f.utf8) } else { c })
    }

    fn set(&mut self, s: Set) -> Node {
        self.sets.push(s);
        Node::Set(self.sets.len() - 1)
    }

    fn alt(&mut self, depth: usize) -> Result<Node, Error> {
        let initial = self.closed;
        self.caret_ok = true;
        let mut branches = Vec::new();
        branches.push(self.branch(depth)?);
        let mut acc = self.closed;
        loop {
            let (t, n) = self.peek()?;
            if t != Tok::Alt {
                break;
            }
            self.i += n;
            self.closed = initial;
            self.caret_ok = true;
            branches.push(self.branch(depth)?);
            acc |= self.closed;
        }
        self.closed = acc;
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Empty) } else { Node::Alt(branches) })
    }

    fn branch(&mut self, depth: usize) -> Result<Node, Error> {
        let mut items = Vec::new();
        loop {
            let (t, _) = self.peek()?;
            match t {
                Tok::End | Tok::Alt => break,
                Tok::Close if depth > 0 => break,
                _ => {}
            }
            items.push(self.expr(depth)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Cat(items),
        })
    }

    /// One atom and the repetition operators after it.
    fn expr(&mut self, depth: usize) -> Result<Node, Error> {
        let (t, n) = self.peek()?;
        self.i += n;
        self.caret_ok = false;
        let ere = self.f.ere;
        let atom = match t {
            Tok::End | Tok::Alt => unreachable_empty(),
            // A leading repetition operator: an error in ERE, literal in BRE
            // (except `\{`).
            Tok::Star | Tok::Plus | Tok::Quest if !ere => {
                self.lit(match t {
                    Tok::Star => b'*',
                    Tok::Plus => b'+',
                    _ => b'?',
                } as u32)
            }
            Tok::Star | Tok::Plus | Tok::Quest | Tok::Brace => return Err(Error::BadRpt),
            Tok::Close => {
                // depth 0 (branch() stops at a nested one): ERE takes an
                // unmatched ')' literally, BRE's `\)` is unmatched.
                let _ = depth;
                if ere {
                    self.lit(b')' as u32)
                } else {
                    return Err(Error::EParen);
                }
            }
            // Anchors take no repetition: what follows starts a new expression.
            Tok::Look(l) => return Ok(Node::Look(l)),
            Tok::Open => {
                if depth >= MAX_GROUP_DEPTH {
                    return Err(Error::ESpace);
                }
                self.nsub += 1;
                let idx = self.nsub;
                self.caret_ok = true;
                let inner = if self.peek()?.0 == Tok::Close { Node::Empty } else { self.alt(depth + 1)? };
                let (t, n) = self.peek()?;
                if t != Tok::Close {
                    return Err(Error::EParen);
                }
                self.i += n;
                if idx < 64 {
                    self.closed |= 1 << idx;
                }
                Node::Group(Box::new(inner), idx)
            }
            Tok::Bracket => {
                let s = bracket::parse(self.p, &mut self.i, &self.f)?;
                self.set(s)
            }
            Tok::Any => Node::Any,
            Tok::Char(c) => self.lit(c),
            Tok::Backref(k) => {
                if self.closed & (1 << k) == 0 {
                    return Err(Error::ESubReg);
                }
                self.backrefs = true;
                Node::Backref(k)
            }
            Tok::Word(neg) => {
                let s = Set::word(neg, self.f.utf8);
                self.set(s)
            }
            Tok::Space(neg) => {
                let s = Set::space(neg, self.f.utf8);
                self.set(s)
            }
        };
        let mut node = atom;
        let mut stacked = 0;
        loop {
            let (t, n) = self.peek()?;
            let (min, max) = match t {
                Tok::Star => (0, None),
                Tok::Plus => (1, None),
                Tok::Quest => (0, Some(1)),
                Tok::Brace => {
                    self.i += n;
                    let (min, max) = self.bounds()?;
                    (min, max)
                }
                _ => break,
            };
            if t != Tok::Brace {
                self.i += n;
            }
            node = match node {
                // `x**`, `x+*`, `x*+`, `x+?`...: one loop (from 0 if either allows 0).
                Node::Rep(inner, m, None) if m <= 1 && min <= 1 && (max.is_none() || max == Some(1)) => {
                    Node::Rep(inner, m.min(min), None)
                }
                n => {
                    stacked += 1;
                    if stacked > MAX_STACKED_REPS {
                        return Err(Error::ESpace);
                    }
                    Node::Rep(Box::new(n), min, max)
                }
            };
            // BRE: no `*` or `\{` right after a repetition.
            if !ere && matches!(self.peek()?.0, Tok::Star | Tok::Brace) {
                return Err(Error::BadRpt);
            }
        }
        Ok(node)
    }

    /// One number of an interval: -1 none, -2 invalid; and what ended it.
    fn number(&mut self) -> (i32, Term) {
        let p = self.p;
        let mut num = -1i32;
        loop {
            let Some(&b) = p.get(self.i) else { return (-2, Term::End) };
            if self.f.ere && b == b'}' {
                self.i += 1;
                return (num, Term::Close);
            }
            if !self.f.ere && b == b'\\' && p.get(self.i + 1) == Some(&b'}') {
                self.i += 2;
                return (num, Term::Close);
            }
            if b == b',' {
                self.i += 1;
                return (num, Term::Comma);
            }
            // Any other token (an escape is two bytes) spoils the number.
            self.i += if b == b'\\' && self.i + 1 < p.len() { 2 } else { 1 };
            num = if !b.is_ascii_digit() || num == -2 {
                -2
            } else if num == -1 {
                (b - b'0') as i32
            } else {
                (num * 10 + (b - b'0') as i32).min(DUP_MAX + 1)
            };
        }
    }

    /// `{m}`, `{m,}`, `{m,n}`, `{,n}` after the opening brace.
    fn bounds(&mut self) -> Result<(u32, Option<u32>), Error> {
        let (mut start, t1) = self.number();
        let mut last = t1;
        if start == -1 {
            if t1 == Term::Comma {
                start = 0;
            } else {
                return Err(Error::BadBr);
            }
        }
        let mut end = -2;
        if start != -2 {
            end = match t1 {
                Term::Close => start,
                Term::Comma => {
                    let (e, t2) = self.number();
                    last = t2;
                    e
                }
                Term::End => -2,
            };
        }
        if start == -2 || end == -2 {
            return Err(if last == Term::End { Error::EBrace } else { Error::BadBr });
        }
        if (end != -1 && start > end) || last != Term::Close {
            return Err(Error::BadBr);
        }
        if start.max(end) > DUP_MAX {
            return Err(Error::ESize);
        }
        Ok((start as u32, if end == -1 { None } else { Some(end as u32) }))
    }
}

/// branch() never hands expr() the end or a `|`.
fn unreachable_empty() -> Node {
    Node::Empty
}
