//! Running a [`Program`] over a subject.
//!
//! 1. [`extent`]: a Pike VM (thread list, one step per character) finds the
//!    leftmost-longest match in O(program × subject), no captures.
//! 2. [`Backtrack`] pinned to that extent finds the greedy-first path that
//!    ends exactly there, which gives the subexpression offsets glibc reports.
//!    It runs under a step budget; past it a visited (instruction, position)
//!    table bounds the work by program × span.
//! 3. Back-references defeat the VM: then the backtracker alone looks for the
//!    longest match at each start, within a step budget (REG_ESPACE past it).
use alloc::vec;
use alloc::vec::Vec;

use super::chars::{decode_at, decode_before, fold, is_word, INVALID};
use super::compile::{Inst, Program};
use super::parse::Look;
use super::Error;

#[derive(Clone, Copy)]
pub struct Opts {
    pub notbol: bool,
    pub noteol: bool,
}

/// Captures: index 0 the whole match, g group g; None if it did not take part.
pub type Caps = Vec<Option<(usize, usize)>>;

const NONE: usize = usize::MAX;
/// Loop states (second register of a loop): no iteration yet and the first
/// may be empty; the last iteration consumed input; the last one was empty.
const LOOP_FRESH: usize = 0;
const LOOP_FULL: usize = 1;
const LOOP_EMPTY: usize = 2;
/// Steps of the back-reference search per regexec.
const BACKREF_BUDGET: u64 = 20_000_000;

struct Input<'a> {
    s: &'a [u8],
    prog: &'a Program,
    opts: Opts,
}

impl Input<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.s.len()
    }

    /// Step over one character for a consuming instruction: the new position.
    #[inline]
    fn consume(&self, inst: Inst, pos: usize) -> Option<usize> {
        if pos >= self.s.len() {
            return None;
        }
        let f = &self.prog.flags;
        let (c, n) = decode_at(self.s, pos, f.utf8);
        let ok = match inst {
            Inst::Char(want) => (if f.icase { fold(c, f.utf8) } else { c }) == want,
            Inst::Any => c != 0 && c < INVALID && !(f.newline && c == b'\n' as u32),
            Inst::Set(k) => self.prog.sets[k as usize].has(if f.icase { fold(c, f.utf8) } else { c }),
            _ => false,
        };
        ok.then_some(pos + n)
    }

    fn look(&self, l: Look, i: usize) -> bool {
        let s = self.s;
        let nl = self.prog.flags.newline;
        match l {
            Look::Bol => (i == 0 && !self.opts.notbol) || (nl && i > 0 && s[i - 1] == b'\n'),
            Look::Eol => (i == s.len() && !self.opts.noteol) || (nl && i < s.len() && s[i] == b'\n'),
            Look::BufStart => i == 0,
            Look::BufEnd => i == s.len(),
            _ => {
                let utf8 = self.prog.flags.utf8;
                let a = i > 0 && is_word(decode_before(s, i, utf8), utf8);
                let b = i < s.len() && is_word(decode_at(s, i, utf8).0, utf8);
                match l {
                    Look::WordB => a != b,
                    Look::NotWordB => a == b,
                    Look::WordStart => !a && b,
                    _ => a && !b,
                }
            }
        }
    }
}

/// A sparse set of instructions with the start position of their thread.
struct Threads {
    sparse: Vec<u32>,
    dense: Vec<(u32, usize)>,
}

impl Threads {
    fn new(n: usize) -> Threads {
        Threads { sparse: vec![0; n], dense: Vec::with_capacity(n) }
    }

    #[inline]
    fn contains(&self, pc: u32) -> bool {
        let k = self.sparse[pc as usize] as usize;
        k < self.dense.len() && self.dense[k].0 == pc
    }

    #[inline]
    fn insert(&mut self, pc: u32, start: usize) {
        self.sparse[pc as usize] = self.dense.len() as u32;
        self.dense.push((pc, start));
    }
}

