//! File system calls over the read-only initramfs and the console.
use super::SysResult;
use crate::errno::*;
use crate::fs::file::{Fd, Kind, OpenFile};
use crate::fs::initramfs::{self, Node, S_IFDIR, S_IFLNK, S_IFMT};
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::proc;
use alloc::rc::Rc;
use alloc::vec::Vec;

pub const AT_FDCWD: i64 = -100;
pub const AT_SYMLINK_NOFOLLOW: u32 = 0x100;
const AT_EMPTY_PATH: u32 = 0x1000;
const O_ACCMODE: u32 = 3;
const O_CREAT: u32 = 0o100;
const O_TRUNC: u32 = 0o1000;
const O_DIRECTORY: u32 = 0o200000;
const O_CLOEXEC: u32 = 0o2000000;
use crate::fs::special::O_NONBLOCK;
const PATH_MAX: usize = 4096;
const IOV_MAX: u64 = 1024;
const MAX_CAPTURE: usize = 16 << 20;

fn file(fd: i64) -> Result<Rc<OpenFile>, Errno> {
    Ok(proc::current_proc().fds.get(fd)?.file.clone())
}

/// Writes console output: to COM1, and stdout also into the runner's capture.
fn console_write(fd: u8, data: &[u8]) {
    crate::serial::write_bytes(data);
    if fd == 1 {
        // A forked child's stdout belongs to the same test: find the capturing ancestor.
        let mut pid = proc::current().pid;
        while let Some(p) = proc::sched().procs.get_mut(&pid) {
            if let Some(c) = p.capture.as_mut() {
                // Bounded, so a runaway program cannot exhaust the kernel heap.
                let room = MAX_CAPTURE.saturating_sub(c.len());
                c.extend_from_slice(&data[..data.len().min(room)]);
                break;
            }
            if p.parent == pid || p.parent == proc::KERNEL_PID {
                break;
            }
            pid = p.parent;
        }
    }
}

/// Copies file bytes at `off` to user memory; only the bytes that exist are touched.
fn read_at(f: &OpenFile, buf: u64, len: u64, off: u64) -> Result<usize, Errno> {
    match f.kind {
        Kind::Console { .. } => Ok(0), // stdin is always at end of file
        Kind::Special(ref s) => s.read(buf, len as usize, nonblocking(f)),
        Kind::Node(_) | Kind::Snapshot(_) => {
            let data: &[u8] = match &f.kind {
                Kind::Node(i) if initramfs::node(*i).is_dir() => return Err(EISDIR),
                Kind::Node(i) => initramfs::node(*i).data,
                Kind::Snapshot(d) => d,
                Kind::Console { .. } | Kind::Special(_) => &[],
            };
            let start = (off as usize).min(data.len());
            let k = (len as usize).min(data.len() - start);
            uaccess::copy_out(buf, &data[start..start + k])?;
            Ok(k)
        }
    }
}

