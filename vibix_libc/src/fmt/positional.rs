//! `%n$` / `*m$` positional arguments (POSIX). A `va_list` can only be read
//! in order, so the format is walked once to learn each argument's type,
//! every argument is read into a table, and formatting then picks from it.
//! Unnumbered conversions in such a format take the argument after the last
//! one used (glibc's behaviour; POSIX leaves mixing undefined); arguments no
//! conversion names are read as integers.
use alloc::vec::Vec;

use super::printf::{Args, Len};
use super::spec::{parse, ArgKind, Conv, Num, ARG_MAX};

#[derive(Clone, Copy)]
enum Val {
    I(u64),
    D(f64),
    L([u8; 10]),
}

/// Calls `each` for every conversion of `f` (`%%` included).
pub fn for_each_conv(f: &[u8], mut each: impl FnMut(&Conv)) {
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            i += 1;
            continue;
        }
        match parse(f, i) {
            Some(c) => {
                i = c.end;
                each(&c);
            }
            None => return,
        }
    }
}

/// True if any conversion of `f` is numbered.
pub fn uses_positional(f: &[u8]) -> bool {
    // `n$` and `*m$` need a `$`: most formats have none and skip the parse.
    if !f.contains(&b'$') {
        return false;
    }
    let mut any = false;
    for_each_conv(f, |c| any |= c.arg.is_some() || matches!(c.width, Num::Star(Some(_))) || matches!(c.prec, Num::Star(Some(_))));
    any
}

/// The arguments of a positional format, read in order.
pub struct Table<'a, A: Args> {
    inner: &'a mut A,
    vals: Vec<Val>,
    next: usize,
}

impl<'a, A: Args> Table<'a, A> {
    /// Reads every argument `f` refers to; None if a number exceeds `ARG_MAX`
    /// (or memory runs out).
    pub fn read(f: &[u8], inner: &'a mut A) -> Option<Self> {
        let mut kinds: Vec<Option<ArgKind>> = Vec::new();
        let mut next = 0usize;
        let mut bad = false;
        let mut note = |kinds: &mut Vec<Option<ArgKind>>, idx: usize, k: ArgKind| {
            if idx >= ARG_MAX {
                bad = true;
                return;
            }
            if idx >= kinds.len() {
                if kinds.try_reserve(idx + 1 - kinds.len()).is_err() {
                    bad = true;
                    return;
                }
                kinds.resize(idx + 1, None);
            }
            kinds[idx] = Some(k);
        };
        for_each_conv(f, |c| {
            for n in [c.width, c.prec] {
                if let Num::Star(m) = n {
                    let idx = m.map_or(next, |m| m - 1);
                    note(&mut kinds, idx, ArgKind::Int);
                    next = idx + 1;
                }
            }
            if let Some(k) = c.kind() {
                let idx = c.arg.map_or(next, |n| n - 1);
                note(&mut kinds, idx, k);
                next = idx + 1;
            }
        });
        if bad {
            return None;
        }
        let mut vals = Vec::new();
        vals.try_reserve(kinds.len()).ok()?;
        for k in kinds {
            vals.push(match k {
                Some(ArgKind::Double) => Val::D(inner.double()),
                Some(ArgKind::LongDouble) => Val::L(inner.long_double()),
                _ => Val::I(inner.int()),
            });
        }
        Some(Table { inner, vals, next: 0 })
    }

    fn take(&mut self) -> Option<Val> {
        let v = self.vals.get(self.next).copied();
        self.next += 1;
        v
    }
}

impl<A: Args> Args for Table<'_, A> {
    fn seek(&mut self, arg: usize) {
        self.next = arg - 1;
    }
    fn int(&mut self) -> u64 {
        match self.take() {
            Some(Val::I(v)) => v,
            Some(Val::D(d)) => d.to_bits(),
            Some(Val::L(_)) | None => 0,
        }
    }
    fn double(&mut self) -> f64 {
        match self.take() {
            Some(Val::D(d)) => d,
            _ => 0.0,
        }
    }
    fn long_double(&mut self) -> [u8; 10] {
        match self.take() {
            Some(Val::L(x)) => x,
            _ => [0; 10],
        }
    }
    fn cstr_at(&self, p: u64, max: usize) -> Option<&[u8]> {
        self.inner.cstr_at(p, max)
    }
    fn store_at(&mut self, p: u64, count: usize, len: Len) {
        self.inner.store_at(p, count, len)
    }
    fn errno_msg(&self) -> &'static [u8] {
        self.inner.errno_msg()
    }
    fn utf8(&self) -> bool {
        self.inner.utf8()
    }
}
