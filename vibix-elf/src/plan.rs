//! The one program-header validator: turns an ELF header and its program
//! headers into a checked [`LoadPlan`]. ld-vibix (files it maps and the
//! kernel-mapped program), the kernel's ELF loader and `vibix-readelf --audit`
//! all use it, so they accept and refuse the same files.
//!
//! Rules: PT_LOADs sorted by address, not overlapping, not wrapping, within
//! `Limits::max_span`; `p_filesz <= p_memsz`; file bytes inside the file;
//! `p_offset == p_vaddr` modulo the page size and a power-of-two `p_align`;
//! never writable and executable; the entry point (when the object has one)
//! inside an executable segment; PT_DYNAMIC, PT_PHDR and the PT_TLS image inside
//! the file-backed part of a segment, PT_GNU_RELRO inside a writable one.
//! No allocation: at most [`MAX_LOADS`] PT_LOAD segments.

use crate::{read, Ehdr, Phdr, PF_R, PF_W, PF_X, PT_DYNAMIC, PT_GNU_RELRO, PT_GNU_STACK, PT_INTERP, PT_LOAD, PT_PHDR, PT_TLS};

pub const PAGE: u64 = 4096;
/// More PT_LOAD segments than any linker emits.
pub const MAX_LOADS: usize = 16;
/// Program header tables longer than this are refused (the kernel's limit too).
pub const MAX_PHNUM: usize = 128;

/// What a validated object must satisfy beyond the ELF rules.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The address span of all PT_LOADs.
    pub max_span: u64,
    /// Highest address a segment may end at (link-time addresses; the caller adds its bias).
    pub max_addr: u64,
    /// The entry point must lie in an executable segment (programs and interpreters).
    pub need_entry: bool,
}

impl Limits {
    /// A shared library (no entry point needed).
    pub const LIBRARY: Limits = Limits { max_span: 1 << 40, max_addr: 1 << 47, need_entry: false };
    /// A program (or an interpreter the kernel starts).
    pub const PROGRAM: Limits = Limits { max_span: 1 << 40, max_addr: 1 << 47, need_entry: true };
}

/// Why a file's program headers are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    PhdrsOutsideFile,
    TooManyPhdrs,
    NoLoad,
    TooManyLoads,
    LoadOutsideFile,
    LoadWraps,
    LoadOrder,
    FileszOverMemsz,
    LoadAlign,
    WritableExecutable,
    SpanTooLarge,
    EntryNotExecutable,
    Dynamic,
    Phdr,
    Interp,
    Tls,
    Relro,
}

impl PlanError {
    pub fn message(self) -> &'static str {
        match self {
            Self::PhdrsOutsideFile => "file too short (program headers truncated)",
            Self::TooManyPhdrs => "too many program headers",
            Self::NoLoad => "no loadable segments",
            Self::TooManyLoads => "too many PT_LOAD segments",
            Self::LoadOutsideFile => "file too short (truncated): PT_LOAD past the end of the file",
            Self::LoadWraps => "bad PT_LOAD segment (wraps around or beyond the address space)",
            Self::LoadOrder => "bad PT_LOAD segment (overlapping or out of order)",
            Self::FileszOverMemsz => "bad PT_LOAD segment (p_filesz > p_memsz)",
            Self::LoadAlign => "bad PT_LOAD segment (misaligned offset or p_align)",
            Self::WritableExecutable => "segment is both writable and executable (W^X violation)",
            Self::SpanTooLarge => "PT_LOAD segments span too much address space",
            Self::EntryNotExecutable => "entry point is not in an executable segment",
            Self::Dynamic => "bad PT_DYNAMIC (not inside a loaded segment)",
            Self::Phdr => "bad PT_PHDR (not inside a loaded segment)",
            Self::Interp => "bad PT_INTERP",
            Self::Tls => "bad PT_TLS segment",
            Self::Relro => "bad PT_GNU_RELRO (not inside a writable segment)",
        }
    }
}

/// One PT_LOAD segment (link-time addresses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Segment {
    pub vaddr: u64,
    pub memsz: u64,
    pub offset: u64,
    pub filesz: u64,
    /// PF_R | PF_W | PF_X.
    pub flags: u32,
}

impl Segment {
    pub fn end(&self) -> u64 {
        self.vaddr + self.memsz
    }
    /// Does `[va, va + len)` lie inside the segment (inside its file bytes if `file`)?
    pub fn holds(&self, va: u64, len: u64, file: bool) -> bool {
        let size = if file { self.filesz } else { self.memsz };
        va >= self.vaddr && va - self.vaddr <= size && len <= size - (va - self.vaddr)
    }
}

