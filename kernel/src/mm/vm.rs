//! Per-process address spaces: a sorted list of regions (VMAs) with their
//! protection, backed lazily by zero-filled frames (page faults populate) or
//! eagerly by copies (ELF segments, file mappings). fork shares every page
//! copy-on-write (`COW`, never writable while shared; MAP_SHARED file pages, `FILE`, stay shared as they are); the first write fault
//! copies it into a frame of the writer's own, mapped with the region's
//! protection, so no copy is ever W+X.
use super::paging::{self, ADDR, COW, FILE, KEPT, NX, P, U, W};
use super::{frame, page_down, phys_to_virt, PAGE};
use crate::arch::x86_64::cpu;
use crate::errno::*;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

pub const PROT_READ: u32 = 1;
pub const PROT_WRITE: u32 = 2;
pub const PROT_EXEC: u32 = 4;

pub const USER_MIN: u64 = 0x1_0000;
pub const USER_TOP: u64 = 0x7fff_ffff_f000;
pub const STACK_TOP: u64 = 0x7fff_ffff_e000;
pub const STACK_SIZE: u64 = 8 << 20;
pub const MMAP_TOP: u64 = 0x7f00_0000_0000;

#[derive(Clone, Debug)]
pub struct Vma {
    pub start: u64,
    pub end: u64,
    pub prot: u32,
    /// The file it was mapped from (for /proc/self/maps).
    pub name: Option<Rc<String>>,
    /// The file it maps (W^X alias checks), and whether MAP_SHARED (its pages are the file's).
    pub file: Option<Rc<crate::fs::tree::Inode>>,
    pub shared: bool,
}

/// Kinds of access a fault or a user copy needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
    Exec,
}

pub struct AddressSpace {
    pub pml4: u64,
    vmas: Vec<Vma>,
    pub brk_base: u64,
    pub brk: u64,
}

/// W^X: a protection that is both writable and executable is refused everywhere.
pub fn wx_violation(prot: u32) -> bool {
    prot & (PROT_WRITE | PROT_EXEC) == PROT_WRITE | PROT_EXEC
}

fn pte_flags(prot: u32) -> u64 {
    debug_assert!(!wx_violation(prot));
    if prot & (PROT_READ | PROT_WRITE | PROT_EXEC) == 0 {
        return KEPT;
    }
    let mut f = P | U;
    if prot & PROT_WRITE != 0 {
        f |= W;
    }
    if prot & PROT_EXEC == 0 {
        f |= NX;
    }
    f
}

/// PTE flags for `prot` on a slot whose old value is `old`: a copy-on-write
/// page stays read-only (and marked) until a write fault copies it.
fn flags_keeping_cow(old: u64, prot: u32) -> u64 {
    let f = pte_flags(prot);
    if old & COW != 0 {
        (f & !W) | COW
    } else {
        f
    }
}

impl AddressSpace {
    pub fn new() -> Option<Self> {
        Some(Self { pml4: paging::new_user_pml4()?, vmas: Vec::new(), brk_base: 0, brk: 0 })
    }

    pub fn vma_at(&self, addr: u64) -> Option<&Vma> {
        self.vmas.iter().find(|v| v.start <= addr && addr < v.end)
    }

    pub fn is_free(&self, start: u64, end: u64) -> bool {
        start >= USER_MIN && end <= USER_TOP && start < end && !self.vmas.iter().any(|v| v.start < end && start < v.end)
    }

    /// Whether every byte of `[start, end)` is inside some region.
    pub fn fully_mapped(&self, start: u64, end: u64) -> bool {
        let mut a = start;
        for v in &self.vmas {
            if v.start <= a && a < v.end {
                a = v.end;
            }
            if a >= end {
                return true;
            }
        }
        a >= end
    }

    /// A free, page-aligned range of `len` bytes: top-down below MMAP_TOP.
    pub fn find_free(&self, len: u64) -> Option<u64> {
        let mut top = MMAP_TOP;
        for v in self.vmas.iter().rev() {
            if v.start >= top {
                continue;
            }
            if v.end <= top && top - v.end >= len {
                return Some(top - len);
            }
            top = top.min(v.start);
        }
        top.checked_sub(len).filter(|&s| s >= USER_MIN)
    }

    /// Adds a region over a range the caller made free (`unmap` first).
    pub fn add_vma(&mut self, start: u64, end: u64, prot: u32) {
        let i = self.vmas.iter().position(|v| v.start >= end).unwrap_or(self.vmas.len());
        self.vmas.insert(i, Vma { start, end, prot, name: None, file: None, shared: false });
    }