/// Adds `pc` and everything reachable from it without consuming input.
fn add_thread(inp: &Input, list: &mut Threads, stack: &mut Vec<u32>, pc: u32, start: usize, pos: usize) {
    stack.push(pc);
    while let Some(pc) = stack.pop() {
        if list.contains(pc) {
            continue;
        }
        list.insert(pc, start);
        match inp.prog.insts[pc as usize] {
            Inst::Jmp(t) => stack.push(t),
            Inst::Split(a, b) => {
                stack.push(b);
                stack.push(a);
            }
            Inst::Save(_) | Inst::LoopInit(..) | Inst::LoopStart(_) | Inst::LoopEnd(_) => stack.push(pc + 1),
            Inst::Look(l) => {
                if inp.look(l, pos) {
                    stack.push(pc + 1)
                }
            }
            _ => {}
        }
    }
}

/// The first position at or after `pos` where a match can start (None: none can).
#[inline]
fn next_start(inp: &Input, pos: usize) -> Option<usize> {
    let Some(first) = &inp.prog.first else { return Some(pos) };
    inp.s[pos..].iter().position(|&b| first[(b / 64) as usize] & (1 << (b % 64)) != 0).map(|k| pos + k)
}

/// The leftmost-longest match starting at or after `from` (no back-references).
fn extent(inp: &Input, from: usize) -> Option<(usize, usize)> {
    let n = inp.prog.insts.len();
    let (mut clist, mut nlist) = (Threads::new(n), Threads::new(n));
    let mut stack = Vec::new();
    let mut best: Option<(usize, usize)> = None;
    let mut pos = from;
    loop {
        // A new thread for a match starting here, behind the older ones
        // (an earlier start always wins, so a state keeps its oldest thread).
        if best.is_none() {
            if clist.dense.is_empty() {
                // Nothing in flight: skip to where a match can begin.
                pos = next_start(inp, pos)?;
            }
            add_thread(inp, &mut clist, &mut stack, 0, pos, pos);
        }
        if clist.dense.is_empty() && best.is_some() {
            break;
        }
        let step = if pos < inp.len() { decode_at(inp.s, pos, inp.prog.flags.utf8).1 } else { 0 };
        nlist.dense.clear();
        for k in 0..clist.dense.len() {
            let (pc, start) = clist.dense[k];
            if best.is_some_and(|(bs, _)| start > bs) {
                continue;
            }
            match inp.prog.insts[pc as usize] {
                Inst::Match => {
                    if best.is_none_or(|(bs, be)| start < bs || (start == bs && pos > be)) {
                        best = Some((start, pos));
                    }
                }
                i @ (Inst::Char(_) | Inst::Any | Inst::Set(_)) => {
                    if inp.consume(i, pos).is_some() {
                        add_thread(inp, &mut nlist, &mut stack, pc + 1, start, pos + step);
                    }
                }
                _ => {}
            }
        }
        if pos >= inp.len() {
            break;
        }
        core::mem::swap(&mut clist, &mut nlist);
        pos += step;
    }
    best
}

enum Job {
    Try(u32, usize),
    Restore(u32, usize),
}

enum Target {
    /// The path must end at this position.
    Exact(usize),
    /// The longest end (back-references).
    Longest,
}

enum Outcome {
    Found,
    NotFound,
    OverBudget,
}

/// Depth-first search over the program in priority order.
struct Backtrack<'a> {
    inp: &'a Input<'a>,
    /// Capture slots, then two registers per loop (iteration start, state).
    regs: Vec<usize>,
    loops_at: usize,
    stack: Vec<Job>,
    steps: u64,
    budget: u64,
    /// Visited (instruction, position - base) bits, when exhaustive search is too slow.
    memo: Option<(Vec<u64>, usize, usize)>,
    ignore_loops: bool,
    best: Option<(usize, Vec<usize>)>,
}

