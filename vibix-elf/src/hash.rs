//! The two ELF symbol hash functions and the hash tables built from them.

/// The GNU hash (DJB `h * 33 + c`), used by `DT_GNU_HASH`.
pub fn gnu_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 5381;
    for &c in name {
        h = h.wrapping_mul(33).wrapping_add(c as u32);
    }
    h
}

/// GNU hash and length of the NUL-terminated string at the start of `s`, in one
/// pass; `None` if `s` has no NUL.
#[inline]
pub fn gnu_hash_cstr(s: &[u8]) -> Option<(u32, usize)> {
    let mut h: u32 = 5381;
    if s.last() == Some(&0) {
        // String tables end with a NUL, so the scan needs no bounds check.
        // Two bytes per step: h*33*33 + c0*33 + c1 (fewer instructions per byte).
        let p = s.as_ptr();
        let mut i = 0;
        loop {
            // SAFETY: s[len-1] == 0, so byte i exists, and byte i+1 is read only
            // when byte i is not that final NUL.
            let c0 = unsafe { *p.add(i) } as u32;
            if c0 == 0 {
                return Some((h, i));
            }
            // SAFETY: see above.
            let c1 = unsafe { *p.add(i + 1) } as u32;
            if c1 == 0 {
                return Some((h.wrapping_mul(33).wrapping_add(c0), i + 1));
            }
            h = h.wrapping_mul(1089).wrapping_add(c0.wrapping_mul(33)).wrapping_add(c1);
            i += 2;
        }
    }
    for (i, &c) in s.iter().enumerate() {
        if c == 0 {
            return Some((h, i));
        }
        h = h.wrapping_mul(33).wrapping_add(c as u32);
    }
    None
}

/// The System V ELF hash, used by `DT_HASH` and by `vd_hash`/`vna_hash`.
pub fn sysv_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0;
    for &c in name {
        h = (h << 4).wrapping_add(c as u32);
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
        }
        h &= !g;
    }
    h
}

/// A `DT_GNU_HASH` table: header, 64-bit bloom words, buckets, chain.
/// All reads are bounds-checked against `words`.
#[derive(Clone, Copy, Debug)]
pub struct GnuHash<'a> {
    words: &'a [u32],
    nbuckets: u32,
    symoffset: u32,
    bloom_size: u32,
    bloom_shift: u32,
}

impl<'a> GnuHash<'a> {
    /// `words` starts at the table and may extend past its end (the chain has no length field).
    pub fn parse(words: &'a [u32]) -> Option<Self> {
        if words.len() < 4 {
            return None;
        }
        let (nbuckets, symoffset, bloom_size, bloom_shift) = (words[0], words[1], words[2], words[3]);
        // bloom_size must be a power of two so `% bloom_size` can be a mask.
        if nbuckets == 0 || bloom_size == 0 || !bloom_size.is_power_of_two() {
            return None;
        }
        let t = Self { words, nbuckets, symoffset, bloom_size, bloom_shift };
        if words.len() < t.chain_start() {
            return None;
        }
        Some(t)
    }

    fn bucket_start(&self) -> usize {
        4 + 2 * self.bloom_size as usize
    }
    fn chain_start(&self) -> usize {
        self.bucket_start() + self.nbuckets as usize
    }
    #[inline]
    pub fn nbuckets(&self) -> u32 {
        self.nbuckets
    }
    #[inline]
    pub fn symoffset(&self) -> u32 {
        self.symoffset
    }
    #[inline]
    pub fn bucket(&self, i: u32) -> u32 {
        let k = self.bucket_start() + (i % self.nbuckets) as usize;
        debug_assert!(k < self.chain_start());
        // SAFETY: k < chain_start <= words.len(), checked in parse().
        unsafe { *self.words.get_unchecked(k) }
    }
    /// The chain array (index = symbol index - symoffset).
    #[inline]
    pub fn chain_words(&self) -> &'a [u32] {
        &self.words[self.chain_start()..]
    }
    /// Chain word for symbol index `sym` (>= symoffset).
    pub fn chain(&self, sym: u32) -> Option<u32> {
        let i = sym.checked_sub(self.symoffset)? as usize;
        self.words.get(self.chain_start() + i).copied()
    }

    /// The bloom filter: `false` means the name is certainly absent.
    #[inline]
    pub fn may_contain(&self, h: u32) -> bool {
        let idx = ((h / 64) & (self.bloom_size - 1)) as usize;
        // SAFETY: idx < bloom_size, so both words lie before bucket_start <= words.len()
        // (checked in parse()).
        let (lo, hi) = unsafe {
            (*self.words.get_unchecked(4 + 2 * idx) as u64, *self.words.get_unchecked(4 + 2 * idx + 1) as u64)
        };
        let word = lo | (hi << 32);
        let mask = (1u64 << (h % 64)) | (1u64 << ((h >> self.bloom_shift) % 64));
        word & mask == mask
    }

    /// Number of dynamic symbols covered (the highest chain end + 1); `None` if malformed.
    pub fn symbol_count(&self) -> Option<usize> {
        let mut max = 0u32;
        for b in 0..self.nbuckets {
            max = max.max(self.bucket(b));
        }
        if max < self.symoffset {
            return Some(self.symoffset as usize);
        }
        let mut i = max;
        loop {
            if self.chain(i)? & 1 != 0 {
                return Some(i as usize + 1);
            }
            i = i.checked_add(1)?;
        }
    }
}

/// A `DT_HASH` table: nbucket, nchain, buckets, chains.
#[derive(Clone, Copy, Debug)]
pub struct SysvHash<'a> {
    words: &'a [u32],
    nbucket: u32,
    nchain: u32,
}

impl<'a> SysvHash<'a> {
    pub fn parse(words: &'a [u32]) -> Option<Self> {
        if words.len() < 2 {
            return None;
        }
        let (nbucket, nchain) = (words[0], words[1]);
        if nbucket == 0 || words.len() < 2 + nbucket as usize + nchain as usize {
            return None;
        }
        Some(Self { words, nbucket, nchain })
    }
    pub fn nbucket(&self) -> u32 {
        self.nbucket
    }
    /// `nchain` equals the number of dynamic symbols.
    pub fn nchain(&self) -> u32 {
        self.nchain
    }
    pub fn bucket(&self, h: u32) -> u32 {
        self.words[2 + (h % self.nbucket) as usize]
    }
    pub fn chain(&self, sym: u32) -> Option<u32> {
        if sym >= self.nchain {
            return None;
        }
        Some(self.words[2 + self.nbucket as usize + sym as usize])
    }
}
