//! Loaded objects: the [`Dso`] record, decoding `PT_DYNAMIC`, and building the
//! bounds-checked symbol table view over mapped memory.

pub mod image;
pub mod map;

pub use image::Image;

use crate::diag::{msg, Msg};
use crate::state::Obj;
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::c_char;
use vibix_elf::plan::LoadPlan;
use vibix_elf::*;

/// `struct link_map` as gdb and `<link.h>` know it. First field of [`Dso`], so a
/// `*mut Dso` is also the dlopen handle and the r_debug list node.
#[repr(C)]
pub struct LinkMap {
    pub l_addr: usize,
    pub l_name: *const c_char,
    pub l_ld: *const Dyn,
    pub l_next: *mut LinkMap,
    pub l_prev: *mut LinkMap,
}
static_assertions::const_assert_eq!(core::mem::size_of::<LinkMap>(), 40);

/// Decoded dynamic section (addresses already biased).
#[derive(Default, Clone, Copy)]
pub struct DynInfo {
    pub strtab: usize,
    pub strsz: usize,
    pub symtab: usize,
    pub hash: usize,
    pub gnu_hash: usize,
    pub rela: usize,
    pub relasz: usize,
    /// DT_RELACOUNT: leading RELATIVE entries of DT_RELA.
    pub relacount: usize,
    pub jmprel: usize,
    pub pltrelsz: usize,
    pub pltrel: u64,
    pub relr: usize,
    pub relrsz: usize,
    pub rel: bool,
    pub init: usize,
    pub fini: usize,
    pub init_array: usize,
    pub init_arraysz: usize,
    pub fini_array: usize,
    pub fini_arraysz: usize,
    pub preinit_array: usize,
    pub preinit_arraysz: usize,
    pub versym: usize,
    pub verdef: usize,
    pub verdefnum: usize,
    pub verneed: usize,
    pub verneednum: usize,
    pub soname: Option<usize>,
    pub rpath: Option<usize>,
    pub runpath: Option<usize>,
    pub flags: u64,
    pub flags_1: u64,
    pub textrel: bool,
    pub symbolic: bool,
    pub debug: usize,
}

pub const F_GLOBAL: u32 = 1;
pub const F_NODELETE: u32 = 2;
pub const F_INIT_DONE: u32 = 4;
pub const F_FINI_DONE: u32 = 8;
pub const F_RELOCATED: u32 = 16;
pub const F_MAIN: u32 = 32;
pub const F_LDSO: u32 = 64;
pub const F_INIT_STARTED: u32 = 128;
/// Relocation saw an IRELATIVE entry: [`crate::reloc::apply_irelative`] has work.
pub const F_IRELATIVE: u32 = 256;

/// TLS of one module.
#[derive(Clone, Copy, Default)]
pub struct TlsInfo {
    pub id: usize,
    pub image: usize,
    pub filesz: usize,
    pub memsz: usize,
    pub align: usize,
    /// Static TLS: block starts at tp - offset. 0 = dynamic (allocated lazily).
    pub offset: usize,
}

#[repr(C)]
pub struct Dso {
    pub lm: LinkMap,
    pub base: usize,
    /// Path as opened, NUL-terminated (l_name points here).
    pub path: Vec<u8>,
    pub phdr: *const Phdr,
    pub phnum: usize,
    pub dynv: *const Dyn,
    /// Our own mapping (unmapped by dlclose); 0 for the kernel-mapped program and ld-vibix.
    pub map_start: usize,
    pub map_len: usize,
    pub dy: DynInfo,
    pub syms: SymbolTable<'static>,
    pub verneed: Option<Verneeds<'static>>,
    pub needed: Vec<Obj>,
    pub tls: Option<TlsInfo>,
    pub relro: (usize, usize),
    pub refcount: usize,
    pub flags: u32,
    pub dev: u64,
    pub ino: u64,
    /// dlopen: this object and its dependencies, breadth-first (its local scope).
    pub group: Vec<Obj>,
    /// Entry point (absolute).
    pub entry: usize,
    /// False when the hash table proves the object defines no symbol (typical
    /// for programs), so lookups skip it without touching its tables.
    pub may_define: bool,
    /// The validated segments: every file-derived address is checked against them.
    pub img: Image,
    /// Entries of the dynamic section before DT_NULL.
    pub dynv_len: usize,
}

