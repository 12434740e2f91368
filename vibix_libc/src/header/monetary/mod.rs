//! `<monetary.h>`: strfmon/strfmon_l. Every vibix locale has the POSIX
//! monetary conventions (no currency symbol, no grouping, frac_digits unset),
//! where, as in glibc, a value has 2 fraction digits by default, `-` as its
//! negative sign (or parentheses with the `(` flag) and `.` as the point.
//! Conversion: `%[flags][width][#left][.right]{n,i}` and `%%`; flags `=f`
//! (fill for the left precision), `^` (no grouping), `+` / `(` (sign
//! style), `!` (no currency symbol), `-` (left-justified). With a left
//! precision, positive values get a blank where the sign would go.
//! Digits are core's exactly rounded `{:.*}` (as printf's %.*f).
use core::ffi::{c_char, c_void};

use crate::thread::area::set_errno;
use crate::va::{VaList, VaListRaw};

const E2BIG: i32 = 7;
const EINVAL: i32 = 22;

/// A fixed buffer `core::fmt` writes into.
struct Buf {
    b: [u8; 400],
    n: usize,
}
impl core::fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.n.checked_add(s.len()).filter(|&e| e <= self.b.len()).ok_or(core::fmt::Error)?;
        self.b[self.n..end].copy_from_slice(s.as_bytes());
        self.n = end;
        Ok(())
    }
}

/// Output of at most `cap` bytes (the NUL included).
struct Out<'a> {
    dst: &'a mut [u8],
    n: usize,
}
impl Out<'_> {
    fn put(&mut self, b: &[u8]) -> bool {
        if self.n + b.len() >= self.dst.len() {
            return false;
        }
        self.dst[self.n..self.n + b.len()].copy_from_slice(b);
        self.n += b.len();
        true
    }
    fn fill(&mut self, c: u8, k: usize) -> bool {
        (0..k).all(|_| self.put(&[c]))
    }
}

/// Reads a decimal number at `f[*i..]`.
fn number(f: &[u8], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut v: usize = 0;
    while *i < f.len() && f[*i].is_ascii_digit() {
        v = v.saturating_mul(10).saturating_add((f[*i] - b'0') as usize);
        *i += 1;
    }
    (*i > start).then_some(v)
}

/// One formatted value: the body (sign, digits) before width padding.
fn value(x: f64, fill: u8, paren: bool, left: Option<usize>, right: usize, body: &mut Buf) -> Option<()> {
    use core::fmt::Write;
    let neg = x.is_sign_negative() && !x.is_nan();
    let mut digits = Buf { b: [0; 400], n: 0 };
    write!(digits, "{:.*}", right.min(60), x.abs()).ok()?;
    let d = &digits.b[..digits.n];
    let int_len = d.iter().position(|&c| c == b'.').unwrap_or(d.len());
    let put = |body: &mut Buf, s: &[u8]| body.write_str(core::str::from_utf8(s).unwrap_or("")).ok();
    match (neg, paren) {
        (true, true) => put(body, b"(")?,
        (true, false) => put(body, b"-")?,
        // A blank keeps positive values aligned with negative ones.
        (false, _) if left.is_some() => put(body, b" ")?,
        _ => {}
    }
    if let Some(l) = left {
        for _ in int_len..l {
            put(body, &[fill])?;
        }
    }
    put(body, d)?;
    if neg && paren {
        put(body, b")")?;
    }
    Some(())
}

unsafe fn format(s: *mut c_char, max: usize, fmt: *const c_char, mut ap: VaList) -> isize {
    // SAFETY: fmt is a C string; s has max bytes (C contract).
    let f = unsafe { core::ffi::CStr::from_ptr(fmt) }.to_bytes();
    let dst: &mut [u8] = if max == 0 { &mut [] } else { unsafe { core::slice::from_raw_parts_mut(s as *mut u8, max) } };
    let mut out = Out { dst, n: 0 };
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            if !out.put(&f[i..i + 1]) {
                set_errno(E2BIG);
                return -1;
            }
            i += 1;
            continue;
        }
        i += 1;
        if f.get(i) == Some(&b'%') {
            if !out.put(b"%") {
                set_errno(E2BIG);
                return -1;
            }
            i += 1;
            continue;
        }
        let (mut fill, mut paren, mut left_just) = (b' ', false, false);
        loop {
            match f.get(i) {
                Some(b'=') if i + 1 < f.len() => {
                    fill = f[i + 1];
                    i += 2;
                }
                Some(b'(') => {
                    paren = true;
                    i += 1;
                }
                Some(b'+') => {
                    paren = false;
                    i += 1;
                }
                Some(b'^') | Some(b'!') => i += 1,
                Some(b'-') => {
                    left_just = true;
                    i += 1;
                }
                _ => break,
            }
        }
        let width = number(f, &mut i).unwrap_or(0);
        let left = if f.get(i) == Some(&b'#') {
            i += 1;
            Some(number(f, &mut i).unwrap_or(0))
        } else {
            None
        };
        let right = if f.get(i) == Some(&b'.') {
            i += 1;
            number(f, &mut i).unwrap_or(0)
        } else {
            2
        };
        if !matches!(f.get(i), Some(b'n') | Some(b'i')) {
            set_errno(EINVAL);
            return -1;
        }
        i += 1;
        let x = ap.fp();
        let mut body = Buf { b: [0; 400], n: 0 };
        if value(x, fill, paren, left, right, &mut body).is_none() {
            set_errno(E2BIG);
            return -1;
        }
        let b = &body.b[..body.n];
        let pad = width.saturating_sub(b.len());
        let ok = if left_just { out.put(b) && out.fill(b' ', pad) } else { out.fill(b' ', pad) && out.put(b) };
        if !ok {
            set_errno(E2BIG);
            return -1;
        }
    }
    if out.dst.is_empty() {
        set_errno(E2BIG);
        return -1;
    }
    let n = out.n;
    out.dst[n] = 0;
    n as isize
}

/// `strfmon(s, max, fmt, ap)` as a va_list function, for the trampoline.
pub unsafe extern "C" fn vstrfmon(s: *mut c_char, max: usize, fmt: *const c_char, ap: *mut VaListRaw) -> isize {
    // SAFETY: forwarded.
    unsafe { format(s, max, fmt, VaList(ap)) }
}

/// `strfmon_l(s, max, locale, fmt, ap)`: every locale has the same monetary rules.
pub unsafe extern "C" fn vstrfmon_l(s: *mut c_char, max: usize, _l: *mut c_void, fmt: *const c_char, ap: *mut VaListRaw) -> isize {
    // SAFETY: forwarded.
    unsafe { format(s, max, fmt, VaList(ap)) }
}

crate::va::variadic!(strfmon => vstrfmon, 3);
crate::va::variadic!(strfmon_l => vstrfmon_l, 4);
