//! Descriptor I/O (read/write and their positional and vector forms, lseek,
//! ioctl, fsync, ftruncate) and stat; path calls are in `path.rs`.
use crate::abi::*;
use super::SysResult;
use crate::errno::*;
use crate::fs::file::{Kind, OpenFile};
use crate::fs::tree::{self, Body, Inode};
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::proc;
use alloc::rc::Rc;
use alloc::vec::Vec;

const IOV_MAX: u64 = 1024;
const MAX_CAPTURE: usize = 16 << 20;

pub(super) fn file(fd: i64) -> Result<Rc<OpenFile>, Errno> {
    Ok(proc::current_proc().fds.get(fd)?.file.clone())
}

/// Writes console output: to COM1, and stdout and stderr also into the runner's capture.
fn console_write(fd: u8, data: &[u8]) {
    crate::serial::write_bytes(data);
    // Children and orphans of a test write into the test's capture.
    let owner = proc::current_proc().capture_to;
    let Some(p) = proc::sched().procs.get_mut(&owner).filter(|p| p.capture.is_some()) else { return };
    let c = match fd {
        1 => p.capture.as_mut().expect("checked above"),
        2 => &mut p.capture_err,
        _ => return,
    };
    // Bounded, so a runaway program cannot exhaust the kernel heap.
    let room = MAX_CAPTURE.saturating_sub(c.len());
    c.extend_from_slice(&data[..data.len().min(room)]);
}

/// Copies file bytes at `off` to user memory; only the bytes that exist are touched.
pub(super) fn read_at(f: &OpenFile, buf: u64, len: u64, off: u64) -> Result<usize, Errno> {
    match &f.kind {
        Kind::Console { .. } => Ok(0), // stdin is always at end of file
        Kind::Special(s) => s.read(buf, len as usize, nonblocking(f)),
        Kind::Snapshot(data) => {
            let start = (off as usize).min(data.len());
            let k = (len as usize).min(data.len() - start);
            uaccess::copy_out(buf, &data[start..start + k])?;
            Ok(k)
        }
        Kind::Inode(n) => {
            let d = match &n.body {
                Body::File(d) => d,
                Body::Dir(_) => return Err(EISDIR),
                _ => return Err(EINVAL),
            };
            let size = d.borrow().size();
            let k = (len.min(size.saturating_sub(off))) as usize;
            let out = uaccess::slice(buf, k, Access::Write)?;
            Ok(d.borrow().read(off, out))
        }
    }
}

/// Writes user bytes to a file at `off` (None: the open file's offset, or the end with O_APPEND);
/// advances the offset when it was used.
pub(super) fn write_at(f: &OpenFile, buf: u64, len: u64, off: Option<u64>) -> Result<usize, Errno> {
    match &f.kind {
        Kind::Inode(_) if f.flags & O_ACCMODE == 0 => Err(EBADF),
        Kind::Console { fd } => {
            console_write(*fd, uaccess::slice(buf, len as usize, Access::Read)?);
            Ok(len as usize)
        }
        Kind::Special(s) => s.write(buf, len as usize, nonblocking(f)),
        Kind::Snapshot(_) => Err(EBADF),
        Kind::Inode(n) => {
            let Body::File(d) = &n.body else { return Err(EBADF) };
            crate::syscall::mem::check_file_write(n)?;
            let src = uaccess::slice(buf, len as usize, Access::Read)?;
            let pos = match off {
                Some(o) => o,
                None if f.append() => d.borrow().size(),
                None => f.offset.get(),
            };
            if src.is_empty() {
                return Ok(0);
            }
            let k = d.borrow_mut().write(pos, src)?;
            n.touch_m();
            if off.is_none() {
                f.offset.set(pos + k as u64);
            }
            Ok(k)
        }
    }
}

/// inotify after a read or write call on a tree file that moved `n` bytes:
/// one IN_ACCESS / IN_MODIFY per call, however many buffers or pieces it took.
pub(super) fn notify_io(f: &OpenFile, n: usize, wrote: bool) {
    if let (Kind::Inode(node), true) = (&f.kind, n > 0) {
        if wrote { super::inotify::modified(node) } else { super::inotify::accessed(node) }
    }
}

/// O_NONBLOCK of an open file (sockets keep theirs in the object).
pub(super) fn nonblocking(f: &OpenFile) -> bool {
    match &f.kind {
        Kind::Special(s) => s.nonblocking().unwrap_or(f.status.get() & O_NONBLOCK != 0),
        _ => f.status.get() & O_NONBLOCK != 0,
    }
}

