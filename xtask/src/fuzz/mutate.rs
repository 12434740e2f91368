//! ELF-aware mutations. A mutant is a list of [`Edit`]s on named fields
//! (`ph[2].p_memsz`, `dyn[RELASZ].val`, `rela[3].r_offset`, `sym[1].st_name`,
//! `byte[0x1234]`, ...), printed and parsed as one text line so a crasher can
//! be replayed from `xtask/fuzz/corpus.txt`. Fields are found through the
//! original file's layout (ELF header, program headers, PT_DYNAMIC, the RELA,
//! JMPREL and symbol tables), so a corpus line survives a rebuild of the input.

use super::rng::Rng;
use vibix_elf::*;

/// The parts of an input file a mutation can name.
pub struct Layout {
    pub len: usize,
    phoff: usize,
    pub phdrs: Vec<Phdr>,
    /// File offset and entries of PT_DYNAMIC.
    dyn_off: Option<usize>,
    dyns: Vec<Dyn>,
    /// File offsets of the RELA and JMPREL tables and their entry counts.
    rela: Option<(usize, usize)>,
    jmprel: Option<(usize, usize)>,
    /// File offset and count of .dynsym entries (bounded by DT_STRTAB).
    syms: Option<(usize, usize)>,
    /// Addresses worth aiming pointers at: segment starts/ends, table addresses.
    pub anchors: Vec<u64>,
}

impl Layout {
    pub fn parse(b: &[u8]) -> Result<Layout, String> {
        let eh = check_header(b).map_err(|e| e.message().to_string())?;
        let phoff = eh.e_phoff as usize;
        let phdrs: Vec<Phdr> = (0..eh.e_phnum as usize).filter_map(|i| read(b, phoff + i * 56)).collect();
        let off_of = |va: u64| -> Option<usize> {
            phdrs
                .iter()
                .find(|p| p.p_type == PT_LOAD && va >= p.p_vaddr && va < p.p_vaddr + p.p_filesz)
                .map(|p| (va - p.p_vaddr + p.p_offset) as usize)
        };
        let dyn_off = phdrs.iter().find(|p| p.p_type == PT_DYNAMIC).map(|p| p.p_offset as usize);
        let mut dyns = Vec::new();
        if let Some(o) = dyn_off {
            while let Some(d) = read::<Dyn>(b, o + dyns.len() * 16) {
                dyns.push(d);
                if d.d_tag == DT_NULL {
                    break;
                }
            }
        }
        let val = |t: i64| dyns.iter().find(|d| d.d_tag == t).map(|d| d.d_val);
        let table = |a: i64, sz: i64| Some((off_of(val(a)?)?, val(sz)? as usize / 24));
        let syms = match (val(DT_SYMTAB), val(DT_STRTAB)) {
            (Some(s), Some(t)) if t > s => Some((off_of(s).ok_or("DT_SYMTAB not in the file")?, ((t - s) / 24) as usize)),
            _ => None,
        };
        let mut anchors = vec![0];
        for p in &phdrs {
            anchors.extend([p.p_vaddr, p.p_vaddr + p.p_memsz, p.p_vaddr + p.p_filesz, (p.p_vaddr + p.p_memsz).wrapping_sub(8)]);
        }
        anchors.extend(dyns.iter().filter(|d| d.d_val > 0x1000 && d.d_val < 0x100_0000).map(|d| d.d_val));
        let (rela, jmprel) = (table(DT_RELA, DT_RELASZ), table(DT_JMPREL, DT_PLTRELSZ));
        Ok(Layout { len: b.len(), phoff, phdrs, dyn_off, dyns, rela, jmprel, syms, anchors })
    }

    fn dyn_index(&self, tag: i64) -> Option<usize> {
        self.dyns.iter().position(|d| d.d_tag == tag)
    }
}

