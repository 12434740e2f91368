//! Bounds-checked walkers over `.gnu.version_d` (Verdef) and `.gnu.version_r` (Verneed).

use crate::{read, Verdaux, Verdef, Verneed, Vernaux};

/// Version definitions: `bytes` starts at `DT_VERDEF`, `count` is `DT_VERDEFNUM`.
#[derive(Clone, Copy, Debug)]
pub struct Verdefs<'a> {
    pub bytes: &'a [u8],
    pub count: usize,
}

/// One definition: its header and the string-table offset of its own name (first Verdaux).
#[derive(Clone, Copy, Debug)]
pub struct VerdefEntry {
    pub def: Verdef,
    pub name: u32,
    /// Byte offset of this entry within the section (to walk its other Verdaux).
    pub offset: usize,
}

impl<'a> Verdefs<'a> {
    pub fn iter(&self) -> VerdefIter<'a> {
        VerdefIter { bytes: self.bytes, off: 0, left: self.count }
    }
    /// The definition with `vd_ndx == ndx` (VERSYM_HIDDEN bit already stripped).
    pub fn find(&self, ndx: u16) -> Option<VerdefEntry> {
        self.iter().find(|e| e.def.vd_ndx == ndx)
    }
}

pub struct VerdefIter<'a> {
    bytes: &'a [u8],
    off: usize,
    left: usize,
}

impl Iterator for VerdefIter<'_> {
    type Item = VerdefEntry;
    fn next(&mut self) -> Option<VerdefEntry> {
        if self.left == 0 {
            return None;
        }
        let def: Verdef = read(self.bytes, self.off)?;
        let aux: Verdaux = read(self.bytes, self.off.checked_add(def.vd_aux as usize)?)?;
        let e = VerdefEntry { def, name: aux.vda_name, offset: self.off };
        self.left -= 1;
        if def.vd_next == 0 {
            self.left = 0;
        }
        self.off = self.off.checked_add(def.vd_next as usize)?;
        Some(e)
    }
}

/// Version requirements: `bytes` starts at `DT_VERNEED`, `count` is `DT_VERNEEDNUM`.
#[derive(Clone, Copy, Debug)]
pub struct Verneeds<'a> {
    pub bytes: &'a [u8],
    pub count: usize,
}

/// One required file with its (bounded) list of required versions.
#[derive(Clone, Copy, Debug)]
pub struct VerneedEntry<'a> {
    pub need: Verneed,
    bytes: &'a [u8],
    aux_off: usize,
}

impl<'a> Verneeds<'a> {
    pub fn iter(&self) -> VerneedIter<'a> {
        VerneedIter { bytes: self.bytes, off: 0, left: self.count }
    }
    /// The Vernaux whose `vna_other` equals a versym index (hidden bit stripped).
    pub fn find(&self, ndx: u16) -> Option<(Verneed, Vernaux)> {
        for e in self.iter() {
            for a in e.auxes() {
                if a.vna_other == ndx {
                    return Some((e.need, a));
                }
            }
        }
        None
    }
}

impl<'a> VerneedEntry<'a> {
    pub fn auxes(&self) -> VernauxIter<'a> {
        VernauxIter { bytes: self.bytes, off: self.aux_off, left: self.need.vn_cnt as usize }
    }
}

pub struct VerneedIter<'a> {
    bytes: &'a [u8],
    off: usize,
    left: usize,
}

impl<'a> Iterator for VerneedIter<'a> {
    type Item = VerneedEntry<'a>;
    fn next(&mut self) -> Option<VerneedEntry<'a>> {
        if self.left == 0 {
            return None;
        }
        let need: Verneed = read(self.bytes, self.off)?;
        let e = VerneedEntry { need, bytes: self.bytes, aux_off: self.off.checked_add(need.vn_aux as usize)? };
        self.left -= 1;
        if need.vn_next == 0 {
            self.left = 0;
        }
        self.off = self.off.checked_add(need.vn_next as usize)?;
        Some(e)
    }
}

pub struct VernauxIter<'a> {
    bytes: &'a [u8],
    off: usize,
    left: usize,
}

impl Iterator for VernauxIter<'_> {
    type Item = Vernaux;
    fn next(&mut self) -> Option<Vernaux> {
        if self.left == 0 {
            return None;
        }
        let a: Vernaux = read(self.bytes, self.off)?;
        self.left -= 1;
        if a.vna_next == 0 {
            self.left = 0;
        }
        self.off = self.off.checked_add(a.vna_next as usize)?;
        Some(a)
    }
}
