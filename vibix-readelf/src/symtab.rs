//! Symbol tables and symbol versions, from section headers (the readelf views)
//! or from the dynamic array (when sections are missing: --bindings, --audit).

use crate::elf::{printable, table, Elf, StrTab};
use std::collections::HashMap;
use vibix_elf::*;

/// One symbol table with its string table.
pub struct SymTab<'a> {
    pub syms: Vec<Sym>,
    pub strtab: StrTab<'a>,
    pub dynamic: bool,
}

impl<'a> SymTab<'a> {
    /// The table in section `idx` (SHT_SYMTAB or SHT_DYNSYM) and its linked strings.
    pub fn from_section(elf: &Elf<'a>, idx: usize) -> Option<Self> {
        let s = elf.shdrs().get(idx)?;
        let syms = table::<Sym>(elf.section_data(s).unwrap_or(&[]));
        let strtab = elf
            .shdrs()
            .get(s.sh_link as usize)
            .and_then(|t| elf.section_data(t))
            .unwrap_or(&[]);
        Some(SymTab { syms, strtab: StrTab::new(strtab), dynamic: s.sh_type == SHT_DYNSYM })
    }

    pub fn name(&self, s: &Sym) -> String {
        match self.strtab.get(s.st_name as u64) {
            Some(n) => printable(n),
            None => "<corrupt>".into(),
        }
    }
}

/// Upper bound on version entries walked per table: version indices are 15-bit,
/// and real objects have a few dozen; this keeps hostile chains linear.
pub const MAX_VERSIONS: usize = 4096;

/// How a symbol's version is shown: `@VER (n)` (needed), `@VER` (hidden), `@@VER`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VerKind {
    Needed(u16),
    Hidden,
    Public,
}

/// The GNU version tables, located through section headers.
#[derive(Default)]
pub struct Versions<'a> {
    pub versym: Vec<u16>,
    pub verdef: Option<Verdefs<'a>>,
    pub verneed: Option<Verneeds<'a>>,
    /// String table of the version sections (usually .dynstr).
    pub strtab: &'a [u8],
    pub max_def: u16,
    /// Verdef index -> (vd_ndx, vd_flags, name offset), walked once.
    defs: HashMap<u16, (u16, u16, u32)>,
    /// Vernaux vna_other -> (name offset).
    needs: HashMap<u16, u32>,
}

impl<'a> Versions<'a> {
    pub fn from_sections(elf: &Elf<'a>) -> Self {
        let mut v = Versions::default();
        for s in elf.shdrs() {
            let data = elf.section_data(s).unwrap_or(&[]);
            let strs = || elf.shdrs().get(s.sh_link as usize).and_then(|t| elf.section_data(t)).unwrap_or(&[]);
            match s.sh_type {
                SHT_GNU_VERSYM => v.versym = table::<u16>(data),
                SHT_GNU_VERDEF => {
                    v.verdef = Some(Verdefs { bytes: data, count: s.sh_info as usize });
                    v.strtab = strs();
                }
                SHT_GNU_VERNEED => {
                    v.verneed = Some(Verneeds { bytes: data, count: s.sh_info as usize });
                    v.strtab = strs();
                }
                _ => {}
            }
        }
        if let Some(d) = v.verdef {
            for e in d.iter().take(MAX_VERSIONS) {
                v.max_def = v.max_def.max(e.def.vd_ndx & !VERSYM_HIDDEN);
                v.defs.entry(e.def.vd_ndx).or_insert((e.def.vd_ndx, e.def.vd_flags, e.name));
            }
        }
        if let Some(n) = v.verneed {
            let mut budget = MAX_VERSIONS;
            'outer: for e in n.iter().take(MAX_VERSIONS) {
                for a in e.auxes() {
                    if budget == 0 {
                        break 'outer;
                    }
                    budget -= 1;
                    v.needs.entry(a.vna_other).or_insert(a.vna_name);
                }
            }
        }
        v
    }

    fn str(&self, off: u32) -> String {
        match c_str_at(self.strtab, off as usize) {
            Some(n) => printable(n),
            None => "<corrupt>".into(),
        }
    }

    /// readelf's version string for dynamic symbol `i`.
    pub fn of_symbol(&self, i: usize, sym: &Sym) -> Option<(String, VerKind)> {
        let vs = *self.versym.get(i)?;
        if vs & VERSYM_HIDDEN == 0 && vs <= 1 {
            return None;
        }
        let ndx = vs & !VERSYM_HIDDEN;
        let kind = if vs & VERSYM_HIDDEN != 0 { VerKind::Hidden } else { VerKind::Public };
        if sym.st_shndx != SHN_UNDEF && vs != 0x8001 {
            if let Some(&(vd_ndx, flags, name)) = self.defs.get(&ndx) {
                if vd_ndx == 1 && flags == VER_FLG_BASE {
                    return None;
                }
                if sym.st_name != name {
                    return Some((self.str(name), kind));
                }
            }
        }
        if let Some(&name) = self.needs.get(&ndx) {
            return Some((self.str(name), VerKind::Needed(ndx)));
        }
        if vs != 0x8001 && self.max_def < ndx {
            return Some(("<corrupt>".into(), kind));
        }
        None
    }

    /// Name of version index `ndx` for the -V versym table.
    pub fn need_name(&self, ndx: u16) -> Option<String> {
        self.needs.get(&ndx).map(|&n| self.str(n))
    }
    pub fn def_name(&self, ndx: u16) -> Option<String> {
        self.defs.get(&ndx).map(|&(_, _, n)| self.str(n))
    }
}
