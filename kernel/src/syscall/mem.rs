//! mmap/munmap/mprotect/brk/madvise. W^X: PROT_WRITE|PROT_EXEC is refused
//! with EACCES by both mmap and mprotect.
use super::SysResult;
use crate::abi::{MREMAP_FIXED, MREMAP_MAYMOVE};
use crate::errno::*;
use crate::fs::file::{Kind, OpenFile};
use crate::fs::tree::{self, Body, Inode};
use crate::mm::vm::{wx_violation, AddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE, USER_MIN, USER_TOP};
use crate::mm::{page_up, PAGE};
use crate::proc;
use alloc::rc::Rc;
use alloc::vec::Vec;

pub const MAP_SHARED: u32 = 1;
const MAP_PRIVATE: u32 = 2;
pub const MAP_FIXED: u32 = 0x10;
const MAP_ANONYMOUS: u32 = 0x20;
const MAP_FIXED_NOREPLACE: u32 = 0x10_0000;
const PROT_MASK: u32 = PROT_READ | PROT_WRITE | PROT_EXEC;

fn aspace() -> Result<&'static mut AddressSpace, Errno> {
    proc::current_aspace().ok_or(EFAULT)
}

/// `[addr, addr+len)` rounded to pages, or EINVAL/ENOMEM.
fn range(addr: u64, len: u64) -> Result<(u64, u64), Errno> {
    if !addr.is_multiple_of(PAGE) || len == 0 {
        return Err(EINVAL);
    }
    let end = addr.checked_add(page_up(len).ok_or(ENOMEM)?).ok_or(ENOMEM)?;
    Ok((addr, end))
}

pub fn mmap(addr: u64, len: u64, prot: u32, flags: u32, fd: i64, off: u64) -> SysResult {
    let file = if flags & MAP_ANONYMOUS == 0 { Some(proc::current_proc().fds.get(fd)?.file.clone()) } else { None };
    map(addr, len, prot, flags, file.as_deref(), off)
}

/// mmap of `file` (None: anonymous memory); also SysV shmat's way in.
pub fn map(addr: u64, len: u64, prot: u32, flags: u32, file_of: Option<&OpenFile>, off: u64) -> SysResult {
    if prot & !PROT_MASK != 0 {
        return Err(EINVAL);
    }
    if wx_violation(prot) {
        return Err(EACCES);
    }
    if len == 0 || flags & (MAP_SHARED | MAP_PRIVATE) == 0 {
        return Err(EINVAL);
    }
    let len = page_up(len).filter(|&l| l <= USER_TOP).ok_or(ENOMEM)?;
    let shared = flags & MAP_SHARED != 0;
    let mut name = None;
    let mut file: Option<Rc<Inode>> = None;
    let mut data: Option<alloc::borrow::Cow<'static, [u8]>> = None;
    let mut frames: Vec<u64> = Vec::new();
    if let Some(f) = file_of {
        if !off.is_multiple_of(PAGE) {
            return Err(EINVAL);
        }
        let Kind::Inode(n) = &f.kind else { return Err(EACCES) };
        let Body::File(d) = &n.body else { return Err(ENODEV) };
        if f.flags & 3 == 1 || f.flags & 3 == 3 {
            return Err(EACCES); // write-only or O_PATH descriptors cannot be mapped
        }
        if shared && prot & PROT_WRITE != 0 && f.flags & 3 != 2 {
            return Err(EACCES); // a shared writable mapping needs a read-write descriptor
        }
        alias_check(n, prot, shared)?;
        name = Some(Rc::new(alloc::format!("/{}", tree::path_of_file(n))));
        if shared {
            // The file's own frames (holes get one now) for every page inside the file.
            let mut d = d.borrow_mut();
            d.pin();
            let end = d.size().min(off.saturating_add(len));
            let mut pos = off;
            while pos < end {
                frames.push(d.frame((pos / PAGE) as usize).map_err(|_| ENOMEM)?);
                pos += PAGE;
            }
        } else {
            let d = d.borrow();
            let size = d.size();
            let start = off.min(size);
            let end = size.min(off.saturating_add(len));
            data = Some(match d.pristine() {
                Some(init) => alloc::borrow::Cow::Borrowed(&init[start as usize..end as usize]),
                None => {
                    let mut v = alloc::vec![0u8; (end - start) as usize];
                    d.read(start, &mut v);
                    alloc::borrow::Cow::Owned(v)
                }
            });
        }
        n.mapped.set(true);
        file = Some(n.clone());
    }
    let asp = aspace()?;
    let start = if flags & (MAP_FIXED | MAP_FIXED_NOREPLACE) != 0 {
        let (s, e) = range(addr, len)?;
        if s < USER_MIN || e > USER_TOP {
            return Err(ENOMEM);
        }
        if !asp.is_free(s, e) {
            if flags & MAP_FIXED == 0 {
                return Err(EEXIST);
            }
            asp.unmap(s, e);
        }
        s
    } else if addr.is_multiple_of(PAGE) && addr != 0 && asp.is_free(addr, addr.saturating_add(len)) {
        addr
    } else {
        asp.find_free(len).ok_or(ENOMEM)?
    };
    asp.add_vma(start, start + len, prot);
    if let Some(n) = &name {
        asp.set_name(start, start + len, n);
    }
    if let Some(n) = &file {
        asp.set_file(start, start + len, n, shared);
    }
    if let Some(d) = data {
        if let Err(e) = asp.write_bytes(start, &d) {
            asp.unmap(start, start + len);
            return Err(e);
        }
    }
    for (i, f) in frames.into_iter().enumerate() {
        if let Err(e) = asp.map_file_page(start + i as u64 * PAGE, f, prot) {
            asp.unmap(start, start + len);
            return Err(e);
        }
    }
    Ok(start as i64)
}

