//! Path calls over the file tree (fs/tree.rs): open/creat, mkdir, unlink,
//! rmdir, mknod, rename, link, symlink, readlink, chdir/getcwd, access, chmod, chown,
//! utimensat, truncate, getdents64, memfd_create, flock.
//!
//! Every process runs as root: permission bits are stored and reported but
//! not enforced (except that exec needs an x bit).
use crate::abi::*;
use super::SysResult;
use crate::errno::*;
use crate::fs::file::{Fd, Kind, OpenFile};
use crate::fs::tree::{self, Body, Inode};
use crate::fs::{dev, lock};
use crate::mm::uaccess;
use crate::proc;
use alloc::rc::Rc;
use alloc::vec::Vec;

const UMASK: u32 = 0o022;

fn file(fd: i64) -> Result<Rc<OpenFile>, Errno> {
    Ok(proc::current_proc().fds.get(fd)?.file.clone())
}

fn path_arg(path: u64) -> Result<Vec<u8>, Errno> {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    if p.is_empty() {
        return Err(ENOENT);
    }
    Ok(p)
}

/// The directory a relative path starts from: the working directory or `dirfd`'s.
pub fn start_dir(dirfd: i64, path: &[u8]) -> Result<Rc<Inode>, Errno> {
    if path.first() == Some(&b'/') {
        return Ok(tree::root());
    }
    if dirfd == AT_FDCWD {
        return tree::cwd_inode(&proc::current_proc().cwd);
    }
    match file(dirfd)?.inode() {
        Some(n) if n.is_dir() => Ok(n.clone()),
        _ => Err(ENOTDIR),
    }
}

pub fn resolve_at(dirfd: i64, path: &[u8], follow: bool) -> Result<Rc<Inode>, Errno> {
    if path.is_empty() {
        return Err(ENOENT);
    }
    tree::resolve(&start_dir(dirfd, path)?, path, follow)
}

fn walk_at(dirfd: i64, path: &[u8], follow: bool) -> Result<tree::Walk, Errno> {
    tree::walk(&start_dir(dirfd, path)?, path, follow)
}

fn install(kind: Kind, flags: u32) -> SysResult {
    let of = OpenFile::new(kind, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
    proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec: flags & O_CLOEXEC != 0 }, 0)
}

/// The same for an object opened through a node of the tree (fstat reports the node).
fn install_through(kind: Kind, flags: u32, node: &Rc<Inode>) -> SysResult {
    let of = OpenFile::through(kind, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK), node.clone());
    proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec: flags & O_CLOEXEC != 0 }, 0)
}

/// /proc/self/exe opened or executed: the running program's file (by its path).
pub fn proc_self_exe(path: Vec<u8>) -> Vec<u8> {
    if path == b"/proc/self/exe" { proc::current_proc().exe.clone().into_bytes() } else { path }
}

