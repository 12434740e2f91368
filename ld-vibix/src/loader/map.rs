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

/// Identity of an open file, used to avoid loading the same file twice.
pub fn file_id(fd: &OwnedFd) -> (u64, u64, u64) {
    match rustix::fs::fstat(fd) {
        Ok(st) => (st.st_dev as u64, st.st_ino as u64, st.st_size as u64),
        Err(_) => (0, 0, 0),
    }
}

/// Maps the ELF file open on `fd` and decodes it. Nothing stays mapped on error.
pub fn map_file(fd: &OwnedFd, path: &[u8]) -> Result<Box<Dso>, Msg> {
    let (dev, ino, size) = file_id(fd);
    let err = |why: &str| msg(&[path, b": ", why.as_bytes()]);
    let mut head = [0u8; 512];
    let got = rustix::io::pread(fd, &mut head[..], 0).map_err(|_| err("cannot read file"))?;
    let eh = check_header(&head[..got]).map_err(|e| err(e.message()))?;
    let phoff = eh.e_phoff as usize;
    let phnum = eh.e_phnum as usize;
    let phend = phoff.checked_add(phnum * 56).ok_or_else(|| err("bad program headers"))?;
    if phend as u64 > size {
        return Err(err("file too short (truncated)"));
    }
    let mut phv: Vec<Phdr> = Vec::with_capacity(phnum);
    for i in 0..phnum {
        let off = phoff + i * 56;
        let ph: Phdr = if off + 56 <= got {
            read(&head, off).unwrap()
        } else {
            let mut b = [0u8; 56];
            rustix::io::pread(fd, &mut b[..], off as u64).map_err(|_| err("cannot read program headers"))?;
            read(&b, 0).unwrap()
        };
        phv.push(ph);
    }
    let (mut lo, mut hi) = (usize::MAX, 0usize);
    for ph in phv.iter().filter(|p| p.p_type == PT_LOAD) {
        if ph.p_flags & PF_W != 0 && ph.p_flags & PF_X != 0 {
            return Err(err("segment is both writable and executable (W^X violation)"));
        }
        if ph.p_offset.checked_add(ph.p_filesz).is_none_or(|e| e > size) {
            return Err(err("file too short (truncated)"));
        }
        if ph.p_filesz > ph.p_memsz || (ph.p_offset as usize % PAGE) != (ph.p_vaddr as usize % PAGE) {
            return Err(err("bad PT_LOAD segment"));
        }
        lo = lo.min(page_down(ph.p_vaddr as usize));
        hi = hi.max(page_up((ph.p_vaddr + ph.p_memsz) as usize));
    }
    if lo >= hi {
        return Err(err("no loadable segments"));
    }
    let span = hi - lo;
    let fixed = eh.e_type == ET_EXEC;
    let hint = if fixed { lo as *mut c_void } else { null_mut() };
    let rflags = if fixed { MapFlags::PRIVATE | MapFlags::FIXED_NOREPLACE } else { MapFlags::PRIVATE };
    // SAFETY: a fresh PROT_NONE reservation; FIXED_NOREPLACE never clobbers.
    let start = unsafe { mmap_anonymous(hint, span, ProtFlags::empty(), rflags) }
        .map_err(|_| err("cannot reserve address space"))? as usize;
    let base = start - lo;
    let unmap = || {
        // SAFETY: the reservation is ours and nothing references it yet.
        let _ = unsafe { munmap(start as *mut c_void, span) };
    };
    for ph in phv.iter().filter(|p| p.p_type == PT_LOAD) {
        if let Err(e) = map_segment(fd, ph, base) {
            unmap();
            return Err(err(e));
        }
    }
    // Program headers in memory: PT_PHDR, or inside the first segment's file image.
    let mut phaddr = 0usize;
    for ph in phv.iter() {
        if ph.p_type == PT_PHDR {
            phaddr = base + ph.p_vaddr as usize;
        }
    }
    if phaddr == 0 {
        for ph in phv.iter().filter(|p| p.p_type == PT_LOAD) {
            if (phoff as u64) >= ph.p_offset && (phend as u64) <= ph.p_offset + ph.p_filesz {
                phaddr = base + (ph.p_vaddr + phoff as u64 - ph.p_offset) as usize;
            }
        }
    }
    if phaddr == 0 {
        // Not mapped by any segment: keep our copy for the object's lifetime.
        phaddr = Vec::leak(phv.clone()).as_ptr() as usize;
    }
    let mut d = match Dso::new(base, phaddr as *const Phdr, phnum, path) {
        Ok(d) => Box::new(d),
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

fn map_segment(fd: &OwnedFd, ph: &Phdr, base: usize) -> Result<(), &'static str> {
    let prot = prot_of(ph.p_flags);
    let va = base + ph.p_vaddr as usize;
    let page = page_down(va);
    let file_end = va + ph.p_filesz as usize;
    let mem_end = page_up(va + ph.p_memsz as usize);
    if ph.p_filesz > 0 {
        let len = page_up(file_end) - page;
        let off = page_down(ph.p_offset as usize) as u64;
        // SAFETY: maps over our own PROT_NONE reservation.
        unsafe { mmap(page as *mut c_void, len, prot, MapFlags::PRIVATE | MapFlags::FIXED, fd, off) }
            .map_err(|_| "cannot map segment")?;
    }
    // bss: zero the tail of the last file page, then anonymous zero pages.
    let zero_from = if ph.p_filesz > 0 { file_end } else { page };
    let anon_from = page_up(zero_from);
    if ph.p_memsz > ph.p_filesz && zero_from < anon_from {
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