pub fn read(fd: i64, buf: u64, len: u64) -> SysResult {
    let f = file(fd)?;
    if f.flags & O_ACCMODE == 1 {
        return Err(EBADF);
    }
    let n = read_at(&f, buf, len, f.offset.get())?;
    if !matches!(f.kind, Kind::Special(_)) {
        f.offset.set(f.offset.get() + n as u64);
    }
    notify_io(&f, n, false);
    Ok(n as i64)
}

fn positional(f: &OpenFile, off: i64) -> Result<u64, Errno> {
    if matches!(f.kind, Kind::Console { .. } | Kind::Special(_)) {
        return Err(ESPIPE);
    }
    u64::try_from(off).map_err(|_| EINVAL)
}

pub fn pread(fd: i64, buf: u64, len: u64, off: i64) -> SysResult {
    let f = file(fd)?;
    let off = positional(&f, off)?;
    if f.flags & O_ACCMODE == 1 {
        return Err(EBADF);
    }
    let n = read_at(&f, buf, len, off)?;
    notify_io(&f, n, false);
    Ok(n as i64)
}

pub fn write(fd: i64, buf: u64, len: u64) -> SysResult {
    let f = file(fd)?;
    let n = write_at(&f, buf, len, None)?;
    notify_io(&f, n, true);
    Ok(n as i64)
}

pub fn pwrite(fd: i64, buf: u64, len: u64, off: i64) -> SysResult {
    let f = file(fd)?;
    let off = positional(&f, off)?;
    // Linux: pwrite on an O_APPEND file appends anyway.
    let off = if f.append() { None } else { Some(off) };
    let n = write_at(&f, buf, len, off)?;
    notify_io(&f, n, true);
    Ok(n as i64)
}

/// Copies the iovec array first (at most IOV_MAX entries), then validates each buffer.
pub(super) fn iovecs(iov: u64, cnt: u64) -> Result<Vec<(u64, u64)>, Errno> {
    if cnt > IOV_MAX {
        return Err(EINVAL);
    }
    let raw = uaccess::copy_in(iov, cnt as usize * 16)?;
    let v: Vec<(u64, u64)> = raw
        .chunks_exact(16)
        .map(|c| (u64::from_le_bytes(c[..8].try_into().unwrap_or_default()), u64::from_le_bytes(c[8..].try_into().unwrap_or_default())))
        .collect();
    let mut total: u64 = 0;
    for &(_, len) in &v {
        total = total.checked_add(len).filter(|&t| t <= isize::MAX as u64).ok_or(EINVAL)?;
    }
    Ok(v)
}

/// readv/preadv: `off` None uses (and advances) the open file's offset.
pub fn readv(fd: i64, iov: u64, cnt: u64, off: Option<i64>) -> SysResult {
    let f = file(fd)?;
    if f.flags & O_ACCMODE == 1 {
        return Err(EBADF);
    }
    let mut pos = match off {
        Some(o) => positional(&f, o)?,
        None => f.offset.get(),
    };
    let mut total = 0;
    for (base, len) in iovecs(iov, cnt)? {
        // After the first bytes, an object read must not block (readv returns what is there).
        let r = match &f.kind {
            Kind::Special(s) => s.read(base, len as usize, nonblocking(&f) || total > 0),
            _ => read_at(&f, base, len, pos),
        };
        let n = match r {
            Ok(n) => n,
            Err(_) if total > 0 => break,
            Err(e) => return Err(e),
        };
        pos += n as u64;
        total += n;
        if n < len as usize {
            break;
        }
    }
    if off.is_none() && !matches!(f.kind, Kind::Special(_)) {
        f.offset.set(pos);
    }
    notify_io(&f, total, false);
    Ok(total as i64)
}

pub fn writev(fd: i64, iov: u64, cnt: u64, off: Option<i64>) -> SysResult {
    let f = file(fd)?;
    let mut pos = match off {
        Some(o) if !f.append() => Some(positional(&f, o)?),
        Some(o) => {
            positional(&f, o)?;
            None
        }
        None => None,
    };
    let v = iovecs(iov, cnt)?;
    for &(base, len) in &v {
        uaccess::slice(base, len as usize, Access::Read)?;
    }
    let mut total = 0;
    for (base, len) in v {
        // One write per buffer; stop early when one is short (or fails after some bytes).
        match write_at(&f, base, len, pos) {
            Ok(n) => {
                total += n;
                pos = pos.map(|p| p + n as u64);
                if n < len as usize {
                    break;
                }
            }
            Err(e) if total == 0 => return Err(e),
            Err(_) => break,
        }
    }
    notify_io(&f, total, true);
    Ok(total as i64)
}