/// Where an edit writes: a record kind and index, and a field in it.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Eh(&'static str),
    Ph(usize, &'static str),
    /// By index, or (`tag` set) the first entry with that tag.
    Dyn { index: Option<usize>, tag: Option<i64>, field: &'static str },
    Rela(usize, &'static str),
    Jmprel(usize, &'static str),
    Sym(usize, &'static str),
    Byte(usize),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Set,
    Add,
    Xor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub place: Place,
    pub op: Op,
    pub value: u64,
}

const EH_FIELDS: &[(&str, usize, usize)] =
    &[("e_type", 16, 2), ("e_entry", 24, 8), ("e_phoff", 32, 8), ("e_shoff", 40, 8), ("e_phentsize", 54, 2), ("e_phnum", 56, 2)];
const PH_FIELDS: &[(&str, usize, usize)] = &[
    ("p_type", 0, 4),
    ("p_flags", 4, 4),
    ("p_offset", 8, 8),
    ("p_vaddr", 16, 8),
    ("p_filesz", 32, 8),
    ("p_memsz", 40, 8),
    ("p_align", 48, 8),
];
const DYN_FIELDS: &[(&str, usize, usize)] = &[("tag", 0, 8), ("val", 8, 8)];
const RELA_FIELDS: &[(&str, usize, usize)] = &[("r_offset", 0, 8), ("r_info", 8, 8), ("r_type", 8, 4), ("r_sym", 12, 4), ("r_addend", 16, 8)];
const SYM_FIELDS: &[(&str, usize, usize)] =
    &[("st_name", 0, 4), ("st_info", 4, 1), ("st_shndx", 6, 2), ("st_value", 8, 8), ("st_size", 16, 8)];

fn field(table: &[(&'static str, usize, usize)], name: &str) -> Option<(&'static str, usize, usize)> {
    table.iter().copied().find(|f| f.0 == name)
}

/// Dynamic tags by their name without `DT_` (`RELASZ`), or a number.
fn dt_value(name: &str) -> Option<i64> {
    (0..40).chain(0x6fff_fef0..0x6fff_ff00).chain(0x6fff_fff0..0x7000_0000).find(|&t| dt_name(t) == Some(&format!("DT_{name}"))).or_else(|| num(name).map(|v| v as i64))
}

fn num(s: &str) -> Option<u64> {
    match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s.parse().ok(),
    }
}

impl Edit {
    /// (file offset, width) this edit writes in the file `l` describes.
    fn target(&self, l: &Layout) -> Option<(usize, usize)> {
        let rec = |base: usize, i: usize, size: usize, table: &[(&'static str, usize, usize)], f: &str| {
            field(table, f).map(|(_, o, w)| (base + i * size + o, w))
        };
        match &self.place {
            Place::Eh(f) => field(EH_FIELDS, f).map(|(_, o, w)| (o, w)),
            Place::Ph(i, f) => rec(l.phoff, *i, 56, PH_FIELDS, f),
            Place::Dyn { index, tag, field } => {
                let i = index.or_else(|| l.dyn_index((*tag)?))?;
                rec(l.dyn_off?, i, 16, DYN_FIELDS, field)
            }
            Place::Rela(i, f) => l.rela.filter(|t| *i < t.1).and_then(|t| rec(t.0, *i, 24, RELA_FIELDS, f)),
            Place::Jmprel(i, f) => l.jmprel.filter(|t| *i < t.1).and_then(|t| rec(t.0, *i, 24, RELA_FIELDS, f)),
            Place::Sym(i, f) => l.syms.filter(|t| *i < t.1).and_then(|t| rec(t.0, *i, 24, SYM_FIELDS, f)),
            Place::Byte(o) => Some((*o, 1)),
        }
    }

    /// Applies the edit to `b`; false if its field does not exist in this file.
    pub fn apply(&self, l: &Layout, b: &mut [u8]) -> bool {
        let Some((off, w)) = self.target(l) else { return false };
        let Some(bytes) = b.get_mut(off..off + w) else { return false };
        let mut old = [0u8; 8];
        old[..w].copy_from_slice(bytes);
        let old = u64::from_le_bytes(old);
        let new = match self.op {
            Op::Set => self.value,
            Op::Add => old.wrapping_add(self.value),
            Op::Xor => old ^ self.value,
        };
        bytes.copy_from_slice(&new.to_le_bytes()[..w]);
        true
    }

    pub fn show(&self) -> String {
        let place = match &self.place {
            Place::Eh(f) => (*f).to_string(),
            Place::Ph(i, f) => format!("ph[{i}].{f}"),
            Place::Dyn { index: Some(i), field, .. } => format!("dyn[{i}].{field}"),
            Place::Dyn { tag: Some(t), field, .. } => {
                format!("dyn[{}].{field}", dt_name(*t).map_or(format!("{t:#x}"), |n| n.trim_start_matches("DT_").to_string()))
            }
            Place::Dyn { .. } => "dyn[?]".into(),
            Place::Rela(i, f) => format!("rela[{i}].{f}"),
            Place::Jmprel(i, f) => format!("jmprel[{i}].{f}"),
            Place::Sym(i, f) => format!("sym[{i}].{f}"),
            Place::Byte(o) => format!("byte[{o:#x}]"),
        };
        let op = match self.op {
            Op::Set => "=",
            Op::Add => "+=",
            Op::Xor => "^=",
        };
        format!("{place}{op}{:#x}", self.value)
    }

    pub fn parse(s: &str) -> Result<Edit, String> {
        let bad = || format!("bad edit `{s}`");
        let (lhs, op, rhs) = if let Some((l, r)) = s.split_once("+=") {
            (l, Op::Add, r)
        } else if let Some((l, r)) = s.split_once("^=") {
            (l, Op::Xor, r)
        } else {
            let (l, r) = s.split_once('=').ok_or_else(bad)?;
            (l, Op::Set, r)
        };
        let value = num(rhs.trim()).ok_or_else(bad)?;
        let lhs = lhs.trim();
        let place = if let Some(f) = field(EH_FIELDS, lhs) {
            Place::Eh(f.0)
        } else {
            let (rec, rest) = lhs.split_once('[').ok_or_else(bad)?;
            let (idx, f) = rest.split_once(']').ok_or_else(bad)?;
            let f = f.strip_prefix('.').unwrap_or("");
            let index = || num(idx).map(|v| v as usize).ok_or_else(bad);
            let fld = |t: &[(&'static str, usize, usize)]| field(t, f).map(|x| x.0).ok_or_else(bad);
            match rec {
                "ph" => Place::Ph(index()?, fld(PH_FIELDS)?),
                "dyn" => match num(idx) {
                    Some(i) => Place::Dyn { index: Some(i as usize), tag: None, field: fld(DYN_FIELDS)? },
                    None => Place::Dyn { index: None, tag: Some(dt_value(idx).ok_or_else(bad)?), field: fld(DYN_FIELDS)? },
                },
                "rela" => Place::Rela(index()?, fld(RELA_FIELDS)?),
                "jmprel" => Place::Jmprel(index()?, fld(RELA_FIELDS)?),
                "sym" => Place::Sym(index()?, fld(SYM_FIELDS)?),
                "byte" => Place::Byte(index()?),
                _ => return Err(bad()),
            }
        };
        Ok(Edit { place, op, value })
    }
}

/// Values that break size and address arithmetic.
const INTERESTING: &[u64] = &[
    0,
    1,
    7,
    8,
    0x18,
    0xff,
    0xfff,
    0x1000,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_ffff,
    0x1_0000_0000,
    1 << 40,
    0x7fff_ffff_ffff_ffff,
    0x8000_0000_0000_0000,
    u64::MAX - 7,
    u64::MAX,
];

fn value(rng: &mut Rng, l: &Layout, w: usize) -> (Op, u64) {
    let mask = if w == 8 { u64::MAX } else { (1u64 << (w * 8)) - 1 };
    match rng.below(10) {
        0..=3 => (Op::Set, *rng.pick(INTERESTING) & mask),
        4..=5 => {
            let d: i64 = *rng.pick(&[1, -1, 8, -8, 0x10, 0x1000, -0x1000, 0x10_0000]);
            (Op::Add, (d as u64) & mask)
        }
        6..=7 => (Op::Set, (*rng.pick(&l.anchors)).wrapping_add(*rng.pick(&[0u64, 8, u64::MAX - 7])) & mask),
        8 => (Op::Set, (l.len as u64).wrapping_add(*rng.pick(&[0u64, 1, 0x1000])) & mask),
        _ => (Op::Xor, (1u64 << rng.below(w as u64 * 8)) & mask),
    }
}

/// One random edit on the file `l` describes.
pub fn random_edit(rng: &mut Rng, l: &Layout) -> Edit {
    let pick_field = |rng: &mut Rng, t: &[(&'static str, usize, usize)]| {
        let f = *rng.pick(t);
        (f.0, f.2)
    };
    let (place, w) = match rng.below(100) {
        0..=9 => {
            let (f, w) = pick_field(rng, EH_FIELDS);
            (Place::Eh(f), w)
        }
        10..=39 => {
            let (f, w) = pick_field(rng, PH_FIELDS);
            if f == "p_type" && rng.below(2) == 0 {
                let t = *rng.pick(&[PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_PHDR, PT_TLS, PT_GNU_RELRO]);
                let e = Edit { place: Place::Ph(rng.below(l.phdrs.len() as u64) as usize, f), op: Op::Set, value: t as u64 };
                return e;
            }
            (Place::Ph(rng.below(l.phdrs.len() as u64) as usize, f), w)
        }
        40..=71 => {
            let (f, w) = if rng.below(6) == 0 { ("tag", 8) } else { ("val", 8) };
            if l.dyns.is_empty() {
                (Place::Byte(rng.below(l.len as u64) as usize), 1)
            } else {
                let i = rng.below(l.dyns.len() as u64) as usize;
                let place = if f == "val" {
                    Place::Dyn { index: None, tag: Some(l.dyns[i].d_tag), field: f }
                } else {
                    Place::Dyn { index: Some(i), tag: None, field: f }
                };
                if f == "tag" {
                    let t = *rng.pick(&[DT_NULL, DT_NEEDED, DT_RELA, DT_JMPREL, DT_RELR, DT_INIT, DT_INIT_ARRAY, DT_FINI_ARRAY, DT_VERNEED, DT_TEXTREL]);
                    return Edit { place, op: Op::Set, value: t as u64 };
                }
                (place, w)
            }
        }
        72..=83 => {
            let (f, w) = pick_field(rng, RELA_FIELDS);
            match (l.rela, l.jmprel) {
                (Some(r), _) if r.1 > 0 && rng.below(3) != 0 => (Place::Rela(rng.below(r.1 as u64) as usize, f), w),
                (_, Some(j)) if j.1 > 0 => (Place::Jmprel(rng.below(j.1 as u64) as usize, f), w),
                _ => (Place::Byte(rng.below(l.len as u64) as usize), 1),
            }
        }
        84..=91 => match l.syms {
            Some(s) if s.1 > 0 => {
                let (f, w) = pick_field(rng, SYM_FIELDS);
                (Place::Sym(rng.below(s.1 as u64) as usize, f), w)
            }
            _ => (Place::Byte(rng.below(l.len as u64) as usize), 1),
        },
        _ => (Place::Byte(rng.below(l.len as u64) as usize), 1),
    };
    let (op, value) = if matches!(place, Place::Byte(_)) { (Op::Xor, 1 + rng.below(255)) } else { value(rng, l, w) };
    Edit { place, op, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_round_trip_through_text() {
        for s in ["e_entry=0x0", "ph[2].p_memsz+=0x1000", "dyn[RELASZ].val=0x10000000000", "dyn[3].tag=0x7", "rela[0].r_offset^=0x8", "sym[1].st_name=0xffffffff", "byte[0x40]^=0x1"] {
            assert_eq!(Edit::parse(s).unwrap().show(), s);
        }
        assert!(Edit::parse("dyn[NOPE].val=1").is_err());
        assert!(Edit::parse("ph[1].p_bogus=1").is_err());
    }
}
