//! The file tree every path names: a writable in-memory file system (tmpfs)
//! whose initial content is the initramfs.
//!
//! Built on first use from the parsed archive: each archive entry becomes an
//! inode whose file bytes still live in the initrd pages (`Data::init`). The
//! first change to a file (write, truncate, a shared mapping) copies it up
//! into page frames of its own (`Data::pages`, 0 = a hole that reads as
//! zeros). Directories map names to inodes and keep a weak link to their
//! parent; each entry has a cookie, the getdents64 offset, so a directory
//! read stays valid while entries are added or removed. Inodes are
//! reference-counted: an unlinked file lives on while a descriptor or a
//! mapping holds it. Frames come from the frame allocator; when it runs low a
//! write answers ENOSPC (a reserve is kept for the rest of the kernel).
//!
//! Also here: /tmp and /dev/shm (mode 1777), and /dev with null, zero, full,
//! random and urandom.
use crate::abi::S_IFCHR;
use super::initramfs;
use crate::abi::{S_IFDIR, S_IFLNK, S_IFMT};
use crate::errno::*;
use crate::mm::{frame, phys_to_virt, PAGE};
use crate::sync::Global;
use alloc::collections::BTreeMap;
use alloc::rc::{Rc, Weak};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};

const NAME_MAX: usize = 255;
const MAX_LINKS: usize = 40;
/// Frames a file write leaves for the rest of the kernel (4 MiB).
const RESERVE: usize = 1024;
/// Largest file size (as Linux's tmpfs on 64-bit: the offset range).
pub const MAX_SIZE: u64 = i64::MAX as u64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dev {
    Null,
    Zero,
    Full,
    Random,
    /// A device number no driver serves, or a socket node (mknod): opening it is ENXIO.
    Unbound(u64),
}

pub struct Data {
    init: &'static [u8],
    /// Frames after copy-up (0 = hole); None while the content is `init`.
    pages: Option<Vec<u64>>,
    size: u64,
    /// Frames cut off by a truncate while shared mappings may still map them:
    /// kept until the file goes (the mappings hold it).
    retired: Vec<u64>,
    /// A MAP_SHARED mapping was made: truncate retires frames instead of freeing them.
    pinned: bool,
}

pub struct Dir {
    entries: BTreeMap<Vec<u8>, (u64, Rc<Inode>)>,
    by_cookie: BTreeMap<u64, Vec<u8>>,
    next_cookie: u64,
    parent: Weak<Inode>,
}

pub enum Body {
    File(RefCell<Data>),
    Dir(RefCell<Dir>),
    Link(Vec<u8>),
    Dev(Dev),
    /// A named pipe (mknod S_IFIFO): opens reach one pipe object.
    Fifo(super::pipe::Fifo),
}

/// Seconds and nanoseconds.
pub type Time = (i64, i64);

pub struct Inode {
    pub ino: u64,
    pub mode: Cell<u32>,
    pub nlink: Cell<u32>,
    pub uid: Cell<u32>,
    pub gid: Cell<u32>,
    pub atime: Cell<Time>,
    pub mtime: Cell<Time>,
    pub ctime: Cell<Time>,
    pub body: Body,
    /// Set once the file was mapped (W^X alias checks scan mappings only then).
    pub mapped: Cell<bool>,
    /// The absolute path it was last linked at (the name /proc/self/maps shows).
    pub path_hint: RefCell<String>,
    /// Extended attributes (setxattr & co.).
    pub xattrs: RefCell<super::xattr::Xattrs>,
}

struct Fs {
    root: Rc<Inode>,
    next_ino: u64,
}

static FS: Global<Option<Fs>> = Global::new(None);

pub fn now() -> Time {
    let ns = crate::arch::x86_64::timer::realtime_ns();
    ((ns / 1_000_000_000) as i64, (ns % 1_000_000_000) as i64)
}

fn fs() -> &'static mut Fs {
    if FS.get().is_none() {
        build();
    }
    FS.get().as_mut().expect("file tree built")
}

pub fn root() -> Rc<Inode> {
    fs().root.clone()
}

/// A new, unlinked inode.
pub fn new_inode(mode: u32, body: Body) -> Rc<Inode> {
    let f = fs();
    let ino = f.next_ino;
    f.next_ino += 1;
    new_inode_with(ino, mode, body)
}

