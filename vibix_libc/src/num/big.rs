//! A fixed-capacity unsigned big integer (little-endian u32 limbs), just the
//! operations exact float conversion needs. Capacity covers 10^1200 × 2^200.
pub const LIMBS: usize = 136;

#[derive(Clone)]
pub struct Big {
    pub w: [u32; LIMBS],
    /// Limbs in use; w[len..] are zero.
    pub len: usize,
}

impl Big {
    pub const fn zero() -> Self {
        Big { w: [0; LIMBS], len: 0 }
    }

    pub fn from_u64(v: u64) -> Self {
        let mut b = Big::zero();
        b.w[0] = v as u32;
        b.w[1] = (v >> 32) as u32;
        b.len = 2;
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.len > 0 && self.w[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    pub fn bit_len(&self) -> usize {
        if self.len == 0 { 0 } else { self.len * 32 - self.w[self.len - 1].leading_zeros() as usize }
    }

    /// self = self * m + a.
    pub fn mul_add_small(&mut self, m: u32, a: u32) {
        let mut carry = a as u64;
        for i in 0..self.len {
            let t = self.w[i] as u64 * m as u64 + carry;
            self.w[i] = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.w[self.len] = carry as u32;
            self.len += 1;
        }
    }

    /// self /= d; returns the remainder.
    pub fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for i in (0..self.len).rev() {
            let cur = (rem << 32) | self.w[i] as u64;
            self.w[i] = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        self.trim();
        rem as u32
    }

    /// self *= 10^e.
    pub fn mul_pow10(&mut self, mut e: u32) {
        while e >= 9 {
            self.mul_add_small(1_000_000_000, 0);
            e -= 9;
        }
        if e > 0 {
            self.mul_add_small(10u32.pow(e), 0);
        }
    }

    pub fn shl(&mut self, bits: usize) {
        if self.len == 0 {
            return;
        }
        let (ws, bs) = (bits / 32, bits % 32);
        let n = self.len;
        self.w[n + ws] = 0;
        for i in (0..n).rev() {
            let v = self.w[i];
            if bs == 0 {
                self.w[i + ws] = v;
            } else {
                self.w[i + ws + 1] |= v >> (32 - bs);
                self.w[i + ws] = v << bs;
            }
        }
        for i in 0..ws {
            self.w[i] = 0;
        }
        self.len = n + ws + 1;
        self.trim();
    }

    /// Keeps only the low `bits` bits; returns the value of the bits above them
    /// (which must fit in u64).
    pub fn split_at_bit(&mut self, bits: usize) -> u64 {
        let (ws, bs) = (bits / 32, bits % 32);
        let mut high = 0u128;
        let mut i = self.len;
        while i > ws {
            i -= 1;
            high = (high << 32) | self.w[i] as u128;
        }
        high >>= bs;
        // Clear the high bits.
        if ws < self.len {
            self.w[ws] &= if bs == 0 { 0 } else { (1u32 << bs) - 1 };
            for j in ws + 1..self.len {
                self.w[j] = 0;
            }
            self.len = ws + 1;
            self.trim();
        }
        high as u64
    }

    /// Compares self with (other << sh).
    pub fn cmp_shifted(&self, o: &Big, sh: usize) -> core::cmp::Ordering {
        let ol = if o.len == 0 { 0 } else { o.bit_len() + sh };
        let sl = self.bit_len();
        if sl != ol {
            return sl.cmp(&ol);
        }
        let top = self.len.max((ol + 31) / 32);
        for i in (0..top).rev() {
            let a = self.w[i];
            let b = o.shifted_limb(i, sh);
            if a != b {
                return a.cmp(&b);
            }
        }
        core::cmp::Ordering::Equal
    }

    /// Limb `i` of self << sh.
    fn shifted_limb(&self, i: usize, sh: usize) -> u32 {
        let (ws, bs) = (sh / 32, sh % 32);
        if i < ws {
            return 0;
        }
        let j = i - ws;
        let lo = if j < self.len { self.w[j] } else { 0 };
        if bs == 0 {
            return lo;
        }
        let below = if j >= 1 && j - 1 < self.len { self.w[j - 1] } else { 0 };
        (lo << bs) | (below >> (32 - bs))
    }

    /// self -= other << sh (requires self >= other << sh).
    pub fn sub_shifted(&mut self, o: &Big, sh: usize) {
        let mut borrow = 0i64;
        let top = self.len;
        for i in sh / 32..top {
            let t = self.w[i] as i64 - o.shifted_limb(i, sh) as i64 - borrow;
            if t < 0 {
                self.w[i] = (t + (1i64 << 32)) as u32;
                borrow = 1;
            } else {
                self.w[i] = t as u32;
                borrow = 0;
            }
        }
        self.trim();
    }
}
