//! setxattr/getxattr/listxattr/removexattr and their l* (the link itself)
//! and f* (a descriptor) forms over the inodes' attributes (fs/xattr.rs).
//! Arguments are checked in Linux's order: flags, name (ERANGE), value size
//! (E2BIG) and user memory (EFAULT) before the file is looked up.
use crate::abi::{AT_FDCWD, O_ACCMODE, PATH_MAX, S_IFCHR, S_IFREG};
use super::SysResult;
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::tree::Inode;
use crate::fs::xattr::{self, XATTR_CREATE, XATTR_REPLACE};
use crate::mm::uaccess;
use crate::proc;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// What a call names: a path (following a final symlink or not) or a descriptor.
#[derive(Clone, Copy)]
pub enum Of {
    Path { path: u64, follow: bool },
    Fd(i64),
}

/// The file an attribute call works on: an inode of the tree, or another
/// kind of file (pipe, socket, console, /proc text) that stores none.
enum Target {
    Inode(Rc<Inode>),
    Other(u32),
}

impl Target {
    fn mode(&self) -> u32 {
        match self {
            Target::Inode(n) => n.mode.get(),
            Target::Other(m) => *m,
        }
    }
}

fn target(of: Of) -> Result<Target, Errno> {
    match of {
        Of::Path { path, follow } => {
            let p = uaccess::read_cstr(path, PATH_MAX)?;
            Ok(Target::Inode(super::path::resolve_at(AT_FDCWD, &p, follow)?))
        }
        Of::Fd(fd) => {
            let f = proc::current_proc().fds.get(fd)?.file.clone();
            if f.flags & O_ACCMODE == O_ACCMODE {
                return Err(EBADF); // O_PATH
            }
            Ok(match &f.kind {
                Kind::Inode(n) => Target::Inode(n.clone()),
                Kind::Console { .. } => Target::Other(S_IFCHR | 0o600),
                Kind::Snapshot(_) => Target::Other(S_IFREG | 0o444),
                Kind::Special(s) => Target::Other(s.mode()),
            })
        }
    }
}

/// An attribute name from user memory: 1..=255 bytes, else ERANGE.
fn name_arg(name: u64) -> Result<Vec<u8>, Errno> {
    let n = uaccess::read_cstr(name, xattr::NAME_MAX).map_err(|e| if e == ENAMETOOLONG { ERANGE } else { e })?;
    if n.is_empty() {
        return Err(ERANGE);
    }
    Ok(n)
}

fn privileged() -> bool {
    proc::current_proc().cred.euid == 0
}

pub fn setxattr(of: Of, name: u64, value: u64, size: u64, flags: u32) -> SysResult {
    if flags & !(XATTR_CREATE | XATTR_REPLACE) != 0 {
        return Err(EINVAL);
    }
    let name = name_arg(name)?;
    if size > xattr::SIZE_MAX as u64 {
        return Err(E2BIG);
    }
    let value = uaccess::copy_in(value, size as usize)?;
    let t = target(of)?;
    xattr::permitted(&name, t.mode(), privileged(), true)?;
    xattr::namespace(&name)?;
    let Target::Inode(n) = t else { return Err(EOPNOTSUPP) };
    n.xattrs.borrow_mut().set(&name, &value, flags)?;
    n.touch_c();
    Ok(0)
}

pub fn getxattr(of: Of, name: u64, buf: u64, size: u64) -> SysResult {
    let name = name_arg(name)?;
    let t = target(of)?;
    xattr::permitted(&name, t.mode(), privileged(), false)?;
    xattr::namespace(&name)?;
    let Target::Inode(n) = t else { return Err(EOPNOTSUPP) };
    let attrs = n.xattrs.borrow();
    let v = attrs.get(&name)?;
    if size != 0 {
        if v.len() as u64 > size.min(xattr::SIZE_MAX as u64) {
            return Err(ERANGE);
        }
        uaccess::copy_out(buf, v)?;
    }
    Ok(v.len() as i64)
}

pub fn listxattr(of: Of, buf: u64, size: u64) -> SysResult {
    let list = match target(of)? {
        Target::Inode(n) => n.xattrs.borrow().list(privileged()),
        Target::Other(_) => Vec::new(),
    };
    if size != 0 {
        if list.len() as u64 > size.min(xattr::LIST_MAX as u64) {
            return Err(if size >= xattr::LIST_MAX as u64 { E2BIG } else { ERANGE });
        }
        uaccess::copy_out(buf, &list)?;
    }
    Ok(list.len() as i64)
}

pub fn removexattr(of: Of, name: u64) -> SysResult {
    let name = name_arg(name)?;
    let t = target(of)?;
    xattr::permitted(&name, t.mode(), privileged(), true)?;
    xattr::namespace(&name)?;
    let Target::Inode(n) = t else { return Err(EOPNOTSUPP) };
    n.xattrs.borrow_mut().remove(&name)?;
    n.touch_c();
    Ok(0)
}
