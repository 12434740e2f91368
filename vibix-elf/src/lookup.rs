//! Symbol lookup in ONE object, given its dynamic tables as bounded slices.
//! Free of loader state: ld-vibix builds a [`SymbolTable`] over mapped memory,
//! vibix-readelf over file bytes.

use crate::hash::{GnuHash, SysvHash};
use crate::version::Verdefs;
use crate::*;
use core::cell::Cell;

#[derive(Clone, Copy, Debug)]
pub enum HashTable<'a> {
    Gnu(GnuHash<'a>),
    Sysv(SysvHash<'a>),
}

/// A requested symbol version (from the referencing object's Verneed).
#[derive(Clone, Copy, Debug)]
pub struct VersionReq<'n> {
    pub name: &'n [u8],
    /// `sysv_hash(name)`, as stored in `vna_hash`.
    pub hash: u32,
}

/// A name to look up, with its hashes computed once and reused across objects.
#[derive(Debug)]
pub struct SymQuery<'n> {
    pub name: &'n [u8],
    pub gnu: u32,
    sysv: Cell<Option<u32>>,
    pub version: Option<VersionReq<'n>>,
}

impl<'n> SymQuery<'n> {
    pub fn new(name: &'n [u8], version: Option<VersionReq<'n>>) -> Self {
        Self { name, gnu: gnu_hash(name), sysv: Cell::new(None), version }
    }
    /// The query for the NUL-terminated name at offset `off` of `strtab`, hashing
    /// and measuring it in one pass. Inlined: a call returned the 56-byte query
    /// through memory, a quarter of a symbolic relocation's cost.
    #[inline(always)]
    pub fn from_strtab(strtab: &'n [u8], off: usize, version: Option<VersionReq<'n>>) -> Option<Self> {
        let tail = strtab.get(off..)?;
        let (gnu, len) = crate::hash::gnu_hash_cstr(tail)?;
        Some(Self { name: &tail[..len], gnu, sysv: Cell::new(None), version })
    }
    /// The SysV hash, computed only when an object without DT_GNU_HASH is searched.
    pub fn sysv(&self) -> u32 {
        match self.sysv.get() {
            Some(h) => h,
            None => {
                let h = sysv_hash(self.name);
                self.sysv.set(Some(h));
                h
            }
        }
    }
}

/// Bit `st_info` set when a symbol with that st_info can satisfy a lookup:
/// kind NOTYPE, OBJECT, FUNC, COMMON, TLS or GNU_IFUNC; binding GLOBAL, WEAK
/// or GNU_UNIQUE.
const DEFINABLE_INFO: [u64; 4] = {
    const KINDS: u32 = 1 << STT_NOTYPE | 1 << STT_OBJECT | 1 << STT_FUNC | 1 << STT_COMMON | 1 << STT_TLS | 1 << STT_GNU_IFUNC;
    const BINDS: u32 = 1 << STB_GLOBAL | 1 << STB_WEAK | 1 << STB_GNU_UNIQUE;
    let mut t = [0u64; 4];
    let mut info = 0usize;
    while info < 256 {
        if (KINDS >> (info & 0xf)) & (BINDS >> (info >> 4)) & 1 != 0 {
            t[info >> 6] |= 1 << (info & 63);
        }
        info += 1;
    }
    t
};

/// One object's dynamic symbol table and the tables that index it.
#[derive(Clone, Copy, Debug)]
pub struct SymbolTable<'a> {
    pub hash: HashTable<'a>,
    pub symtab: &'a [Sym],
    pub strtab: &'a [u8],
    pub versym: Option<&'a [u16]>,
    pub verdef: Option<Verdefs<'a>>,
}

/// Equality of two equally long byte strings, 8 bytes at a time (names are short;
/// this beats a call to `bcmp`).
#[inline]
pub(crate) fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let w4 = |s: &[u8], i: usize| u32::from_ne_bytes([s[i], s[i + 1], s[i + 2], s[i + 3]]);
    let w8 = |s: &[u8], i: usize| u64::from_ne_bytes(s[i..i + 8].try_into().unwrap());
    match n {
        0 => true,
        1..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        // Two overlapping words cover every length up to twice the word size.
        4..=8 => w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4),
        9..=16 => w8(a, 0) == w8(b, 0) && w8(a, n - 8) == w8(b, n - 8),
        _ => {
            let mut i = 0;
            while i + 8 < n {
                if w8(a, i) != w8(b, i) {
                    return false;
                }
                i += 8;
            }
            w8(a, n - 8) == w8(b, n - 8)
        }
    }
}