fn write_to(f: &OpenFile, data: &[u8]) -> Result<usize, Errno> {
    match f.kind {
        Kind::Console { fd } => {
            console_write(fd, data);
            Ok(data.len())
        }
        Kind::Node(_) | Kind::Snapshot(_) | Kind::Special(_) => Err(EBADF),
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
    f.offset.set(f.offset.get() + n as u64);
    Ok(n as i64)
}

pub fn pread(fd: i64, buf: u64, len: u64, off: i64) -> SysResult {
    let f = file(fd)?;
    if matches!(f.kind, Kind::Console { .. } | Kind::Special(_)) {
        return Err(ESPIPE);
    }
    if off < 0 {
        return Err(EINVAL);
    }
    Ok(read_at(&f, buf, len, off as u64)? as i64)
}

pub fn write(fd: i64, buf: u64, len: u64) -> SysResult {
    let f = file(fd)?;
    if let Kind::Special(s) = &f.kind {
        return Ok(s.write(buf, len as usize, nonblocking(&f))? as i64);
    }
    let data = uaccess::slice(buf, len as usize, Access::Read)?;
    Ok(write_to(&f, data)? as i64)
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

pub fn readv(fd: i64, iov: u64, cnt: u64) -> SysResult {
    let f = file(fd)?;
    let mut total = 0;
    for (base, len) in iovecs(iov, cnt)? {
        // After the first bytes, an object read must not block (readv returns what is there).
        let r = match &f.kind {
            Kind::Special(s) => s.read(base, len as usize, nonblocking(&f) || total > 0),
            _ => read_at(&f, base, len, f.offset.get()),
        };
        let n = match r {
            Ok(n) => n,
            Err(_) if total > 0 => break,
            Err(e) => return Err(e),
        };
        f.offset.set(f.offset.get() + n as u64);
        total += n;
        if n < len as usize {
            break;
        }
    }
    Ok(total as i64)
}

pub fn writev(fd: i64, iov: u64, cnt: u64) -> SysResult {
    let f = file(fd)?;
    let v = iovecs(iov, cnt)?;
    for &(base, len) in &v {
        uaccess::slice(base, len as usize, Access::Read)?;
    }
    let mut total = 0;
    for (base, len) in v {
        if let Kind::Special(s) = &f.kind {
            // One object write per buffer; stop early when one is short (or fails after some bytes).
            match s.write(base, len as usize, nonblocking(&f)) {
                Ok(n) if n == len as usize => total += n,
                Ok(n) => return Ok((total + n) as i64),
                Err(e) if total == 0 => return Err(e),
                Err(_) => break,
            }
            continue;
        }
        total += write_to(&f, uaccess::slice(base, len as usize, Access::Read)?)?;
    }
    Ok(total as i64)
}

/// The directory a relative path starts from.
fn base_dir(dirfd: i64, path: &[u8]) -> Result<alloc::string::String, Errno> {
    if path.first() == Some(&b'/') || dirfd == AT_FDCWD {
        return Ok(proc::current_proc().cwd.clone());
    }
    match file(dirfd)?.node() {
        Some(n) if n.is_dir() => Ok(n.path.clone()),
        Some(_) => Err(ENOTDIR),
        None => Err(ENOTDIR),
    }
}

fn lookup(dirfd: i64, path: u64, follow: bool) -> Result<usize, Errno> {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    let cwd = base_dir(dirfd, &p)?;
    initramfs::resolve(&cwd, &p, follow)
}

pub fn openat(dirfd: i64, path: u64, flags: u32) -> SysResult {
    let name = uaccess::read_cstr(path, PATH_MAX)?;
    if name == b"/dev/urandom" || name == b"/dev/random" {
        let of = OpenFile::new(Kind::Special(Rc::new(crate::rng::RandomDevice)), flags & O_ACCMODE);
        return proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec: flags & O_CLOEXEC != 0 }, 0);
    }
    if name == b"/proc/self/maps" {
        let text = proc::current_aspace().ok_or(ENOENT)?.maps_text();
        let of = OpenFile::new(Kind::Snapshot(text.into_bytes().into_boxed_slice()), 0);
        return proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec: flags & O_CLOEXEC != 0 }, 0);
    }
    let i = lookup(dirfd, path, true).map_err(|e| if e == ENOENT && flags & O_CREAT != 0 { EROFS } else { e })?;
    if flags & O_ACCMODE != 0 || flags & (O_CREAT | O_TRUNC) != 0 {
        return Err(EROFS);
    }
    if flags & O_DIRECTORY != 0 && !initramfs::node(i).is_dir() {
        return Err(ENOTDIR);
    }
    let of = OpenFile::new(Kind::Node(i), flags & O_ACCMODE);
    proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec: flags & O_CLOEXEC != 0 }, 0)
}

pub fn lseek(fd: i64, off: i64, whence: u32) -> SysResult {
    let f = file(fd)?;
    let size = match &f.kind {
        Kind::Node(i) => initramfs::node(*i).data.len(),
        Kind::Snapshot(d) => d.len(),
        Kind::Console { .. } | Kind::Special(_) => return Err(ESPIPE),
    };
    let base = match whence {
        0 => 0,
        1 => f.offset.get() as i64,
        2 => size as i64,
        _ => return Err(EINVAL),
    };
    let new = base.checked_add(off).filter(|&v| v >= 0).ok_or(EINVAL)?;
    f.offset.set(new as u64);
    Ok(new)
}

struct StatInfo {
    mode: u32,
    size: u64,
    ino: u64,
    rdev: u64,
}

fn stat_info(kind: &Kind) -> StatInfo {
    match *kind {
        Kind::Console { .. } => StatInfo { mode: 0o020620, size: 0, ino: 1 << 20, rdev: (4 << 8) | 64 },
        Kind::Snapshot(ref d) => StatInfo { mode: 0o100444, size: d.len() as u64, ino: 2 << 20, rdev: 0 },
        Kind::Special(ref s) => StatInfo { mode: s.mode(), size: 0, ino: 3 << 20, rdev: 0 },
        Kind::Node(i) => {
            let n: &Node = initramfs::node(i);
            StatInfo { mode: n.mode, size: n.data.len() as u64, ino: i as u64 + 1, rdev: 0 }
        }
    }
}

fn put_stat(buf: u64, s: &StatInfo) -> SysResult {
    let mut st = [0u64; 18];
    st[0] = 1; // st_dev
    st[1] = s.ino;
    st[2] = 1; // st_nlink
    st[3] = s.mode as u64; // st_mode, st_uid = 0
    st[5] = s.rdev;
    st[6] = s.size;
    st[7] = 4096; // st_blksize
    st[8] = s.size.div_ceil(512);
    uaccess::write(buf, &st)?;
    Ok(0)
}

pub fn fstat(fd: i64, buf: u64) -> SysResult {
    put_stat(buf, &stat_info(&file(fd)?.kind))
}