fn new_inode_with(ino: u64, mode: u32, body: Body) -> Rc<Inode> {
    let t = now();
    // A directory's own "."; each entry naming an inode adds one (and a subdirectory's ".." one to its parent).
    let nlink = if matches!(body, Body::Dir(_)) { 1 } else { 0 };
    Rc::new(Inode {
        ino,
        mode: Cell::new(mode),
        nlink: Cell::new(nlink),
        uid: Cell::new(0),
        gid: Cell::new(0),
        atime: Cell::new(t),
        mtime: Cell::new(t),
        ctime: Cell::new(t),
        body,
        mapped: Cell::new(false),
        path_hint: RefCell::new(String::new()),
        xattrs: Default::default(),
    })
}

pub fn empty_dir(parent: &Rc<Inode>) -> Body {
    Body::Dir(RefCell::new(Dir { entries: BTreeMap::new(), by_cookie: BTreeMap::new(), next_cookie: 2, parent: Rc::downgrade(parent) }))
}

pub fn empty_file() -> Body {
    Body::File(RefCell::new(Data { init: &[], pages: None, size: 0, retired: Vec::new(), pinned: false }))
}

fn build() {
    // The root is its own parent: make it first with a dangling parent, then link it.
    let root = new_inode_with(1, S_IFDIR | 0o755, Body::Dir(RefCell::new(Dir { entries: BTreeMap::new(), by_cookie: BTreeMap::new(), next_cookie: 2, parent: Weak::new() })));
    if let Body::Dir(d) = &root.body {
        d.borrow_mut().parent = Rc::downgrade(&root);
    }
    root.nlink.set(2); // "." and its own ".."
    *FS.get() = Some(Fs { root: root.clone(), next_ino: 2 });
    // The archive's nodes, parents before children (index order: `add` makes parents first).
    let mut made: BTreeMap<usize, Rc<Inode>> = BTreeMap::new();
    made.insert(0, root.clone());
    let mut i = 1;
    while let Some(n) = initramfs::try_node(i) {
        let parent = initramfs::parent_of(i).and_then(|p| made.get(&p).cloned()).unwrap_or_else(|| root.clone());
        let body = match n.mode & S_IFMT {
            S_IFDIR => empty_dir(&parent),
            S_IFLNK => Body::Link(Vec::from(n.data)),
            _ => Body::File(RefCell::new(Data { init: n.data, pages: None, size: n.data.len() as u64, retired: Vec::new(), pinned: false })),
        };
        let node = new_inode(n.mode, body);
        node.uid.set(n.uid);
        node.gid.set(n.gid);
        *node.path_hint.borrow_mut() = alloc::format!("/{}", n.path);
        link_entry(&parent, n.name().as_bytes(), &node);
        made.insert(i, node);
        i += 1;
    }
    // Writable places and devices, unless the archive has them.
    let tmp = mkdir_p(&root, b"tmp");
    tmp.mode.set(S_IFDIR | 0o1777);
    let dev = mkdir_p(&root, b"dev");
    let shm = mkdir_p(&dev, b"shm");
    shm.mode.set(S_IFDIR | 0o1777);
    for (name, d) in [(&b"null"[..], Dev::Null), (b"zero", Dev::Zero), (b"full", Dev::Full), (b"random", Dev::Random), (b"urandom", Dev::Random)] {
        if lookup_in(&dev, name).is_none() {
            let n = new_inode(S_IFCHR | 0o666, Body::Dev(d));
            link(&dev, name, &n);
        }
    }
}

fn mkdir_p(parent: &Rc<Inode>, name: &[u8]) -> Rc<Inode> {
    if let Some(n) = lookup_in(parent, name) {
        return n;
    }
    let n = new_inode(S_IFDIR | 0o755, empty_dir(parent));
    link(parent, name, &n);
    n
}

impl core::fmt::Debug for Inode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "inode {}", self.ino)
    }
}

impl Inode {
    pub fn is_dir(&self) -> bool {
        matches!(self.body, Body::Dir(_))
    }
    pub fn dir(&self) -> Result<&RefCell<Dir>, Errno> {
        match &self.body {
            Body::Dir(d) => Ok(d),
            _ => Err(ENOTDIR),
        }
    }
    pub fn size(&self) -> u64 {
        match &self.body {
            Body::File(d) => d.borrow().size,
            Body::Link(t) => t.len() as u64,
            Body::Dir(_) | Body::Dev(_) | Body::Fifo(_) => 0,
        }
    }
    pub fn rdev(&self) -> u64 {
        match self.body {
            Body::Dev(Dev::Null) => (1 << 8) | 3,
            Body::Dev(Dev::Zero) => (1 << 8) | 5,
            Body::Dev(Dev::Full) => (1 << 8) | 7,
            Body::Dev(Dev::Random) => (1 << 8) | 9,
            Body::Dev(Dev::Unbound(r)) => r,
            _ => 0,
        }
    }
    pub fn touch_m(&self) {
        let t = now();
        self.mtime.set(t);
        self.ctime.set(t);
    }
    pub fn touch_c(&self) {
        self.ctime.set(now());
    }
}

