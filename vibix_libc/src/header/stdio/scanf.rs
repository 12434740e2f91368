//! The scanf family: one engine over an input source (a FILE or a string).
use core::ffi::{c_char, c_int};

use super::file::{get_byte, unget_byte, File, FileLock};
use crate::num::dec2flt::{parse, F32, F64};
use crate::va::{variadic, VaList, VaPtr};

const EOF: c_int = -1;

/// A source of input characters: bytes for the scanf family, wide characters
/// for the wscanf family (header/wchar/wscanf.rs).
pub(crate) trait Input {
    fn get(&mut self) -> Option<u32>;
    fn unget(&mut self, c: u32);
}

struct StrIn(*const u8);
impl Input for StrIn {
    fn get(&mut self) -> Option<u32> {
        // SAFETY: a C string; we never advance past its NUL.
        let c = unsafe { *self.0 };
        if c == 0 {
            return None;
        }
        // SAFETY: c was not the terminator.
        self.0 = unsafe { self.0.add(1) };
        Some(c as u32)
    }
    fn unget(&mut self, _c: u32) {
        // SAFETY: we only unget the byte just read.
        self.0 = unsafe { self.0.sub(1) };
    }
}

struct FileIn(*mut File);
impl Input for FileIn {
    fn get(&mut self) -> Option<u32> {
        // SAFETY: a live, locked stream.
        let c = unsafe { get_byte(self.0) };
        if c < 0 { None } else { Some(c as u32) }
    }
    fn unget(&mut self, c: u32) {
        // SAFETY: as above.
        unsafe { unget_byte(self.0, c as u8) };
    }
}

fn is_space(c: u32, wide: bool) -> bool {
    c == 32 || (9..=13).contains(&c)
        || (wide && c >= 0x80 && !matches!(c, 0xa0 | 0x2007 | 0x202f) && char::from_u32(c).is_some_and(char::is_whitespace))
}

