//! inotify: watches on inodes of the file tree and the event queue of each
//! inotify descriptor. The path calls report what they change (`created`,
//! `deleted`, `moved`; `modified` from write and truncate): a watched
//! directory gets IN_CREATE, IN_DELETE, IN_MOVED_FROM/IN_MOVED_TO (one cookie
//! per rename), IN_MODIFY with the child's name; a watched file or directory
//! itself IN_MODIFY, IN_MOVE_SELF, and IN_DELETE_SELF followed by IN_IGNORED
//! when its last link goes. Opening, reading, closing and attribute changes
//! (`opened`, `accessed`, `closed`, `attrib`, `link_count`) give IN_OPEN,
//! IN_ACCESS, IN_CLOSE_WRITE/IN_CLOSE_NOWRITE and IN_ATTRIB the way Linux's
//! fsnotify hooks do: to the file's own watches and, with its name, to those
//! of its directory — except a link count change, which only the file hears.
use super::SysResult;
use crate::abi::PATH_MAX;
use crate::errno::*;
use crate::fs::special::{self, Special, POLLIN};
use crate::fs::tree::{self, Inode};
use crate::mm::uaccess;
use crate::sync::Global;
use alloc::collections::VecDeque;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::any::Any;
use core::cell::{Cell, RefCell};

const IN_ACCESS: u32 = 0x1;
const IN_MODIFY: u32 = 0x2;
const IN_ATTRIB: u32 = 0x4;
const IN_CLOSE_WRITE: u32 = 0x8;
const IN_CLOSE_NOWRITE: u32 = 0x10;
const IN_OPEN: u32 = 0x20;
const IN_MOVED_FROM: u32 = 0x40;
const IN_MOVED_TO: u32 = 0x80;
const IN_CREATE: u32 = 0x100;
const IN_DELETE: u32 = 0x200;
const IN_DELETE_SELF: u32 = 0x400;
const IN_MOVE_SELF: u32 = 0x800;
const IN_Q_OVERFLOW: u32 = 0x4000;
const IN_IGNORED: u32 = 0x8000;
const IN_ALL_EVENTS: u32 = 0xfff;
const IN_ONLYDIR: u32 = 0x0100_0000;
const IN_DONT_FOLLOW: u32 = 0x0200_0000;
const IN_EXCL_UNLINK: u32 = 0x0400_0000;
const IN_MASK_CREATE: u32 = 0x1000_0000;
const IN_MASK_ADD: u32 = 0x2000_0000;
const IN_ISDIR: u32 = 0x4000_0000;
const IN_ONESHOT: u32 = 0x8000_0000;
const IN_NONBLOCK: u32 = 0o4000;
const IN_CLOEXEC: u32 = 0o2000000;
const FIONREAD: u64 = 0x541b;
/// Linux's default max_queued_events.
const MAX_EVENTS: usize = 16384;
/// sizeof(struct inotify_event) without the name.
const HEADER: usize = 16;

pub struct Inotify {
    queue: RefCell<VecDeque<Vec<u8>>>,
    next_wd: Cell<i32>,
    key: u64,
}

struct Watch {
    ino: u64,
    wd: i32,
    mask: u32,
    owner: Weak<dyn Special>,
}

static WATCHES: Global<Vec<Watch>> = Global::new(Vec::new());
static COOKIE: Global<u32> = Global::new(0);

fn owner_of(w: &Watch) -> Option<Rc<dyn Special>> {
    w.owner.upgrade()
}

fn as_inotify(s: &Rc<dyn Special>) -> Option<&Inotify> {
    s.as_any().downcast_ref::<Inotify>()
}

/// One `struct inotify_event`, the name NUL-padded to a multiple of 16 bytes.
fn event_bytes(wd: i32, mask: u32, cookie: u32, name: &[u8]) -> Vec<u8> {
    let len = if name.is_empty() { 0 } else { (name.len() + 1).div_ceil(HEADER) * HEADER };
    let mut b = Vec::with_capacity(HEADER + len);
    b.extend_from_slice(&wd.to_le_bytes());
    b.extend_from_slice(&mask.to_le_bytes());
    b.extend_from_slice(&cookie.to_le_bytes());
    b.extend_from_slice(&(len as u32).to_le_bytes());
    b.extend_from_slice(name);
    b.resize(HEADER + len, 0);
    b
}

impl Inotify {
    fn push(&self, ev: Vec<u8>) {
        let mut q = self.queue.borrow_mut();
        // An event equal to the last unread one is merged into it, as Linux does.
        if q.back() == Some(&ev) {
            return;
        }
        if q.len() >= MAX_EVENTS {
            let of = event_bytes(-1, IN_Q_OVERFLOW, 0, b"");
            if q.back() != Some(&of) {
                q.push_back(of);
            }
        } else {
            q.push_back(ev);
        }
        drop(q);
        special::notify(self.key);
    }
}

