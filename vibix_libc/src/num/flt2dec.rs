//! Exact binary -> decimal digits for printf's %f/%e/%g, rounded half-to-even
//! on the exact value (as glibc does). Digits are generated 9 at a time from
//! the exact integer and fraction parts (big integers when they do not fit in
//! machine words), only as many as the requested precision needs.
use super::big::Big;

/// Room for 309 integer digits plus every fraction digit a double can have.
pub const MAX_DIGITS: usize = 1500;

/// Decimal digits d[0..n] (d[0] != 0 unless n == 0) meaning 0.d0d1... × 10^exp.
/// Digits past n are zeros.
pub struct Decimal {
    pub d: [u8; MAX_DIGITS + 20],
    pub n: usize,
    pub exp: i32,
}

/// How many digits to keep.
#[derive(Clone, Copy)]
pub enum Mode {
    /// `frac` digits after the decimal point (%f).
    Fixed(usize),
    /// `sig` significant digits, at least 1 (%e, %g).
    Sig(usize),
}

/// Where digits come from: the integer part first, then fraction digits.
struct Gen {
    /// Integer digits, most significant first, already produced.
    int_digits: [u8; 320],
    int_n: usize,
    /// Fraction = frac / 2^fbits, as u128 when it fits, else as a big integer.
    small: Option<u128>,
    big: Big,
    fbits: usize,
}

impl Gen {
    fn new(x: f64) -> Gen {
        let bits = x.to_bits();
        let be = ((bits >> 52) & 0x7ff) as i32;
        let mut m = bits & ((1 << 52) - 1);
        let e2 = if be == 0 { -1074 } else {
            m |= 1 << 52;
            be - 1075
        };
        let mut g = Gen { int_digits: [0; 320], int_n: 0, small: None, big: Big::zero(), fbits: 0 };
        // Integer part.
        if e2 >= 0 {
            if e2 <= 11 {
                g.put_int_u64(m << e2);
            } else {
                let mut b = Big::from_u64(m);
                b.shl(e2 as usize);
                let mut chunks = [0u32; 40];
                let mut k = 0;
                while !b.is_zero() {
                    chunks[k] = b.div_small(1_000_000_000);
                    k += 1;
                }
                let mut first = true;
                for c in chunks[..k].iter().rev() {
                    g.put_chunk(*c, first);
                    first = false;
                }
            }
            g.small = Some(0);
        } else {
            let fb = (-e2) as usize;
            let ip = if fb >= 64 { 0 } else { m >> fb };
            if ip != 0 {
                g.put_int_u64(ip);
            }
            let frac = if fb >= 64 { m } else { m & ((1u64 << fb) - 1) };
            g.fbits = fb;
            if fb <= 96 {
                g.small = Some(frac as u128);
            } else {
                g.big = Big::from_u64(frac);
            }
        }
        g
    }

    fn put_int_u64(&mut self, v: u64) {
        let mut tmp = [0u8; 20];
        let mut k = 0;
        let mut v = v;
        while v != 0 {
            tmp[k] = (v % 10) as u8;
            v /= 10;
            k += 1;
        }
        for i in (0..k).rev() {
            self.int_digits[self.int_n] = tmp[i];
            self.int_n += 1;
        }
    }

    fn put_chunk(&mut self, c: u32, first: bool) {
        let mut tmp = [0u8; 9];
        let mut v = c;
        for i in (0..9).rev() {
            tmp[i] = (v % 10) as u8;
            v /= 10;
        }
        let start = if first { tmp.iter().position(|&d| d != 0).unwrap_or(9) } else { 0 };
        for &d in &tmp[start..] {
            self.int_digits[self.int_n] = d;
            self.int_n += 1;
        }
    }

    fn frac_is_zero(&self) -> bool {
        match self.small {
            Some(v) => v == 0,
            None => self.big.is_zero(),
        }
    }

    /// The next 9 fraction digits as a number.
    fn next_chunk(&mut self) -> u32 {
        match self.small.as_mut() {
            Some(v) => {
                let t = *v * 1_000_000_000;
                let hi = (t >> self.fbits) as u32;
                *v = t & ((1u128 << self.fbits) - 1);
                hi
            }
            None => {
                self.big.mul_add_small(1_000_000_000, 0);
                self.big.split_at_bit(self.fbits) as u32
            }
        }
    }
}

/// Exact decimal expansion of the finite, non-negative `x`, rounded as `mode` says.
pub fn decimal(x: f64, mode: Mode) -> Decimal {
    let mut out = Decimal { d: [0; MAX_DIGITS + 20], n: 0, exp: 0 };
    if x == 0.0 {
        out.exp = 1;
        return out;
    }
    let mut g = Gen::new(x);
    let mut n = 0usize;
    let mut exp: i32;
    for i in 0..g.int_n {
        out.d[n] = g.int_digits[i];
        n += 1;
    }
    exp = n as i32;
    // How many digits we need: `keep` plus one rounding digit.
    let keep_for = |exp: i32| -> i64 {
        match mode {
            Mode::Fixed(f) => exp as i64 + f.min(MAX_DIGITS - 320) as i64,
            Mode::Sig(s) => s.min(MAX_DIGITS - 330) as i64,
        }
    };
    // Leading fraction zeros of numbers below 1 only move the exponent.
    let mut leading = n == 0;
    while (n as i64) < keep_for(exp) + 1 && !g.frac_is_zero() {
        let c = g.next_chunk();
        let mut tmp = [0u8; 9];
        let mut v = c;
        for i in (0..9).rev() {
            tmp[i] = (v % 10) as u8;
            v /= 10;
        }
        for &dg in &tmp {
            if leading && dg == 0 {
                exp -= 1;
                continue;
            }
            leading = false;
            out.d[n] = dg;
            n += 1;
        }
        if leading && matches!(mode, Mode::Fixed(_)) && keep_for(exp) < -1 {
            // Already below half a unit of the last place: it rounds to zero.
            out.n = 0;
            out.exp = 1;
            return out;
        }
    }
    let sticky_frac = !g.frac_is_zero();
    let keep = keep_for(exp);
    if keep < 0 {
        out.n = 0;
        out.exp = 1;
        return out;
    }
    let keep = keep as usize;
    if n <= keep {
        out.n = n;
        out.exp = exp;
        trim(&mut out);
        return out;
    }
    // Round at `keep`: look at the next digit and everything after it.
    let r = out.d[keep];
    let rest = sticky_frac || out.d[keep + 1..n].iter().any(|&d| d != 0);
    let last_odd = keep > 0 && out.d[keep - 1] & 1 == 1;
    let up = r > 5 || (r == 5 && (rest || last_odd));
    n = keep;
    if up {
        let mut i = keep;
        loop {
            if i == 0 {
                // 99..9 rounds to 100..0.
                out.d[0] = 1;
                n = 1;
                exp += 1;
                break;
            }
            i -= 1;
            if out.d[i] == 9 {
                out.d[i] = 0;
            } else {
                out.d[i] += 1;
                break;
            }
        }
    }
    out.n = n;
    out.exp = exp;
    trim(&mut out);
    out
}

fn trim(o: &mut Decimal) {
    while o.n > 0 && o.d[o.n - 1] == 0 {
        o.n -= 1;
    }
    if o.n == 0 {
        o.exp = 1;
    }
}
