//! printf format-string interpretation: flags, width, precision, length
//! modifiers, every C99 conversion and POSIX `%n$` positional arguments.
//!
//! Wide mode (the wprintf family) runs the same engine over the wide format
//! encoded as UTF-8 (`mb::put_utf8`, any 31-bit value): widths, precisions
//! and the count then measure characters, not bytes, and the sink decodes
//! the output back into wide characters.
use super::float::fmt_float;
use super::float80::fmt_long_double;
use super::mb;
use super::positional::{uses_positional, Table};
pub use super::spec::{Len, Spec};
use super::spec::{parse, Num};

/// Where formatted bytes go. Returns false to stop (the sink failed).
pub trait Sink {
    fn put(&mut self, b: &[u8]) -> bool;
}

/// `EILSEQ`: a wide character the locale cannot encode (or a bad multibyte string).
pub const EILSEQ: i32 = 84;
/// `EINVAL`: a positional argument number above `spec::ARG_MAX`.
pub const EINVAL: i32 = 22;
/// `ENOMEM`.
pub const ENOMEM: i32 = 12;

/// Where arguments come from (a C `va_list`, or a test vector).
pub trait Args {
    /// Next integer/pointer argument, as 64 raw bits.
    fn int(&mut self) -> u64;
    fn double(&mut self) -> f64;
    /// Next `long double`: the x87 80-bit value's 10 bytes.
    fn long_double(&mut self) -> [u8; 10];
    /// The C string at address `p`, at most `max` bytes; None for NULL.
    fn cstr_at(&self, p: u64, max: usize) -> Option<&[u8]>;
    /// `%n`: store `count` through pointer `p`.
    fn store_at(&mut self, p: u64, count: usize, len: Len);
    /// `%m`: the message for the current errno.
    fn errno_msg(&self) -> &'static [u8];
    /// Whether the current locale's multibyte encoding is UTF-8 (else one byte per character).
    fn utf8(&self) -> bool {
        false
    }
    /// Records why formatting failed (the caller's errno).
    fn set_error(&mut self, _errno: i32) {}
    /// Positional sources only: the next read is 1-based argument `arg`.
    fn seek(&mut self, _arg: usize) {}
    /// Next argument as a C string.
    fn cstr(&mut self, max: usize) -> Option<&[u8]> {
        let p = self.int();
        self.cstr_at(p, max)
    }
    /// `%n` through the next pointer argument.
    fn store_count(&mut self, count: usize, len: Len) {
        let p = self.int();
        self.store_at(p, count, len)
    }
}

/// Counts output and stops writing after a sink error.
pub struct Counter<'a, S: Sink> {
    pub sink: &'a mut S,
    pub count: usize,
    pub failed: bool,
    /// Wide mode: count UTF-8 characters instead of bytes.
    pub chars: bool,
}

