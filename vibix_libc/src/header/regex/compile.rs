//! Syntax tree → NFA program. Alternatives and repetitions become `Split`s
//! whose first branch is the preferred (greedy) one; `{m,n}` is unrolled.
//! Each unbounded loop has a register pair so an iteration after the first
//! may not match the empty string (glibc's rule: `(a|)*` on "aa" reports the
//! last non-empty iteration, `(a*)*` on "b" the one empty iteration).
use alloc::vec::Vec;

use super::bracket::Set;
use super::parse::{self, Look, Node};
use super::Error;

#[derive(Clone, Copy)]
pub struct Flags {
    pub ere: bool,
    pub icase: bool,
    pub newline: bool,
    pub nosub: bool,
    /// The characters are UTF-8 (C.UTF-8 at regcomp time).
    pub utf8: bool,
}

#[derive(Clone, Copy, Debug)]
pub enum Inst {
    /// One character (folded under REG_ICASE).
    Char(u32),
    /// `.`: anything but NUL (and newline under REG_NEWLINE).
    Any,
    Set(u32),
    /// Try the first target, then the second.
    Split(u32, u32),
    Jmp(u32),
    /// Record the position in capture slot n (2g: start of group g, 2g+1 end).
    Save(u32),
    Look(Look),
    Backref(u32),
    /// Loop n starts: no iteration yet (`first`: the first may be empty).
    LoopInit(u32, bool),
    /// An iteration of loop n starts here.
    LoopStart(u32),
    /// An iteration of loop n ends: fails if it was empty and not allowed to be.
    LoopEnd(u32),
    Match,
}

pub struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<Set>,
    pub nsub: usize,
    pub nloops: usize,
    pub backrefs: bool,
    pub flags: Flags,
    /// The bytes a match can start with (None: any, or the empty string).
    pub first: Option<[u64; 4]>,
}

/// More than this many instructions is REG_ESPACE (large nested intervals).
const MAX_INSTS: usize = 1 << 20;

struct Compiler {
    insts: Vec<Inst>,
    nloops: u32,
}

pub fn compile(pat: &[u8], flags: Flags) -> Result<Program, Error> {
    let parsed = parse::parse(pat, flags)?;
    let mut c = Compiler { insts: Vec::new(), nloops: 0 };
    c.node(&parsed.root)?;
    c.push(Inst::Match)?;
    let first = first_bytes(&c.insts, &parsed.sets, flags);
    Ok(Program {
        insts: c.insts,
        sets: parsed.sets,
        nsub: parsed.nsub,
        nloops: c.nloops as usize,
        backrefs: parsed.backrefs,
        flags,
        first,
    })
}

/// The bytes that can begin a match: the consuming instructions reachable
/// from the start without input. Under UTF-8 a non-ASCII character counts
/// as its lead bytes (always character boundaries), so a search may skip to
/// them. None if a match can be empty or start with anything.
fn first_bytes(insts: &[Inst], sets: &[Set], f: Flags) -> Option<[u64; 4]> {
    let mut bits = [0u64; 4];
    let mut add = |b: u32| bits[(b / 64) as usize] |= 1 << (b % 64);
    let mut seen = alloc::vec![false; insts.len()];
    let mut stack = alloc::vec![0u32];
    let fold = |b: u32| if f.icase { super::chars::fold(b, f.utf8) } else { b };
    while let Some(pc) = stack.pop() {
        if core::mem::replace(&mut seen[pc as usize], true) {
            continue;
        }
        match insts[pc as usize] {
            Inst::Match | Inst::Backref(_) | Inst::Any => return None,
            Inst::Jmp(t) => stack.push(t),
            Inst::Split(a, b) => stack.extend([a, b]),
            Inst::Save(_) | Inst::Look(_) | Inst::LoopInit(..) | Inst::LoopStart(_) | Inst::LoopEnd(_) => {
                stack.push(pc + 1)
            }
            Inst::Char(c) => {
                if c < 0x80 || (!f.utf8 && c < 0x100) {
                    add(c);
                    if f.icase && c < 0x80 {
                        add((c as u8).to_ascii_lowercase() as u32);
                        add((c as u8).to_ascii_uppercase() as u32);
                    }
                } else if f.utf8 && !f.icase && c < super::chars::INVALID {
                    let mut buf = [0u8; 4];
                    let Some(ch) = char::from_u32(c) else { return None };
                    add(ch.encode_utf8(&mut buf).as_bytes()[0] as u32);
                } else {
                    return None;
                }
            }
            Inst::Set(k) => {
                let set = &sets[k as usize];
                let top = if f.utf8 { 0x80 } else { 0x100 };
                for b in 0..top {
                    if set.has(fold(b)) {
                        add(b);
                    }
                }
                if f.utf8 {
                    (0xc2..=0xf4).for_each(&mut add);
                }
            }
        }
    }
    Some(bits)
}

impl Compiler {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn push(&mut self, i: Inst) -> Result<u32, Error> {
        if self.insts.len() >= MAX_INSTS {
            return Err(Error::ESpace);
        }
        self.insts.push(i);
        Ok(self.pc() - 1)
    }

    fn patch(&mut self, at: u32, i: Inst) {
        self.insts[at as usize] = i;
    }

    fn node(&mut self, n: &Node) -> Result<(), Error> {
        match n {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c))?;
            }
            Node::Any => {
                self.push(Inst::Any)?;
            }
            Node::Set(s) => {
                self.push(Inst::Set(*s as u32))?;
            }
            Node::Look(l) => {
                self.push(Inst::Look(*l))?;
            }
            Node::Backref(g) => {
                self.push(Inst::Backref(*g as u32))?;
            }
            Node::Group(inner, g) => {
                self.push(Inst::Save(2 * *g as u32))?;
                self.node(inner)?;
                self.push(Inst::Save(2 * *g as u32 + 1))?;
            }
            Node::Cat(items) => {
                for it in items {
                    self.node(it)?;
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (k, b) in branches.iter().enumerate() {
                    if k + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(b)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.pc();
                        self.patch(split, Inst::Split(split + 1, next));
                    } else {
                        self.node(b)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
            }
            Node::Rep(inner, min, max) => self.rep(inner, *min, *max)?,
        }
        Ok(())
    }

    fn rep(&mut self, inner: &Node, min: u32, max: Option<u32>) -> Result<(), Error> {
        for _ in 0..min {
            self.node(inner)?;
        }
        match max {
            None => {
                let k = self.nloops;
                self.nloops += 1;
                self.push(Inst::LoopInit(k, min == 0))?;
                let top = self.push(Inst::Split(0, 0))?;
                self.push(Inst::LoopStart(k))?;
                self.node(inner)?;
                self.push(Inst::LoopEnd(k))?;
                self.push(Inst::Jmp(top))?;
                let exit = self.pc();
                self.patch(top, Inst::Split(top + 1, exit));
            }
            Some(max) => {
                // Optional copies: x{2,4} = x x (x (x)?)?
                let mut splits = Vec::new();
                for _ in min..max {
                    splits.push(self.push(Inst::Split(0, 0))?);
                    self.node(inner)?;
                }
                let exit = self.pc();
                for s in splits {
                    self.patch(s, Inst::Split(s + 1, exit));
                }
            }
        }
        Ok(())
    }
}