static EMPTY_HASH: [u32; 3] = [1, 0, 0];

impl Dso {
    pub fn phdrs(&self) -> &'static [Phdr] {
        // SAFETY: phdr/phnum describe the mapped (or kept) program header table.
        unsafe { core::slice::from_raw_parts(self.phdr, self.phnum) }
    }

    pub fn path_bytes(&self) -> &[u8] {
        &self.path[..self.path.len() - 1]
    }

    /// Short name for messages: the path, or the soname for the program's deps.
    pub fn name(&self) -> &[u8] {
        self.path_bytes()
    }

    pub fn soname(&self) -> Option<&'static [u8]> {
        self.dy.soname.and_then(|o| self.dynstr(o))
    }

    pub fn dynstr(&self, off: usize) -> Option<&'static [u8]> {
        c_str_at(self.syms.strtab, off)
    }

    /// Builds a Dso for an image mapped at `base` as `plan` says, with program headers at `phdr`.
    /// Built in its box (the record is ~1.7 KiB: no moves of it after this).
    pub fn new(base: usize, plan: &LoadPlan, phdr: *const Phdr, phnum: usize, path: &[u8]) -> Result<Box<Dso>, Msg> {
        let mut p = Vec::with_capacity(path.len() + 1);
        p.extend_from_slice(path);
        p.push(0);
        let at = |va: u64| base.wrapping_add(va as usize);
        let mut d = Box::new(Dso {
            lm: LinkMap {
                l_addr: base,
                l_name: core::ptr::null(),
                l_ld: core::ptr::null(),
                l_next: core::ptr::null_mut(),
                l_prev: core::ptr::null_mut(),
            },
            base,
            path: p,
            phdr,
            phnum,
            dynv: plan.dynamic.map_or(core::ptr::null(), |(va, _)| at(va) as *const Dyn),
            map_start: 0,
            map_len: 0,
            dy: DynInfo::default(),
            syms: SymbolTable {
                hash: HashTable::Sysv(SysvHash::parse(&EMPTY_HASH).unwrap()),
                symtab: &[],
                strtab: &[],
                versym: None,
                verdef: None,
            },
            verneed: None,
            needed: Vec::new(),
            tls: plan.tls.map(|t| TlsInfo {
                id: 0,
                image: at(t.vaddr),
                filesz: t.filesz as usize,
                memsz: t.memsz as usize,
                align: t.align as usize,
                offset: 0,
            }),
            relro: plan.relro.map_or((0, 0), |(va, sz)| (at(va) & !4095, at(va + sz) & !4095)),
            refcount: 1,
            flags: 0,
            dev: 0,
            ino: 0,
            group: Vec::new(),
            entry: 0,
            may_define: true,
            img: Image::new(base, plan),
            dynv_len: 0,
        });
        d.lm.l_name = d.path.as_ptr() as *const c_char;
        d.lm.l_ld = d.dynv;
        if let Some((_, size)) = plan.dynamic {
            d.decode_dynamic(size as usize)?;
        }
        Ok(d)
    }

    fn decode_dynamic(&mut self, size: usize) -> Result<(), Msg> {
        // Borrows only `self.path` (disjoint from the fields set below): no copy of it.
        let bad = |what: &str| msg(&[&self.path[..self.path.len() - 1], b": bad dynamic section (", what.as_bytes(), b")"]);
        // The plan put PT_DYNAMIC inside a readable segment's file bytes.
        let dynv = self.img.slice::<Dyn>(self.dynv as usize, size / 16).ok_or_else(|| bad("PT_DYNAMIC"))?;
        let n = dynv.iter().position(|d| d.d_tag == DT_NULL).ok_or_else(|| bad("no DT_NULL"))?;
        let dynv = &dynv[..n];
        self.dynv_len = n;
        let (y, bad_tag) = decode_entries(self.base, dynv);
        if let Some(t) = bad_tag {
            return Err(bad(dt_name(t).unwrap_or("address")));
        }
        self.dy = y;
        let img = &self.img;
        let table = |addr: usize, size: usize, ent: usize, what: &'static str| -> Result<(), Msg> {
            if addr == 0 && size == 0 {
                return Ok(());
            }
            if size % ent != 0 || img.slice::<u64>(addr, size / 8).is_none() {
                return Err(bad(what));
            }
            Ok(())
        };
        table(y.rela, y.relasz, 24, "DT_RELA/DT_RELASZ")?;
        table(y.jmprel, y.pltrelsz, 24, "DT_JMPREL/DT_PLTRELSZ")?;
        table(y.relr, y.relrsz, 8, "DT_RELR/DT_RELRSZ")?;
        table(y.init_array, y.init_arraysz, 8, "DT_INIT_ARRAY/DT_INIT_ARRAYSZ")?;
        table(y.fini_array, y.fini_arraysz, 8, "DT_FINI_ARRAY/DT_FINI_ARRAYSZ")?;
        table(y.preinit_array, y.preinit_arraysz, 8, "DT_PREINIT_ARRAY/DT_PREINIT_ARRAYSZ")?;
        if y.init != 0 && !img.executable(y.init) {
            return Err(bad("DT_INIT not in an executable segment"));
        }
        if y.fini != 0 && !img.executable(y.fini) {
            return Err(bad("DT_FINI not in an executable segment"));
        }
        if y.debug != 0 && !img.writable(y.debug, 8) {
            self.dy.debug = 0;
        }
        if y.strtab != 0 {
            self.syms.strtab = img.slice::<u8>(y.strtab, y.strsz).ok_or_else(|| bad("DT_STRTAB/DT_STRSZ"))?;
        }
        for d in dynv {
            if matches!(d.d_tag, DT_NEEDED | DT_SONAME | DT_RPATH | DT_RUNPATH) {
                let s = self.dynstr(d.d_val as usize).ok_or_else(|| bad(dt_name(d.d_tag).unwrap_or("string")))?;
                if s.is_empty() && d.d_tag == DT_NEEDED {
                    return Err(bad("empty DT_NEEDED name"));
                }
            }
        }
        let hash = if y.gnu_hash != 0 {
            let w = img.slice_upto::<u32>(y.gnu_hash, usize::MAX).ok_or_else(|| bad("DT_GNU_HASH"))?;
            HashTable::Gnu(GnuHash::parse(w).ok_or_else(|| bad("DT_GNU_HASH"))?)
        } else if y.hash != 0 {
            let w = img.slice_upto::<u32>(y.hash, usize::MAX).ok_or_else(|| bad("DT_HASH"))?;
            HashTable::Sysv(SysvHash::parse(w).ok_or_else(|| bad("DT_HASH"))?)
        } else {
            self.syms.hash
        };
        self.syms.hash = hash;
        let hashed = self.syms.symbol_count();
        if y.symtab != 0 {
            // The hash table does not cover undefined symbols after symoffset, so
            // bound .dynsym by .dynstr when it follows (the usual layout), else by
            // its segment.
            let mut n = hashed.ok_or_else(|| bad("hash table"))?;
            if y.strtab > y.symtab {
                n = n.max((y.strtab - y.symtab) / core::mem::size_of::<Sym>());
            }
            self.syms.symtab = img.slice_upto::<Sym>(y.symtab, n).ok_or_else(|| bad("DT_SYMTAB"))?;
        }
        // Small tables (programs): does any hashed symbol have a definition?
        self.may_define = match hash {
            HashTable::Gnu(g) if g.nbuckets() <= 16 => {
                let (lo, hi) = (g.symoffset() as usize, hashed.unwrap_or(usize::MAX));
                self.syms.symtab.get(lo..hi.min(self.syms.symtab.len())).is_none_or(|s| s.iter().any(|s| !s.is_undefined()))
            }
            HashTable::Sysv(t) => t.nchain() > 1,
            _ => true,
        };
        if y.versym != 0 {
            self.syms.versym = img.slice_upto::<u16>(y.versym, self.syms.symtab.len());
        }
        if y.verdef != 0 {
            let bytes = img.tail(y.verdef).ok_or_else(|| bad("DT_VERDEF"))?;
            self.syms.verdef = Some(Verdefs { bytes, count: y.verdefnum });
        }
        if y.verneed != 0 {
            let bytes = img.tail(y.verneed).ok_or_else(|| bad("DT_VERNEED"))?;
            self.verneed = Some(Verneeds { bytes, count: y.verneednum });
        }
        Ok(())
    }

    /// The checked dynamic entries (up to DT_NULL).
    pub fn dyn_entries(&self) -> &'static [Dyn] {
        if self.dynv.is_null() {
            return &[];
        }
        // SAFETY: decode_dynamic checked these entries lie in a mapped segment.
        unsafe { core::slice::from_raw_parts(self.dynv, self.dynv_len) }
    }

    /// DT_NEEDED names, in order (their offsets were checked by decode_dynamic).
    pub fn needed_names(&self) -> impl Iterator<Item = &'static [u8]> + '_ {
        let strtab = self.syms.strtab;
        self.dyn_entries().iter().filter(|d| d.d_tag == DT_NEEDED).map(move |d| c_str_at(strtab, d.d_val as usize).unwrap_or(b"?"))
    }
}