impl<S: Sink> Counter<'_, S> {
    /// Length of `b` in output units (bytes, or characters in wide mode).
    pub fn measure(&self, b: &[u8]) -> usize {
        if self.chars { b.iter().filter(|&&c| c & 0xc0 != 0x80).count() } else { b.len() }
    }

    pub fn put(&mut self, b: &[u8]) {
        if !self.failed && !b.is_empty() && !self.sink.put(b) {
            self.failed = true;
        }
        self.count += self.measure(b);
    }

    pub fn pad(&mut self, c: u8, n: usize) {
        if n == 0 {
            return;
        }
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
        let len = prefix.len() + zeros + self.measure(body);
        let fill = sp.width.saturating_sub(len);
        if fill == 0 && zeros == 0 {
            // No padding (most conversions): the order below is the same for all three.
            self.put(prefix);
            self.put(body);
        } else if sp.left {
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

/// Formats `f` (without its NUL) with `args` into `sink`. Returns the number of
/// bytes the full output has (even past a sink failure) and whether it failed
/// (then `args.set_error` has the reason unless the sink failed).
pub fn format<S: Sink, A: Args>(f: &[u8], args: &mut A, sink: &mut S) -> (usize, bool) {
    run(f, args, sink, false)
}

/// Wide mode: `f` and the output are UTF-8 encoded wide strings; the count is in characters.
pub fn format_wide<S: Sink, A: Args>(f: &[u8], args: &mut A, sink: &mut S) -> (usize, bool) {
    run(f, args, sink, true)
}

fn run<S: Sink, A: Args>(f: &[u8], args: &mut A, sink: &mut S, wide: bool) -> (usize, bool) {
    if uses_positional(f) {
        let Some(mut table) = Table::read(f, args) else {
            args.set_error(EINVAL);
            return (0, true);
        };
        return engine(f, &mut table, sink, wide);
    }
    engine(f, args, sink, wide)
}

/// Resolves a `*` width/precision: the int argument (after a seek for `*m$`).
fn star_value<A: Args>(args: &mut A, m: Option<usize>) -> i32 {
    if let Some(m) = m {
        args.seek(m);
    }
    args.int() as i32
}

fn engine<S: Sink, A: Args>(f: &[u8], args: &mut A, sink: &mut S, wide: bool) -> (usize, bool) {
    let mut out = Counter { sink, count: 0, failed: false, chars: wide };
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
        // Fast path: `%d`, `%s`, `%lu`... without flags, width or precision.
        if let Some((len, conv, end)) = plain(f, i) {
            let pct = i;
            i = end;
            match convert(&mut out, len, conv, &Spec::default(), args, wide) {
                Done::Ok => continue,
                Done::Unknown => {
                    out.put(&f[pct..i]);
                    continue;
                }
                Done::Eilseq => {
                    args.set_error(EILSEQ);
                    out.failed = true;
                    break;
                }
            }
        }
        let Some(c) = parse(f, i) else { break };
        let pct = i;
        i = c.end;
        let mut sp = c.spec;
        match c.width {
            Num::Fixed(w) => sp.width = w,
            Num::Star(m) => {
                let w = star_value(args, m);
                sp.left |= w < 0;
                sp.width = w.unsigned_abs() as usize;
            }
            Num::Absent => {}
        }
        match c.prec {
            Num::Fixed(p) => sp.prec = Some(p),
            Num::Star(m) => {
                let p = star_value(args, m);
                sp.prec = if p < 0 { None } else { Some(p as usize) };
            }
            Num::Absent => {}
        }
        if let Some(n) = c.arg {
            if c.kind().is_some() {
                args.seek(n);
            }
        }
        match convert(&mut out, c.len, c.conv, &sp, args, wide) {
            Done::Ok => {}
            // Unknown conversion: print it verbatim, as glibc does.
            Done::Unknown => out.put(&f[pct..i]),
            Done::Eilseq => {
                args.set_error(EILSEQ);
                out.failed = true;
                break;
            }
        }
    }
    (out.count, out.failed)
}

enum Done {
    Ok,
    Unknown,
    Eilseq,
}

impl From<bool> for Done {
    fn from(ok: bool) -> Done {
        if ok { Done::Ok } else { Done::Eilseq }
    }
}

/// A conversion at `pct` with nothing between `%` and its letter but an
/// optional `l`: (length, conversion, end), found without building a `Conv`.
#[inline(always)]
fn plain(f: &[u8], pct: usize) -> Option<(Len, u8, usize)> {
    let is_conv = |c: u8| matches!(c, b'd' | b'i' | b'u' | b'x' | b'X' | b's' | b'c' | b'p');
    match *f.get(pct + 1)? {
        c if is_conv(c) => Some((Len::Int, c, pct + 2)),
        b'l' => match *f.get(pct + 2)? {
            c @ (b'd' | b'i' | b'u' | b'x' | b'X') => Some((Len::Long, c, pct + 3)),
            _ => None,
        },
        _ => None,
    }
}

/// One conversion.
fn convert<S: Sink, A: Args>(out: &mut Counter<S>, len: Len, conv: u8, sp: &Spec, args: &mut A, wide: bool) -> Done {
    let sp = *sp;
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
            int_field(out, &sp, sign, v.unsigned_abs(), 10, false);
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
            int_field(out, &sp, prefix, v, base, upper);
        }
        b'p' => {
            let v = args.int();
            if v == 0 {
                let s2 = Spec { zero: false, prec: None, ..sp };
                out.field(&s2, b"", 0, b"(nil)", false);
            } else {
                let sign: &[u8] = if sp.plus { b"+0x" } else if sp.space { b" 0x" } else { b"0x" };
                int_field(out, &sp, sign, v, 16, false);
            }
        }
        b'c' | b'C' => {
            let v = args.int() as u32;
            let mut buf = [0u8; 8];
            let n = if len == Len::Long || conv == b'C' {
                // A wint_t: encode it (internal UTF-8 in wide mode, the locale's encoding otherwise).
                match encode(v, wide, args.utf8(), &mut buf) {
                    Some(n) => n,
                    None => return Done::Eilseq,
                }
            } else if wide {
                // btowc of the byte.
                match mb::byte_to_wide(v as u8, args.utf8()) {
                    Some(w) => mb::put_utf8(w, &mut buf),
                    None => return Done::Eilseq,
                }
            } else {
                buf[0] = v as u8;
                1
            };
            out.field(&Spec { zero: false, ..sp }, b"", 0, &buf[..n], false);
        }
        b's' | b'S' => {
            let sp = Spec { zero: false, ..sp };
            if len == Len::Long || conv == b'S' {
                return wide_str(out, &sp, args, wide).into();
            }
            if wide {
                return narrow_str_wide(out, &sp, args).into();
            }
            let max = sp.prec.unwrap_or(usize::MAX);
            match args.cstr(max) {
                Some(s) => out.field(&sp, b"", 0, s, false),
                None => null_str(out, &sp),
            }
        }
        b'm' => {
            let m = args.errno_msg();
            out.field(&Spec { zero: false, ..sp }, b"", 0, m, false);
        }
        b'n' => args.store_count(out.count, len),
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
            if len == Len::LongDouble {
                fmt_long_double(out, &sp, args.long_double(), conv);
            } else {
                fmt_float(out, &sp, args.double(), conv);
            }
        }
        _ => return Done::Unknown,
    }
    Done::Ok
}

