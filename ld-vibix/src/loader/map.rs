//! Mapping an ELF file: validate the header, reserve the whole span PROT_NONE,
//! map each PT_LOAD with its exact protection (never W|X), zero the bss.

use super::Dso;
use crate::diag::{msg, Msg};
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::c_void;
use core::ptr::null_mut;
use rustix::fd::OwnedFd;
use rustix::mm::{mmap, mmap_anonymous, munmap, MapFlags, ProtFlags};
use vibix_elf::plan::{plan, Limits, PlanError, Segment, MAX_PHNUM};
use vibix_elf::*;

const PAGE: usize = 4096;

fn page_down(v: usize) -> usize {
    v & !(PAGE - 1)
}
fn page_up(v: usize) -> usize {
    (v + PAGE - 1) & !(PAGE - 1)
}

/// Opens `path` (bytes, no NUL) read-only.
pub fn open(path: &[u8]) -> rustix::io::Result<OwnedFd> {
    if path.contains(&0) {
        return Err(rustix::io::Errno::INVAL);
    }
    let mut v = Vec::with_capacity(path.len() + 1);
    v.extend_from_slice(path);
    v.push(0);
    // SAFETY: v is NUL-terminated with no interior NUL (checked above).
    let c = unsafe { core::ffi::CStr::from_bytes_with_nul_unchecked(&v) };
    rustix::fs::open(c, rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::CLOEXEC, rustix::fs::Mode::empty())
}

fn prot_of(flags: u32) -> ProtFlags {
    let mut p = ProtFlags::empty();
    if flags & PF_R != 0 {
        p |= ProtFlags::READ;
    }
    if flags & PF_W != 0 {
        p |= ProtFlags::WRITE;
    }
    if flags & PF_X != 0 {
        p |= ProtFlags::EXEC;
    }
    p
}

/// What one `fstat` of an open file tells the loader: its identity (to avoid
/// loading a file twice), its size, and whether it is a regular file.
#[derive(Clone, Copy)]
pub struct FileInfo {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub regular: bool,
}

/// `fstat` once; a failure gives no identity and lets mapping report the error.
pub fn file_info(fd: &OwnedFd) -> FileInfo {
    match rustix::fs::fstat(fd) {
        Ok(st) => FileInfo { dev: st.st_dev as u64, ino: st.st_ino as u64, size: st.st_size as u64, regular: st.st_mode & 0o170000 == 0o100000 },
        Err(_) => FileInfo { dev: 0, ino: 0, size: 0, regular: true },
    }
}

/// The first bytes of a file: the ELF header and, for every object built here,
/// the program headers too (one read). Aligned for `Phdr`.
#[repr(C, align(8))]
struct Head([core::mem::MaybeUninit<u8>; HEAD]);
const HEAD: usize = 2048;