/// Counts consumed characters for %n.
struct Counted<'a, I: Input> {
    inp: &'a mut I,
    n: usize,
    wide: bool,
}
impl<I: Input> Counted<'_, I> {
    fn get(&mut self) -> Option<u32> {
        let c = self.inp.get();
        if c.is_some() {
            self.n += 1;
        }
        c
    }
    fn unget(&mut self, c: u32) {
        self.inp.unget(c);
        self.n -= 1;
    }
    fn skip_space(&mut self) -> bool {
        loop {
            match self.get() {
                Some(c) if is_space(c, self.wide) => {}
                Some(c) => {
                    self.unget(c);
                    return true;
                }
                None => return false,
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Len {
    Hh,
    H,
    Int,
    Long,
    LongDouble,
}

unsafe fn store_int(ap: &mut VaList, len: Len, v: u64) {
    let p: *mut u8 = ap.ptr();
    // SAFETY: the caller passed a pointer to an integer of this size.
    unsafe {
        match len {
            Len::Hh => *p = v as u8,
            Len::H => *(p as *mut u16) = v as u16,
            Len::Int => *(p as *mut u32) = v as u32,
            _ => *(p as *mut u64) = v,
        }
    }
}

/// Where %c/%s/%[ put characters: bytes, or wide characters (`l` in the wide
/// family); a wide character stored as bytes is converted with the locale.
struct Sink {
    p: *mut u8,
    wide_out: bool,
    wide_in: bool,
    k: usize,
}
impl Sink {
    /// Stores c; false if the locale cannot encode it (EILSEQ: the conversion fails).
    fn push(&mut self, c: u32) -> bool {
        if self.p.is_null() {
            return true;
        }
        // SAFETY: the caller's buffer is large enough (scanf's contract).
        unsafe {
            if self.wide_out {
                *(self.p as *mut u32).add(self.k) = c;
                self.k += 1;
            } else if self.wide_in {
                let mut st = crate::header::wchar::mbconv::MbState::default();
                let n = crate::header::wchar::mbconv::wcrtomb(self.p.add(self.k) as *mut c_char, c as i32, &mut st);
                if n == usize::MAX {
                    return false;
                }
                self.k += n;
            } else {
                *self.p.add(self.k) = c as u8;
                self.k += 1;
            }
        }
        true
    }
    fn terminate(&mut self) {
        if self.p.is_null() {
            return;
        }
        // SAFETY: as push, plus the terminator.
        unsafe {
            if self.wide_out { *(self.p as *mut u32).add(self.k) = 0 } else { *self.p.add(self.k) = 0 }
        }
    }
}

/// The engine: `f` is the format (bytes or wide characters), `wide` tells
/// whether input and format are wide.
pub(crate) fn scan<T: Copy + Into<u32>, I: Input>(fmt: &[T], inp: &mut I, ap: &mut VaList, wide: bool) -> c_int {
    let f = |i: usize| -> u32 { fmt[i].into() };
    let flen = fmt.len();
    let mut c_in = Counted { inp, n: 0, wide };
    let mut assigned: c_int = 0;
    let mut i = 0;
    let mut any_input = false;
    macro_rules! fail {
        () => {
            return if !any_input && assigned == 0 { EOF } else { assigned }
        };
    }
    const PCT: u32 = b'%' as u32;
    while i < flen {
        let fc = f(i);
        if is_space(fc, wide) {
            c_in.skip_space();
            i += 1;
            continue;
        }
        if fc != PCT || (i + 1 < flen && f(i + 1) == PCT) {
            if fc == PCT {
                i += 1;
                c_in.skip_space();
            }
            match c_in.get() {
                Some(c) if c == f(i) => {
                    any_input = true;
                    i += 1;
                    continue;
                }
                Some(c) => {
                    c_in.unget(c);
                    return assigned;
                }
                None => fail!(),
            }
        }
        i += 1;
        let suppress = i < flen && f(i) == b'*' as u32;
        if suppress {
            i += 1;
        }
        let mut width = 0usize;
        while i < flen && (b'0' as u32..=b'9' as u32).contains(&f(i)) {
            width = width * 10 + (f(i) - b'0' as u32) as usize;
            i += 1;
        }
        let mut len = Len::Int;
        while i < flen {
            let m = if f(i) < 128 { f(i) as u8 } else { 0 };
            len = match (m, len) {
                (b'h', Len::H) => Len::Hh,
                (b'h', _) => Len::H,
                (b'l', Len::Long) => Len::LongDouble,
                (b'l', _) | (b'j', _) | (b'z', _) | (b't', _) => Len::Long,
                (b'L', _) | (b'q', _) => Len::LongDouble,
                _ => break,
            };
            i += 1;
        }
        if i >= flen {
            break;
        }
        let conv = if f(i) < 128 { f(i) as u8 } else { 0 };
        i += 1;
        let maxw = if width == 0 { usize::MAX } else { width };
        // %lc/%ls/%l[ store wide characters in the wide family (%C/%S too).
        let (conv, wide_out) = match conv {
            b'C' if wide => (b'c', true),
            b'S' if wide => (b's', true),
            c => (c, wide && len == Len::Long),
        };
        let sink = |suppress: bool, ap: &mut VaList| Sink { p: if suppress { core::ptr::null_mut() } else { ap.ptr() }, wide_out, wide_in: wide, k: 0 };
        match conv {
            b'n' => {
                if !suppress {
                    // SAFETY: %n takes an int pointer of the given size.
                    unsafe { store_int(ap, len, c_in.n as u64) };
                }
                continue;
            }
            b'c' => {
                let w = if width == 0 { 1 } else { width };
                let mut out = sink(suppress, ap);
                for _ in 0..w {
                    match c_in.get() {
                        Some(c) => {
                            any_input = true;
                            if !out.push(c) {
                                return assigned;
                            }
                        }
                        None => fail!(),
                    }
                }
                if !suppress {
                    assigned += 1;
                }
                continue;
            }
            b'[' => {
                let neg = i < flen && f(i) == b'^' as u32;
                if neg {
                    i += 1;
                }
                // The set is fmt[start..end]: single characters and a-b ranges.
                let start = i;
                while i < flen && (f(i) != b']' as u32 || i == start) {
                    i += 1;
                }
                let end = i;
                i += 1;
                let member = |c: u32| -> bool {
                    let mut j = start;
                    while j < end {
                        if f(j) == b'-' as u32 && j > start && j + 1 < end {
                            if (f(j - 1)..=f(j + 1)).contains(&c) {
                                return true;
                            }
                            j += 1;
                            continue;
                        }
                        if f(j) == c {
                            return true;
                        }
                        j += 1;
                    }
                    false
                };
                let mut out = sink(suppress, ap);
                let mut k = 0;
                while k < maxw {
                    match c_in.get() {
                        Some(c) if member(c) != neg => {
                            if !out.push(c) {
                                out.terminate();
                                return assigned;
                            }
                            k += 1;
                        }
                        Some(c) => {
                            c_in.unget(c);
                            break;
                        }
                        None => break,
                    }
                }
                if k == 0 {
                    fail!();
                }
                any_input = true;
                if !suppress {
                    out.terminate();
                    assigned += 1;
                }
                continue;
            }
            _ => {}
        }
        if !c_in.skip_space() {
            fail!();
        }
        match conv {
            b's' => {
                let mut out = sink(suppress, ap);
                let mut k = 0;
                while k < maxw {
                    match c_in.get() {
                        Some(c) if !is_space(c, wide) => {
                            if !out.push(c) {
                                out.terminate();
                                return assigned;
                            }
                            k += 1;
                        }
                        Some(c) => {
                            c_in.unget(c);
                            break;
                        }
                        None => break,
                    }
                }
                any_input = true;
                if !suppress {
                    out.terminate();
                    assigned += 1;
                }
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
                let mut buf = [0u8; 80];
                let mut k = 0;
                let mut base = match conv {
                    b'd' | b'u' => 10,
                    b'o' => 8,
                    b'x' | b'X' | b'p' => 16,
                    _ => 0,
                };
                let lim = maxw.min(79);
                if let Some(c) = c_in.get() {
                    if (c == b'-' as u32 || c == b'+' as u32) && k < lim {
                        buf[k] = c as u8;
                        k += 1;
                    } else {
                        c_in.unget(c);
                    }
                }
                if k < lim {
                    if let Some(c) = c_in.get() {
                        if c == b'0' as u32 {
                            buf[k] = b'0';
                            k += 1;
                            if (base == 0 || base == 16) && k < lim {
                                match c_in.get() {
                                    Some(x) if x | 0x20 == b'x' as u32 => {
                                        buf[k] = x as u8;
                                        k += 1;
                                        base = 16;
                                    }
                                    Some(x) => {
                                        c_in.unget(x);
                                        if base == 0 {
                                            base = 8;
                                        }
                                    }
                                    None => {}
                                }
                            }
                        } else {
                            c_in.unget(c);
                        }
                    }
                }
                if base == 0 {
                    base = 10;
                }
                let digits_start = k;
                while k < lim {
                    match c_in.get() {
                        Some(c) if char::from_u32(c).is_some_and(|ch| ch.is_digit(base)) => {
                            buf[k] = c as u8;
                            k += 1;
                        }
                        Some(c) => {
                            c_in.unget(c);
                            break;
                        }
                        None => break,
                    }
                }
                let had_zero = digits_start > 0 && buf[digits_start - 1] == b'0';
                if k == digits_start && !had_zero {
                    return assigned;
                }
                any_input = true;
                // SAFETY: buf is NUL-terminated at k.
                let v = unsafe {
                    let s = buf.as_ptr() as *const c_char;
                    if conv == b'd' || conv == b'i' {
                        crate::header::stdlib::strtol::strtoll(s, core::ptr::null_mut(), base as c_int) as u64
                    } else {
                        crate::header::stdlib::strtol::strtoull(s, core::ptr::null_mut(), base as c_int)
                    }
                };
                if !suppress {
                    let l = if conv == b'p' { Len::Long } else { len };
                    // SAFETY: the caller passed the matching pointer.
                    unsafe { store_int(ap, l, v) };
                    assigned += 1;
                }
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                let mut buf = [0u8; 512];
                let mut k = 0;
                let lim = maxw.min(511);
                // Accept characters that can continue a float literal.
                let mut prev = 0u8;
                while k < lim {
                    match c_in.get() {
                        Some(cw) => {
                            let c = if cw < 128 { cw as u8 } else { 0 };
                            let ok = c.is_ascii_hexdigit()
                                || c == b'.'
                                || matches!(c | 0x20, b'x' | b'p' | b'i' | b'n' | b'f' | b't' | b'y')
                                || ((c == b'-' || c == b'+') && (k == 0 || matches!(prev | 0x20, b'e' | b'p')));
                            if !ok || c == 0 {
                                c_in.unget(cw);
                                break;
                            }
                            buf[k] = c;
                            prev = c;
                            k += 1;
                        }
                        None => break,
                    }
                }
                let fmt = if len == Len::Int { F32 } else { F64 };
                let (p, ld) = if len == Len::LongDouble {
                    let r = crate::ldbl::parse::parse(&buf[..k]);
                    (crate::num::dec2flt::Parsed { bits: 0, len: r.len, range: r.range }, Some(r.bytes))
                } else {
                    (parse(&buf[..k], fmt), None)
                };
                if p.len == 0 {
                    return assigned;
                }
                // Give back what the number did not use (at most a few bytes).
                for j in (p.len..k).rev() {
                    c_in.unget(buf[j] as u32);
                }
                any_input = true;
                if !suppress {
                    let dst: *mut u8 = ap.ptr();
                    // SAFETY: float* for plain %f, double* for %lf, long double* for %Lf.
                    unsafe {
                        if let Some(b) = ld {
                            *(dst as *mut [u8; 10]) = b;
                        } else if len == Len::Int {
                            *(dst as *mut u32) = p.bits as u32;
                        } else {
                            *(dst as *mut u64) = p.bits;
                        }
                    }
                    assigned += 1;
                }
            }
            _ => return assigned,
        }
    }
    assigned
}

unsafe fn fmt_bytes<'a>(f: *const c_char) -> &'a [u8] {
    // SAFETY: f is a C string.
    unsafe { core::ffi::CStr::from_ptr(f).to_bytes() }
}

/// C `vfscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfscanf(f: *mut File, fmt: *const c_char, ap: VaPtr) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: fmt is a C string; ap a live va_list.
    scan(unsafe { fmt_bytes(fmt) }, &mut FileIn(f), &mut VaList(ap), false)
}

/// C `vscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vscanf(fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vfscanf(super::file::stdin, fmt, ap) }
}

/// C `vsscanf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsscanf(s: *const c_char, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: s and fmt are C strings; ap a live va_list.
    scan(unsafe { fmt_bytes(fmt) }, &mut StrIn(s as *const u8), &mut VaList(ap), false)
}

variadic!(scanf => vscanf, 1);
variadic!(fscanf => vfscanf, 2);
variadic!(sscanf => vsscanf, 2);
variadic!(__isoc99_scanf => vscanf, 1);
variadic!(__isoc99_fscanf => vfscanf, 2);
variadic!(__isoc99_sscanf => vsscanf, 2);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vfscanf(f: *mut File, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vfscanf(f, fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __isoc99_vsscanf(s: *const c_char, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vsscanf(s, fmt, ap) }
}