/// Where a thread's TLS image comes from (link-time address).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TlsSegment {
    pub vaddr: u64,
    pub filesz: u64,
    pub memsz: u64,
    pub align: u64,
}

/// A validated ELF object: what to map and where its parts are (link-time addresses).
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadPlan {
    pub segments: [Segment; MAX_LOADS],
    pub nsegments: usize,
    /// Page-aligned bounds of all segments.
    pub lo: u64,
    pub hi: u64,
    pub entry: u64,
    /// PT_DYNAMIC (address, size).
    pub dynamic: Option<(u64, u64)>,
    /// The program header table in memory: PT_PHDR, or the segment bytes holding e_phoff.
    pub phdr: Option<u64>,
    /// PT_INTERP (file offset, length without the NUL).
    pub interp: Option<(u64, u64)>,
    pub tls: Option<TlsSegment>,
    /// PT_GNU_RELRO (address, size).
    pub relro: Option<(u64, u64)>,
    /// PT_GNU_STACK asks for an executable stack (or is missing).
    pub exec_stack: bool,
}

impl LoadPlan {
    pub fn segments(&self) -> &[Segment] {
        &self.segments[..self.nsegments]
    }
    /// The segment holding all of `[va, va + len)`.
    pub fn segment_of(&self, va: u64, len: u64) -> Option<&Segment> {
        self.segments().iter().find(|s| s.holds(va, len, false))
    }
}

fn page_down(v: u64) -> u64 {
    v & !(PAGE - 1)
}

