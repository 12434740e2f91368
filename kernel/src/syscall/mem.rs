//! mmap/munmap/mprotect/brk/madvise. W^X: PROT_WRITE|PROT_EXEC is refused
//! with EACCES by both mmap and mprotect.
use super::SysResult;
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::tree::{self, Body, Inode};
use crate::mm::vm::{wx_violation, AddressSpace, PROT_EXEC, PROT_READ, PROT_WRITE, USER_MIN, USER_TOP};
use crate::mm::{page_up, PAGE};
use crate::proc;
use alloc::vec::Vec;

const MAP_SHARED: u32 = 1;
const MAP_PRIVATE: u32 = 2;
const MAP_FIXED: u32 = 0x10;
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
    let mut name = None;
    let data: Option<alloc::borrow::Cow<'static, [u8]>> = if flags & MAP_ANONYMOUS != 0 {
        None
    } else {
        if !off.is_multiple_of(PAGE) {
            return Err(EINVAL);
        }
        let f = proc::current_proc().fds.get(fd)?.file.clone();
        let Kind::Inode(n) = &f.kind else { return Err(EACCES) };
        let Body::File(d) = &n.body else { return Err(ENODEV) };
        if f.flags & 3 == 1 || f.flags & 3 == 3 {
            return Err(EACCES); // write-only or O_PATH descriptors cannot be mapped
        }
        if flags & MAP_SHARED != 0 && prot & PROT_WRITE != 0 {
            return Err(EACCES); // shared writable mappings are not supported yet
        }
        name = Some(alloc::rc::Rc::new(alloc::format!("/{}", tree::path_of_file(n))));
        let d = d.borrow();
        let size = d.size();
        let start = off.min(size);
        let end = size.min(off.saturating_add(len));
        Some(match d.pristine() {
            Some(init) => alloc::borrow::Cow::Borrowed(&init[start as usize..end as usize]),
            None => {
                let mut v = alloc::vec![0u8; (end - start) as usize];
                d.read(start, &mut v);
                alloc::borrow::Cow::Owned(v)
            }
        })
    };
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
    if let Some(d) = data {
        if let Err(e) = asp.write_bytes(start, &d) {
            asp.unmap(start, start + len);
            return Err(e);
        }
    }
    Ok(start as i64)
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

const MREMAP_MAYMOVE: u32 = 1;

/// mremap: shrink in place, grow in place when the pages after are free, or
/// (MREMAP_MAYMOVE) move the frames to a new range. One region at a time.
pub fn mremap(old: u64, old_len: u64, new_len: u64, flags: u32) -> SysResult {
    if flags & !MREMAP_MAYMOVE != 0 {
        return Err(EINVAL); // MREMAP_FIXED / DONTUNMAP are not supported
    }
    let (s, e) = range(old, old_len)?;
    let new_size = page_up(new_len).filter(|&l| l > 0 && l <= USER_TOP).ok_or(EINVAL)?;
    let asp = aspace()?;
    let v = asp.vma_at(s).ok_or(EFAULT)?.clone();
    if v.end < e {
        return Err(EFAULT);
    }
    if new_size <= e - s {
        asp.unmap(s + new_size, e);
        return Ok(s as i64);
    }
    let grow_end = s.checked_add(new_size).ok_or(ENOMEM)?;
    let name_it = |asp: &mut AddressSpace, a: u64, b: u64| {
        if let Some(n) = &v.name {
            asp.set_name(a, b, n);
        }
    };
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
    let mut keep: Vec<(u64, u64, u32, Option<alloc::rc::Rc<alloc::string::String>>)> = Vec::new();
    let mut a = s;
    while a < e {
        match asp.vma_at(a) {
            Some(v) => {
                let end = v.end.min(e);
                keep.push((a, end, v.prot, v.name.clone()));
                a = end;
            }
            None => return Err(ENOMEM),
        }
    }
    asp.unmap(s, e);
    for (a, b, p, name) in keep {
        asp.add_vma(a, b, p);
        if let Some(n) = name {
            asp.set_name(a, b, &n);
        }
    }
    Ok(0)
}

/// Whether a file may change now (write, truncate). Every file mapping is a
/// private copy made at mmap time, so no mapping aliases file pages and any
/// change is allowed.
pub fn check_file_write(_n: &Inode) -> Result<(), Errno> {
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