/// Queues `mask` (with `name`, `cookie`) for every watch on inode `ino` that wants it.
fn report(ino: u64, mask: u32, cookie: u32, name: &[u8], is_dir: bool) {
    let watches = WATCHES.get();
    if watches.is_empty() {
        return;
    }
    let mut fired = Vec::new();
    for w in watches.iter() {
        if w.ino != ino || w.mask & mask & IN_ALL_EVENTS == 0 {
            continue;
        }
        let Some(o) = owner_of(w) else { continue };
        if let Some(i) = as_inotify(&o) {
            i.push(event_bytes(w.wd, mask | if is_dir { IN_ISDIR } else { 0 }, cookie, name));
            if w.mask & IN_ONESHOT != 0 {
                fired.push((w.ino, w.wd));
                i.push(event_bytes(w.wd, IN_IGNORED, 0, b""));
            }
        }
    }
    let watches = WATCHES.get();
    watches.retain(|w| !fired.contains(&(w.ino, w.wd)) && w.owner.strong_count() > 0);
}

/// The inode lost its last link: IN_DELETE_SELF, then its watches go (IN_IGNORED).
fn gone(node: &Inode) {
    if node.nlink.get() > if node.is_dir() { 1 } else { 0 } {
        return;
    }
    report(node.ino, IN_DELETE_SELF, 0, b"", false);
    let watches = WATCHES.get();
    let mut i = 0;
    while i < watches.len() {
        if watches[i].ino == node.ino {
            let w = watches.remove(i);
            if let Some(o) = owner_of(&w) {
                if let Some(n) = as_inotify(&o) {
                    n.push(event_bytes(w.wd, IN_IGNORED, 0, b""));
                }
            }
        } else {
            i += 1;
        }
    }
}

/// `name` → `node` was made in `dir` (open O_CREAT, mkdir, symlink, link, mknod).
pub fn created(dir: &Inode, name: &[u8], node: &Inode) {
    report(dir.ino, IN_CREATE, 0, name, node.is_dir());
}

/// `name` (`node`) was removed from `dir`.
pub fn deleted(dir: &Inode, name: &[u8], node: &Inode) {
    if WATCHES.get().is_empty() {
        return;
    }
    if !node.is_dir() {
        link_count(node);
    }
    report(dir.ino, IN_DELETE, 0, name, node.is_dir());
    gone(node);
}

/// `node` moved from `od`/`oname` to `nd`/`nname`; `replaced` is what the new name named before.
pub fn moved(od: &Inode, oname: &[u8], nd: &Inode, nname: &[u8], node: &Inode, replaced: Option<&Inode>) {
    if WATCHES.get().is_empty() {
        return;
    }
    let c = COOKIE.get();
    *c = c.wrapping_add(1).max(1);
    let cookie = *c;
    report(od.ino, IN_MOVED_FROM, cookie, oname, node.is_dir());
    report(nd.ino, IN_MOVED_TO, cookie, nname, node.is_dir());
    if let Some(r) = replaced {
        link_count(r);
    }
    report(node.ino, IN_MOVE_SELF, 0, b"", node.is_dir());
    if let Some(r) = replaced {
        gone(r);
    }
}

/// `mask` happened to `node`: its directory (the one it was last linked in,
/// found by its path) hears it with the name first, as on Linux, then the node.
fn on_node(node: &Inode, mask: u32) {
    if WATCHES.get().is_empty() {
        return;
    }
    let path = node.path_hint.borrow().clone();
    if let Some(cut) = path.rfind('/').filter(|_| path.len() > 1) {
        let (dir, name) = (&path[..cut.max(1)], &path.as_bytes()[cut + 1..]);
        if let Ok(d) = tree::resolve(&tree::root(), dir.as_bytes(), true) {
            if tree::lookup_in(&d, name).is_some_and(|n| n.ino == node.ino) {
                report(d.ino, mask, 0, name, node.is_dir());
            }
        }
    }
    report(node.ino, mask, 0, b"", node.is_dir());
}

/// The contents of `node` changed (write, truncate): IN_MODIFY.
pub fn modified(node: &Inode) {
    on_node(node, IN_MODIFY);
}

/// `node` was opened (not O_PATH): IN_OPEN.
pub fn opened(node: &Inode) {
    on_node(node, IN_OPEN);
}

/// `node` was read (bytes, or a directory listing): IN_ACCESS.
pub fn accessed(node: &Inode) {
    on_node(node, IN_ACCESS);
}

/// The last descriptor of an open file of `node` went: IN_CLOSE_WRITE when it
/// was open for writing, else IN_CLOSE_NOWRITE.
pub fn closed(node: &Inode, writable: bool) {
    on_node(node, if writable { IN_CLOSE_WRITE } else { IN_CLOSE_NOWRITE });
}