pub fn lookup_in(dir: &Rc<Inode>, name: &[u8]) -> Option<Rc<Inode>> {
    let d = dir.dir().ok()?.borrow();
    match name {
        b"." => Some(dir.clone()),
        b".." => d.parent.upgrade().or_else(|| Some(dir.clone())),
        _ => d.entries.get(name).map(|(_, n)| n.clone()),
    }
}

/// Adds `name` → `node` to `dir` (the caller checked it is free).
pub fn link(dir: &Rc<Inode>, name: &[u8], node: &Rc<Inode>) {
    if let Ok(p) = path_of(dir) {
        let sep = if p.is_empty() { "" } else { "/" };
        *node.path_hint.borrow_mut() = alloc::format!("/{}{}{}", p, sep, String::from_utf8_lossy(name));
    }
    link_entry(dir, name, node);
}

fn link_entry(dir: &Rc<Inode>, name: &[u8], node: &Rc<Inode>) {
    let Body::Dir(d) = &dir.body else { return };
    let mut d = d.borrow_mut();
    let c = d.next_cookie;
    d.next_cookie += 1;
    d.entries.insert(Vec::from(name), (c, node.clone()));
    d.by_cookie.insert(c, Vec::from(name));
    drop(d);
    node.nlink.set(node.nlink.get() + 1);
    if let Body::Dir(sub) = &node.body {
        sub.borrow_mut().parent = Rc::downgrade(dir);
        dir.nlink.set(dir.nlink.get() + 1);
    }
    dir.touch_m();
    node.touch_c();
}

/// Removes `name` from `dir`; returns the inode it named.
pub fn unlink(dir: &Rc<Inode>, name: &[u8]) -> Option<Rc<Inode>> {
    let Body::Dir(d) = &dir.body else { return None };
    let mut d = d.borrow_mut();
    let (c, node) = d.entries.remove(name)?;
    d.by_cookie.remove(&c);
    drop(d);
    node.nlink.set(node.nlink.get().saturating_sub(1));
    if node.is_dir() {
        node.nlink.set(node.nlink.get().saturating_sub(1)); // its "."
        dir.nlink.set(dir.nlink.get().saturating_sub(1)); // its ".."
    }
    dir.touch_m();
    node.touch_c();
    Some(node)
}

pub fn dir_is_empty(n: &Inode) -> bool {
    matches!(&n.body, Body::Dir(d) if d.borrow().entries.is_empty())
}

/// The entry after cookie `pos` (getdents64): (next position, name, inode).
pub fn entry_after(dir: &Inode, pos: u64) -> Option<(u64, Vec<u8>, Rc<Inode>)> {
    let d = dir.dir().ok()?.borrow();
    let (&c, name) = d.by_cookie.range(pos..).next()?;
    let node = d.entries.get(name)?.1.clone();
    Some((c + 1, name.clone(), node))
}

pub fn parent_of(dir: &Rc<Inode>) -> Rc<Inode> {
    lookup_in(dir, b"..").unwrap_or_else(root)
}

/// The absolute path of a directory, without the leading '/' ("" for the root),
/// or ENOENT when it was removed.
pub fn path_of(dir: &Rc<Inode>) -> Result<String, Errno> {
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut cur = dir.clone();
    let root = root();
    while !Rc::ptr_eq(&cur, &root) {
        let parent = parent_of(&cur);
        let name = {
            let d = parent.dir()?.borrow();
            d.entries.iter().find(|(_, (_, n))| Rc::ptr_eq(n, &cur)).map(|(k, _)| k.clone()).ok_or(ENOENT)?
        };
        parts.push(name);
        if parts.len() > 4096 {
            return Err(ENOENT);
        }
        cur = parent;
    }
    parts.reverse();
    let joined: Vec<u8> = parts.join(&b'/');
    String::from_utf8(joined).map_err(|_| ENOENT)
}

/// Where a path ends: the directory holding its last component, that name,
/// and the inode it names if any.
pub struct Walk {
    pub dir: Rc<Inode>,
    pub name: Vec<u8>,
    pub node: Option<Rc<Inode>>,
    /// The path ended with '/' (the node must be a directory).
    pub slash: bool,
}