pub fn openat(dirfd: i64, path: u64, flags: u32, mode: u32) -> SysResult {
    let name = proc_self_exe(path_arg(path)?);
    if name == b"/proc/self/maps" {
        let text = proc::current_aspace().ok_or(ENOENT)?.maps_text();
        return install(Kind::Snapshot(text.into_bytes().into_boxed_slice()), flags & O_CLOEXEC);
    }
    if name == b"/proc/loadavg" {
        let text = super::sysinfo::loadavg_text();
        return install(Kind::Snapshot(text.into_bytes().into_boxed_slice()), flags & O_CLOEXEC);
    }
    if flags & O_TMPFILE == O_TMPFILE {
        return Err(EOPNOTSUPP); // docs/unsupported.md
    }
    let excl = flags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL;
    let w = walk_at(dirfd, &name, flags & O_NOFOLLOW == 0 && !excl)?;
    let n = match w.node {
        Some(_) if excl => return Err(EEXIST),
        Some(n) => n,
        None if flags & O_CREAT == 0 => return Err(ENOENT),
        None if w.slash => return Err(EISDIR),
        None => {
            let n = tree::new_inode(S_IFREG | (mode & 0o7777 & !UMASK), tree::empty_file());
            tree::link(&w.dir, &w.name, &n);
            super::inotify::created(&w.dir, &w.name, &n);
            n
        }
    };
    if w.slash && !n.is_dir() {
        return Err(ENOTDIR);
    }
    match &n.body {
        Body::Link(_) if flags & O_PATH != 0 => return install(Kind::Inode(n), flags & O_CLOEXEC),
        Body::Link(_) => return Err(ELOOP), // O_NOFOLLOW on a symlink
        Body::Dir(_) if flags & O_ACCMODE != 0 || flags & O_CREAT != 0 => return Err(EISDIR),
        _ if flags & O_DIRECTORY != 0 && !n.is_dir() => return Err(ENOTDIR),
        _ if flags & O_PATH != 0 => {}
        Body::Dev(tree::Dev::Unbound(_)) => return Err(ENXIO),
        Body::Dev(d) => return install_through(Kind::Special(dev::open(*d)), flags, &n),
        Body::Fifo(fifo) => {
            let acc = flags & O_ACCMODE;
            let end = fifo.open(acc != O_WRONLY, acc != O_RDONLY, flags & O_NONBLOCK != 0)?;
            return install_through(Kind::Special(end), flags, &n);
        }
        Body::File(_) if flags & O_TRUNC != 0 && flags & O_ACCMODE != 0 && flags & O_PATH == 0 => {
            crate::syscall::mem::check_file_write(&n)?;
        }
        _ => {}
    }
    // O_PATH descriptors can only name the file: no reading or writing (and no inotify events).
    if flags & O_PATH != 0 {
        return install(Kind::Inode(n), flags & !(O_ACCMODE | O_APPEND) | 3);
    }
    let fd = install(Kind::Inode(n.clone()), flags)?;
    super::inotify::opened(&n);
    // O_TRUNC after the open, as Linux (inotify hears IN_OPEN, then IN_MODIFY).
    if let Body::File(d) = &n.body {
        if flags & O_TRUNC != 0 && flags & O_ACCMODE != 0 {
            if let Err(e) = d.borrow_mut().truncate(0) {
                let _ = proc::current_proc().fds.close(fd);
                return Err(e);
            }
            n.touch_m();
            super::inotify::modified(&n);
        }
    }
    Ok(fd)
}

fn new_name(dirfd: i64, path: u64) -> Result<(Rc<Inode>, Vec<u8>), Errno> {
    let p = path_arg(path)?;
    let w = walk_at(dirfd, &p, false)?;
    if w.node.is_some() {
        return Err(EEXIST);
    }
    Ok((w.dir, w.name))
}

pub fn mkdirat(dirfd: i64, path: u64, mode: u32) -> SysResult {
    let (dir, name) = new_name(dirfd, path)?;
    let n = tree::new_inode(S_IFDIR | (mode & 0o7777 & !UMASK), tree::empty_dir(&dir));
    tree::link(&dir, &name, &n);
    super::inotify::created(&dir, &name, &n);
    Ok(0)
}

/// mknod/mknodat: regular files (type 0 too), FIFOs, character and block
/// devices (the memory devices 1:3, 1:5, 1:7, 1:8, 1:9 work; other numbers
/// and socket nodes are made but open as ENXIO, as a device without a driver).
pub fn mknodat(dirfd: i64, path: u64, mode: u32, dev: u64) -> SysResult {
    let perm = mode & 0o7777 & !UMASK;
    let body = match mode & S_IFMT {
        0 | S_IFREG => tree::empty_file(),
        S_IFIFO => Body::Fifo(Default::default()),
        S_IFCHR => Body::Dev(match dev {
            0x103 => tree::Dev::Null,
            0x105 => tree::Dev::Zero,
            0x107 => tree::Dev::Full,
            0x108 | 0x109 => tree::Dev::Random,
            d => tree::Dev::Unbound(d),
        }),
        S_IFBLK => Body::Dev(tree::Dev::Unbound(dev)),
        S_IFSOCK => Body::Dev(tree::Dev::Unbound(0)),
        S_IFDIR => return Err(EPERM),
        _ => return Err(EINVAL),
    };
    let ty = if mode & S_IFMT == 0 { S_IFREG } else { mode & S_IFMT };
    let (dir, name) = new_name(dirfd, path)?;
    let n = tree::new_inode(ty | perm, body);
    tree::link(&dir, &name, &n);
    super::inotify::created(&dir, &name, &n);
    Ok(0)
}

