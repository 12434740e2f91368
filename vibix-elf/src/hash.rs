//! The two ELF symbol hash functions and the hash tables built from them.

/// The GNU hash (DJB `h * 33 + c`), used by `DT_GNU_HASH`.
pub fn gnu_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 5381;
    for &c in name {
        h = h.wrapping_mul(33).wrapping_add(c as u32);
    }
    h
}

/// Powers of 33 modulo 2^32: `P33[n]` advances the GNU hash over `n` bytes.
const P33: [u32; 9] = {
    let mut p = [1u32; 9];
    let mut i = 1;
    while i < 9 {
        p[i] = p[i - 1].wrapping_mul(33);
        i += 1;
    }
    p
};

/// `sum(c[i] * 33^(7-i))` over the 8 bytes of `w` (byte 0 = first character),
/// by combining neighbouring lanes: bytes -> 16-bit pairs -> 32-bit quads
/// (no lane can overflow: 255*33+255 < 2^16, 8670*1089+8670 < 2^32).
#[inline(always)]
fn hash8(w: u64) -> u32 {
    const M8: u64 = 0x00ff_00ff_00ff_00ff;
    const M16: u64 = 0x0000_ffff_0000_ffff;
    let a = (w & M8).wrapping_mul(33).wrapping_add((w >> 8) & M8);
    let b = (a & M16).wrapping_mul(1089).wrapping_add((a >> 16) & M16);
    (b as u32).wrapping_mul(P33[4]).wrapping_add((b >> 32) as u32)
}

/// GNU hash and length of the NUL-terminated string at the start of `s`, in one
/// pass; `None` if `s` has no NUL. Eight bytes per step (SWAR hash of a word,
/// NUL found with the has-zero-byte trick); the last few bytes of `s` bytewise.
#[inline(always)]
pub fn gnu_hash_cstr(s: &[u8]) -> Option<(u32, usize)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut h: u32 = 5381;
    let mut i = 0;
    while i + 8 <= s.len() {
        // SAFETY: i + 8 <= s.len().
        let w = u64::from_le(unsafe { s.as_ptr().add(i).cast::<u64>().read_unaligned() });
        // The lowest set bit marks the first zero byte (borrows only affect higher bytes).
        let z = w.wrapping_sub(ONES) & !w & HIGHS;
        if z != 0 {
            let n = (z.trailing_zeros() / 8) as usize;
            if n != 0 {
                // Shift the n name bytes to the top: the zero low bytes add nothing.
                h = h.wrapping_mul(P33[n & 7]).wrapping_add(hash8(w << (64 - 8 * n)));
            }
            return Some((h, i + n));
        }
        h = h.wrapping_mul(P33[8]).wrapping_add(hash8(w));
        i += 8;
    }
    for (k, &c) in s[i..].iter().enumerate() {
        if c == 0 {
            return Some((h, i + k));
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
    /// Word index of the buckets and of the chain, computed once in parse().
    buckets_at: u32,
    chain_at: u32,
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
        let buckets_at = 4 + 2 * bloom_size as usize;
        let chain_at = buckets_at + nbuckets as usize;
        if words.len() < chain_at || chain_at > u32::MAX as usize {
            return None;
        }
        let (buckets_at, chain_at) = (buckets_at as u32, chain_at as u32);
        Some(Self { words, nbuckets, symoffset, bloom_size, bloom_shift, buckets_at, chain_at })
    }

    #[inline]
    fn bucket_start(&self) -> usize {
        self.buckets_at as usize
    }
    #[inline]
    fn chain_start(&self) -> usize {
        self.chain_at as usize
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
        // SAFETY: chain_start <= words.len(), checked in parse().
        unsafe { self.words.get_unchecked(self.chain_start()..) }
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
        // SAFETY: bucket_start..chain_start lies inside words (checked in parse()).
        let buckets = unsafe { self.words.get_unchecked(self.bucket_start()..self.chain_start()) };
        let max = buckets.iter().copied().max().unwrap_or(0);
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