/// How `file` is mapped anywhere: (some shared mapping is writable, some mapping is executable).
fn file_maps(file: &Inode) -> (bool, bool, bool) {
    let (mut w_shared, mut x_any, mut x_shared) = (false, false, false);
    if !file.mapped.get() {
        return (false, false, false);
    }
    for p in proc::sched().procs.values() {
        let Some(a) = proc::aspace_of(p) else { continue };
        for (prot, shared) in a.file_maps(file) {
            w_shared |= shared && prot & PROT_WRITE != 0;
            x_any |= prot & PROT_EXEC != 0;
            x_shared |= shared && prot & PROT_EXEC != 0;
        }
    }
    (w_shared, x_any, x_shared)
}

/// W^X across mappings of one file: no executable mapping of a file while a
/// shared mapping can write it (that would be an alias of writable code), and
/// no shared writable mapping of a file that is mapped executable somewhere.
fn alias_check(file: &Inode, prot: u32, shared: bool) -> Result<(), Errno> {
    let (w_shared, x_any, _) = file_maps(file);
    if prot & PROT_EXEC != 0 && w_shared {
        return Err(EACCES);
    }
    if shared && prot & PROT_WRITE != 0 && x_any {
        return Err(EACCES);
    }
    Ok(())
}

pub fn munmap(addr: u64, len: u64) -> SysResult {
    let (s, e) = range(addr, len)?;
    if e > USER_TOP {
        return Err(EINVAL);
    }
    aspace()?.unmap(s, e);
    Ok(0)
}

pub fn mprotect(addr: u64, len: u64, prot: u32) -> SysResult {
    if prot & !PROT_MASK != 0 {
        return Err(EINVAL);
    }
    if wx_violation(prot) {
        return Err(EACCES);
    }
    if len == 0 && addr.is_multiple_of(PAGE) {
        return Ok(0);
    }
    let (s, e) = range(addr, len)?;
    // File regions: the same W^X alias rules as mmap, judged on the mappings as they are now
    // (so a shared writable mapping cannot be turned executable after it was written).
    let files: Vec<(Rc<Inode>, bool)> = aspace()?.vmas_in(s, e).filter_map(|v| v.file.clone().map(|f| (f, v.shared))).collect();
    for (f, shared) in &files {
        alias_check(f, prot, *shared)?;
    }
    aspace()?.protect(s, e, prot)?;
    Ok(0)
}

pub fn brk(addr: u64) -> SysResult {
    let asp = aspace()?;
    let cur = asp.brk;
    if addr < asp.brk_base || addr > asp.brk_base + (1 << 32) {
        return Ok(cur as i64);
    }
    let (old_end, new_end) = (page_up(cur).unwrap_or(cur), page_up(addr).unwrap_or(addr));
    if new_end > old_end {
        if !asp.is_free(old_end, new_end) {
            return Ok(cur as i64);
        }
        asp.add_vma(old_end, new_end, PROT_READ | PROT_WRITE);
    } else if new_end < old_end {
        asp.unmap(new_end, old_end);
    }
    asp.brk = addr;
    Ok(addr as i64)
}