/// Resolves `path` from `start`: every symlink on the way is followed, the
/// last one only with `follow`. An absent last component is not an error
/// (`node: None`); an absent directory on the way is ENOENT.
pub fn walk(start: &Rc<Inode>, path: &[u8], follow: bool) -> Result<Walk, Errno> {
    if path.is_empty() {
        return Err(ENOENT);
    }
    let mut cur = if path[0] == b'/' { root() } else { start.clone() };
    let mut todo: Vec<Vec<u8>> = path.split(|&c| c == b'/').filter(|c| !c.is_empty()).rev().map(Vec::from).collect();
    let mut slash = path.ends_with(b"/");
    let mut links = 0;
    if todo.is_empty() {
        // "/" or "///": the root (or start) itself.
        return Ok(Walk { dir: parent_of(&cur), name: Vec::from(&b"."[..]), node: Some(cur), slash: true });
    }
    loop {
        let Some(c) = todo.pop() else { unreachable!() };
        if c.len() > NAME_MAX {
            return Err(ENAMETOOLONG);
        }
        let last = todo.is_empty();
        cur.dir()?; // searching needs a directory
        let found = lookup_in(&cur, &c);
        if last {
            match &found {
                Some(n) if matches!(n.body, Body::Link(_)) && (follow || slash) => {}
                _ => return Ok(Walk { dir: cur, name: c, node: found, slash }),
            }
        }
        let n = found.ok_or(ENOENT)?;
        match &n.body {
            Body::Link(target) => {
                links += 1;
                if links > MAX_LINKS {
                    return Err(ELOOP);
                }
                if target.first() == Some(&b'/') {
                    cur = root();
                }
                if last && target.ends_with(b"/") {
                    slash = true;
                }
                let parts: Vec<Vec<u8>> = target.split(|&c| c == b'/').filter(|c| !c.is_empty()).rev().map(Vec::from).collect();
                if parts.is_empty() && last {
                    // A link to "/": the root.
                    let r = root();
                    return Ok(Walk { dir: parent_of(&r), name: Vec::from(&b"."[..]), node: Some(r), slash: true });
                }
                todo.extend(parts);
            }
            Body::Dir(_) => cur = n,
            _ => return Err(ENOTDIR),
        }
    }
}

/// The inode `path` names, following a final symlink when `follow`.
pub fn resolve(start: &Rc<Inode>, path: &[u8], follow: bool) -> Result<Rc<Inode>, Errno> {
    let w = walk(start, path, follow)?;
    let n = w.node.ok_or(ENOENT)?;
    if w.slash && !n.is_dir() {
        return Err(ENOTDIR);
    }
    Ok(n)
}

/// The directory named by a process's `cwd` string (absolute, no leading '/').
pub fn cwd_inode(cwd: &str) -> Result<Rc<Inode>, Errno> {
    if cwd.is_empty() {
        return Ok(root());
    }
    resolve(&root(), cwd.as_bytes(), true)
}

/// The path a file was last linked at (for /proc/self/maps), without the leading '/'.
pub fn path_of_file(n: &Inode) -> String {
    let p = n.path_hint.borrow();
    String::from(p.strip_prefix('/').unwrap_or(&p))
}

