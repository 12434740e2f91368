//! The parsed file: headers, program and section headers read through `object`
//! (bounds-checked), converted to vibix-elf's plain structs, plus helpers every
//! view needs (section names, address -> offset, dynamic tables).
//! Every access to file bytes is checked; nothing here can panic on bad input.

use object::elf::FileHeader64;
use object::read::elf::{FileHeader, ProgramHeader as _, SectionHeader as _};
use object::LittleEndian as LE;
use vibix_elf::*;

pub type Result<T> = std::result::Result<T, String>;

pub struct Elf<'a> {
    pub data: &'a [u8],
    pub eh: Ehdr,
    /// Program headers, or why they could not be read.
    pub phdrs: Result<Vec<Phdr>>,
    pub shdrs: Result<Vec<Shdr>>,
    /// The section-name string table (empty when missing or corrupt).
    pub shstrtab: &'a [u8],
    shstr: StrTab<'a>,
    /// Number of section headers (after the SHN_UNDEF extension) and shstrndx.
    pub shnum: u64,
    pub shstrndx: u32,
    /// Problems met while reading (each once): reported, and they make the exit status 1.
    pub warnings: std::cell::RefCell<Vec<String>>,
}

pub const SHF_WRITE: u64 = 1;
pub const SHF_ALLOC: u64 = 2;
pub const SHF_EXECINSTR: u64 = 4;
pub const SHF_TLS: u64 = 0x400;
pub const PT_GNU_SFRAME: u32 = 0x6474_e554;

impl<'a> Elf<'a> {
    pub fn parse(data: &'a [u8]) -> Result<Self> {
        if data.len() < 16 {
            return Err("file too short to be an ELF file".into());
        }
        if data[..4] != ELFMAG {
            return Err("Not an ELF file - it has the wrong magic bytes at the start".into());
        }
        if data[EI_CLASS] != ELFCLASS64 {
            return Err("unsupported ELF class (only ELF64 is supported)".into());
        }
        if data[EI_DATA] != ELFDATA2LSB {
            return Err("unsupported data encoding (only little-endian is supported)".into());
        }
        let fh = FileHeader64::<LE>::parse(data).map_err(|e| format!("bad ELF header: {e}"))?;
        let e = LE;
        let eh = Ehdr {
            e_ident: {
                let mut id = [0u8; 16];
                id.copy_from_slice(&data[..16]);
                id
            },
            e_type: fh.e_type.get(e),
            e_machine: fh.e_machine.get(e),
            e_version: fh.e_version.get(e),
            e_entry: fh.e_entry.get(e),
            e_phoff: fh.e_phoff.get(e),
            e_shoff: fh.e_shoff.get(e),
            e_flags: fh.e_flags.get(e),
            e_ehsize: fh.e_ehsize.get(e),
            e_phentsize: fh.e_phentsize.get(e),
            e_phnum: fh.e_phnum.get(e),
            e_shentsize: fh.e_shentsize.get(e),
            e_shnum: fh.e_shnum.get(e),
            e_shstrndx: fh.e_shstrndx.get(e),
        };
        let phdrs = fh
            .program_headers(e, data)
            .map(|ps| {
                ps.iter()
                    .map(|p| Phdr {
                        p_type: p.p_type(e),
                        p_flags: p.p_flags(e),
                        p_offset: p.p_offset(e),
                        p_vaddr: p.p_vaddr(e),
                        p_paddr: p.p_paddr(e),
                        p_filesz: p.p_filesz(e),
                        p_memsz: p.p_memsz(e),
                        p_align: p.p_align(e),
                    })
                    .collect()
            })
            .map_err(|e| format!("cannot read program headers: {e}"));
        let shdrs: Result<Vec<Shdr>> = fh
            .section_headers(e, data)
            .map(|ss| {
                ss.iter()
                    .map(|s| Shdr {
                        sh_name: s.sh_name(e),
                        sh_type: s.sh_type(e),
                        sh_flags: s.sh_flags(e),
                        sh_addr: s.sh_addr(e),
                        sh_offset: s.sh_offset(e),
                        sh_size: s.sh_size(e),
                        sh_link: s.sh_link(e),
                        sh_info: s.sh_info(e),
                        sh_addralign: s.sh_addralign(e),
                        sh_entsize: s.sh_entsize(e),
                    })
                    .collect()
            })
            .map_err(|e| format!("cannot read section headers: {e}"));
        let shnum = match &shdrs {
            Ok(v) => v.len() as u64,
            Err(_) => eh.e_shnum as u64,
        };
        let shstrndx = fh.shstrndx(e, data).unwrap_or(eh.e_shstrndx as u32);
        let mut elf = Elf { data, eh, phdrs, shdrs, shstrtab: &[], shstr: StrTab::new(&[]), shnum, shstrndx, warnings: Default::default() };
        if let Ok(ss) = &elf.shdrs {
            if let Some(s) = ss.get(shstrndx as usize) {
                if s.sh_type != SHT_NOBITS {
                    elf.shstrtab = elf.bytes(s.sh_offset, s.sh_size).unwrap_or(&[]);
                    elf.shstr = StrTab::new(elf.shstrtab);
                }
            }
        }
        Ok(elf)
    }

