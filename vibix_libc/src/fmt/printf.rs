//! printf format-string interpretation: flags, width, precision, length
//! modifiers and every C99 conversion (`%n$` positional arguments excepted).
use super::float::fmt_float;

/// Where formatted bytes go. Returns false to stop (the sink failed).
pub trait Sink {
    fn put(&mut self, b: &[u8]) -> bool;
}

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

/// Where arguments come from (a C `va_list`, or a test vector).
pub trait Args {
    /// Next integer/pointer argument, as 64 raw bits.
    fn int(&mut self) -> u64;
    fn double(&mut self) -> f64;
    fn long_double(&mut self) -> f64;
    /// Next argument as a C string, read at most `max` bytes; None for NULL.
    fn cstr(&mut self, max: usize) -> Option<&[u8]>;
    /// `%n`: store `count` through the next pointer argument.
    fn store_count(&mut self, count: usize, len: Len);
    /// `%m`: the message for the current errno.
    fn errno_msg(&self) -> &'static [u8];
}

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

/// Counts output and stops writing after a sink error.
pub struct Counter<'a, S: Sink> {
    pub sink: &'a mut S,
    pub count: usize,
    pub failed: bool,
}

impl<S: Sink> Counter<'_, S> {
    pub fn put(&mut self, b: &[u8]) {
        if !self.failed && !b.is_empty() && !self.sink.put(b) {
            self.failed = true;
        }
        self.count += b.len();
    }

    pub fn pad(&mut self, c: u8, n: usize) {
        let chunk = [c; 32];
        let mut left = n;
        while left > 0 {
            let k = left.min(32);
            self.put(&chunk[..k]);
            left -= k;
        }
    }

    /// Writes prefix + (zeros) + body with the spec's width and alignment.
    /// `zeros` is the count of precision zeros; `zero_pad` allows the 0 flag.
    pub fn field(&mut self, sp: &Spec, prefix: &[u8], zeros: usize, body: &[u8], zero_pad: bool) {
        let len = prefix.len() + zeros + body.len();
        let fill = sp.width.saturating_sub(len);
        if sp.left {
            self.put(prefix);
            self.pad(b'0', zeros);
            self.put(body);
            self.pad(b' ', fill);
        } else if sp.zero && zero_pad {
            self.put(prefix);
            self.pad(b'0', zeros + fill);
            self.put(body);
        } else {
            self.pad(b' ', fill);
            self.put(prefix);
            self.pad(b'0', zeros);
            self.put(body);
        }
    }
}

fn read_num(f: &[u8], i: &mut usize) -> usize {
    let mut n: usize = 0;
    while *i < f.len() && f[*i].is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add((f[*i] - b'0') as usize);
        *i += 1;
    }
    n
}