/// mremap: shrink in place, grow in place when the pages after are free, or
/// (MREMAP_MAYMOVE) move the frames to a new range; MREMAP_FIXED moves them to
/// `new_addr`, replacing what was mapped there. One region at a time.
pub fn mremap(old: u64, old_len: u64, new_len: u64, flags: u32, new_addr: u64) -> SysResult {
    if flags & !(MREMAP_MAYMOVE | MREMAP_FIXED) != 0 {
        return Err(EINVAL); // MREMAP_DONTUNMAP is not supported
    }
    // As Linux: FIXED only together with MAYMOVE.
    if flags & MREMAP_FIXED != 0 && flags & MREMAP_MAYMOVE == 0 {
        return Err(EINVAL);
    }
    let (s, e) = range(old, old_len)?;
    let new_size = page_up(new_len).filter(|&l| l > 0 && l <= USER_TOP).ok_or(EINVAL)?;
    let asp = aspace()?;
    let v = asp.vma_at(s).ok_or(EFAULT)?.clone();
    if v.end < e {
        return Err(EFAULT);
    }
    let name_it = |asp: &mut AddressSpace, a: u64, b: u64| {
        if let Some(n) = &v.name {
            asp.set_name(a, b, n);
        }
    };
    if flags & MREMAP_FIXED != 0 {
        let (ds, de) = range(new_addr, new_size)?;
        if de > USER_TOP || ds < USER_MIN {
            return Err(EINVAL);
        }
        if ds < e && s < de {
            return Err(EINVAL); // the ranges overlap
        }
        let moved = new_size.min(e - s);
        asp.unmap(ds, de);
        asp.add_vma(ds, de, v.prot);
        name_it(asp, ds, de);
        asp.move_pages(s, ds, moved)?;
        asp.unmap(s, e);
        return Ok(ds as i64);
    }
    if new_size <= e - s {
        asp.unmap(s + new_size, e);
        return Ok(s as i64);
    }
    let grow_end = s.checked_add(new_size).ok_or(ENOMEM)?;
    if asp.is_free(e, grow_end) {
        asp.add_vma(e, grow_end, v.prot);
        name_it(asp, e, grow_end);
        return Ok(s as i64);
    }
    if flags & MREMAP_MAYMOVE == 0 {
        return Err(ENOMEM);
    }
    let dst = asp.find_free(new_size).ok_or(ENOMEM)?;
    asp.add_vma(dst, dst + new_size, v.prot);
    name_it(asp, dst, dst + new_size);
    asp.move_pages(s, dst, e - s)?;
    asp.unmap(s, e);
    Ok(dst as i64)
}

const MADV_DONTNEED: u64 = 4;

pub fn madvise(addr: u64, len: u64, advice: u64) -> SysResult {
    if advice != MADV_DONTNEED {
        return Ok(0);
    }
    let (s, e) = range(addr, len.max(1))?;
    let asp = aspace()?;
    // Drop the pages but keep the regions: the next touch sees zeros.
    // MADV_DONTNEED on a MAP_SHARED file mapping: its pages are the file's and stay (Linux would
    // re-read the same bytes), so it is a no-op there.
    if asp.vmas_in(s, e).any(|v| v.shared) {
        return Ok(0);
    }
    #[allow(clippy::type_complexity)]
    let mut keep: Vec<(u64, u64, u32, Option<Rc<alloc::string::String>>, Option<Rc<Inode>>)> = Vec::new();
    let mut a = s;
    while a < e {
        match asp.vma_at(a) {
            Some(v) => {
                let end = v.end.min(e);
                keep.push((a, end, v.prot, v.name.clone(), v.file.clone()));
                a = end;
            }
            None => return Err(ENOMEM),
        }
    }
    asp.unmap(s, e);
    for (a, b, p, name, file) in keep {
        asp.add_vma(a, b, p);
        if let Some(n) = name {
            asp.set_name(a, b, &n);
        }
        if let Some(f) = file {
            asp.set_file(a, b, &f, false);
        }
    }
    Ok(0)
}


/// Whether a file may change now (write, truncate): not while a shared
/// mapping makes its pages executable (as Linux refuses writes to a running
/// program with ETXTBSY). Private mappings are copies made at mmap time.
pub fn check_file_write(n: &Inode) -> Result<(), Errno> {
    if file_maps(n).2 {
        return Err(ETXTBSY);
    }
    Ok(())
}

/// msync: file mappings are private copies (or, shared, the file's own pages), so
/// there is nothing to write back; the range must be mapped.
pub fn msync(addr: u64, len: u64, flags: u32) -> SysResult {
    const MS_ASYNC: u32 = 1;
    const MS_INVALIDATE: u32 = 2;
    const MS_SYNC: u32 = 4;
    if flags & !(MS_ASYNC | MS_INVALIDATE | MS_SYNC) != 0 || flags & (MS_ASYNC | MS_SYNC) == MS_ASYNC | MS_SYNC {
        return Err(EINVAL);
    }
    if len == 0 && addr.is_multiple_of(PAGE) {
        return Ok(0);
    }
    let (s, e) = range(addr, len)?;
    if !aspace()?.fully_mapped(s, e) {
        return Err(ENOMEM);
    }
    Ok(0)
}