pub fn symlinkat(target: u64, dirfd: i64, path: u64) -> SysResult {
    let t = path_arg(target)?;
    let (dir, name) = new_name(dirfd, path)?;
    let n = tree::new_inode(S_IFLNK | 0o777, Body::Link(t));
    tree::link(&dir, &name, &n);
    super::inotify::created(&dir, &name, &n);
    Ok(0)
}

pub fn linkat(olddir: i64, old: u64, newdir: i64, new: u64, flags: u32) -> SysResult {
    if flags & !(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH) != 0 {
        return Err(EINVAL);
    }
    let op = uaccess::read_cstr(old, PATH_MAX)?;
    let n = if op.is_empty() && flags & AT_EMPTY_PATH != 0 { file(olddir)?.inode().cloned().ok_or(EBADF)? } else { resolve_at(olddir, &op, flags & AT_SYMLINK_FOLLOW != 0)? };
    if n.is_dir() {
        return Err(EPERM);
    }
    let (dir, name) = new_name(newdir, new)?;
    tree::link(&dir, &name, &n);
    super::inotify::link_count(&n);
    super::inotify::created(&dir, &name, &n);
    Ok(0)
}

/// The (directory, name, inode) a removal or rename names; "." and ".." are refused.
fn existing(dirfd: i64, path: u64) -> Result<(Rc<Inode>, Vec<u8>, Rc<Inode>), Errno> {
    let p = path_arg(path)?;
    let w = walk_at(dirfd, &p, false)?;
    let n = w.node.ok_or(ENOENT)?;
    if w.slash && !n.is_dir() {
        return Err(ENOTDIR);
    }
    if w.name == b"." || w.name == b".." {
        return Err(if w.name == b"." { EINVAL } else { ENOTEMPTY });
    }
    Ok((w.dir, w.name, n))
}

pub fn unlinkat(dirfd: i64, path: u64, flags: u32) -> SysResult {
    if flags & !AT_REMOVEDIR != 0 {
        return Err(EINVAL);
    }
    let (dir, name, n) = existing(dirfd, path)?;
    if flags & AT_REMOVEDIR != 0 {
        if !n.is_dir() {
            return Err(ENOTDIR);
        }
        if Rc::ptr_eq(&n, &tree::root()) {
            return Err(EBUSY);
        }
        if !tree::dir_is_empty(&n) {
            return Err(ENOTEMPTY);
        }
    } else if n.is_dir() {
        return Err(EISDIR);
    }
    tree::unlink(&dir, &name);
    super::inotify::deleted(&dir, &name, &n);
    Ok(0)
}

const RENAME_NOREPLACE: u32 = 1;
const RENAME_EXCHANGE: u32 = 2;

/// Whether `a` is `b` or one of its ancestors.
fn is_ancestor(a: &Rc<Inode>, b: &Rc<Inode>) -> bool {
    let root = tree::root();
    let mut cur = b.clone();
    for _ in 0..4096 {
        if Rc::ptr_eq(&cur, a) {
            return true;
        }
        if Rc::ptr_eq(&cur, &root) {
            return false;
        }
        cur = tree::parent_of(&cur);
    }
    false
}

pub fn renameat2(olddir: i64, old: u64, newdir: i64, new: u64, flags: u32) -> SysResult {
    if flags & !(RENAME_NOREPLACE | RENAME_EXCHANGE) != 0 || flags == RENAME_NOREPLACE | RENAME_EXCHANGE {
        return Err(EINVAL);
    }
    let (od, oname, n) = existing(olddir, old)?;
    let np = path_arg(new)?;
    let w = walk_at(newdir, &np, false)?;
    if w.name == b"." || w.name == b".." {
        return Err(EBUSY);
    }
    if w.slash && !n.is_dir() {
        return Err(ENOTDIR);
    }
    let (nd, nname) = (w.dir, w.name);
    if w.node.is_some() && flags & RENAME_NOREPLACE != 0 {
        return Err(EEXIST);
    }
    if let Some(t) = &w.node {
        if Rc::ptr_eq(t, &n) {
            return Ok(0); // the same file: nothing to do
        }
    }
    if n.is_dir() && is_ancestor(&n, &nd) {
        return Err(EINVAL); // a directory into itself
    }
    if flags & RENAME_EXCHANGE != 0 {
        let t = w.node.ok_or(ENOENT)?;
        if t.is_dir() && is_ancestor(&t, &od) {
            return Err(EINVAL);
        }
        tree::unlink(&od, &oname);
        tree::unlink(&nd, &nname);
        tree::link(&od, &oname, &t);
        tree::link(&nd, &nname, &n);
        super::inotify::moved(&od, &oname, &nd, &nname, &n, None);
        super::inotify::moved(&nd, &nname, &od, &oname, &t, None);
        return Ok(0);
    }
    if let Some(t) = &w.node {
        match (n.is_dir(), t.is_dir()) {
            (true, false) => return Err(ENOTDIR),
            (false, true) => return Err(EISDIR),
            (true, true) if !tree::dir_is_empty(t) => return Err(ENOTEMPTY),
            _ => {}
        }
        tree::unlink(&nd, &nname);
    }
    tree::unlink(&od, &oname);
    tree::link(&nd, &nname, &n);
    super::inotify::moved(&od, &oname, &nd, &nname, &n, w.node.as_deref());
    Ok(0)
}

