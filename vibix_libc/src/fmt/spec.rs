//! Parsing one printf conversion specification:
//! `%[n$][flags][width|*|*m$][.prec|.*|.*m$][length]conv`.

/// Integer-size of a conversion (`hh`, `h`, none, `l`, `ll`, `j`, `z`, `t`, `L`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Len {
    Hh,
    H,
    Int,
    Long,
    LongLong,
    Size,
    Max,
    Ptrdiff,
    LongDouble,
}

/// Flags, width and precision once resolved.
#[derive(Clone, Copy, Default)]
pub struct Spec {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub prec: Option<usize>,
}

/// A width or precision as written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Num {
    Absent,
    Fixed(usize),
    /// `*` (None: the next argument) or `*m$` (argument m, 1-based).
    Star(Option<usize>),
}

/// One parsed conversion; `end` is the index just past it.
pub struct Conv {
    /// `n$`: the 1-based argument number of the converted value.
    pub arg: Option<usize>,
    pub spec: Spec,
    pub width: Num,
    pub prec: Num,
    pub len: Len,
    pub conv: u8,
    pub end: usize,
}

/// The highest argument number accepted in `n$`/`*m$` (glibc's NL_ARGMAX).
pub const ARG_MAX: usize = 4096;

fn read_num(f: &[u8], i: &mut usize) -> usize {
    let mut n: usize = 0;
    while *i < f.len() && f[*i].is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add((f[*i] - b'0') as usize);
        *i += 1;
    }
    n
}

/// `digits$` at `*i` (consumed only if the `$` is there).
fn arg_number(f: &[u8], i: &mut usize) -> Option<usize> {
    let mut j = *i;
    if j < f.len() && f[j].is_ascii_digit() && f[j] != b'0' {
        let n = read_num(f, &mut j);
        if j < f.len() && f[j] == b'$' {
            *i = j + 1;
            return Some(n);
        }
    }
    None
}

fn star(f: &[u8], i: &mut usize) -> Option<Num> {
    if *i < f.len() && f[*i] == b'*' {
        *i += 1;
        return Some(Num::Star(arg_number(f, i)));
    }
    None
}

/// Parses the conversion whose `%` is at `pct`; None if the string ends inside it.
pub fn parse(f: &[u8], pct: usize) -> Option<Conv> {
    let mut i = pct + 1;
    let arg = arg_number(f, &mut i);
    let mut spec = Spec::default();
    while i < f.len() {
        match f[i] {
            b'-' => spec.left = true,
            b'+' => spec.plus = true,
            b' ' => spec.space = true,
            b'#' => spec.alt = true,
            b'0' => spec.zero = true,
            b'\'' | b'I' => {}
            _ => break,
        }
        i += 1;
    }
    let width = match star(f, &mut i) {
        Some(s) => s,
        None if i < f.len() && f[i].is_ascii_digit() => Num::Fixed(read_num(f, &mut i)),
        None => Num::Absent,
    };
    let mut prec = Num::Absent;
    if i < f.len() && f[i] == b'.' {
        i += 1;
        prec = star(f, &mut i).unwrap_or_else(|| Num::Fixed(read_num(f, &mut i)));
    }
    let mut len = Len::Int;
    while i < f.len() {
        len = match (f[i], len) {
            (b'h', Len::H) => Len::Hh,
            (b'h', _) => Len::H,
            (b'l', Len::Long) => Len::LongLong,
            (b'l', _) => Len::Long,
            (b'q', _) => Len::LongLong,
            (b'L', _) => Len::LongDouble,
            (b'j', _) => Len::Max,
            (b'z', _) | (b'Z', _) => Len::Size,
            (b't', _) => Len::Ptrdiff,
            _ => break,
        };
        i += 1;
    }
    if i >= f.len() {
        return None;
    }
    Some(Conv { arg, spec, width, prec, len, conv: f[i], end: i + 1 })
}

/// What kind of argument a conversion consumes (None: `%%`, `%m`, unknown).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ArgKind {
    /// INTEGER class: integers, pointers, strings, `%n` targets.
    Int,
    Double,
    LongDouble,
}

impl Conv {
    pub fn kind(&self) -> Option<ArgKind> {
        match self.conv {
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'b' | b'B' | b'p' | b'c' | b'C' | b's' | b'S' | b'n' => {
                Some(ArgKind::Int)
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                Some(if self.len == Len::LongDouble { ArgKind::LongDouble } else { ArgKind::Double })
            }
            _ => None,
        }
    }
}
