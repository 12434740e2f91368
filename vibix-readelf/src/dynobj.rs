//! One object's dynamic tables, found through PT_DYNAMIC exactly as ld-vibix
//! finds them (not through section headers), copied out of the file so that
//! vibix-elf's `SymbolTable` can borrow aligned slices.

use crate::elf::{table, words, Elf, StrTab};
use vibix_elf::*;

pub struct DynObj<'a> {
    pub path: String,
    pub elf: Elf<'a>,
    pub dy: Vec<Dyn>,
    pub strtab: &'a [u8],
    strs: StrTab<'a>,
    hash_words: Vec<u32>,
    gnu: bool,
    pub syms: Vec<Sym>,
    pub versym: Option<Vec<u16>>,
    pub verdef: Option<Verdefs<'a>>,
    pub verneed: Option<Verneeds<'a>>,
    pub relocs: Vec<Rela>,
    pub relr: Vec<u64>,
}

/// The dynamic array from PT_DYNAMIC (what the loader reads).
pub fn segment_dynamic(elf: &Elf) -> Vec<Dyn> {
    let Some(p) = elf.phdrs().iter().find(|p| p.p_type == PT_DYNAMIC) else { return Vec::new() };
    let b = elf.bytes(p.p_offset, p.p_filesz).unwrap_or(&[]);
    let mut out = Vec::new();
    for d in table::<Dyn>(b) {
        if d.d_tag == DT_NULL {
            break;
        }
        out.push(d);
    }
    out
}

impl<'a> DynObj<'a> {
    pub fn new(path: String, data: &'a [u8]) -> Result<Self, String> {
        if let Err(e) = check_header(data) {
            return Err(format!("{path}: {}", e.message()));
        }
        let elf = Elf::parse(data).map_err(|e| format!("{path}: {e}"))?;
        let dy = segment_dynamic(&elf);
        let val = |t| dy.iter().find(|d| d.d_tag == t).map(|d| d.d_val);
        let strtab = elf.dynstr(&dy);
        let (hash_words, gnu) = match (val(DT_GNU_HASH), val(DT_HASH)) {
            (Some(a), _) => {
                let mut w = words(elf.bytes_at_vaddr(a).unwrap_or(&[]));
                // A bloom shift >= 32 overflows vibix-elf's `>>` in debug builds; a
                // release-built ld-vibix masks it to 5 bits, so do the same.
                if let Some(s) = w.get_mut(3) {
                    *s &= 31;
                }
                (w, true)
            }
            (None, Some(a)) => (words(elf.bytes_at_vaddr(a).unwrap_or(&[])), false),
            _ => (Vec::new(), true),
        };
        let mut o = DynObj {
            path,
            dy: Vec::new(),
            strtab,
            strs: StrTab::new(strtab),
            hash_words,
            gnu,
            syms: Vec::new(),
            versym: None,
            verdef: None,
            verneed: None,
            relocs: Vec::new(),
            relr: Vec::new(),
            elf,
        };
        let count = o.hash().map(|h| {
            let t = SymbolTable { hash: h, symtab: &[], strtab: &[], versym: None, verdef: None };
            t.symbol_count().unwrap_or(0)
        });
        if let (Some(mut n), Some(a)) = (count, val(DT_SYMTAB)) {
            // As ld-vibix: the hash table does not cover undefined symbols placed
            // after the hashed ones, so .dynsym extends to .dynstr when that follows.
            if let Some(st) = val(DT_STRTAB).filter(|&st| st > a) {
                n = n.max(usize::try_from((st - a) / 24).unwrap_or(usize::MAX));
            }
            let b = o.elf.bytes_at_vaddr(a).unwrap_or(&[]);
            let n = n.min(b.len() / 24);
            o.syms = table::<Sym>(&b[..n * 24]);
        }
        if let Some(a) = val(DT_VERSYM) {
            let b = o.elf.bytes_at_vaddr(a).unwrap_or(&[]);
            let n = o.syms.len().min(b.len() / 2);
            o.versym = Some(table::<u16>(&b[..n * 2]));
        }
        if let (Some(a), Some(n)) = (val(DT_VERDEF), val(DT_VERDEFNUM)) {
            let count = (n as usize).min(crate::symtab::MAX_VERSIONS);
            o.verdef = Some(Verdefs { bytes: o.elf.bytes_at_vaddr(a).unwrap_or(&[]), count });
        }
        if let (Some(a), Some(n)) = (val(DT_VERNEED), val(DT_VERNEEDNUM)) {
            let count = (n as usize).min(crate::symtab::MAX_VERSIONS);
            o.verneed = Some(Verneeds { bytes: o.elf.bytes_at_vaddr(a).unwrap_or(&[]), count });
        }
        for (at, sz) in [(DT_RELA, DT_RELASZ), (DT_JMPREL, DT_PLTRELSZ)] {
            if let (Some(a), Some(n)) = (val(at), val(sz)) {
                if let Some(b) = o.elf.vbytes(a, n) {
                    o.relocs.extend(table::<Rela>(b));
                }
            }
        }
        if let (Some(a), Some(n)) = (val(DT_RELR), val(DT_RELRSZ)) {
            o.relr = table::<u64>(o.elf.vbytes(a, n).unwrap_or(&[]));
        }
        o.dy = dy;
        Ok(o)
    }

