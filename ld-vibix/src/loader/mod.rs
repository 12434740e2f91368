//! Loaded objects: the [`Dso`] record, decoding `PT_DYNAMIC`, and building the
//! bounds-checked symbol table view over mapped memory.

pub mod map;

use crate::diag::{msg, Msg};
use alloc::vec::Vec;
use core::ffi::c_char;
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
    pub needed: Vec<*mut Dso>,
    pub tls: Option<TlsInfo>,
    pub relro: (usize, usize),
    pub refcount: usize,
    pub flags: u32,
    pub dev: u64,
    pub ino: u64,
    /// dlopen: this object and its dependencies, breadth-first (its local scope).
    pub group: Vec<*mut Dso>,
    /// Entry point (absolute).
    pub entry: usize,
    /// False when the hash table proves the object defines no symbol (typical
    /// for programs), so lookups skip it without touching its tables.
    pub may_define: bool,
}

static EMPTY_HASH: [u32; 3] = [1, 0, 0];

impl Dso {
    pub fn phdrs(&self) -> &'static [Phdr] {
        // SAFETY: phdr/phnum describe the mapped program header table.
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

    /// Bytes from `addr` (absolute) to the end of the PT_LOAD segment holding it.
    pub fn seg_tail(&self, addr: usize) -> Option<&'static [u8]> {
        let v = addr.checked_sub(self.base)? as u64;
        for p in self.phdrs() {
            if p.p_type == PT_LOAD && v >= p.p_vaddr && v < p.p_vaddr + p.p_memsz {
                let len = (p.p_vaddr + p.p_memsz - v) as usize;
                // SAFETY: the whole segment [p_vaddr, p_vaddr+memsz) is mapped readable.
                return Some(unsafe { core::slice::from_raw_parts(addr as *const u8, len) });
            }
        }
        None
    }

    fn seg_slice<T>(&self, addr: usize, count: usize) -> Option<&'static [T]> {
        let b = self.seg_tail(addr)?;
        if addr % core::mem::align_of::<T>() != 0 {
            return None;
        }
        let n = count.min(b.len() / core::mem::size_of::<T>());
        // SAFETY: in bounds of a mapped segment and aligned; T is POD.
        Some(unsafe { core::slice::from_raw_parts(addr as *const T, n) })
    }

    /// Builds a Dso for an image already mapped at `base` with program headers at `phdr`.
    pub fn new(base: usize, phdr: *const Phdr, phnum: usize, path: &[u8]) -> Result<Dso, Msg> {
        let mut p = Vec::with_capacity(path.len() + 1);
        p.extend_from_slice(path);
        p.push(0);
        let mut d = Dso {
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
            dynv: core::ptr::null(),
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
            tls: None,
            relro: (0, 0),
            refcount: 1,
            flags: 0,
            dev: 0,
            ino: 0,
            group: Vec::new(),
            entry: 0,
            may_define: true,
        };
        d.lm.l_name = d.path.as_ptr() as *const c_char;
        for ph in d.phdrs() {
            match ph.p_type {
                PT_DYNAMIC => d.dynv = (base + ph.p_vaddr as usize) as *const Dyn,
                PT_TLS if ph.p_memsz > 0 => {
                    d.tls = Some(TlsInfo {
                        id: 0,
                        image: base + ph.p_vaddr as usize,
                        filesz: ph.p_filesz as usize,
                        memsz: ph.p_memsz as usize,
                        align: (ph.p_align as usize).max(1),
                        offset: 0,
                    })
                }
                PT_GNU_RELRO => {
                    let s = (base + ph.p_vaddr as usize) & !4095;
                    let e = (base + (ph.p_vaddr + ph.p_memsz) as usize) & !4095;
                    d.relro = (s, e);
                }
                _ => {}
            }
        }
        d.lm.l_ld = d.dynv;
        if !d.dynv.is_null() {
            d.decode_dynamic()?;
        }
        Ok(d)
    }

    fn decode_dynamic(&mut self) -> Result<(), Msg> {
        let b = self.base;
        let mut y = DynInfo::default();
        let mut p = self.dynv;
        // SAFETY: PT_DYNAMIC is mapped and DT_NULL-terminated (bounded by its segment).
        unsafe {
            while (*p).d_tag != DT_NULL {
                let v = (*p).d_val as usize;
                match (*p).d_tag {
                    DT_STRTAB => y.strtab = b + v,
                    DT_STRSZ => y.strsz = v,
                    DT_SYMTAB => y.symtab = b + v,
                    DT_HASH => y.hash = b + v,
                    DT_GNU_HASH => y.gnu_hash = b + v,
                    DT_RELA => y.rela = b + v,
                    DT_RELASZ => y.relasz = v,
                    DT_RELACOUNT => y.relacount = v,
                    DT_JMPREL => y.jmprel = b + v,
                    DT_PLTRELSZ => y.pltrelsz = v,
                    DT_PLTREL => y.pltrel = v as u64,
                    DT_RELR => y.relr = b + v,
                    DT_RELRSZ => y.relrsz = v,
                    DT_REL => y.rel = true,
                    DT_INIT => y.init = b + v,
                    DT_FINI => y.fini = b + v,
                    DT_INIT_ARRAY => y.init_array = b + v,
                    DT_INIT_ARRAYSZ => y.init_arraysz = v,
                    DT_FINI_ARRAY => y.fini_array = b + v,
                    DT_FINI_ARRAYSZ => y.fini_arraysz = v,
                    DT_PREINIT_ARRAY => y.preinit_array = b + v,
                    DT_PREINIT_ARRAYSZ => y.preinit_arraysz = v,
                    DT_VERSYM => y.versym = b + v,
                    DT_VERDEF => y.verdef = b + v,
                    DT_VERDEFNUM => y.verdefnum = v,
                    DT_VERNEED => y.verneed = b + v,
                    DT_VERNEEDNUM => y.verneednum = v,
                    DT_SONAME => y.soname = Some(v),
                    DT_RPATH => y.rpath = Some(v),
                    DT_RUNPATH => y.runpath = Some(v),
                    DT_FLAGS => y.flags = v as u64,
                    DT_FLAGS_1 => y.flags_1 = v as u64,
                    DT_TEXTREL => y.textrel = true,
                    DT_SYMBOLIC => y.symbolic = true,
                    DT_DEBUG => y.debug = p as usize + 8,
                    _ => {}
                }
                p = p.add(1);
            }
        }
        if y.flags & DF_TEXTREL != 0 {
            y.textrel = true;
        }
        if y.flags & DF_SYMBOLIC != 0 {
            y.symbolic = true;
        }
        self.dy = y;
        let path = self.path.clone();
        let bad = |what: &str| msg(&[&path[..path.len() - 1], b": bad dynamic section (", what.as_bytes(), b")"]);
        if y.strtab != 0 {
            self.syms.strtab = self.seg_slice::<u8>(y.strtab, y.strsz).ok_or_else(|| bad("DT_STRTAB"))?;
        }
        let hash = if y.gnu_hash != 0 {
            let w = self.seg_slice::<u32>(y.gnu_hash, usize::MAX).ok_or_else(|| bad("DT_GNU_HASH"))?;
            HashTable::Gnu(GnuHash::parse(w).ok_or_else(|| bad("DT_GNU_HASH"))?)
        } else if y.hash != 0 {
            let w = self.seg_slice::<u32>(y.hash, usize::MAX).ok_or_else(|| bad("DT_HASH"))?;
            HashTable::Sysv(SysvHash::parse(w).ok_or_else(|| bad("DT_HASH"))?)
        } else {
            self.syms.hash
        };
        self.syms.hash = hash;
        if y.symtab != 0 {
            // The hash table does not cover undefined symbols after symoffset, so
            // bound .dynsym by .dynstr when it follows (the usual layout), else by
            // its segment.
            let mut n = self.syms.symbol_count().ok_or_else(|| bad("hash table"))?;
            if y.strtab > y.symtab {
                n = n.max((y.strtab - y.symtab) / core::mem::size_of::<Sym>());
            }
            self.syms.symtab = self.seg_slice::<Sym>(y.symtab, n).ok_or_else(|| bad("DT_SYMTAB"))?;
        }
        // Small tables (programs): does any hashed symbol have a definition?
        self.may_define = match hash {
            HashTable::Gnu(g) if g.nbuckets() <= 16 => {
                let (lo, hi) = (g.symoffset() as usize, self.syms.symbol_count().unwrap_or(usize::MAX));
                self.syms.symtab.get(lo..hi.min(self.syms.symtab.len())).is_none_or(|s| s.iter().any(|s| !s.is_undefined()))
            }
            HashTable::Sysv(t) => t.nchain() > 1,
            _ => true,
        };
        if y.versym != 0 {
            self.syms.versym = self.seg_slice::<u16>(y.versym, self.syms.symtab.len());
        }
        if y.verdef != 0 {
            let bytes = self.seg_tail(y.verdef).ok_or_else(|| bad("DT_VERDEF"))?;
            self.syms.verdef = Some(Verdefs { bytes, count: y.verdefnum });
        }
        if y.verneed != 0 {
            let bytes = self.seg_tail(y.verneed).ok_or_else(|| bad("DT_VERNEED"))?;
            self.verneed = Some(Verneeds { bytes, count: y.verneednum });
        }
        Ok(())
    }

    /// DT_NEEDED names, in order.
    pub fn needed_names(&self) -> impl Iterator<Item = &'static [u8]> + '_ {
        let mut p = self.dynv;
        let strtab = self.syms.strtab;
        core::iter::from_fn(move || {
            if p.is_null() {
                return None;
            }
            // SAFETY: walking the DT_NULL-terminated dynamic array.
            unsafe {
                while (*p).d_tag != DT_NULL {
                    let d = *p;
                    p = p.add(1);
                    if d.d_tag == DT_NEEDED {
                        return Some(c_str_at(strtab, d.d_val as usize).unwrap_or(b"?"));
                    }
                }
            }
            None
        })
    }
}