fn stat_target(dirfd: i64, path: u64, flags: u32) -> Result<Kind, Errno> {
    if flags & AT_EMPTY_PATH != 0 && uaccess::read::<u8>(path)? == 0 {
        return Ok(match file(dirfd)?.kind {
            Kind::Console { fd } => Kind::Console { fd },
            Kind::Node(i) => Kind::Node(i),
            Kind::Snapshot(ref d) => Kind::Snapshot(d.clone()),
            Kind::Special(ref s) => Kind::Special(s.clone()),
        });
    }
    Ok(Kind::Node(lookup(dirfd, path, flags & AT_SYMLINK_NOFOLLOW == 0)?))
}

pub fn fstatat(dirfd: i64, path: u64, buf: u64, flags: u32) -> SysResult {
    put_stat(buf, &stat_info(&stat_target(dirfd, path, flags)?))
}

pub fn statx(dirfd: i64, path: u64, flags: u32, buf: u64) -> SysResult {
    let s = stat_info(&stat_target(dirfd, path, flags)?);
    let mut b = [0u8; 256];
    b[0..4].copy_from_slice(&0x7ffu32.to_le_bytes()); // STATX_BASIC_STATS
    b[4..8].copy_from_slice(&4096u32.to_le_bytes());
    b[16..20].copy_from_slice(&1u32.to_le_bytes()); // nlink
    b[28..30].copy_from_slice(&(s.mode as u16).to_le_bytes());
    b[32..40].copy_from_slice(&s.ino.to_le_bytes());
    b[40..48].copy_from_slice(&s.size.to_le_bytes());
    b[48..56].copy_from_slice(&s.size.div_ceil(512).to_le_bytes());
    b[0x80..0x84].copy_from_slice(&((s.rdev >> 8) as u32).to_le_bytes());
    b[0x84..0x88].copy_from_slice(&((s.rdev & 0xff) as u32).to_le_bytes());
    b[0x8c..0x90].copy_from_slice(&1u32.to_le_bytes()); // dev_minor
    uaccess::copy_out(buf, &b)?;
    Ok(0)
}

pub fn faccessat(dirfd: i64, path: u64) -> SysResult {
    lookup(dirfd, path, true).map(|_| 0)
}

pub fn readlinkat(dirfd: i64, path: u64, buf: u64, len: u64) -> SysResult {
    if uaccess::read_cstr(path, PATH_MAX)? == b"/proc/self/exe" {
        // The one /proc entry vibix has (Rust's std::env::current_exe reads it).
        let exe = proc::current_proc().exe.clone();
        let k = exe.len().min(len as usize);
        uaccess::copy_out(buf, &exe.as_bytes()[..k])?;
        return Ok(k as i64);
    }
    let n = initramfs::node(lookup(dirfd, path, false)?);
    if n.mode & S_IFMT != S_IFLNK {
        return Err(EINVAL);
    }
    let k = n.data.len().min(len as usize);
    uaccess::copy_out(buf, &n.data[..k])?;
    Ok(k as i64)
}

pub fn getcwd(buf: u64, len: u64) -> SysResult {
    let mut p = Vec::from(&b"/"[..]);
    p.extend_from_slice(proc::current_proc().cwd.as_bytes());
    p.push(0);
    if p.len() as u64 > len {
        return Err(ERANGE);
    }
    uaccess::copy_out(buf, &p)?;
    Ok(p.len() as i64)
}

pub fn chdir(path: u64) -> SysResult {
    let n = initramfs::node(lookup(AT_FDCWD, path, true)?);
    if !n.is_dir() {
        return Err(ENOTDIR);
    }
    proc::current_proc().cwd = n.path.clone();
    Ok(0)
}

pub fn getdents64(fd: i64, buf: u64, len: u64) -> SysResult {
    let f = file(fd)?;
    let n = f.node().ok_or(ENOTDIR)?;
    if n.mode & S_IFMT != S_IFDIR {
        return Err(ENOTDIR);
    }
    let mut out: Vec<u8> = Vec::new();
    let mut pos = f.offset.get() as usize;
    loop {
        let (name, ino, mode): (&str, u64, u32) = match pos {
            0 => (".", 0, S_IFDIR),
            1 => ("..", 0, S_IFDIR),
            k => match n.children.get(k - 2) {
                Some(&c) => (initramfs::node(c).name(), c as u64 + 1, initramfs::node(c).mode),
                None => break,
            },
        };
        let reclen = (19 + name.len() + 1).next_multiple_of(8);
        if out.len() + reclen > len as usize {
            if out.is_empty() {
                return Err(EINVAL);
            }
            break;
        }
        let d_type: u8 = match mode & S_IFMT {
            S_IFDIR => 4,
            S_IFLNK => 10,
            _ => 8,
        };
        let start = out.len();
        out.extend_from_slice(&(ino + 1).to_le_bytes());
        out.extend_from_slice(&((pos + 1) as u64).to_le_bytes());
        out.extend_from_slice(&(reclen as u16).to_le_bytes());
        out.push(d_type);
        out.extend_from_slice(name.as_bytes());
        out.resize(start + reclen, 0);
        pos += 1;
    }
    uaccess::copy_out(buf, &out)?;
    f.offset.set(pos as u64);
    Ok(out.len() as i64)
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