    pub fn val(&self, tag: i64) -> Option<u64> {
        self.dy.iter().find(|d| d.d_tag == tag).map(|d| d.d_val)
    }

    pub fn str(&self, off: u64) -> Option<&'a [u8]> {
        self.strs.get(off)
    }

    pub fn soname(&self) -> Option<&'a [u8]> {
        self.str(self.val(DT_SONAME)?)
    }
    pub fn needed(&self) -> Vec<&'a [u8]> {
        self.dy.iter().filter(|d| d.d_tag == DT_NEEDED).filter_map(|d| self.str(d.d_val)).collect()
    }
    pub fn rpath(&self) -> Option<&'a [u8]> {
        self.str(self.val(DT_RPATH)?)
    }
    pub fn runpath(&self) -> Option<&'a [u8]> {
        self.str(self.val(DT_RUNPATH)?)
    }
    pub fn symbolic(&self) -> bool {
        self.val(DT_SYMBOLIC).is_some() || self.val(DT_FLAGS).is_some_and(|f| f & DF_SYMBOLIC != 0)
    }

    fn hash(&self) -> Option<HashTable<'_>> {
        if self.hash_words.is_empty() {
            return None;
        }
        if self.gnu {
            GnuHash::parse(&self.hash_words).map(HashTable::Gnu)
        } else {
            SysvHash::parse(&self.hash_words).map(HashTable::Sysv)
        }
    }

    /// vibix-elf's lookup table over this object: the code ld-vibix runs.
    pub fn table(&self) -> Option<SymbolTable<'_>> {
        Some(SymbolTable {
            hash: self.hash()?,
            symtab: &self.syms,
            strtab: self.strtab,
            versym: self.versym.as_deref(),
            verdef: self.verdef,
        })
    }

    /// The version symbol `i` requires (ld-vibix's `version_req`).
    pub fn version_req(&self, i: u32) -> Option<VersionReq<'a>> {
        let vs = *self.versym.as_ref()?.get(i as usize)? & !VERSYM_HIDDEN;
        if vs <= VER_NDX_GLOBAL {
            return None;
        }
        if let Some((_, a)) = self.verneed.and_then(|v| v.find(vs)) {
            return Some(VersionReq { name: self.str(a.vna_name as u64)?, hash: a.vna_hash });
        }
        let e = self.verdef?.find(vs)?;
        Some(VersionReq { name: self.str(e.name as u64)?, hash: e.def.vd_hash })
    }
}