/// Metadata of `node` changed (mode, owner, both times): IN_ATTRIB.
pub fn attrib(node: &Inode) {
    on_node(node, IN_ATTRIB);
}

/// `node` gained or lost a link (link, unlink, a rename over it): IN_ATTRIB to
/// its own watches only (Linux's fsnotify_link_count).
pub fn link_count(node: &Inode) {
    report(node.ino, IN_ATTRIB, 0, b"", node.is_dir());
}

impl Special for Inotify {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        let first = special::block_until(self.key, nonblock, None, crate::signal::ERESTARTSYS, || self.queue.borrow().front().map(|e| Ok(e.len())))?;
        if len < first {
            return Err(EINVAL);
        }
        let mut out = Vec::new();
        let mut q = self.queue.borrow_mut();
        while q.front().is_some_and(|e| out.len() + e.len() <= len) {
            if let Some(e) = q.pop_front() {
                out.extend_from_slice(&e);
            }
        }
        drop(q);
        // Already taken off the queue: a bad buffer loses them, as on Linux.
        uaccess::copy_out(buf, &out)?;
        Ok(out.len())
    }

    fn write(&self, _buf: u64, _len: usize, _nonblock: bool) -> Result<usize, Errno> {
        Err(EINVAL)
    }

    fn poll(&self) -> u16 {
        if self.queue.borrow().is_empty() { 0 } else { POLLIN }
    }

    fn mode(&self) -> u32 {
        0o600
    }

    fn ioctl(&self, req: u64, arg: u64) -> Result<i64, Errno> {
        if req != FIONREAD {
            return Err(ENOTTY);
        }
        let n: usize = self.queue.borrow().iter().map(Vec::len).sum();
        uaccess::write(arg, &(n as i32))?;
        Ok(0)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn inotify_init1(flags: u32) -> SysResult {
    if flags & !(IN_NONBLOCK | IN_CLOEXEC) != 0 {
        return Err(EINVAL);
    }
    let i = Inotify { queue: RefCell::new(VecDeque::new()), next_wd: Cell::new(1), key: special::new_key() };
    special::install(Rc::new(i), flags & IN_NONBLOCK != 0, flags & IN_CLOEXEC != 0)
}

/// The inotify object behind `fd` (EBADF, or EINVAL for another file).
fn instance(fd: i64) -> Result<Rc<dyn Special>, Errno> {
    let f = crate::proc::current_proc().fds.get(fd)?.file.clone();
    match &f.kind {
        crate::fs::file::Kind::Special(s) if as_inotify(s).is_some() => Ok(s.clone()),
        _ => Err(EINVAL),
    }
}

pub fn inotify_add_watch(fd: i64, path: u64, mask: u32) -> SysResult {
    let obj = instance(fd)?;
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    if mask & IN_ALL_EVENTS == 0 || mask & (IN_MASK_ADD | IN_MASK_CREATE) == IN_MASK_ADD | IN_MASK_CREATE {
        return Err(EINVAL);
    }
    let node = super::path::resolve_at(crate::abi::AT_FDCWD, &p, mask & IN_DONT_FOLLOW == 0)?;
    if mask & IN_ONLYDIR != 0 && !node.is_dir() {
        return Err(ENOTDIR);
    }
    let keep = IN_ALL_EVENTS | IN_ONESHOT | IN_EXCL_UNLINK;
    let watches = WATCHES.get();
    let me = Rc::downgrade(&obj);
    if let Some(w) = watches.iter_mut().find(|w| w.ino == node.ino && w.owner.ptr_eq(&me)) {
        if mask & IN_MASK_CREATE != 0 {
            return Err(EEXIST);
        }
        w.mask = if mask & IN_MASK_ADD != 0 { w.mask | (mask & keep) } else { mask & keep };
        return Ok(w.wd as i64);
    }
    let Some(i) = as_inotify(&obj) else { return Err(EINVAL) };
    let wd = i.next_wd.get();
    i.next_wd.set(wd.checked_add(1).ok_or(ENOSPC)?);
    watches.push(Watch { ino: node.ino, wd, mask: mask & keep, owner: me });
    Ok(wd as i64)
}

pub fn inotify_rm_watch(fd: i64, wd: i32) -> SysResult {
    let obj = instance(fd)?;
    let me = Rc::downgrade(&obj);
    let watches = WATCHES.get();
    let at = watches.iter().position(|w| w.wd == wd && w.owner.ptr_eq(&me)).ok_or(EINVAL)?;
    watches.remove(at);
    if let Some(i) = as_inotify(&obj) {
        i.push(event_bytes(wd, IN_IGNORED, 0, b""));
    }
    Ok(0)
}