pub fn readlinkat(dirfd: i64, path: u64, buf: u64, len: u64) -> SysResult {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    if len as i64 <= 0 {
        return Err(EINVAL);
    }
    if p == b"/proc/self/exe" {
        // The one /proc link vibix has (Rust's std::env::current_exe reads it).
        let exe = proc::current_proc().exe.clone();
        let k = exe.len().min(len as usize);
        uaccess::copy_out(buf, &exe.as_bytes()[..k])?;
        return Ok(k as i64);
    }
    if let Some(fd) = p.strip_prefix(b"/proc/self/fd/") {
        // What realpath reads after open(O_PATH): the file's path.
        let fd = core::str::from_utf8(fd).ok().and_then(|s| s.parse::<i64>().ok()).ok_or(ENOENT)?;
        let f = file(fd).map_err(|_| ENOENT)?;
        let t = fd_link(&f);
        let k = t.len().min(len as usize);
        uaccess::copy_out(buf, &t.as_bytes()[..k])?;
        return Ok(k as i64);
    }
    let n = if p.is_empty() { file(dirfd)?.inode().cloned().ok_or(ENOENT)? } else { resolve_at(dirfd, &p, false)? };
    let Body::Link(t) = &n.body else { return Err(EINVAL) };
    let k = t.len().min(len as usize);
    uaccess::copy_out(buf, &t[..k])?;
    Ok(k as i64)
}

/// The target of /proc/self/fd/N, as Linux shows it.
fn fd_link(f: &OpenFile) -> alloc::string::String {
    match &f.kind {
        Kind::Inode(n) if n.is_dir() => alloc::format!("/{}", tree::path_of(n).unwrap_or_default()),
        Kind::Inode(n) if n.nlink.get() == 0 => alloc::format!("{} (deleted)", n.path_hint.borrow()),
        Kind::Inode(n) => n.path_hint.borrow().clone(),
        Kind::Console { .. } => alloc::string::String::from("/dev/console"),
        Kind::Snapshot(_) => alloc::string::String::from("/proc/self/maps"),
        Kind::Special(s) => alloc::format!("anon_inode:[{:o}]", s.mode()),
    }
}

pub fn getcwd(buf: u64, len: u64) -> SysResult {
    let cwd = proc::current_proc().cwd.clone();
    // A removed working directory: Linux answers ENOENT too.
    tree::cwd_inode(&cwd)?;
    let mut p = Vec::from(&b"/"[..]);
    p.extend_from_slice(cwd.as_bytes());
    p.push(0);
    if p.len() as u64 > len {
        return Err(ERANGE);
    }
    uaccess::copy_out(buf, &p)?;
    Ok(p.len() as i64)
}

fn set_cwd(n: &Rc<Inode>) -> SysResult {
    if !n.is_dir() {
        return Err(ENOTDIR);
    }
    proc::current_proc().cwd = tree::path_of(n)?;
    Ok(0)
}

pub fn chdir(path: u64) -> SysResult {
    let p = path_arg(path)?;
    set_cwd(&resolve_at(AT_FDCWD, &p, true)?)
}

pub fn fchdir(fd: i64) -> SysResult {
    let f = file(fd)?;
    set_cwd(f.inode().ok_or(ENOTDIR)?)
}

const X_OK: u32 = 1;