    pub fn phdrs(&self) -> &[Phdr] {
        self.phdrs.as_deref().unwrap_or(&[])
    }
    pub fn shdrs(&self) -> &[Shdr] {
        self.shdrs.as_deref().unwrap_or(&[])
    }

    /// `len` bytes at file offset `off`, if entirely inside the file.
    pub fn bytes(&self, off: u64, len: u64) -> Option<&'a [u8]> {
        let start = usize::try_from(off).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        self.data.get(start..end)
    }

    /// A section's contents (empty for NOBITS), if inside the file; a section
    /// reaching past the end of the file is recorded as a warning.
    pub fn section_data(&self, s: &Shdr) -> Option<&'a [u8]> {
        if s.sh_type == SHT_NOBITS {
            return Some(&[]);
        }
        let b = self.bytes(s.sh_offset, s.sh_size);
        if b.is_none() {
            self.warn(format!(
                "section '{}' (offset {:#x}, size {:#x}) is outside the file",
                self.section_name(s),
                s.sh_offset,
                s.sh_size
            ));
        }
        b
    }

    pub fn warn(&self, w: String) {
        let mut v = self.warnings.borrow_mut();
        // Bounded: a hostile file cannot make the list (or the output) huge.
        if v.len() < 100 && !v.contains(&w) {
            v.push(w);
        }
    }

    pub fn section_name(&self, s: &Shdr) -> String {
        match self.shstr.get(s.sh_name as u64) {
            Some(n) => printable(n),
            None => "<corrupt>".into(),
        }
    }

    /// The name as readelf's `printable_section_name` shows it: at most 256 characters.
    pub fn section_label(&self, s: &Shdr) -> String {
        self.section_name(s).chars().take(256).collect()
    }

    pub fn section_by_name(&self, name: &str) -> Option<&Shdr> {
        self.shdrs().iter().find(|s| self.section_name(s) == name)
    }

    /// File offset of virtual address `addr` through the PT_LOAD segments.
    pub fn vaddr_to_offset(&self, addr: u64) -> Option<u64> {
        self.phdrs().iter().filter(|p| p.p_type == PT_LOAD).find_map(|p| {
            let d = addr.checked_sub(p.p_vaddr)?;
            (d < p.p_filesz).then(|| p.p_offset.checked_add(d)).flatten()
        })
    }

    /// Bytes from virtual address `addr` to the end of its segment's file image.
    pub fn bytes_at_vaddr(&self, addr: u64) -> Option<&'a [u8]> {
        let p = self.phdrs().iter().filter(|p| p.p_type == PT_LOAD).find(|p| {
            addr.checked_sub(p.p_vaddr).is_some_and(|d| d < p.p_filesz)
        })?;
        let d = addr - p.p_vaddr;
        self.bytes(p.p_offset.checked_add(d)?, p.p_filesz - d)
    }

    /// `len` bytes at virtual address `addr`.
    pub fn vbytes(&self, addr: u64, len: u64) -> Option<&'a [u8]> {
        self.bytes_at_vaddr(addr)?.get(..usize::try_from(len).ok()?)
    }

    /// Where the dynamic array is in the file: readelf prefers the `.dynamic`
    /// section over PT_DYNAMIC. Returns (file offset, size).
    pub fn dynamic_location(&self) -> Option<(u64, u64)> {
        let p = self.phdrs().iter().find(|p| p.p_type == PT_DYNAMIC)?;
        let mut loc = (p.p_offset, p.p_filesz);
        if let Ok(ss) = &self.shdrs {
            if !ss.is_empty() {
                match self.section_by_name(".dynamic") {
                    Some(s) if s.sh_size != 0 => {
                        if s.sh_type == SHT_NOBITS {
                            return None;
                        }
                        loc = (s.sh_offset, s.sh_size);
                    }
                    _ => {}
                }
            }
        }
        Some(loc)
    }

    /// The dynamic entries up to and including the first DT_NULL.
    pub fn dynamic(&self) -> Vec<Dyn> {
        let Some((off, size)) = self.dynamic_location() else { return Vec::new() };
        let Some(b) = self.bytes(off, size).or_else(|| {
            self.warn(format!("dynamic section (offset {off:#x}, size {size:#x}) is outside the file"));
            // Truncated file: take what is there.
            let start = usize::try_from(off).ok()?;
            self.data.get(start..)
        }) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(d) = read::<Dyn>(b, i) {
            out.push(d);
            i += 16;
            if d.d_tag == DT_NULL {
                break;
            }
        }
        out
    }

    pub fn dyn_val(&self, dy: &[Dyn], tag: i64) -> Option<u64> {
        dy.iter().find(|d| d.d_tag == tag).map(|d| d.d_val)
    }

    /// The dynamic string table (DT_STRTAB, DT_STRSZ), clipped to the file.
    pub fn dynstr(&self, dy: &[Dyn]) -> &'a [u8] {
        let Some(addr) = self.dyn_val(dy, DT_STRTAB) else { return &[] };
        let Some(b) = self.bytes_at_vaddr(addr) else { return &[] };
        match self.dyn_val(dy, DT_STRSZ) {
            Some(n) => b.get(..usize::try_from(n).unwrap_or(usize::MAX).min(b.len())).unwrap_or(b),
            None => b,
        }
    }

    pub fn is_pie(&self) -> bool {
        let dy = self.dynamic();
        self.dyn_val(&dy, DT_FLAGS_1).is_some_and(|f| f & DF_1_PIE != 0)
    }
}

