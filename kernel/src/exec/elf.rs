//! ELF validation and mapping for the kernel loader. Everything read from the
//! file goes through `vibix_elf::read` (bounds-checked) and checked arithmetic.
use crate::errno::*;
use crate::mm::vm::{wx_violation, AddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE, USER_MIN, USER_TOP};
use crate::mm::{page_down, page_up};
use alloc::vec::Vec;
use vibix_elf::{Phdr, ET_DYN, PF_R, PF_W, PF_X, PT_INTERP, PT_LOAD, PT_PHDR};

/// Limits that keep a hostile file from exhausting the kernel.
const MAX_PHNUM: usize = 128;
const MAX_SEGMENT: u64 = 1 << 30;
const MAX_INTERP_PATH: u64 = 4096;

#[derive(Clone, Copy)]
pub struct Segment {
    pub vaddr: u64,
    pub memsz: u64,
    pub offset: u64,
    pub filesz: u64,
    pub prot: u32,
}

pub struct Image {
    pub is_dyn: bool,
    pub entry: u64,
    pub segments: Vec<Segment>,
    /// (offset, length without the NUL) of the PT_INTERP path.
    pub interp: Option<(usize, usize)>,
    pub phdr_vaddr: Option<u64>,
    pub phnum: u64,
}

impl Image {
    pub fn first_vaddr(&self) -> u64 {
        page_down(self.segments[0].vaddr)
    }
}

/// Validates `bytes` as an x86_64 executable or shared object.
pub fn parse(bytes: &[u8]) -> Result<Image, Errno> {
    let eh = vibix_elf::check_header(bytes).map_err(|_| ENOEXEC)?;
    let phnum = eh.e_phnum as usize;
    if phnum > MAX_PHNUM {
        return Err(ENOEXEC);
    }
    let phoff = usize::try_from(eh.e_phoff).map_err(|_| ENOEXEC)?;
    let mut phdrs = Vec::with_capacity(phnum);
    for i in 0..phnum {
        let off = phoff.checked_add(i * 56).ok_or(ENOEXEC)?;
        phdrs.push(vibix_elf::read::<Phdr>(bytes, off).ok_or(ENOEXEC)?);
    }
    let len = bytes.len() as u64;
    let mut segments: Vec<Segment> = Vec::new();
    let mut interp = None;
    let mut phdr_vaddr = None;
    for ph in &phdrs {
        match ph.p_type {
            PT_LOAD => {
                let file_end = ph.p_offset.checked_add(ph.p_filesz).ok_or(ENOEXEC)?;
                let mem_end = ph.p_vaddr.checked_add(ph.p_memsz).ok_or(ENOEXEC)?;
                if file_end > len || ph.p_filesz > ph.p_memsz || ph.p_memsz > MAX_SEGMENT || mem_end > USER_TOP {
                    return Err(ENOEXEC);
                }
                if let Some(prev) = segments.last() {
                    // Segments must be sorted and must not overlap.
                    if ph.p_vaddr < prev.vaddr + prev.memsz {
                        return Err(ENOEXEC);
                    }
                }
                let mut prot = 0;
                if ph.p_flags & PF_R != 0 {
                    prot |= PROT_READ;
                }
                if ph.p_flags & PF_W != 0 {
                    prot |= PROT_WRITE;
                }
                if ph.p_flags & PF_X != 0 {
                    prot |= PROT_EXEC;
                }
                if wx_violation(prot) {
                    return Err(EACCES);
                }
                if ph.p_memsz == 0 {
                    continue;
                }
                segments.push(Segment { vaddr: ph.p_vaddr, memsz: ph.p_memsz, offset: ph.p_offset, filesz: ph.p_filesz, prot });
            }
            PT_INTERP => {
                let end = ph.p_offset.checked_add(ph.p_filesz).ok_or(ENOEXEC)?;
                if interp.is_some() || end > len || ph.p_filesz < 2 || ph.p_filesz > MAX_INTERP_PATH {
                    return Err(ENOEXEC);
                }
                let (off, n) = (ph.p_offset as usize, ph.p_filesz as usize);
                let path = &bytes[off..off + n];
                if path[n - 1] != 0 || path[..n - 1].contains(&0) {
                    return Err(ENOEXEC);
                }
                interp = Some((off, n - 1));
            }
            PT_PHDR => phdr_vaddr = Some(ph.p_vaddr),
            _ => {}
        }
    }
    if segments.is_empty() {
        return Err(ENOEXEC);
    }
    let span = segments.last().map(|s| s.vaddr + s.memsz).unwrap_or(0) - segments[0].vaddr;
    if span > MAX_SEGMENT * 4 {
        return Err(ENOEXEC);
    }
    let entry_ok = segments.iter().any(|s| s.prot & PROT_EXEC != 0 && eh.e_entry >= s.vaddr && eh.e_entry < s.vaddr + s.memsz);
    if !entry_ok {
        return Err(ENOEXEC);
    }
    if phdr_vaddr.is_none() {
        // No PT_PHDR: find the headers inside a loaded segment's file image.
        phdr_vaddr = segments
            .iter()
            .find(|s| eh.e_phoff >= s.offset && eh.e_phoff + (phnum as u64) * 56 <= s.offset + s.filesz)
            .map(|s| s.vaddr + (eh.e_phoff - s.offset));
    }
    Ok(Image { is_dyn: eh.e_type == ET_DYN, entry: eh.e_entry, segments, interp, phdr_vaddr, phnum: phnum as u64 })
}

/// Maps every segment of `img` at `bias`, copying file bytes; returns the end
/// of the highest segment.
pub fn load(asp: &mut AddressSpace, bytes: &[u8], img: &Image, bias: u64, name: &alloc::rc::Rc<alloc::string::String>) -> Result<u64, Errno> {
    let mut prev_end = 0u64;
    let mut prev_prot = 0u32;
    for s in &img.segments {
        let lo = bias.checked_add(s.vaddr).ok_or(ENOEXEC)?;
        let hi = lo.checked_add(s.memsz).ok_or(ENOEXEC)?;
        let (mut start, end) = (page_down(lo), page_up(hi).ok_or(ENOEXEC)?);
        if start < USER_MIN || end > USER_TOP {
            return Err(ENOEXEC);
        }
        if start < prev_end {
            // The first page is shared with the previous segment: it gets both permissions.
            let both = prev_prot | s.prot;
            if wx_violation(both) {
                return Err(EACCES);
            }
            asp.protect(start, prev_end, both)?;
            start = prev_end;
        }
        if start < end {
            if !asp.is_free(start, end) {
                return Err(ENOEXEC);
            }
            asp.add_vma(start, end, s.prot);
            asp.set_name(start, end, name);
        }
        let (off, n) = (s.offset as usize, s.filesz as usize);
        asp.write_bytes(lo, &bytes[off..off + n])?;
        prev_end = end;
        prev_prot = s.prot;
    }
    Ok(prev_end)
}