    /// Splits regions so that `a` is a boundary.
    fn split_at(&mut self, a: u64) {
        if let Some(i) = self.vmas.iter().position(|v| v.start < a && a < v.end) {
            let mut hi = self.vmas[i].clone();
            hi.start = a;
            self.vmas[i].end = a;
            self.vmas.insert(i + 1, hi);
        }
    }

    /// Moves the frames of `[src, src+len)` to `[dst, dst+len)` (mremap); the
    /// caller has made the destination a region and unmaps the source after.
    pub fn move_pages(&mut self, src: u64, dst: u64, len: u64) -> Result<(), Errno> {
        let mut off = 0;
        while off < len {
            if let Some(from) = paging::walk(self.pml4, src + off, false) {
                // SAFETY: a slot in this address space's own tables.
                let v = unsafe { *from };
                if v & (P | KEPT) != 0 {
                    let to = paging::walk(self.pml4, dst + off, true).ok_or(ENOMEM)?;
                    // SAFETY: both slots are in our tables; the frame changes owner, not count.
                    unsafe {
                        *to = v;
                        *from = 0;
                    }
                    cpu::invlpg(src + off);
                }
            }
            off += PAGE;
        }
        Ok(())
    }

    /// Pages with a frame (what RSS counts).
    pub fn resident_pages(&self) -> u64 {
        paging::count_user_pages(self.pml4)
    }

    /// Names the regions inside `[start, end)` after the file they map.
    pub fn set_name(&mut self, start: u64, end: u64, name: &Rc<String>) {
        for v in self.vmas.iter_mut().filter(|v| v.start >= start && v.end <= end) {
            v.name = Some(name.clone());
        }
    }

    /// Marks the regions inside `[start, end)` as mapping `file` (shared or private).
    pub fn set_file(&mut self, start: u64, end: u64, file: &Rc<crate::fs::tree::Inode>, shared: bool) {
        for v in self.vmas.iter_mut().filter(|v| v.start >= start && v.end <= end) {
            v.file = Some(file.clone());
            v.shared = shared;
        }
    }

