//! mount / umount2. The file tree is the one file system vibix has, with no
//! other to mount: after Linux's checks (privilege, user memory, the target
//! path) mount answers ENODEV for every type (docs/unsupported.md), and
//! umount2 finds no mount point but the root (busy).
use crate::abi::{AT_FDCWD, PATH_MAX};
use super::SysResult;
use crate::errno::*;
use crate::fs::tree;
use crate::mm::uaccess;
use crate::proc;
use alloc::rc::Rc;

const MNT_FORCE: u32 = 1;
const MNT_DETACH: u32 = 2;
const MNT_EXPIRE: u32 = 4;
const UMOUNT_NOFOLLOW: u32 = 8;
/// Type names longer than this are not file system types (Linux copies a page).
const TYPE_MAX: usize = 4095;

fn privileged() -> Result<(), Errno> {
    if proc::current_proc().cred.euid == 0 { Ok(()) } else { Err(EPERM) }
}

fn target(path: u64, follow: bool) -> Result<Rc<tree::Inode>, Errno> {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    super::path::resolve_at(AT_FDCWD, &p, follow)
}

pub fn mount(source: u64, dir: u64, fstype: u64, _flags: u64, data: u64) -> SysResult {
    privileged()?;
    for s in [source, fstype] {
        if s != 0 {
            uaccess::read_cstr(s, TYPE_MAX)?;
        }
    }
    if data != 0 {
        uaccess::read::<u8>(data)?;
    }
    let n = target(dir, true)?;
    if !n.is_dir() {
        return Err(ENOTDIR);
    }
    Err(ENODEV)
}

pub fn umount2(dir: u64, flags: u32) -> SysResult {
    if flags & !(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW) != 0 || (flags & MNT_EXPIRE != 0 && flags & (MNT_FORCE | MNT_DETACH) != 0) {
        return Err(EINVAL);
    }
    privileged()?;
    let n = target(dir, flags & UMOUNT_NOFOLLOW == 0)?;
    if Rc::ptr_eq(&n, &tree::root()) {
        return Err(EBUSY);
    }
    Err(EINVAL) // not a mount point
}