/// Maps the ELF file open on `fd` (`fi` from [`file_info`]) and decodes it.
/// Nothing stays mapped on error.
pub fn map_file(fd: &OwnedFd, fi: FileInfo, path: &[u8], lim: &Limits) -> Result<Box<Dso>, Msg> {
    let FileInfo { dev, ino, size, .. } = fi;
    let err = |why: &str| msg(&[path, b": ", why.as_bytes()]);
    let mut buf = Head([core::mem::MaybeUninit::uninit(); HEAD]);
    let (head, _) = rustix::io::pread(fd, &mut buf.0[..], 0).map_err(|_| err("cannot read file"))?;
    let head: &[u8] = head;
    let got = head.len();
    let eh = check_header(head).map_err(|e| err(e.message()))?;
    let phnum = eh.e_phnum as usize;
    if phnum > MAX_PHNUM {
        return Err(err(PlanError::TooManyPhdrs.message()));
    }
    let phsize = phnum * 56;
    if eh.e_phoff.checked_add(phsize as u64).is_none_or(|e| e > size) {
        return Err(err(PlanError::PhdrsOutsideFile.message()));
    }
    let phoff = eh.e_phoff as usize;
    // The headers as read: inside `head` when they fit (and are aligned), else
    // read on their own into a buffer of ours.
    let mut phv: Vec<Phdr>;
    let phdrs: &[Phdr] = if phoff + phsize <= got && phoff % 8 == 0 {
        // SAFETY: in bounds of the initialised part of `head`, 8-aligned (the
        // buffer is, and phoff is); Phdr is POD.
        unsafe { core::slice::from_raw_parts(head.as_ptr().add(phoff) as *const Phdr, phnum) }
    } else {
        phv = alloc::vec![Phdr::default(); phnum];
        // SAFETY: Phdr is POD; the buffer is phnum * 56 bytes.
        let raw = unsafe { core::slice::from_raw_parts_mut(phv.as_mut_ptr() as *mut u8, phsize) };
        if rustix::io::pread(fd, &mut *raw, phoff as u64).ok() != Some(phsize) {
            return Err(err("cannot read program headers"));
        }
        &phv
    };
    // SAFETY: phdrs is phnum * 56 bytes of initialised POD.
    let raw = unsafe { core::slice::from_raw_parts(phdrs.as_ptr() as *const u8, phsize) };
    let plan = plan(&eh, phdrs, size, lim).map_err(|e| err(e.message()))?;
    let span = (plan.hi - plan.lo) as usize;
    let fixed = eh.e_type == ET_EXEC;
    let hint = if fixed { plan.lo as usize as *mut c_void } else { null_mut() };
    let rflags = if fixed { MapFlags::PRIVATE | MapFlags::FIXED_NOREPLACE } else { MapFlags::PRIVATE };
    // SAFETY: a fresh PROT_NONE reservation; FIXED_NOREPLACE never clobbers.
    let start = unsafe { mmap_anonymous(hint, span, ProtFlags::empty(), rflags) }
        .map_err(|_| err("cannot reserve address space"))? as usize;
    let base = start.wrapping_sub(plan.lo as usize);
    let unmap = || {
        // SAFETY: the reservation is ours and nothing references it yet.
        let _ = unsafe { munmap(start as *mut c_void, span) };
    };
    for seg in plan.segments() {
        if let Err(e) = map_segment(fd, seg, base) {
            unmap();
            return Err(err(e));
        }
    }
    // Program headers in memory (PT_PHDR or the segment holding e_phoff) when they
    // are the ones we read; else our copy, kept for the object's lifetime.
    let in_image = plan.phdr.map(|va| base + va as usize).filter(|&a| {
        // SAFETY: the plan put [a, a + phsize) inside a mapped readable segment.
        a % 8 == 0 && unsafe { core::slice::from_raw_parts(a as *const u8, phsize) } == &raw[..]
    });
    let phaddr = in_image.unwrap_or_else(|| Vec::leak(phdrs.to_vec()).as_ptr() as usize);
    let mut d = match Dso::new(base, &plan, phaddr as *const Phdr, phnum, path) {
        Ok(d) => d,
        Err(e) => {
            unmap();
            return Err(e);
        }
    };
    d.entry = base.wrapping_add(eh.e_entry as usize);
    d.map_start = start;
    d.map_len = span;
    d.dev = dev;
    d.ino = ino;
    if d.dy.textrel {
        unmap();
        return Err(err("text relocations (DT_TEXTREL) are not supported"));
    }
    if d.dy.rel {
        unmap();
        return Err(err("REL relocations are not supported on x86_64"));
    }
    Ok(d)
}

/// The program the kernel mapped (PT_INTERP start): its program headers at
/// `phdr` are validated like a file's, and the bias they imply is checked
/// against the mapping (every segment mapped, the ELF header where it says).
pub fn kernel_mapped(phdr: usize, phnum: usize, entry: usize, path: &[u8]) -> Result<Box<Dso>, Msg> {
    let err = |why: &str| msg(&[path, b": ", why.as_bytes()]);
    if phnum == 0 || phnum > MAX_PHNUM || phdr % 8 != 0 || !readable(phdr, phnum * 56) {
        return Err(err("bad program headers (not mapped where AT_PHDR says)"));
    }
    // SAFETY: AT_PHDR/AT_PHNUM describe headers the kernel mapped (checked above).
    let phdrs = unsafe { core::slice::from_raw_parts(phdr as *const Phdr, phnum) };
    let pt_phdr = phdrs.iter().find(|p| p.p_type == PT_PHDR);
    let bias = pt_phdr.map_or(0, |p| phdr.wrapping_sub(p.p_vaddr as usize));
    let eh = Ehdr { e_entry: entry.wrapping_sub(bias) as u64, e_phoff: pt_phdr.map_or(0, |p| p.p_offset), e_phnum: phnum as u16, ..Ehdr::default() };
    let plan = plan(&eh, phdrs, u64::MAX, &Limits::PROGRAM).map_err(|e| err(e.message()))?;
    let mismatch = || err("program headers do not match the mapped image (PT_PHDR)");
    if !all_mapped(bias, plan.segments()) {
        return Err(mismatch());
    }
    if let Some(s) = plan.segments().iter().find(|s| s.offset == 0 && s.filesz >= 64 && s.flags & PF_R != 0) {
        let eh_at = bias.wrapping_add(s.vaddr as usize);
        // The ELF header usually shares its page with the program headers,
        // which `readable` above has just populated.
        let same_page = page_down(eh_at) == page_down(phdr) && eh_at.checked_add(64).is_some_and(|e| page_down(e - 1) == page_down(phdr));
        if !same_page && !readable(eh_at, 64) {
            return Err(mismatch());
        }
        // SAFETY: the segment holding file offset 0 is mapped readable (checked above).
        let real = unsafe { *(bias.wrapping_add(s.vaddr as usize) as *const Ehdr) };
        if real.e_ident[..4] != ELFMAG || real.e_phnum as usize != phnum || plan.phdr != Some(s.vaddr + real.e_phoff) {
            return Err(mismatch());
        }
    }
    let mut d = Dso::new(bias, &plan, phdr as *const Phdr, phnum, path)?;
    d.entry = entry;
    Ok(d)
}