/// Decodes a slice of little-endian `T` from bytes (trailing partial entry dropped).
pub fn table<T: Pod>(b: &[u8]) -> Vec<T> {
    let n = std::mem::size_of::<T>();
    (0..b.len() / n).filter_map(|i| read::<T>(b, i * n)).collect()
}

/// u32 words of a byte slice (for hash tables).
pub fn words(b: &[u8]) -> Vec<u32> {
    table::<u32>(b)
}

/// A name from the file, shown as readelf does: control characters as `^X`.
pub fn printable(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len());
    for &c in b {
        if c < 0x20 {
            s.push('^');
            s.push((c + 0x40) as char);
        } else if c == 0x7f {
            s.push_str("^?");
        } else if c < 0x80 {
            s.push(c as char);
        } else {
            // readelf passes UTF-8 through; keep bytes as Latin-1 for a lossless String.
            s.push(char::from(c));
        }
    }
    s
}

/// A string table with the end of every string precomputed, so that looking up
/// many names in a hostile table without NULs stays linear.
pub struct StrTab<'a> {
    pub bytes: &'a [u8],
    ends: Vec<u32>,
}

impl<'a> StrTab<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        // Tables over 4 GiB cannot be indexed by u32 st_name anyway.
        let bytes = &bytes[..bytes.len().min(u32::MAX as usize)];
        let mut ends = vec![u32::MAX; bytes.len()];
        let mut end = u32::MAX;
        for i in (0..bytes.len()).rev() {
            if bytes[i] == 0 {
                end = i as u32;
            }
            ends[i] = end;
        }
        StrTab { bytes, ends }
    }
    /// The NUL-terminated string at `off` (None if out of range or unterminated).
    pub fn get(&self, off: u64) -> Option<&'a [u8]> {
        let i = usize::try_from(off).ok()?;
        let end = *self.ends.get(i)?;
        if end == u32::MAX {
            return None;
        }
        self.bytes.get(i..end as usize)
    }
    pub fn show(&self, off: u64) -> String {
        match self.get(off) {
            Some(n) => printable(n),
            None => format!("<corrupt: {off:#x}>"),
        }
    }
}

/// The string at `off`, printable, or a placeholder.
pub fn str_at(tab: &[u8], off: u64) -> String {
    match usize::try_from(off).ok().and_then(|o| c_str_at(tab, o)) {
        Some(n) => printable(n),
        None => format!("<corrupt: {off:#x}>"),
    }
}
