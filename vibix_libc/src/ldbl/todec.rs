//! Exact decimal expansion of a long double for %Lf/%Le/%Lg: the integer
//! part in base 10^9 from a big integer, fraction digits nine at a time by
//! multiplying the binary fraction by 10^9, then round-half-even on the
//! exact remainder.
use alloc::vec::Vec;

use super::big::Big;
use crate::fmt::float::Digits;
pub use crate::num::flt2dec::Mode;

/// Digits 0.d0d1... × 10^exp (ASCII), d0 != '0' unless empty.
pub struct LDecimal {
    pub d: Vec<u8>,
    pub exp: i32,
}

impl Digits for LDecimal {
    fn n(&self) -> usize {
        self.d.len()
    }
    fn exp(&self) -> i32 {
        self.exp
    }
    fn digit(&self, i: i64) -> u8 {
        if i >= 0 && (i as usize) < self.d.len() { self.d[i as usize] } else { b'0' }
    }
}

/// The fraction F / 2^k, producing decimal digits on demand.
struct Frac {
    f: Big,
    k: u64,
}

impl Frac {
    /// The next nine fraction digits.
    fn next9(&mut self, out: &mut Vec<u8>) {
        self.f.mul_add_small(1_000_000_000, 0);
        let chunk = self.f.bits_at(self.k) as u32;
        self.f.truncate_bits(self.k);
        push9(out, chunk);
    }
}

fn push9(out: &mut Vec<u8>, mut v: u32) {
    let mut t = [b'0'; 9];
    for k in (0..9).rev() {
        t[k] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.extend_from_slice(&t);
}

/// Decimal digits of mant × 2^e2, rounded for `mode`.
pub fn decimal(mant: u64, e2: i32, mode: Mode) -> LDecimal {
    // Integer and fraction parts.
    let (int, mut frac) = if e2 >= 0 {
        let mut b = Big::from_u64(mant);
        b.shl(e2 as u64);
        (b, Frac { f: Big(Vec::new()), k: 0 })
    } else {
        let k = (-e2) as u64;
        let int = if k >= 64 { Big(Vec::new()) } else { Big::from_u64(mant >> k) };
        let mut f = Big::from_u64(mant);
        f.truncate_bits(k);
        (int, Frac { f, k })
    };
    // Integer digits, most significant first.
    let mut chunks = Vec::new();
    let mut i = int;
    while !i.is_zero() {
        chunks.push(i.div_small(1_000_000_000));
    }
    let mut d: Vec<u8> = Vec::new();
    for c in chunks.iter().rev() {
        push9(&mut d, *c);
    }
    let lead = d.iter().take_while(|&&c| c == b'0').count();
    d.drain(..lead);
    let int_len = d.len();
    // Leading fraction zeros of a value below 1.
    let mut exp = int_len as i32;
    let mut frac_start = 0usize; // fraction digits already dropped as leading zeros
    if int_len == 0 {
        if frac.f.is_zero() {
            return LDecimal { d, exp: 0 };
        }
        loop {
            let mut t = Vec::new();
            frac.next9(&mut t);
            let z = t.iter().take_while(|&&c| c == b'0').count();
            if z < 9 {
                exp = -((frac_start + z) as i32);
                d.extend_from_slice(&t[z..]);
                break;
            }
            frac_start += 9;
            if let Mode::Fixed(p) = mode {
                if frac_start > p + 1 {
                    // Everything kept is zero; no rounding digit can be non-zero.
                    return LDecimal { d: Vec::new(), exp: 0 };
                }
            }
        }
    }
    // How many digits to keep (index of the rounding digit).
    let keep: i64 = match mode {
        Mode::Fixed(p) => exp as i64 + p as i64,
        Mode::Sig(p) => p.max(1) as i64,
    };
    if keep < 0 {
        return LDecimal { d: Vec::new(), exp: 0 };
    }
    let keep = keep as usize;
    while d.len() <= keep && !frac.f.is_zero() {
        frac.next9(&mut d);
    }
    if d.len() > keep {
        let r = d[keep];
        let rest = d[keep + 1..].iter().any(|&c| c != b'0') || !frac.f.is_zero();
        d.truncate(keep);
        let odd = d.last().is_some_and(|&c| (c - b'0') & 1 == 1);
        if r > b'5' || (r == b'5' && (rest || odd)) {
            // Increment with carry.
            let mut j = d.len();
            loop {
                if j == 0 {
                    d.insert(0, b'1');
                    exp += 1;
                    if let Mode::Sig(_) = mode {
                        d.pop();
                    }
                    break;
                }
                j -= 1;
                if d[j] == b'9' {
                    d[j] = b'0';
                } else {
                    d[j] += 1;
                    break;
                }
            }
        }
    }
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        exp = 0;
    }
    LDecimal { d, exp }
}