impl<'a> Backtrack<'a> {
    fn new(inp: &'a Input<'a>, budget: u64) -> Backtrack<'a> {
        let p = inp.prog;
        let loops_at = 2 * (p.nsub + 1);
        Backtrack {
            inp,
            regs: vec![NONE; loops_at + 2 * p.nloops],
            loops_at,
            stack: Vec::new(),
            steps: 0,
            budget,
            memo: None,
            ignore_loops: false,
            best: None,
        }
    }

    fn set(&mut self, slot: usize, v: usize) {
        self.stack.push(Job::Restore(slot as u32, self.regs[slot]));
        self.regs[slot] = v;
    }

    fn backref(&self, g: usize, pos: usize) -> Option<usize> {
        let (so, eo) = (self.regs[2 * g], self.regs[2 * g + 1]);
        if so == NONE || eo == NONE || eo < so {
            return None;
        }
        let s = self.inp.s;
        let f = &self.inp.prog.flags;
        if !f.icase {
            let len = eo - so;
            return (s.len() - pos >= len && s[so..eo] == s[pos..pos + len]).then_some(pos + len);
        }
        let (mut i, mut j) = (so, pos);
        while i < eo {
            if j >= s.len() {
                return None;
            }
            let (a, n) = decode_at(s, i, f.utf8);
            let (b, m) = decode_at(s, j, f.utf8);
            if fold(a, f.utf8) != fold(b, f.utf8) {
                return None;
            }
            i += n;
            j += m;
        }
        Some(j)
    }

    fn run(&mut self, start: usize, target: &Target) -> Outcome {
        let insts = &self.inp.prog.insts;
        self.stack.clear();
        self.stack.push(Job::Try(0, start));
        while let Some(job) = self.stack.pop() {
            let (mut pc, mut pos) = match job {
                Job::Restore(slot, v) => {
                    self.regs[slot as usize] = v;
                    continue;
                }
                Job::Try(pc, pos) => (pc, pos),
            };
            loop {
                if let Target::Exact(e) = *target {
                    if pos > e {
                        break;
                    }
                }
                if let Some((bits, base, width)) = &mut self.memo {
                    let key = pc as usize * *width + (pos - *base);
                    if bits[key / 64] & (1 << (key % 64)) != 0 {
                        break;
                    }
                    bits[key / 64] |= 1 << (key % 64);
                }
                self.steps += 1;
                if self.steps > self.budget {
                    return Outcome::OverBudget;
                }
                match insts[pc as usize] {
                    i @ (Inst::Char(_) | Inst::Any | Inst::Set(_)) => match self.inp.consume(i, pos) {
                        Some(p) => {
                            pos = p;
                            pc += 1;
                        }
                        None => break,
                    },
                    Inst::Split(a, b) => {
                        self.stack.push(Job::Try(b, pos));
                        pc = a;
                    }
                    Inst::Jmp(t) => pc = t,
                    Inst::Save(slot) => {
                        self.set(slot as usize, pos);
                        pc += 1;
                    }
                    Inst::Look(l) => {
                        if !self.inp.look(l, pos) {
                            break;
                        }
                        pc += 1;
                    }
                    Inst::Backref(g) => match self.backref(g as usize, pos) {
                        Some(p) => {
                            pos = p;
                            pc += 1;
                        }
                        None => break,
                    },
                    Inst::LoopInit(k, first_ok) => {
                        let r = self.loops_at + 2 * k as usize;
                        self.set(r + 1, if first_ok { LOOP_FRESH } else { LOOP_FULL });
                        pc += 1;
                    }
                    Inst::LoopStart(k) => {
                        self.set(self.loops_at + 2 * k as usize, pos);
                        pc += 1;
                    }
                    Inst::LoopEnd(k) => {
                        let r = self.loops_at + 2 * k as usize;
                        let empty = self.regs[r] == pos;
                        let state = self.regs[r + 1];
                        // Without back-references an empty iteration after the
                        // first changes nothing but the captures, and glibc does
                        // not report it. With them it can change what a later
                        // `\n` matches, so one empty iteration in a row is allowed.
                        let refuse = if self.inp.prog.backrefs { state == LOOP_EMPTY } else { state != LOOP_FRESH };
                        if empty && refuse && !self.ignore_loops {
                            break;
                        }
                        let next = if empty { LOOP_EMPTY } else { LOOP_FULL };
                        if next != state {
                            self.set(r + 1, next);
                        }
                        pc += 1;
                        // With the visited table, going round to the loop's top at
                        // the same position would just fail: leave the loop instead
                        // (LoopEnd is followed by Jmp(top), top is Split(body, exit)).
                        if empty && self.memo.is_some() {
                            if let Inst::Jmp(top) = insts[pc as usize] {
                                if let Inst::Split(_, exit) = insts[top as usize] {
                                    pc = exit;
                                }
                            }
                        }
                    }
                    Inst::Match => {
                        match *target {
                            Target::Exact(e) => {
                                if pos == e {
                                    return Outcome::Found;
                                }
                            }
                            Target::Longest => {
                                if self.best.as_ref().is_none_or(|(be, _)| pos > *be) {
                                    self.best = Some((pos, self.regs.clone()));
                                    if pos == self.inp.len() {
                                        return Outcome::Found;
                                    }
                                }
                            }
                        }
                        break;
                    }
                }
            }
        }
        if self.best.is_some() { Outcome::Found } else { Outcome::NotFound }
    }

    fn reset(&mut self) {
        self.regs.iter_mut().for_each(|r| *r = NONE);
        self.steps = 0;
    }
}