    /// The regions that map `file`: (protection, shared) of each.
    pub fn file_maps(&self, file: &crate::fs::tree::Inode) -> impl Iterator<Item = (u32, bool)> + '_ {
        let key = file as *const crate::fs::tree::Inode;
        self.vmas.iter().filter(move |v| v.file.as_ref().is_some_and(|f| core::ptr::eq(Rc::as_ptr(f), key))).map(|v| (v.prot, v.shared))
    }

    /// The regions overlapping `[start, end)`.
    pub fn vmas_in(&self, start: u64, end: u64) -> impl Iterator<Item = &Vma> + '_ {
        self.vmas.iter().filter(move |v| v.start < end && start < v.end)
    }

    /// Maps a file's frame `f` at `va` (MAP_SHARED): the file keeps owning it.
    pub fn map_file_page(&mut self, va: u64, f: u64, prot: u32) -> Result<(), Errno> {
        let pte = paging::walk(self.pml4, va, true).ok_or(ENOMEM)?;
        // SAFETY: a slot in this address space's own tables; the frame stays the file's (FILE bit).
        unsafe { *pte = f | pte_flags(prot) | FILE };
        cpu::invlpg(va);
        Ok(())
    }

    /// `/proc/self/maps` text: one line per region, Linux's format.
    pub fn maps_text(&self) -> String {
        let mut s = String::new();
        for v in &self.vmas {
            let flag = |bit: u32, c: char| if v.prot & bit != 0 { c } else { '-' };
            let name = match &v.name {
                Some(n) => n.as_str(),
                None if v.end == STACK_TOP => "[stack]",
                None if v.start >= self.brk_base && v.end <= self.brk_base + (1 << 32) => "[heap]",
                None => "",
            };
            s.push_str(&alloc::format!(
                "{:08x}-{:08x} {}{}{}{} 00000000 00:00 0 {}\n",
                v.start, v.end, flag(PROT_READ, 'r'), flag(PROT_WRITE, 'w'), flag(PROT_EXEC, 'x'), if v.shared { 's' } else { 'p' }, name
            ));
        }
        s
    }

    /// Removes `[start, end)` (page-aligned) from the map and frees its frames.
    pub fn unmap(&mut self, start: u64, end: u64) {
        self.split_at(start);
        self.split_at(end);
        self.vmas.retain(|v| !(v.start >= start && v.end <= end));
        let mut va = start;
        while va < end {
            if let Some(pte) = paging::walk(self.pml4, va, false) {
                // SAFETY: `pte` is a slot in this address space's own tables.
                let v = unsafe { *pte };
                if v & (P | KEPT) != 0 {
                    if v & FILE == 0 {
                        frame::free(v & ADDR);
                    }
                    // SAFETY: as above.
                    unsafe { *pte = 0 };
                    cpu::invlpg(va);
                }
            }
            va += PAGE;
        }
    }

    /// Changes the protection of `[start, end)`, which must be fully mapped.
    pub fn protect(&mut self, start: u64, end: u64, prot: u32) -> Result<(), Errno> {
        if !self.fully_mapped(start, end) {
            return Err(ENOMEM);
        }
        self.split_at(start);
        self.split_at(end);
        for v in self.vmas.iter_mut().filter(|v| v.start >= start && v.end <= end) {
            v.prot = prot;
        }
        let mut va = start;
        while va < end {
            if let Some(pte) = paging::walk(self.pml4, va, false) {
                // SAFETY: `pte` is a slot in this address space's own tables.
                let v = unsafe { *pte };
                if v & (P | KEPT) != 0 {
                    // SAFETY: as above; the frame stays, only its permissions change.
                    unsafe { *pte = (v & (ADDR | FILE)) | flags_keeping_cow(v, prot) };
                    cpu::invlpg(va);
                }
            }
            va += PAGE;
        }
        Ok(())
    }

    /// Maps a zeroed frame at `va` (page-aligned) with the region's protection,
    /// or restores a kept frame. Returns its physical address.
    fn populate_page(&mut self, va: u64, prot: u32) -> Result<u64, Errno> {
        let pte = paging::walk(self.pml4, va, true).ok_or(ENOMEM)?;
        // SAFETY: `pte` is a slot in this address space's own tables.
        let v = unsafe { *pte };
        if v & (P | KEPT) != 0 {
            // SAFETY: as above.
            unsafe { *pte = (v & (ADDR | FILE)) | flags_keeping_cow(v, prot) };
            cpu::invlpg(va);
            return Ok(v & ADDR);
        }
        let f = frame::alloc().ok_or(ENOMEM)?;
        // SAFETY: as above; `f` is a fresh zeroed frame now owned by this mapping.
        unsafe { *pte = f | pte_flags(prot) };
        Ok(f)
    }

    /// Gives the page at `va` (populated) a frame of its own: a copy-on-write
    /// page is copied (or, when no other address space shares it any more,
    /// taken over) and mapped with `prot`. Returns the frame.
    fn unshare(&mut self, va: u64, prot: u32) -> Result<u64, Errno> {
        let pte = paging::walk(self.pml4, va, false).ok_or(EFAULT)?;
        // SAFETY: `pte` is a slot in this address space's own tables.
        let v = unsafe { *pte };
        let f = v & ADDR;
        if v & COW == 0 {
            return Ok(f);
        }
        let mine = if frame::is_shared(f) {
            let n = frame::alloc().ok_or(ENOMEM)?;
            // SAFETY: two distinct whole frames reached through the direct map.
            unsafe { core::ptr::copy_nonoverlapping(phys_to_virt(f), phys_to_virt(n), PAGE as usize) };
            frame::free(f); // drops our share of the old frame
            n
        } else {
            f
        };
        // SAFETY: as above; `mine` is owned by this mapping alone now.
        unsafe { *pte = mine | pte_flags(prot) };
        cpu::invlpg(va);
        Ok(mine)
    }

    /// Handles a user page fault; `Err` means the access is invalid (SIGSEGV).
    pub fn fault(&mut self, addr: u64, access: Access) -> Result<(), Errno> {
        let vma_prot = self.vma_at(addr).ok_or(EFAULT)?.prot;
        let need = match access {
            Access::Read => PROT_READ | PROT_WRITE | PROT_EXEC,
            Access::Write => PROT_WRITE,
            Access::Exec => PROT_EXEC,
        };
        if vma_prot & need == 0 {
            return Err(EFAULT);
        }
        let va = page_down(addr);
        if let Some(pte) = paging::walk(self.pml4, va, false) {
            // SAFETY: `pte` is a slot in this address space's own tables.
            let v = unsafe { *pte };
            if v & P != 0 && (access != Access::Write || v & W != 0) {
                return Ok(()); // already fine (spurious or raced by a sibling thread)
            }
        }
        self.populate_page(va, vma_prot)?;
        if access == Access::Write {
            self.unshare(va, vma_prot)?;
        }
        Ok(())
    }

    /// Copies `data` into the address space at `va`, populating pages as
    /// needed regardless of protection (the kernel loading an image).
    pub fn write_bytes(&mut self, mut va: u64, mut data: &[u8]) -> Result<(), Errno> {
        while !data.is_empty() {
            let page = page_down(va);
            let prot = self.vma_at(va).ok_or(EFAULT)?.prot;
            self.populate_page(page, prot)?;
            let f = self.unshare(page, prot)?;
            let off = (va - page) as usize;
            let n = data.len().min(PAGE as usize - off);
            // SAFETY: `f` is a frame of this address space reached through the direct map; off+n <= 4096.
            unsafe { core::ptr::copy_nonoverlapping(data.as_ptr(), phys_to_virt(f).add(off), n) };
            data = &data[n..];
            va += n as u64;
        }
        Ok(())
    }

    /// Copies between this address space at `va` and the kernel buffer `buf`
    /// (`Access::Read`: out of the address space into `buf`; `Access::Write`:
    /// `buf` into it), with the regions' protection checked as a user access
    /// would be. Works on any address space, loaded or not (process_vm_readv).
    /// Returns the bytes copied before the first inaccessible page.
    pub fn copy_user(&mut self, mut va: u64, buf: &mut [u8], access: Access) -> usize {
        let mut done = 0;
        while done < buf.len() {
            if va < USER_MIN || va >= USER_TOP || self.fault(va, access).is_err() {
                break;
            }
            let page = page_down(va);
            let Some(pte) = paging::walk(self.pml4, page, false) else { break };
            // SAFETY: `pte` is a slot in this address space's own tables; `fault` populated it.
            let f = unsafe { *pte } & ADDR;
            let off = (va - page) as usize;
            let n = (buf.len() - done).min(PAGE as usize - off);
            // SAFETY: `f` is a frame of this address space (unshared for a write by
            // `fault`) reached through the direct map; off+n <= 4096.
            unsafe {
                let frame = phys_to_virt(f).add(off);
                match access {
                    Access::Write => core::ptr::copy_nonoverlapping(buf[done..].as_ptr(), frame, n),
                    _ => core::ptr::copy_nonoverlapping(frame, buf[done..].as_mut_ptr(), n),
                }
            }
            done += n;
            va += n as u64;
        }
        done
    }

    /// Ensures `[addr, addr+len)` is accessible for `access`, faulting pages in.
    pub fn check_user(&mut self, addr: u64, len: u64, access: Access) -> Result<(), Errno> {
        if len == 0 {
            return Ok(());
        }
        let end = addr.checked_add(len).ok_or(EFAULT)?;
        if addr < USER_MIN || end > USER_TOP {
            return Err(EFAULT);
        }
        let mut va = page_down(addr);
        while va < end {
            self.fault(va, access)?;
            va += PAGE;
        }
        Ok(())
    }
}