/// Decodes dynamic entries into biased addresses; the second value names a
/// tag whose address or value cannot be right (overflow, bad entry size).
fn decode_entries(b: usize, dynv: &[Dyn]) -> (DynInfo, Option<i64>) {
    let mut y = DynInfo::default();
    let mut badtag = None;
    for d in dynv {
        let v = d.d_val as usize;
        const ADDRS: [i64; 16] = [
            DT_STRTAB, DT_SYMTAB, DT_HASH, DT_GNU_HASH, DT_RELA, DT_JMPREL, DT_RELR, DT_INIT, DT_FINI, DT_INIT_ARRAY,
            DT_FINI_ARRAY, DT_PREINIT_ARRAY, DT_VERSYM, DT_VERDEF, DT_VERNEED, DT_DEBUG,
        ];
        let a = match b.checked_add(v) {
            Some(a) => a,
            None if ADDRS.contains(&d.d_tag) => {
                badtag.get_or_insert(d.d_tag);
                continue;
            }
            None => 0,
        };
        match d.d_tag {
            DT_STRTAB => y.strtab = a,
            DT_STRSZ => y.strsz = v,
            DT_SYMTAB => y.symtab = a,
            DT_SYMENT | DT_RELAENT if v != 24 => badtag = Some(d.d_tag),
            DT_RELRENT if v != 8 => badtag = Some(d.d_tag),
            DT_PLTREL if v as i64 != DT_RELA => badtag = Some(d.d_tag),
            DT_HASH => y.hash = a,
            DT_GNU_HASH => y.gnu_hash = a,
            DT_RELA => y.rela = a,
            DT_RELASZ => y.relasz = v,
            DT_RELACOUNT => y.relacount = v,
            DT_JMPREL => y.jmprel = a,
            DT_PLTRELSZ => y.pltrelsz = v,
            DT_PLTREL => y.pltrel = v as u64,
            DT_RELR => y.relr = a,
            DT_RELRSZ => y.relrsz = v,
            DT_REL => y.rel = true,
            DT_INIT => y.init = a,
            DT_FINI => y.fini = a,
            DT_INIT_ARRAY => y.init_array = a,
            DT_INIT_ARRAYSZ => y.init_arraysz = v,
            DT_FINI_ARRAY => y.fini_array = a,
            DT_FINI_ARRAYSZ => y.fini_arraysz = v,
            DT_PREINIT_ARRAY => y.preinit_array = a,
            DT_PREINIT_ARRAYSZ => y.preinit_arraysz = v,
            DT_VERSYM => y.versym = a,
            DT_VERDEF => y.verdef = a,
            DT_VERDEFNUM => y.verdefnum = v,
            DT_VERNEED => y.verneed = a,
            DT_VERNEEDNUM => y.verneednum = v,
            DT_SONAME => y.soname = Some(v),
            DT_RPATH => y.rpath = Some(v),
            DT_RUNPATH => y.runpath = Some(v),
            DT_FLAGS => y.flags = v as u64,
            DT_FLAGS_1 => y.flags_1 = v as u64,
            DT_TEXTREL => y.textrel = true,
            DT_SYMBOLIC => y.symbolic = true,
            DT_DEBUG => y.debug = d as *const Dyn as usize + 8,
            _ => {}
        }
    }
    if y.flags & DF_TEXTREL != 0 {
        y.textrel = true;
    }
    if y.flags & DF_SYMBOLIC != 0 {
        y.symbolic = true;
    }
    (y, badtag)
}