/// Formats `f` (without its NUL) with `args` into `sink`. Returns the number of
/// bytes the full output has (even past a sink failure) and whether it failed.
pub fn format<S: Sink, A: Args>(f: &[u8], args: &mut A, sink: &mut S) -> (usize, bool) {
    let mut out = Counter { sink, count: 0, failed: false };
    let mut i = 0;
    while i < f.len() {
        // Literal run.
        let start = i;
        while i < f.len() && f[i] != b'%' {
            i += 1;
        }
        out.put(&f[start..i]);
        if i >= f.len() {
            break;
        }
        let pct = i;
        i += 1; // '%'
        let mut sp = Spec::default();
        while i < f.len() {
            match f[i] {
                b'-' => sp.left = true,
                b'+' => sp.plus = true,
                b' ' => sp.space = true,
                b'#' => sp.alt = true,
                b'0' => sp.zero = true,
                b'\'' | b'I' => {}
                _ => break,
            }
            i += 1;
        }
        if i < f.len() && f[i] == b'*' {
            i += 1;
            let w = args.int() as i32;
            if w < 0 {
                sp.left = true;
                sp.width = w.unsigned_abs() as usize;
            } else {
                sp.width = w as usize;
            }
        } else {
            sp.width = read_num(f, &mut i);
        }
        if i < f.len() && f[i] == b'.' {
            i += 1;
            if i < f.len() && f[i] == b'*' {
                i += 1;
                let p = args.int() as i32;
                sp.prec = if p < 0 { None } else { Some(p as usize) };
            } else {
                sp.prec = Some(read_num(f, &mut i));
            }
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
            break;
        }
        let conv = f[i];
        i += 1;
        match conv {
            b'%' => out.put(b"%"),
            b'd' | b'i' => {
                let raw = args.int();
                let v: i64 = match len {
                    Len::Hh => raw as i8 as i64,
                    Len::H => raw as i16 as i64,
                    Len::Int => raw as i32 as i64,
                    _ => raw as i64,
                };
                let sign: &[u8] = if v < 0 { b"-" } else if sp.plus { b"+" } else if sp.space { b" " } else { b"" };
                int_field(&mut out, &sp, sign, v.unsigned_abs(), 10, false);
            }
            b'u' | b'o' | b'x' | b'X' | b'b' | b'B' => {
                let raw = args.int();
                let v: u64 = match len {
                    Len::Hh => raw as u8 as u64,
                    Len::H => raw as u16 as u64,
                    Len::Int => raw as u32 as u64,
                    _ => raw,
                };
                let (base, upper) = match conv {
                    b'o' => (8, false),
                    b'x' => (16, false),
                    b'X' => (16, true),
                    b'b' | b'B' => (2, false),
                    _ => (10, false),
                };
                let prefix: &[u8] = match conv {
                    b'x' if sp.alt && v != 0 => b"0x",
                    b'X' if sp.alt && v != 0 => b"0X",
                    b'b' if sp.alt && v != 0 => b"0b",
                    b'B' if sp.alt && v != 0 => b"0B",
                    _ => b"",
                };
                int_field(&mut out, &sp, prefix, v, base, upper);
            }
            b'p' => {
                let v = args.int();
                if v == 0 {
                    let s2 = Spec { zero: false, prec: None, ..sp };
                    out.field(&s2, b"", 0, b"(nil)", false);
                } else {
                    let sign: &[u8] = if sp.plus { b"+0x" } else if sp.space { b" 0x" } else { b"0x" };
                    int_field(&mut out, &sp, sign, v, 16, false);
                }
            }
            b'c' | b'C' => {
                let v = args.int() as u32;
                let b = if len == Len::Long || conv == b'C' {
                    if v < 0x80 { v as u8 } else { b'?' }
                } else {
                    v as u8
                };
                out.field(&Spec { zero: false, ..sp }, b"", 0, &[b], false);
            }
            b's' | b'S' => {
                let max = sp.prec.unwrap_or(usize::MAX);
                if len == Len::Long || conv == b'S' {
                    wide_str(&mut out, &sp, args, max);
                } else {
                    match args.cstr(max) {
                        Some(s) => out.field(&Spec { zero: false, ..sp }, b"", 0, s, false),
                        None => {
                            let s: &[u8] = if sp.prec.is_some_and(|p| p < 6) { b"" } else { b"(null)" };
                            out.field(&Spec { zero: false, ..sp }, b"", 0, s, false);
                        }
                    }
                }
            }
            b'm' => {
                let m = args.errno_msg();
                out.field(&Spec { zero: false, ..sp }, b"", 0, m, false);
            }
            b'n' => args.store_count(out.count, len),
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                let x = if len == Len::LongDouble { args.long_double() } else { args.double() };
                fmt_float(&mut out, &sp, x, conv);
            }
            _ => {
                // Unknown conversion: print it verbatim, as glibc does.
                out.put(&f[pct..i]);
            }
        }
    }
    (out.count, out.failed)
}

/// Formats an unsigned magnitude with sign/prefix, precision and width.
pub fn int_field<S: Sink>(out: &mut Counter<S>, sp: &Spec, prefix: &[u8], v: u64, base: u64, upper: bool) {
    let mut buf = [0u8; 66];
    let mut n = 0;
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut x = v;
    while x != 0 {
        buf[65 - n] = digits[(x % base) as usize];
        x /= base;
        n += 1;
    }
    let body = &buf[66 - n..];
    let mut zeros = 0;
    match sp.prec {
        Some(p) => zeros = p.saturating_sub(n),
        None => {
            if n == 0 {
                zeros = 1;
            }
        }
    }
    // `%#o` forces a leading zero.
    if base == 8 && sp.alt && zeros == 0 && (n == 0 || body[0] != b'0') {
        zeros = 1;
    }
    out.field(sp, prefix, zeros, body, sp.prec.is_none());
}

fn wide_str<S: Sink, A: Args>(out: &mut Counter<S>, sp: &Spec, args: &mut A, max: usize) {
    // A wchar_t string in the C locale: ASCII passes, anything else becomes '?'.
    let p = args.int() as usize as *const i32;
    if p.is_null() {
        out.field(&Spec { zero: false, ..*sp }, b"", 0, b"(null)", false);
        return;
    }
    let mut n = 0;
    // SAFETY: p is a NUL-terminated wide string (caller contract).
    while n < max && unsafe { *p.add(n) } != 0 {
        n += 1;
    }
    let fill = sp.width.saturating_sub(n);
    if !sp.left {
        out.pad(b' ', fill);
    }
    for k in 0..n {
        // SAFETY: k < n, within the string.
        let c = unsafe { *p.add(k) };
        out.put(&[if (0..0x80).contains(&c) { c as u8 } else { b'?' }]);
    }
    if sp.left {
        out.pad(b' ', fill);
    }
}