pub fn faccessat(dirfd: i64, path: u64, mode: u32, flags: u32) -> SysResult {
    let p = path_arg(path)?;
    let n = resolve_at(dirfd, &p, flags & AT_SYMLINK_NOFOLLOW == 0)?;
    // Root may read and write anything; executing needs some x bit (directories: search).
    if mode & X_OK != 0 && !n.is_dir() && n.mode.get() & 0o111 == 0 {
        return Err(EACCES);
    }
    Ok(0)
}

/// The inode a *at call with AT_EMPTY_PATH / flags names.
fn target(dirfd: i64, path: u64, flags: u32) -> Result<Rc<Inode>, Errno> {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    if p.is_empty() && flags & AT_EMPTY_PATH != 0 {
        return file(dirfd)?.inode().cloned().ok_or(EBADF);
    }
    if p.is_empty() {
        return Err(ENOENT);
    }
    resolve_at(dirfd, &p, flags & AT_SYMLINK_NOFOLLOW == 0)
}

fn chmod(n: &Inode, mode: u32) -> SysResult {
    n.mode.set(n.mode.get() & S_IFMT | mode & 0o7777);
    n.touch_c();
    super::inotify::attrib(n);
    Ok(0)
}

pub fn fchmodat(dirfd: i64, path: u64, mode: u32, flags: u32) -> SysResult {
    if flags & AT_SYMLINK_NOFOLLOW != 0 {
        return Err(EOPNOTSUPP); // as Linux: symlinks have no mode of their own
    }
    let n = target(dirfd, path, flags)?;
    chmod(&n, mode)
}

pub fn fchmod(fd: i64, mode: u32) -> SysResult {
    match file(fd)?.inode() {
        Some(n) => chmod(n, mode),
        None => Ok(0), // pipes, sockets: nothing to keep
    }
}

fn chown(n: &Inode, uid: u32, gid: u32) -> SysResult {
    if uid != u32::MAX {
        n.uid.set(uid);
    }
    if gid != u32::MAX {
        n.gid.set(gid);
    }
    n.touch_c();
    // Linux: an event only when an id is given (chown(-1, -1) changes only ctime).
    if uid != u32::MAX || gid != u32::MAX {
        super::inotify::attrib(n);
    }
    Ok(0)
}

pub fn fchownat(dirfd: i64, path: u64, uid: u32, gid: u32, flags: u32) -> SysResult {
    let n = target(dirfd, path, flags)?;
    chown(&n, uid, gid)
}

pub fn fchown(fd: i64, uid: u32, gid: u32) -> SysResult {
    match file(fd)?.inode() {
        Some(n) => chown(n, uid, gid),
        None => Ok(0),
    }
}

const UTIME_NOW: i64 = (1 << 30) - 1;
const UTIME_OMIT: i64 = (1 << 30) - 2;

/// utimensat; a NULL path with a descriptor is futimens.
pub fn utimensat(dirfd: i64, path: u64, times: u64, flags: u32) -> SysResult {
    let n = if path == 0 { file(dirfd)?.inode().cloned().ok_or(EBADF)? } else { target(dirfd, path, flags)? };
    let ts: [[i64; 2]; 2] = if times == 0 { [[0, UTIME_NOW]; 2] } else { uaccess::read(times)? };
    if ts[0][1] == UTIME_OMIT && ts[1][1] == UTIME_OMIT {
        return Ok(0); // Linux: nothing changes, not even ctime
    }
    let now = tree::now();
    for (i, t) in ts.iter().enumerate() {
        let v = match t[1] {
            UTIME_OMIT => continue,
            UTIME_NOW => now,
            ns if (0..1_000_000_000).contains(&ns) => (t[0], ns),
            _ => return Err(EINVAL),
        };
        if i == 0 {
            n.atime.set(v);
        } else {
            n.mtime.set(v);
        }
    }
    n.touch_c();
    // As Linux's fsnotify_change: both times are a utime call (IN_ATTRIB), one alone
    // reads like an access or a modification.
    match (ts[0][1] == UTIME_OMIT, ts[1][1] == UTIME_OMIT) {
        (false, false) => super::inotify::attrib(&n),
        (false, true) => super::inotify::accessed(&n),
        _ => super::inotify::modified(&n),
    }
    Ok(0)
}