/// The NUL-terminated string at `off` in `strtab` (without the NUL), bounds-checked.
pub fn c_str_at(strtab: &[u8], off: usize) -> Option<&[u8]> {
    let s = strtab.get(off..)?;
    let n = s.iter().position(|&c| c == 0)?;
    Some(&s[..n])
}

impl<'a> SymbolTable<'a> {
    pub fn name(&self, sym: &Sym) -> Option<&'a [u8]> {
        c_str_at(self.strtab, sym.st_name as usize)
    }

    /// Number of symbols in `.dynsym`, derived from the hash table.
    pub fn symbol_count(&self) -> Option<usize> {
        match self.hash {
            HashTable::Gnu(g) => g.symbol_count(),
            HashTable::Sysv(s) => Some(s.nchain() as usize),
        }
    }

    /// Finds the definition of `q` in this object: index and symbol.
    #[inline(always)]
    pub fn lookup(&self, q: &SymQuery) -> Option<(u32, &'a Sym)> {
        match self.hash {
            HashTable::Gnu(g) => {
                if !g.may_contain(q.gnu) {
                    return None;
                }
                let i = g.bucket(q.gnu);
                if i == 0 || i < g.symoffset() {
                    return None;
                }
                let chain = g.chain_words();
                let off = g.symoffset() as usize;
                let mut j = i as usize - off;
                loop {
                    let ch = *chain.get(j)?;
                    if (ch | 1) == (q.gnu | 1) {
                        if let Some(s) = self.check((j + off) as u32, q) {
                            return Some(((j + off) as u32, s));
                        }
                    }
                    if ch & 1 != 0 {
                        return None;
                    }
                    j += 1;
                }
            }
            HashTable::Sysv(t) => {
                let mut i = t.bucket(q.sysv());
                // Bound the walk so a cyclic chain cannot loop forever.
                let mut steps = 0u32;
                while i != 0 && steps <= t.nchain() {
                    if let Some(s) = self.check(i, q) {
                        return Some((i, s));
                    }
                    i = t.chain(i)?;
                    steps += 1;
                }
                None
            }
        }
    }

    /// Is symbol `i` a definition of `q` (name, kind, binding, version)?
    #[inline(always)]
    fn check(&self, i: u32, q: &SymQuery) -> Option<&'a Sym> {
        let s = self.symtab.get(i as usize)?;
        // A definition of an acceptable kind and binding (one table lookup on
        // st_info); a value of 0 only for TLS (offset 0 in its block) or
        // absolute symbols.
        if DEFINABLE_INFO[s.st_info as usize >> 6] >> (s.st_info & 63) & 1 == 0 || s.st_shndx == SHN_UNDEF {
            return None;
        }
        if s.st_value == 0 && s.kind() != STT_TLS && s.st_shndx != SHN_ABS {
            return None;
        }
        // Compare in place: name bytes, then the terminating NUL (no strlen).
        let start = s.st_name as usize;
        let end = start.checked_add(q.name.len())?;
        if self.strtab.get(end) != Some(&0) || !bytes_eq(&self.strtab[start..end], q.name) {
            return None;
        }
        if self.version_ok(i, q) {
            Some(s)
        } else {
            None
        }
    }

    /// Version rules: an unversioned reference takes the default (non-hidden)
    /// definition; a versioned one needs that exact version, except that objects
    /// without version definitions (or unversioned definitions) satisfy any version.
    #[inline]
    fn version_ok(&self, i: u32, q: &SymQuery) -> bool {
        match self.versym {
            None => true,
            Some(versym) => self.version_ok_slow(versym, i, q),
        }
    }

    /// Out of line so that the common unversioned check needs few registers.
    #[inline(never)]
    fn version_ok_slow(&self, versym: &[u16], i: u32, q: &SymQuery) -> bool {
        let Some(&vs) = versym.get(i as usize) else { return true };
        let ndx = vs & !VERSYM_HIDDEN;
        match q.version {
            None => vs & VERSYM_HIDDEN == 0,
            Some(req) => {
                let Some(defs) = self.verdef else { return true };
                if ndx <= VER_NDX_GLOBAL {
                    return true;
                }
                match defs.find(ndx) {
                    Some(e) => {
                        e.def.vd_hash == req.hash
                            && c_str_at(self.strtab, e.name as usize) == Some(req.name)
                    }
                    None => false,
                }
            }
        }
    }

    /// Does this object define version `name` (any Verdef other than the base)?
    pub fn defines_version(&self, name: &[u8], hash: u32) -> bool {
        let Some(defs) = self.verdef else { return false };
        defs.iter().any(|e| {
            e.def.vd_flags & VER_FLG_BASE == 0
                && e.def.vd_hash == hash
                && c_str_at(self.strtab, e.name as usize) == Some(name)
        })
    }
}