const SEEK_DATA: u32 = 3;
const SEEK_HOLE: u32 = 4;

pub fn lseek(fd: i64, off: i64, whence: u32) -> SysResult {
    let f = file(fd)?;
    let size = match &f.kind {
        Kind::Inode(n) => n.size(),
        Kind::Snapshot(d) => d.len() as u64,
        Kind::Console { .. } | Kind::Special(_) => return Err(ESPIPE),
    } as i64;
    let new = match whence {
        0 => off,
        1 => (f.offset.get() as i64).checked_add(off).ok_or(EOVERFLOW)?,
        2 => size.checked_add(off).ok_or(EOVERFLOW)?,
        // Holes read as zeros but count as data: the whole file is one data run.
        SEEK_DATA if off >= 0 && off < size => off,
        SEEK_HOLE if off >= 0 && off < size => size,
        SEEK_DATA | SEEK_HOLE => return Err(ENXIO),
        _ => return Err(EINVAL),
    };
    if new < 0 {
        return Err(EINVAL);
    }
    f.offset.set(new as u64);
    Ok(new)
}

pub struct StatInfo {
    pub mode: u32,
    pub size: u64,
    pub ino: u64,
    pub rdev: u64,
    pub nlink: u64,
    pub blocks: u64,
    pub uid: u32,
    pub gid: u32,
    pub times: [tree::Time; 3],
}

fn inode_stat(n: &Inode) -> StatInfo {
    let blocks = match &n.body {
        Body::File(d) => d.borrow().blocks(),
        _ => 0,
    };
    StatInfo {
        mode: n.mode.get(),
        size: n.size(),
        ino: n.ino,
        rdev: n.rdev(),
        nlink: n.nlink.get() as u64,
        blocks,
        uid: n.uid.get(),
        gid: n.gid.get(),
        times: [n.atime.get(), n.mtime.get(), n.ctime.get()],
    }
}

fn stat_info(f: &OpenFile) -> StatInfo {
    if let Some(n) = &f.node {
        return inode_stat(n);
    }
    let plain = |mode: u32, size: u64, ino: u64, rdev: u64| StatInfo { mode, size, ino, rdev, nlink: 1, blocks: size.div_ceil(512), uid: 0, gid: 0, times: [(0, 0); 3] };
    match &f.kind {
        Kind::Console { .. } => plain(0o020620, 0, 1 << 20, (4 << 8) | 64),
        Kind::Snapshot(d) => plain(0o100444, d.len() as u64, 2 << 20, 0),
        Kind::Special(s) => plain(s.mode(), 0, 3 << 20, 0),
        Kind::Inode(n) => inode_stat(n),
    }
}

fn put_stat(buf: u64, s: &StatInfo) -> SysResult {
    let mut st = [0u64; 18];
    st[0] = 1; // st_dev
    st[1] = s.ino;
    st[2] = s.nlink;
    st[3] = s.mode as u64 | (s.uid as u64) << 32;
    st[4] = s.gid as u64;
    st[5] = s.rdev;
    st[6] = s.size;
    st[7] = 4096; // st_blksize
    st[8] = s.blocks;
    for (i, t) in s.times.iter().enumerate() {
        st[9 + 2 * i] = t.0 as u64;
        st[10 + 2 * i] = t.1 as u64;
    }
    uaccess::write(buf, &st)?;
    Ok(0)
}

pub fn fstat(fd: i64, buf: u64) -> SysResult {
    put_stat(buf, &stat_info(&*file(fd)?))
}

fn stat_target(dirfd: i64, path: u64, flags: u32) -> Result<StatInfo, Errno> {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    if p.is_empty() && flags & AT_EMPTY_PATH != 0 {
        if dirfd == AT_FDCWD {
            let n = super::path::start_dir(AT_FDCWD, b"")?;
            return Ok(inode_stat(&n));
        }
        return Ok(stat_info(&*file(dirfd)?));
    }
    let n = super::path::resolve_at(dirfd, &p, flags & AT_SYMLINK_NOFOLLOW == 0)?;
    Ok(inode_stat(&n))
}

pub fn fstatat(dirfd: i64, path: u64, buf: u64, flags: u32) -> SysResult {
    put_stat(buf, &stat_target(dirfd, path, flags)?)
}