/// utimes(2)/futimesat: struct timeval pairs.
pub fn utimes(dirfd: i64, path: u64, times: u64) -> SysResult {
    let n = target(dirfd, path, 0)?;
    if times == 0 {
        let t = tree::now();
        n.atime.set(t);
        n.mtime.set(t);
    } else {
        let tv: [[i64; 2]; 2] = uaccess::read(times)?;
        if tv.iter().any(|t| !(0..1_000_000).contains(&t[1])) {
            return Err(EINVAL);
        }
        n.atime.set((tv[0][0], tv[0][1] * 1000));
        n.mtime.set((tv[1][0], tv[1][1] * 1000));
    }
    n.touch_c();
    super::inotify::attrib(&n);
    Ok(0)
}

pub fn truncate(path: u64, len: i64) -> SysResult {
    let p = path_arg(path)?;
    let n = resolve_at(AT_FDCWD, &p, true)?;
    super::fs::set_size(&n, len)
}

pub fn getdents64(fd: i64, buf: u64, len: u64) -> SysResult {
    let f = file(fd)?;
    let n = f.inode().ok_or(ENOTDIR)?.clone();
    if !n.is_dir() {
        return Err(ENOTDIR);
    }
    let mut out: Vec<u8> = Vec::new();
    let mut pos = f.offset.get();
    loop {
        let (next, name, ino, mode) = match pos {
            0 => (1, Vec::from(&b"."[..]), n.ino, S_IFDIR),
            1 => (2, Vec::from(&b".."[..]), tree::parent_of(&n).ino, S_IFDIR),
            p => match tree::entry_after(&n, p) {
                Some((next, name, c)) => (next, name, c.ino, c.mode.get()),
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
            S_IFREG => 8,
            S_IFCHR => 2,
            S_IFIFO => 1,
            S_IFBLK => 6,
            S_IFSOCK => 12,
            _ => 0,
        };
        let start = out.len();
        out.extend_from_slice(&ino.to_le_bytes());
        out.extend_from_slice(&next.to_le_bytes());
        out.extend_from_slice(&(reclen as u16).to_le_bytes());
        out.push(d_type);
        out.extend_from_slice(&name);
        out.resize(start + reclen, 0);
        pos = next;
    }
    uaccess::copy_out(buf, &out)?;
    f.offset.set(pos);
    super::inotify::accessed(&n); // Linux: every listing, the last empty one too
    Ok(out.len() as i64)
}

const MFD_CLOEXEC: u32 = 1;
const MFD_ALLOW_SEALING: u32 = 2;

/// memfd_create: an unlinked regular file (sealing is not supported).
pub fn memfd_create(name: u64, flags: u32) -> SysResult {
    let n = uaccess::read_cstr(name, 249)?;
    let _ = n;
    if flags & !(MFD_CLOEXEC | MFD_ALLOW_SEALING) != 0 {
        return Err(EINVAL);
    }
    let node = tree::new_inode(S_IFREG | 0o777, tree::empty_file());
    install(Kind::Inode(node), 2 | if flags & MFD_CLOEXEC != 0 { O_CLOEXEC } else { 0 })
}

const LOCK_SH: u32 = 1;
const LOCK_EX: u32 = 2;
const LOCK_NB: u32 = 4;
const LOCK_UN: u32 = 8;
/// flock locks live in the record-lock table under their own keys.
const FLOCK_KEY: u64 = 1 << 63;

/// flock(2): whole-file locks owned by the open file (shared by dup and fork, as BSD locks are).
pub fn flock(fd: i64, op: u32) -> SysResult {
    let f = file(fd)?;
    let key = f.lock_key().ok_or(EINVAL)? | FLOCK_KEY;
    let new = match op & !LOCK_NB {
        LOCK_SH => Some(false),
        LOCK_EX => Some(true),
        LOCK_UN => None,
        _ => return Err(EINVAL),
    };
    let want = lock::Lock { key, owner: lock::ofd(&f), excl: new.unwrap_or(false), start: 0, end: u64::MAX };
    // Converting a lock is not atomic on Linux either: drop the old one first.
    if new.is_some() {
        lock::set(want.clone(), None, false)?;
    }
    match lock::set(want, new, op & LOCK_NB == 0) {
        Err(EAGAIN) => Err(EAGAIN), // EWOULDBLOCK
        r => r.map(|_| 0),
    }
}