fn null_str<S: Sink>(out: &mut Counter<S>, sp: &Spec) {
    let s: &[u8] = if sp.prec.is_some_and(|p| p < 6) { b"" } else { b"(null)" };
    out.field(sp, b"", 0, s, false);
}

/// Encodes wide character `v` for output: internal UTF-8 in wide mode, else the locale's encoding.
fn encode(v: u32, wide: bool, utf8: bool, buf: &mut [u8; 8]) -> Option<usize> {
    if wide {
        Some(mb::put_utf8(v, buf))
    } else {
        mb::wide_to_mb(v, utf8, buf)
    }
}

/// Formats an unsigned magnitude with sign/prefix, precision and width.
pub fn int_field<S: Sink>(out: &mut Counter<S>, sp: &Spec, prefix: &[u8], v: u64, base: u64, upper: bool) {
    let mut buf = [0u8; 66];
    let mut n = 0;
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut x = v;
    // Constant divisors: a multiply for 10, shifts for 16 and 8.
    match base {
        10 => {
            while x != 0 {
                buf[65 - n] = b'0' + (x % 10) as u8;
                x /= 10;
                n += 1;
            }
        }
        16 => {
            while x != 0 {
                buf[65 - n] = digits[(x & 15) as usize];
                x >>= 4;
                n += 1;
            }
        }
        _ => {
            while x != 0 {
                buf[65 - n] = digits[(x % base) as usize];
                x /= base;
                n += 1;
            }
        }
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

/// Pads to the width, measuring `n` output units of content produced by `body`.
fn padded<S: Sink>(out: &mut Counter<S>, sp: &Spec, n: usize, body: impl FnOnce(&mut Counter<S>)) {
    let fill = sp.width.saturating_sub(n);
    if !sp.left {
        out.pad(b' ', fill);
    }
    body(out);
    if sp.left {
        out.pad(b' ', fill);
    }
}

/// `%ls`: a wchar_t string. The precision bounds output bytes (narrow mode,
/// never splitting a character) or characters (wide mode).
fn wide_str<S: Sink, A: Args>(out: &mut Counter<S>, sp: &Spec, args: &mut A, wide: bool) -> bool {
    let p = args.int() as usize as *const i32;
    if p.is_null() {
        null_str(out, sp);
        return true;
    }
    let utf8 = args.utf8();
    let max = sp.prec.unwrap_or(usize::MAX);
    // First pass: how many characters fit, and their output length.
    let (mut chars, mut units) = (0usize, 0usize);
    loop {
        // SAFETY: p is a NUL-terminated wide string (caller contract); we stop at its NUL.
        let c = unsafe { *p.add(chars) } as u32;
        if c == 0 {
            break;
        }
        let mut buf = [0u8; 8];
        let Some(n) = encode(c, wide, utf8, &mut buf) else { return false };
        let step = if wide { 1 } else { n };
        if units + step > max {
            break;
        }
        units += step;
        chars += 1;
    }
    padded(out, sp, units, |out| {
        for k in 0..chars {
            let mut buf = [0u8; 8];
            // SAFETY: k < chars, inside the string; encodable (checked above).
            let n = encode(unsafe { *p.add(k) } as u32, wide, utf8, &mut buf).unwrap_or(0);
            out.put(&buf[..n]);
        }
    });
    true
}

/// `%s` in wide mode: a multibyte string converted as mbrtowc would; the
/// precision bounds the characters.
fn narrow_str_wide<S: Sink, A: Args>(out: &mut Counter<S>, sp: &Spec, args: &mut A) -> bool {
    let utf8 = args.utf8();
    let max = sp.prec.unwrap_or(usize::MAX);
    let Some(s) = args.cstr(usize::MAX) else {
        null_str(out, sp);
        return true;
    };
    let (mut chars, mut end) = (0usize, 0usize);
    while end < s.len() && chars < max {
        match mb::decode(&s[end..], utf8) {
            mb::Decoded::Char(_, n) => end += n,
            _ => return false,
        }
        chars += 1;
    }
    let body = &s[..end];
    padded(out, sp, chars, |out| {
        let mut k = 0;
        while k < body.len() {
            if let mb::Decoded::Char(w, n) = mb::decode(&body[k..], utf8) {
                let mut buf = [0u8; 8];
                let m = mb::put_utf8(w, &mut buf);
                out.put(&buf[..m]);
                k += n;
            } else {
                break;
            }
        }
    });
    true
}
