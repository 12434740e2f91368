//! ELF validation and mapping for the kernel loader. The program headers are
//! checked by vibix-elf's `plan` (the validator ld-vibix and vibix-readelf use);
//! everything else read from the file is bounds-checked.
use crate::errno::*;
use crate::mm::vm::{wx_violation, AddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE, USER_MIN, USER_TOP};
use crate::mm::{page_down, page_up};
use alloc::vec::Vec;
use vibix_elf::plan::{plan_file, Limits, PlanError, PlanFileError, MAX_PHNUM};
use vibix_elf::{Phdr, ET_DYN, PF_R, PF_W, PF_X};

/// Limits that keep a hostile file from exhausting the kernel.
const MAX_SEGMENT: u64 = 1 << 30;
/// The rules are vibix-elf's `plan` (shared with ld-vibix and vibix-readelf);
/// the kernel adds its address-space and size limits.
const LIMITS: Limits = Limits { max_span: MAX_SEGMENT * 4, max_addr: USER_TOP, need_entry: true };

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
    let mut phdrs = alloc::vec![Phdr::default(); MAX_PHNUM];
    let (eh, plan, phnum) = plan_file(bytes, &mut phdrs, &LIMITS).map_err(|e| match e {
        PlanFileError::Plan(PlanError::WritableExecutable) => EACCES,
        _ => ENOEXEC,
    })?;
    let mut segments: Vec<Segment> = Vec::new();
    for s in plan.segments() {
        if s.memsz > MAX_SEGMENT {
            return Err(ENOEXEC);
        }
        let mut prot = 0;
        if s.flags & PF_R != 0 {
            prot |= PROT_READ;
        }
        if s.flags & PF_W != 0 {
            prot |= PROT_WRITE;
        }
        if s.flags & PF_X != 0 {
            prot |= PROT_EXEC;
        }
        if wx_violation(prot) {
            return Err(EACCES);
        }
        segments.push(Segment { vaddr: s.vaddr, memsz: s.memsz, offset: s.offset, filesz: s.filesz, prot });
    }
    // The plan bounded PT_INTERP by the file; the path must be one C string.
    let interp = match plan.interp {
        Some((off, n)) => {
            let (off, n) = (off as usize, n as usize);
            let path = &bytes[off..off + n + 1];
            if path[n] != 0 || path[..n].contains(&0) {
                return Err(ENOEXEC);
            }
            Some((off, n))
        }
        None => None,
    };
    Ok(Image { is_dyn: eh.e_type == ET_DYN, entry: eh.e_entry, segments, interp, phdr_vaddr: plan.phdr, phnum: phnum as u64 })
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