pub fn statx(dirfd: i64, path: u64, flags: u32, buf: u64) -> SysResult {
    let s = stat_target(dirfd, path, flags)?;
    let mut b = [0u8; 256];
    b[0..4].copy_from_slice(&0x7ffu32.to_le_bytes()); // STATX_BASIC_STATS
    b[4..8].copy_from_slice(&4096u32.to_le_bytes());
    b[16..20].copy_from_slice(&(s.nlink as u32).to_le_bytes());
    b[20..24].copy_from_slice(&s.uid.to_le_bytes());
    b[24..28].copy_from_slice(&s.gid.to_le_bytes());
    b[28..30].copy_from_slice(&(s.mode as u16).to_le_bytes());
    b[32..40].copy_from_slice(&s.ino.to_le_bytes());
    b[40..48].copy_from_slice(&s.size.to_le_bytes());
    b[48..56].copy_from_slice(&s.blocks.to_le_bytes());
    // stx_atime 0x40, stx_btime 0x50 (not reported), stx_ctime 0x60, stx_mtime 0x70.
    for (at, t) in [(0x40, s.times[0]), (0x60, s.times[2]), (0x70, s.times[1])] {
        b[at..at + 8].copy_from_slice(&t.0.to_le_bytes());
        b[at + 8..at + 12].copy_from_slice(&(t.1 as u32).to_le_bytes());
    }
    b[0x80..0x84].copy_from_slice(&((s.rdev >> 8) as u32).to_le_bytes());
    b[0x84..0x88].copy_from_slice(&((s.rdev & 0xff) as u32).to_le_bytes());
    b[0x8c..0x90].copy_from_slice(&1u32.to_le_bytes()); // dev_minor
    uaccess::copy_out(buf, &b)?;
    Ok(0)
}

const FIONBIO: u64 = 0x5421;

pub fn ioctl(fd: i64, req: u64, arg: u64) -> SysResult {
    let f = file(fd)?;
    match &f.kind {
        Kind::Special(s) if req == FIONBIO => {
            s.set_nonblocking(uaccess::read::<i32>(arg)? != 0);
            Ok(0)
        }
        Kind::Special(s) => s.ioctl(req, arg),
        _ => Err(ENOTTY),
    }
}

/// fsync/fdatasync: the tree lives in memory, so everything is as durable as it gets.
pub fn fsync(fd: i64) -> SysResult {
    file(fd)?;
    Ok(0)
}

/// Sets the size of a regular file (ftruncate, truncate).
pub fn set_size(n: &Inode, len: i64) -> SysResult {
    let Body::File(d) = &n.body else { return Err(if n.is_dir() { EISDIR } else { EINVAL }) };
    let len = u64::try_from(len).map_err(|_| EINVAL)?;
    crate::syscall::mem::check_file_write(n)?;
    d.borrow_mut().truncate(len)?;
    n.touch_m();
    super::inotify::modified(n);
    Ok(0)
}

pub fn ftruncate(fd: i64, len: i64) -> SysResult {
    let f = file(fd)?;
    match &f.kind {
        Kind::Inode(n) if f.flags & O_ACCMODE != 0 => set_size(n, len),
        _ => Err(EINVAL),
    }
}

/// fallocate mode 0 (and KEEP_SIZE, which needs nothing): grows the file to off+len.
pub fn fallocate(fd: i64, mode: u32, off: i64, len: i64) -> SysResult {
    const KEEP_SIZE: u32 = 1;
    let f = file(fd)?;
    if off < 0 || len <= 0 {
        return Err(EINVAL);
    }
    if mode & !KEEP_SIZE != 0 {
        return Err(EOPNOTSUPP);
    }
    let Kind::Inode(n) = &f.kind else { return Err(ESPIPE) };
    if f.flags & O_ACCMODE == 0 {
        return Err(EBADF);
    }
    let end = off.checked_add(len).ok_or(EFBIG)?;
    if mode & KEEP_SIZE == 0 && end as u64 > n.size() {
        set_size(n, end)?;
    }
    Ok(0)
}


/// posix_fadvise's advice values (POSIX_FADV_NORMAL .. POSIX_FADV_NOREUSE).
const FADV_MAX: u32 = 5;

/// fadvise64: the tree is memory, so every valid advice is already met;
/// pipes and FIFOs are ESPIPE, sockets and other objects (no page cache) EINVAL.
pub fn fadvise64(fd: i64, _off: i64, len: i64, advice: u32) -> SysResult {
    let f = file(fd)?;
    let has_pages = match &f.kind {
        Kind::Special(s) if s.mode() & S_IFMT == S_IFIFO => return Err(ESPIPE),
        Kind::Special(s) => s.mode() & S_IFMT == S_IFCHR,
        Kind::Inode(_) | Kind::Console { .. } | Kind::Snapshot(_) => true,
    };
    if !has_pages || len < 0 || advice > FADV_MAX {
        return Err(EINVAL);
    }
    Ok(0)
}