impl Data {
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The initramfs bytes, while the file was never changed.
    pub fn pristine(&self) -> Option<&'static [u8]> {
        if self.pages.is_none() {
            Some(self.init)
        } else {
            None
        }
    }

    /// Copies bytes at `off` into `out`; returns how many (0 at or past the end).
    pub fn read(&self, off: u64, out: &mut [u8]) -> usize {
        if off >= self.size {
            return 0;
        }
        let n = ((self.size - off) as usize).min(out.len());
        let Some(pages) = &self.pages else {
            out[..n].copy_from_slice(&self.init[off as usize..off as usize + n]);
            return n;
        };
        let mut done = 0;
        while done < n {
            let pos = off + done as u64;
            let (pi, po) = ((pos / PAGE) as usize, (pos % PAGE) as usize);
            let k = (PAGE as usize - po).min(n - done);
            match pages.get(pi).copied().unwrap_or(0) {
                0 => out[done..done + k].fill(0),
                // SAFETY: `f` is a frame this file owns, reached through the direct map; po+k <= 4096.
                f => unsafe { core::ptr::copy_nonoverlapping(phys_to_virt(f).add(po), out[done..].as_mut_ptr(), k) },
            }
            done += k;
        }
        n
    }

    /// Moves the content into frames of its own (before the first change).
    fn copy_up(&mut self) -> Result<&mut Vec<u64>, Errno> {
        if self.pages.is_none() {
            let n = self.init.len().div_ceil(PAGE as usize);
            let mut pages = Vec::new();
            pages.try_reserve(n).map_err(|_| ENOSPC)?;
            for chunk in self.init.chunks(PAGE as usize) {
                let Some(f) = alloc_frame() else {
                    for f in pages {
                        free_frame(f);
                    }
                    return Err(ENOSPC);
                };
                // SAFETY: a fresh frame of this file; chunk.len() <= 4096.
                unsafe { core::ptr::copy_nonoverlapping(chunk.as_ptr(), phys_to_virt(f), chunk.len()) };
                pages.push(f);
            }
            self.pages = Some(pages);
        }
        Ok(self.pages.as_mut().expect("copied up"))
    }

    /// The frame holding page `pi`, allocated (zeroed) if it is a hole.
    pub fn frame(&mut self, pi: usize) -> Result<u64, Errno> {
        let pages = self.copy_up()?;
        if pages.len() <= pi {
            pages.try_reserve(pi + 1 - pages.len()).map_err(|_| ENOSPC)?;
            pages.resize(pi + 1, 0);
        }
        if pages[pi] == 0 {
            pages[pi] = alloc_frame().ok_or(ENOSPC)?;
        }
        Ok(pages[pi])
    }

    /// Writes `src` at `off`, growing the file; ENOSPC when frames run out
    /// (what was written before that stays, and its length is returned).
    pub fn write(&mut self, off: u64, src: &[u8]) -> Result<usize, Errno> {
        let end = off.checked_add(src.len() as u64).filter(|&e| e <= MAX_SIZE).ok_or(EFBIG)?;
        let mut done = 0;
        while done < src.len() {
            let pos = off + done as u64;
            let (pi, po) = ((pos / PAGE) as usize, (pos % PAGE) as usize);
            let k = (PAGE as usize - po).min(src.len() - done);
            let f = match self.frame(pi) {
                Ok(f) => f,
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            };
            // SAFETY: `f` is a frame this file owns; po+k <= 4096.
            unsafe { core::ptr::copy_nonoverlapping(src[done..].as_ptr(), phys_to_virt(f).add(po), k) };
            done += k;
            self.size = self.size.max(pos + k as u64);
        }
        let _ = end;
        Ok(done)
    }

    /// Sets the size: shrinking frees whole pages past the end and zeroes the
    /// rest of the last one; growing leaves a hole.
    pub fn truncate(&mut self, size: u64) -> Result<(), Errno> {
        if size > MAX_SIZE {
            return Err(EFBIG);
        }
        if size == self.size {
            return Ok(());
        }
        if size < self.size {
            let pages = self.copy_up()?;
            let keep = size.div_ceil(PAGE) as usize;
            let cut: Vec<u64> = pages.drain(keep.min(pages.len())..).filter(|&f| f != 0).collect();
            if self.pinned {
                self.retired.extend(cut);
            } else {
                cut.into_iter().for_each(free_frame);
            }
            let pages = self.pages.as_mut().expect("copied up");
            if size % PAGE != 0 {
                if let Some(&f) = pages.get(keep - 1) {
                    if f != 0 {
                        let po = (size % PAGE) as usize;
                        // SAFETY: a frame of this file; zeroing its bytes past the new end.
                        unsafe { core::ptr::write_bytes(phys_to_virt(f).add(po), 0, PAGE as usize - po) };
                    }
                }
            }
        } else {
            self.copy_up()?;
        }
        self.size = size;
        Ok(())
    }

    /// Frames in use (st_blocks).
    pub fn blocks(&self) -> u64 {
        match &self.pages {
            None => self.init.len().div_ceil(512) as u64,
            Some(p) => p.iter().filter(|&&f| f != 0).count() as u64 * (PAGE / 512),
        }
    }
}


/// Frames file data holds now (the test runner's leak check leaves them out:
/// files a test leaves behind are not leaks).
static FILE_FRAMES: Global<usize> = Global::new(0);

pub fn file_frames() -> usize {
    *FILE_FRAMES.get()
}

fn alloc_frame() -> Option<u64> {
    if frame::free_count() <= RESERVE {
        return None;
    }
    let f = frame::alloc()?;
    *FILE_FRAMES.get() += 1;
    Some(f)
}

fn free_frame(f: u64) {
    *FILE_FRAMES.get() -= 1;
    frame::free(f);
}

impl Data {
    /// The file is about to be mapped MAP_SHARED (its frames may now be mapped).
    pub fn pin(&mut self) {
        self.pinned = true;
    }
}

impl Drop for Data {
    fn drop(&mut self) {
        for &f in self.pages.iter().flatten().chain(self.retired.iter()) {
            if f != 0 {
                free_frame(f);
            }
        }
    }
}
