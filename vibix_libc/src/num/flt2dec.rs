//! Binary -> decimal digits for printf's %f/%e/%g, exact and rounded
//! half-to-even on the exact value (as glibc does). The digits come from
//! `core`'s float formatting (`{:.N}` and `{:.Ne}`, exact mode: Grisu with a
//! Dragon fallback); this module only turns its text into a digit string with
//! a decimal exponent, which the C layer (fmt/float.rs) lays out.
use core::fmt::Write;
use core::mem::MaybeUninit;

/// Most fraction digits %f needs: a double's exact expansion has at most
/// 1074 of them, the rest are zeros (printed by the caller).
const MAX_FRAC: usize = 1080;
/// Most significant digits %e/%g need: an exact expansion has at most 767.
const MAX_SIG: usize = 780;
/// 309 integer digits, a point, the fraction digits and an exponent.
const CAP: usize = 320 + MAX_FRAC + 16;

/// Decimal digits 0.d0d1...d(n-1) × 10^exp (d0 != 0 unless n == 0); digits
/// past n are zeros.
pub struct Decimal {
    buf: [MaybeUninit<u8>; CAP],
    /// Index of d0 in `buf`.
    start: usize,
    pub n: usize,
    pub exp: i32,
}

impl Decimal {
    /// ASCII digit `i` (0-based from the most significant), '0' past the end.
    #[inline]
    pub fn digit(&self, i: i64) -> u8 {
        if i >= 0 && (i as usize) < self.n {
            // SAFETY: buf[start..start + n] was written by `decimal`.
            unsafe { self.buf[self.start + i as usize].assume_init() }
        } else {
            b'0'
        }
    }
}

/// How many digits to keep.
#[derive(Clone, Copy)]
pub enum Mode {
    /// `frac` digits after the decimal point (%f).
    Fixed(usize),
    /// `sig` significant digits, at least 1 (%e, %g).
    Sig(usize),
}

/// core::fmt output into the digit buffer.
struct Text<'a> {
    buf: &'a mut [MaybeUninit<u8>; CAP],
    len: usize,
}

impl Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let b = s.as_bytes();
        if self.len + b.len() > CAP {
            return Err(core::fmt::Error);
        }
        for (i, &c) in b.iter().enumerate() {
            self.buf[self.len + i] = MaybeUninit::new(c);
        }
        self.len += b.len();
        Ok(())
    }
}

/// The digits of finite, non-negative `x` in `mode`.
pub fn decimal(x: f64, mode: Mode) -> Decimal {
    let mut d = Decimal { buf: [MaybeUninit::uninit(); CAP], start: 0, n: 0, exp: 1 };
    if x == 0.0 {
        return d;
    }
    let mut t = Text { buf: &mut d.buf, len: 0 };
    // The precisions are capped so the text fits; the capped digits are exact zeros.
    let ok = match mode {
        Mode::Fixed(f) => write!(t, "{:.*}", f.min(MAX_FRAC), x),
        Mode::Sig(s) => write!(t, "{:.*e}", s.clamp(1, MAX_SIG) - 1, x),
    };
    let len = t.len;
    debug_assert!(ok.is_ok(), "digit buffer too small");
    // SAFETY: core wrote buf[..len]; only indices below len are read.
    let at = |b: &[MaybeUninit<u8>; CAP], i: usize| unsafe { b[i].assume_init() };
    match mode {
        Mode::Sig(_) => {
            // "D[.DDD]e[-]X": move D next to the fraction digits.
            let e_at = (0..len).rev().find(|&i| at(&d.buf, i) == b'e').unwrap_or(len);
            let mut e: i32 = 0;
            let neg = e_at + 1 < len && at(&d.buf, e_at + 1) == b'-';
            for i in e_at + 1 + neg as usize..len {
                e = e * 10 + (at(&d.buf, i) - b'0') as i32;
            }
            let first = at(&d.buf, 0);
            let (start, end) = if e_at > 1 { (1, e_at) } else { (0, 1) };
            d.buf[start] = MaybeUninit::new(first);
            d.start = start;
            d.n = end - start;
            d.exp = if neg { -e } else { e } + 1;
        }
        Mode::Fixed(_) => {
            // "III[.FFF]": close the gap of the point by moving the integer digits right.
            let point = (0..len).find(|&i| at(&d.buf, i) == b'.');
            let int_n = point.unwrap_or(len);
            if let Some(p) = point {
                for i in (0..p).rev() {
                    d.buf[i + 1] = d.buf[i];
                }
            }
            let (lo, hi) = (point.is_some() as usize, len);
            let mut start = lo;
            while start < hi && at(&d.buf, start) == b'0' {
                start += 1;
            }
            if start == hi {
                // Rounded to zero.
                return Decimal { n: 0, exp: 1, start: 0, ..d };
            }
            d.start = start;
            d.n = hi - start;
            // Leading zeros of the integer part (just the "0" of "0.xxx") and of the fraction.
            d.exp = int_n as i32 - (start - lo) as i32;
        }
    }
    // Trailing zeros are implied.
    while d.n > 0 && d.digit(d.n as i64 - 1) == b'0' {
        d.n -= 1;
    }
    d
}