impl AddressSpace {
    /// A copy for fork(2): same regions, every populated page shared
    /// copy-on-write (read-only and marked `COW` in both address spaces).
    /// The caller must be running on `self` (its TLB is flushed here).
    pub fn fork(&mut self) -> Option<Self> {
        let mut n = Self::new()?;
        n.vmas = self.vmas.clone();
        n.brk_base = self.brk_base;
        n.brk = self.brk;
        let mut ok = true;
        'all: for v in &self.vmas {
            let mut va = v.start;
            while va < v.end {
                if let Some(pte) = paging::walk(self.pml4, va, false) {
                    // SAFETY: a slot in this address space's own tables.
                    let e = unsafe { *pte };
                    if e & FILE != 0 {
                        // A MAP_SHARED page: the child maps the same file frame (never copy-on-write).
                        let Some(slot) = paging::walk(n.pml4, va, true) else {
                            ok = false;
                            break 'all;
                        };
                        // SAFETY: a slot in the new tables; the file keeps owning the frame.
                        unsafe { *slot = e };
                    } else if e & (P | KEPT) != 0 {
                        let Some(slot) = paging::walk(n.pml4, va, true) else {
                            ok = false;
                            break 'all;
                        };
                        let f = e & ADDR;
                        let shared = (e & !W) | COW;
                        if frame::share(f) {
                            // SAFETY: slots of the two trees; the frame now has one more owner.
                            unsafe {
                                *pte = shared;
                                *slot = shared;
                            }
                        } else {
                            // Share count saturated: the child gets a copy of its own.
                            let Some(c) = frame::alloc() else {
                                ok = false;
                                break 'all;
                            };
                            // SAFETY: two distinct whole frames through the direct map; `c` is the child's alone.
                            unsafe {
                                core::ptr::copy_nonoverlapping(phys_to_virt(f), phys_to_virt(c), PAGE as usize);
                                *slot = c | (e & !(ADDR | COW));
                            }
                        }
                    }
                }
                va += PAGE;
            }
        }
        if cpu::read_cr3() == self.pml4 {
            // SAFETY: reloading the same tables flushes the now read-only entries from the TLB.
            unsafe { cpu::write_cr3(self.pml4) };
        }
        ok.then_some(n)
    }
}

impl Drop for AddressSpace {
    fn drop(&mut self) {
        if cpu::read_cr3() == self.pml4 {
            // SAFETY: the kernel PML4 maps everything the kernel needs.
            unsafe { cpu::write_cr3(paging::kernel_pml4()) };
        }
        paging::free_user_tree(self.pml4);
    }
}