/// Is all of `[a, a + len)` mapped? msync fails with ENOMEM on a hole; a kernel
/// without msync (vibix: ENOSYS) cannot tell us, and its loader checked the
/// program headers with the same load plan.
fn mapped(a: usize, len: usize) -> bool {
    let lo = page_down(a);
    let Some(hi) = a.checked_add(len).and_then(|e| e.checked_add(PAGE - 1)) else { return false };
    // SAFETY: MS_ASYNC on private mappings changes nothing; it only reports holes.
    match unsafe { rustix::mm::msync(lo as *mut c_void, page_down(hi) - lo, rustix::mm::MsyncFlags::ASYNC) } {
        Ok(()) => true,
        Err(e) => e != rustix::io::Errno::NOMEM,
    }
}

/// Are all of `segs` (sorted, disjoint) mapped at `bias`? Segments whose pages
/// touch are checked as one run: one msync for a usual program.
fn all_mapped(bias: usize, segs: &[Segment]) -> bool {
    let mut run: Option<(usize, usize)> = None;
    for s in segs {
        let a = bias.wrapping_add(s.vaddr as usize);
        let Some(e) = a.checked_add(s.memsz as usize).and_then(|e| e.checked_add(PAGE - 1)) else { return false };
        let (lo, hi) = (page_down(a), page_down(e));
        run = match run {
            Some((rlo, rhi)) if lo <= rhi && lo >= rlo => Some((rlo, hi.max(rhi))),
            Some((rlo, rhi)) => {
                if !mapped(rlo, rhi - rlo) {
                    return false;
                }
                Some((lo, hi))
            }
            None => Some((lo, hi)),
        };
    }
    run.is_none_or(|(lo, hi)| mapped(lo, hi - lo))
}

fn populate(a: usize, len: usize) -> rustix::io::Result<()> {
    let lo = page_down(a);
    let hi = a.checked_add(len).and_then(|e| e.checked_add(PAGE - 1)).ok_or(rustix::io::Errno::FAULT)?;
    // SAFETY: populating page tables of our own mappings changes no data.
    unsafe { rustix::mm::madvise(lo as *mut c_void, page_down(hi) - lo, rustix::mm::Advice::LinuxPopulateRead) }
}

/// Can `[a, a + len)` be read? MADV_POPULATE_READ fails where a read would
/// fault (a hole, past the end of the file: EFAULT/ENOMEM; PROT_NONE: EINVAL).
/// EINVAL also means a kernel without it: then (our own header cannot be
/// populated either) only the mapped check is made.
fn readable(a: usize, len: usize) -> bool {
    match populate(a, len) {
        Ok(()) => true,
        Err(rustix::io::Errno::INVAL) | Err(rustix::io::Errno::NOSYS) => {
            populate(crate::arch::self_base(), 64).is_err() && mapped(a, len)
        }
        Err(_) => false,
    }
}

fn map_segment(fd: &OwnedFd, seg: &Segment, base: usize) -> Result<(), &'static str> {
    let prot = prot_of(seg.flags);
    let va = base + seg.vaddr as usize;
    let page = page_down(va);
    let file_end = va + seg.filesz as usize;
    let mem_end = page_up(va + seg.memsz as usize);
    if seg.filesz > 0 {
        let len = page_up(file_end) - page;
        let off = page_down(seg.offset as usize) as u64;
        // SAFETY: maps over our own PROT_NONE reservation.
        unsafe { mmap(page as *mut c_void, len, prot, MapFlags::PRIVATE | MapFlags::FIXED, fd, off) }
            .map_err(|_| "cannot map segment")?;
    }
    // bss: zero the tail of the last file page, then anonymous zero pages.
    let zero_from = if seg.filesz > 0 { file_end } else { page };
    let anon_from = page_up(zero_from);
    if seg.memsz > seg.filesz && zero_from < anon_from {
        if !prot.contains(ProtFlags::WRITE) {
            return Err("bss in a read-only segment");
        }
        // SAFETY: the page is mapped writable and belongs to this segment.
        unsafe { core::ptr::write_bytes(zero_from as *mut u8, 0, anon_from - zero_from) };
    }
    if mem_end > anon_from {
        // SAFETY: maps over our own reservation.
        unsafe { mmap_anonymous(anon_from as *mut c_void, mem_end - anon_from, prot, MapFlags::PRIVATE | MapFlags::FIXED) }
            .map_err(|_| "cannot map bss")?;
    }
    Ok(())
}
