//! System V shared memory: shmget/shmat/shmdt/shmctl. A segment is an
//! unlinked file of the tree (`tree::new_inode`), and shmat maps it
//! MAP_SHARED through the mmap code (`syscall::mem::map`), so attached pages
//! are the file's frames, shared across fork and never copy-on-write, and the
//! W^X alias rules of file mappings hold for segments too. `shm_nattch`
//! counts the regions mapping the segment in every address space; a segment
//! removed with IPC_RMID while attached lives on (SHM_DEST, key private)
//! until its last region goes.
use super::*;
use crate::abi::S_IFREG;
use crate::fs::file::{Kind, OpenFile};
use crate::fs::tree::{self, Body, Inode};
use crate::mm::uaccess;
use crate::mm::vm::{PROT_EXEC, PROT_READ, PROT_WRITE};
use crate::mm::PAGE;
use crate::sync::Global;
use crate::syscall::mem::{self, MAP_FIXED, MAP_SHARED};
use alloc::rc::Rc;

const SHM_RDONLY: u32 = 0o10000;
const SHM_RND: u32 = 0o20000;
const SHM_REMAP: u32 = 0o40000;
const SHM_EXEC: u32 = 0o100000;
const SHM_LOCK: u32 = 11;
const SHM_UNLOCK: u32 = 12;
const SHM_STAT: u32 = 13;
const SHM_INFO: u32 = 14;
const SHM_STAT_ANY: u32 = 15;
const SHMMIN: u64 = 1;
/// Linux's SHMMAX default (ULONG_MAX - 2^24) is more than vibix has; one segment
/// is at most 1 GiB, like one ELF segment.
const SHMMAX: u64 = 1 << 30;
const SHMLBA: u64 = PAGE;

struct Segment {
    perm: Perm,
    file: Rc<Inode>,
    size: u64,
    atime: i64,
    dtime: i64,
    ctime: i64,
    cpid: i32,
    lpid: i32,
}

static SEGMENTS: Global<Table<Segment>> = Global::new(Table::new());

/// Regions mapping `file` in every address space.
fn nattch(file: &Inode) -> u64 {
    proc::sched().procs.values().filter_map(|p| proc::aspace_of(p)).map(|a| a.file_maps(file).count() as u64).sum()
}

/// Drops segments removed with IPC_RMID once nothing maps them.
fn sweep() {
    let t = SEGMENTS.get();
    let dead: Vec<i32> = t.iter_mut().filter(|(_, s)| s.perm.mode & DESTROYED != 0 && nattch(&s.file) == 0).map(|(id, _)| id).collect();
    for id in dead {
        let _ = t.remove(id as i64);
    }
}

pub fn shmget(key: i32, size: u64, flags: u32) -> Result<i64, Errno> {
    sweep();
    get_or_create(
        SEGMENTS.get(),
        key,
        flags,
        |s| &s.perm,
        |s| if size > s.size { Err(EINVAL) } else { Ok(()) },
        || {
            if !(SHMMIN..=SHMMAX).contains(&size) {
                return Err(EINVAL);
            }
            let file = tree::new_inode(S_IFREG | (flags & 0o777), tree::empty_file());
            let Body::File(d) = &file.body else { return Err(ENOMEM) };
            d.borrow_mut().truncate(size).map_err(|_| ENOMEM)?;
            *file.path_hint.borrow_mut() = alloc::format!("/SYSV{:08x} (deleted)", key as u32);
            Ok(Segment { perm: Perm::new(key, flags), file, size, atime: 0, dtime: 0, ctime: now_secs(), cpid: current_pid(), lpid: 0 })
        },
    )
}

pub fn shmat(id: i64, addr: u64, flags: u32) -> Result<i64, Errno> {
    let s = SEGMENTS.get().get(id)?;
    let mut at = addr;
    if at % SHMLBA != 0 {
        if flags & SHM_RND == 0 {
            return Err(EINVAL);
        }
        at -= at % SHMLBA;
    }
    let mut prot = PROT_READ;
    if flags & SHM_RDONLY == 0 {
        prot |= PROT_WRITE;
    }
    if flags & SHM_EXEC != 0 {
        prot |= PROT_EXEC;
    }
    let mut mflags = MAP_SHARED;
    if at != 0 {
        // Without SHM_REMAP an occupied range is EINVAL, as Linux answers.
        if flags & SHM_REMAP == 0 && !proc::current_aspace().ok_or(EINVAL)?.is_free(at, at.saturating_add(s.size)) {
            return Err(EINVAL);
        }
        mflags |= MAP_FIXED;
    } else if flags & SHM_REMAP != 0 {
        return Err(EINVAL);
    }
    let of = OpenFile::new(Kind::Inode(s.file.clone()), if flags & SHM_RDONLY != 0 { 0 } else { 2 });
    let va = mem::map(at, s.size, prot, mflags, Some(&of), 0)?;
    let s = SEGMENTS.get().get(id)?;
    s.atime = now_secs();
    s.lpid = current_pid();
    Ok(va)
}

