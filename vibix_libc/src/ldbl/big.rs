//! Just enough unsigned big-integer arithmetic for exact `long double`
//! conversions: little-endian u32 limbs, no allocation beyond one Vec each.
use alloc::vec::Vec;
use core::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Big(pub Vec<u32>);

impl Big {
    pub fn from_u64(v: u64) -> Big {
        let mut b = Big(alloc::vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    pub fn bit_len(&self) -> u64 {
        match self.0.last() {
            None => 0,
            Some(&top) => (self.0.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
        }
    }

    /// self = self * m + add.
    pub fn mul_add_small(&mut self, m: u32, add: u32) {
        let mut carry = add as u64;
        for l in self.0.iter_mut() {
            let v = *l as u64 * m as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    /// self /= d; returns the remainder.
    pub fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for l in self.0.iter_mut().rev() {
            let v = (rem << 32) | *l as u64;
            *l = (v / d as u64) as u32;
            rem = v % d as u64;
        }
        self.trim();
        rem as u32
    }

    pub fn shl(&mut self, bits: u64) {
        if self.is_zero() {
            return;
        }
        let (words, b) = ((bits / 32) as usize, (bits % 32) as u32);
        if b != 0 {
            let mut carry = 0u32;
            for l in self.0.iter_mut() {
                let v = *l;
                *l = (v << b) | carry;
                carry = v >> (32 - b);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if words > 0 {
            self.0.splice(0..0, core::iter::repeat_n(0, words));
        }
    }

    /// Multiplies by 5^k (then a shift makes 10^k).
    pub fn mul_pow5(&mut self, mut k: u64) {
        // 5^13 is the largest power of five below 2^32.
        while k >= 13 {
            self.mul_add_small(1_220_703_125, 0);
            k -= 13;
        }
        self.mul_add_small(5u32.pow(k as u32), 0);
    }

    pub fn cmp_big(&self, o: &Big) -> Ordering {
        if self.0.len() != o.0.len() {
            return self.0.len().cmp(&o.0.len());
        }
        for (a, b) in self.0.iter().rev().zip(o.0.iter().rev()) {
            if a != b {
                return a.cmp(b);
            }
        }
        Ordering::Equal
    }

    /// self -= o (o <= self).
    pub fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let v = self.0[i] as i64 - o.0.get(i).copied().unwrap_or(0) as i64 - borrow;
            borrow = (v < 0) as i64;
            self.0[i] = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    /// The low 64 bits of self >> bits.
    pub fn bits_at(&self, bits: u64) -> u64 {
        let w = (bits / 32) as usize;
        let b = bits % 32;
        let mut v: u128 = 0;
        for k in 0..3 {
            v |= (self.0.get(w + k).copied().unwrap_or(0) as u128) << (32 * k);
        }
        (v >> b) as u64
    }

    /// Whether any of the low `bits` bits is set.
    pub fn any_below(&self, bits: u64) -> bool {
        let w = (bits / 32) as usize;
        if self.0.iter().take(w).any(|&l| l != 0) {
            return true;
        }
        let b = bits % 32;
        b != 0 && self.0.get(w).is_some_and(|&l| l & ((1u32 << b) - 1) != 0)
    }

    /// Keeps the low `bits` bits.
    pub fn truncate_bits(&mut self, bits: u64) {
        let w = (bits / 32) as usize;
        let b = bits % 32;
        if self.0.len() > w {
            self.0.truncate(w + 1);
            if b == 0 {
                self.0.pop();
            } else {
                self.0[w] &= (1u32 << b) - 1;
            }
        }
        self.trim();
    }

    /// (self / d, remainder != 0) for a quotient below 2^128.
    pub fn div_big(mut self, d: &Big) -> (u128, bool) {
        let mut q: u128 = 0;
        let top = self.bit_len().saturating_sub(d.bit_len()).min(127);
        for bit in (0..=top).rev() {
            let mut t = d.clone();
            t.shl(bit);
            if self.cmp_big(&t) != Ordering::Less {
                self.sub(&t);
                q |= 1u128 << bit;
            }
        }
        (q, !self.is_zero())
    }
}