/// Checks program headers `phdrs` of an object whose header is `eh` and whose
/// file is `file_len` bytes long. Zero-sized PT_LOADs are ignored.
pub fn plan(eh: &Ehdr, phdrs: &[Phdr], file_len: u64, lim: &Limits) -> Result<LoadPlan, PlanError> {
    if phdrs.len() > MAX_PHNUM {
        return Err(PlanError::TooManyPhdrs);
    }
    let phsize = (phdrs.len() as u64) * core::mem::size_of::<Phdr>() as u64;
    if eh.e_phoff.checked_add(phsize).is_none_or(|e| e > file_len) {
        return Err(PlanError::PhdrsOutsideFile);
    }
    let mut p = LoadPlan { entry: eh.e_entry, exec_stack: true, ..LoadPlan::default() };
    for ph in phdrs.iter().filter(|ph| ph.p_type == PT_LOAD) {
        if ph.p_flags & PF_W != 0 && ph.p_flags & PF_X != 0 {
            return Err(PlanError::WritableExecutable);
        }
        if ph.p_offset.checked_add(ph.p_filesz).is_none_or(|e| e > file_len) {
            return Err(PlanError::LoadOutsideFile);
        }
        if ph.p_filesz > ph.p_memsz {
            return Err(PlanError::FileszOverMemsz);
        }
        let end = ph.p_vaddr.checked_add(ph.p_memsz).filter(|&e| e.checked_add(PAGE).is_some() && e <= lim.max_addr);
        let Some(end) = end else { return Err(PlanError::LoadWraps) };
        if ph.p_offset % PAGE != ph.p_vaddr % PAGE || (ph.p_align > 1 && !ph.p_align.is_power_of_two()) {
            return Err(PlanError::LoadAlign);
        }
        if ph.p_memsz == 0 {
            continue;
        }
        if let Some(prev) = p.segments().last() {
            // Sorted and disjoint; two segments may share a page (the kernel and
            // ld-vibix map that page with both permissions, never W and X).
            if ph.p_vaddr < prev.end() {
                return Err(PlanError::LoadOrder);
            }
            let shared = page_down(ph.p_vaddr) < prev.end();
            if shared && (prev.flags | ph.p_flags) & (PF_W | PF_X) == PF_W | PF_X {
                return Err(PlanError::WritableExecutable);
            }
        }
        if p.nsegments == MAX_LOADS {
            return Err(PlanError::TooManyLoads);
        }
        p.segments[p.nsegments] =
            Segment { vaddr: ph.p_vaddr, memsz: ph.p_memsz, offset: ph.p_offset, filesz: ph.p_filesz, flags: ph.p_flags & (PF_R | PF_W | PF_X) };
        p.nsegments += 1;
        p.hi = (end + PAGE - 1) & !(PAGE - 1);
    }
    let Some(first) = p.segments().first() else { return Err(PlanError::NoLoad) };
    p.lo = page_down(first.vaddr);
    if p.hi - p.lo > lim.max_span {
        return Err(PlanError::SpanTooLarge);
    }
    if lim.need_entry && !p.segments().iter().any(|s| s.flags & PF_X != 0 && s.holds(eh.e_entry, 1, false)) {
        return Err(PlanError::EntryNotExecutable);
    }
    // A part of the image read from the file: inside one segment's file bytes, readable.
    let in_file = |p: &LoadPlan, va: u64, len: u64| p.segments().iter().any(|s| s.flags & PF_R != 0 && s.holds(va, len, true));
    for ph in phdrs {
        match ph.p_type {
            PT_DYNAMIC => {
                if p.dynamic.is_some() || ph.p_memsz < 16 || !in_file(&p, ph.p_vaddr, ph.p_memsz) {
                    return Err(PlanError::Dynamic);
                }
                p.dynamic = Some((ph.p_vaddr, ph.p_memsz));
            }
            PT_PHDR => {
                if p.phdr.is_some() || ph.p_memsz < phsize || !in_file(&p, ph.p_vaddr, phsize) {
                    return Err(PlanError::Phdr);
                }
                p.phdr = Some(ph.p_vaddr);
            }
            PT_INTERP => {
                if p.interp.is_some() || ph.p_filesz < 2 || ph.p_filesz > 4096 || ph.p_offset.checked_add(ph.p_filesz).is_none_or(|e| e > file_len) {
                    return Err(PlanError::Interp);
                }
                p.interp = Some((ph.p_offset, ph.p_filesz - 1));
            }
            PT_TLS => {
                let align_ok = ph.p_align <= 1 << 20 && (ph.p_align <= 1 || ph.p_align.is_power_of_two());
                if p.tls.is_some() || !align_ok || ph.p_filesz > ph.p_memsz || ph.p_memsz > 1 << 30 || !in_file(&p, ph.p_vaddr, ph.p_filesz) {
                    return Err(PlanError::Tls);
                }
                if ph.p_memsz > 0 {
                    p.tls = Some(TlsSegment { vaddr: ph.p_vaddr, filesz: ph.p_filesz, memsz: ph.p_memsz, align: ph.p_align.max(1) });
                }
            }
            PT_GNU_RELRO => {
                if !p.segments().iter().any(|s| s.flags & PF_W != 0 && s.holds(ph.p_vaddr, ph.p_memsz, false)) {
                    return Err(PlanError::Relro);
                }
                p.relro = Some((ph.p_vaddr, ph.p_memsz));
            }
            PT_GNU_STACK => p.exec_stack = ph.p_flags & PF_X != 0,
            _ => {}
        }
    }
    if p.phdr.is_none() {
        // No PT_PHDR: the headers are in memory if a segment maps their file bytes.
        p.phdr = p.segments().iter().find(|s| s.flags & PF_R != 0 && eh.e_phoff >= s.offset && eh.e_phoff - s.offset <= s.filesz && phsize <= s.filesz - (eh.e_phoff - s.offset)).map(|s| s.vaddr + (eh.e_phoff - s.offset));
    }
    Ok(p)
}

/// Reads the program headers of the file `bytes` (fully in memory) into
/// `phdrs` (room for [`MAX_PHNUM`]) and plans it; returns the header count too.
pub fn plan_file(bytes: &[u8], phdrs: &mut [Phdr], lim: &Limits) -> Result<(Ehdr, LoadPlan, usize), PlanFileError> {
    let eh = crate::check_header(bytes).map_err(PlanFileError::Header)?;
    let n = eh.e_phnum as usize;
    if n > MAX_PHNUM || n > phdrs.len() {
        return Err(PlanFileError::Plan(PlanError::TooManyPhdrs));
    }
    for (i, slot) in phdrs.iter_mut().enumerate().take(n) {
        let off = usize::try_from(eh.e_phoff).ok().and_then(|o| o.checked_add(i * 56));
        *slot = off.and_then(|o| read::<Phdr>(bytes, o)).ok_or(PlanFileError::Plan(PlanError::PhdrsOutsideFile))?;
    }
    let p = plan(&eh, &phdrs[..n], bytes.len() as u64, lim).map_err(PlanFileError::Plan)?;
    Ok((eh, p, n))
}

/// [`plan_file`]'s error: the ELF header or the program headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFileError {
    Header(crate::HeaderError),
    Plan(PlanError),
}

impl PlanFileError {
    pub fn message(self) -> &'static str {
        match self {
            Self::Header(h) => h.message(),
            Self::Plan(p) => p.message(),
        }
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
