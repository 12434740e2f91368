//! Open files and the per-process descriptor table. Descriptors made by
//! `dup` share one `OpenFile` (and so its offset), as POSIX says.
use crate::abi::{O_APPEND, O_NONBLOCK};
use super::tree::Inode;
use crate::errno::*;
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::Cell;

pub enum Kind {
    /// The serial console opened as fd 0, 1 or 2: stdin reads EOF, output goes
    /// to COM1 (and what was fd 1 also to the test runner's capture).
    Console { fd: u8 },
    /// A regular file, directory or symlink (O_PATH) of the file tree.
    Inode(Rc<Inode>),
    /// A read-only text made at open time (/proc/self/maps).
    Snapshot(alloc::boxed::Box<[u8]>),
    /// A socket, epoll instance, eventfd, device... (fs/special.rs).
    Special(Rc<dyn super::special::Special>),
}

pub struct OpenFile {
    pub kind: Kind,
    pub offset: Cell<u64>,
    /// The open flags' access mode (O_RDONLY/O_WRONLY/O_RDWR) and creation flags.
    pub flags: u32,
    /// Status flags F_SETFL changes: O_APPEND, O_NONBLOCK.
    pub status: Cell<u32>,
    /// The tree inode a device or FIFO was opened through (what fstat reports).
    pub node: Option<Rc<Inode>>,
}


#[derive(Clone)]
pub struct Fd {
    pub file: Rc<OpenFile>,
    pub cloexec: bool,
}

pub const MAX_FDS: usize = 1024;

#[derive(Clone)]
pub struct FdTable {
    fds: Vec<Option<Fd>>,
    /// Descriptors are below this (RLIMIT_NOFILE's soft value, at most MAX_FDS).
    limit: usize,
}

impl Default for FdTable {
    fn default() -> Self {
        FdTable { fds: Vec::new(), limit: MAX_FDS }
    }
}

impl FdTable {
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// A lower limit leaves open descriptors above it alone (as Linux); only new ones obey it.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.min(MAX_FDS);
    }

    pub fn with_console() -> Self {
        let mut t = Self::default();
        for fd in 0..3u8 {
            let flags = if fd == 0 { 0 } else { 1 }; // O_RDONLY / O_WRONLY
            t.fds.push(Some(Fd { file: Rc::new(OpenFile::new(Kind::Console { fd }, flags)), cloexec: false }));
        }
        t
    }

    pub fn get(&self, fd: i64) -> Result<&Fd, Errno> {
        usize::try_from(fd).ok().and_then(|i| self.fds.get(i)).and_then(|f| f.as_ref()).ok_or(EBADF)
    }

    pub fn get_mut(&mut self, fd: i64) -> Result<&mut Fd, Errno> {
        usize::try_from(fd).ok().and_then(|i| self.fds.get_mut(i)).and_then(|f| f.as_mut()).ok_or(EBADF)
    }

    /// Installs `fd` at the lowest free slot >= `min`.
    pub fn insert(&mut self, fd: Fd, min: usize) -> Result<i64, Errno> {
        let i = (min..self.limit).find(|&i| self.fds.get(i).is_none_or(|f| f.is_none())).ok_or(EMFILE)?;
        self.set(i, fd);
        Ok(i as i64)
    }

    pub fn set(&mut self, i: usize, fd: Fd) {
        if self.fds.len() <= i {
            self.fds.resize(i + 1, None);
        }
        self.fds[i] = Some(fd);
    }

    /// Empties slot `fd`; returns what it held.
    pub fn close(&mut self, fd: i64) -> Result<Fd, Errno> {
        let slot = usize::try_from(fd).ok().and_then(|i| self.fds.get_mut(i)).ok_or(EBADF)?;
        slot.take().ok_or(EBADF)
    }
}

impl Drop for OpenFile {
    /// The last descriptor of an open file of the tree went: inotify's IN_CLOSE_*
    /// (not for O_PATH descriptors, access mode 3).
    fn drop(&mut self) {
        if let Kind::Inode(n) = &self.kind {
            let mode = self.flags & crate::abi::O_ACCMODE;
            if mode != 3 {
                crate::syscall::inotify::closed(n, mode != 0);
            }
        }
    }
}

impl OpenFile {
    /// An open file at offset 0; O_APPEND and O_NONBLOCK of `flags` become its status.
    pub fn new(kind: Kind, flags: u32) -> Self {
        OpenFile { kind, offset: Cell::new(0), flags, status: Cell::new(flags & (O_APPEND | O_NONBLOCK)), node: None }
    }

    /// The same for an object opened through inode `node` (a device node, a FIFO).
    pub fn through(kind: Kind, flags: u32, node: Rc<Inode>) -> Self {
        let status = Cell::new(flags & (O_APPEND | O_NONBLOCK));
        OpenFile { kind, offset: Cell::new(0), flags, status, node: Some(node) }
    }

    pub fn append(&self) -> bool {
        self.status.get() & O_APPEND != 0
    }

    /// F_SETFL: O_APPEND and O_NONBLOCK.
    pub fn set_status(&self, fl: u32) {
        self.status.set(fl & (O_APPEND | O_NONBLOCK));
    }

    /// The key record locks use for this file (its inode number), if it is one.
    pub fn lock_key(&self) -> Option<u64> {
        match &self.kind {
            Kind::Inode(n) => Some(n.ino),
            _ => None,
        }
    }

    /// Size in bytes (SEEK_END of locks and lseek).
    pub fn size(&self) -> u64 {
        match &self.kind {
            Kind::Inode(n) => n.size(),
            Kind::Snapshot(d) => d.len() as u64,
            _ => 0,
        }
    }

    pub fn inode(&self) -> Option<&Rc<Inode>> {
        match &self.kind {
            Kind::Inode(n) => Some(n),
            Kind::Console { .. } | Kind::Snapshot(_) | Kind::Special(_) => None,
        }
    }
}