fn caps_from(regs: &[usize], whole: (usize, usize), want: usize) -> Caps {
    let mut caps = vec![None; want];
    if want > 0 {
        caps[0] = Some(whole);
    }
    for (g, c) in caps.iter_mut().enumerate().skip(1) {
        let (so, eo) = (regs[2 * g], regs[2 * g + 1]);
        if so != NONE && eo != NONE {
            *c = Some((so, eo));
        }
    }
    caps
}

/// The subexpression offsets of the known match `(s, e)`.
fn submatches(inp: &Input, s: usize, e: usize, want: usize) -> Result<Caps, Error> {
    let span = e - s + 1;
    let n = inp.prog.insts.len();
    let mut bt = Backtrack::new(inp, (64 * n * span).clamp(100_000, 4_000_000) as u64);
    if let Outcome::Found = bt.run(s, &Target::Exact(e)) {
        return Ok(caps_from(&bt.regs, (s, e), want));
    }
    // Too slow or lost to the empty-iteration rule under memoisation: the
    // visited table bounds the work; without the loop rule a path always exists.
    let words = (n * span).div_ceil(64);
    if words > (64 << 20) / 8 {
        return Err(Error::ESpace);
    }
    for ignore_loops in [false, true] {
        bt.reset();
        bt.budget = u64::MAX;
        bt.memo = Some((vec![0u64; words], s, span));
        bt.ignore_loops = ignore_loops;
        if let Outcome::Found = bt.run(s, &Target::Exact(e)) {
            return Ok(caps_from(&bt.regs, (s, e), want));
        }
    }
    // Unreachable while the VM and the backtracker agree; report the extent.
    Ok(caps_from(&vec![NONE; 2 * want], (s, e), want))
}

/// Back-references: the longest match at the first start that has one.
fn search_backrefs(inp: &Input, from: usize, want: usize) -> Result<Option<Caps>, Error> {
    let mut bt = Backtrack::new(inp, BACKREF_BUDGET);
    let mut start = from;
    loop {
        let Some(s) = next_start(inp, start) else { return Ok(None) };
        start = s;
        bt.regs.iter_mut().for_each(|r| *r = NONE);
        bt.best = None;
        match bt.run(start, &Target::Longest) {
            Outcome::OverBudget => return Err(Error::ESpace),
            Outcome::Found => {
                let Some((end, regs)) = bt.best.take() else { return Ok(None) };
                return Ok(Some(caps_from(&regs, (start, end), want)));
            }
            Outcome::NotFound => {}
        }
        if start >= inp.len() {
            return Ok(None);
        }
        start += decode_at(inp.s, start, inp.prog.flags.utf8).1;
    }
}

/// The first leftmost-longest match in `s` at or after `from`, with `want`
/// capture entries.
pub fn search(prog: &Program, s: &[u8], from: usize, opts: Opts, want: usize) -> Result<Option<Caps>, Error> {
    let inp = Input { s, prog, opts };
    if from > s.len() {
        return Ok(None);
    }
    if prog.backrefs {
        return search_backrefs(&inp, from, want);
    }
    let Some((ms, me)) = extent(&inp, from) else { return Ok(None) };
    if want <= 1 || prog.nsub == 0 {
        return Ok(Some(caps_from(&[], (ms, me), want.min(1))));
    }
    submatches(&inp, ms, me, want).map(Some)
}