pub fn shmdt(addr: u64) -> Result<i64, Errno> {
    if addr % SHMLBA != 0 {
        return Err(EINVAL);
    }
    let asp = proc::current_aspace().ok_or(EINVAL)?;
    let file = asp.vma_at(addr).filter(|v| v.start == addr && v.shared).and_then(|v| v.file.clone()).ok_or(EINVAL)?;
    let seg = SEGMENTS.get().iter_mut().find(|(_, s)| Rc::ptr_eq(&s.file, &file)).map(|(id, s)| (id, s.size));
    let Some((id, size)) = seg else { return Err(EINVAL) };
    // Every region of this segment inside its size from `addr` (mprotect may have split it).
    let end = addr.saturating_add(size.div_ceil(PAGE) * PAGE);
    let parts: Vec<(u64, u64)> = asp.vmas_in(addr, end).filter(|v| v.file.as_ref().is_some_and(|f| Rc::ptr_eq(f, &file))).map(|v| (v.start, v.end.min(end))).collect();
    for (s, e) in parts {
        asp.unmap(s, e);
    }
    if let Ok(s) = SEGMENTS.get().get(id as i64) {
        s.dtime = now_secs();
        s.lpid = current_pid();
    }
    sweep();
    Ok(0)
}

/// `struct shmid64_ds` (112 bytes).
fn stat_bytes(s: &Segment) -> [u8; 112] {
    let mut b = [0u8; 112];
    b[..48].copy_from_slice(&s.perm.to_bytes());
    b[48..56].copy_from_slice(&s.size.to_le_bytes());
    b[56..64].copy_from_slice(&s.atime.to_le_bytes());
    b[64..72].copy_from_slice(&s.dtime.to_le_bytes());
    b[72..80].copy_from_slice(&s.ctime.to_le_bytes());
    b[80..84].copy_from_slice(&s.cpid.to_le_bytes());
    b[84..88].copy_from_slice(&s.lpid.to_le_bytes());
    b[88..96].copy_from_slice(&nattch(&s.file).to_le_bytes());
    b
}

pub fn shmctl(id: i64, cmd: u32, buf: u64) -> Result<i64, Errno> {
    sweep();
    let table = SEGMENTS.get();
    match command(cmd) {
        IPC_INFO | SHM_INFO => {
            let (n, max) = table.count_and_max();
            if command(cmd) == IPC_INFO {
                // struct shminfo: shmmax, shmmin, shmmni, shmseg, shmall.
                let v: [u64; 5] = [SHMMAX, SHMMIN, MAX_IDS as u64, MAX_IDS as u64, SHMMAX / PAGE];
                uaccess::write(buf, &v)?;
            } else {
                // struct shm_info: used_ids, shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes.
                let pages: u64 = table.iter_mut().map(|(_, s)| s.size.div_ceil(PAGE)).sum();
                let v: [u64; 6] = [n as u64, pages, pages, 0, 0, 0];
                uaccess::write(buf, &v)?;
            }
            Ok(max)
        }
        IPC_STAT | SHM_STAT | SHM_STAT_ANY => {
            // SHM_STAT takes a slot index and answers the full id.
            let id = if command(cmd) == IPC_STAT { id } else { table.iter_mut().find(|(i, _)| *i as usize % MAX_IDS == id as usize).map(|(i, _)| i as i64).ok_or(EINVAL)? };
            let s = table.get(id)?;
            uaccess::copy_out(buf, &stat_bytes(s))?;
            Ok(if command(cmd) == IPC_STAT { 0 } else { id })
        }
        IPC_SET => {
            let b = uaccess::copy_in(buf, 48)?;
            let s = table.get(id)?;
            s.perm.set_from(&b);
            s.ctime = now_secs();
            Ok(0)
        }
        IPC_RMID => {
            let s = table.get(id)?;
            s.perm.mode |= DESTROYED;
            s.perm.key = IPC_PRIVATE;
            s.ctime = now_secs();
            sweep();
            Ok(0)
        }
        // Nothing is ever swapped out.
        SHM_LOCK | SHM_UNLOCK => table.get(id).map(|_| 0),
        _ => Err(EINVAL),
    }
}
