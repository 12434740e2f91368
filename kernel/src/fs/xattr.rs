//! Extended attributes of the file tree's inodes, with the rules Linux's VFS
//! and tmpfs apply: names are `namespace.rest` with the namespaces tmpfs
//! stores (user, trusted, security; system.* — POSIX ACLs — is EOPNOTSUPP,
//! docs/unsupported.md), at most 255 bytes (ERANGE), values at most 64 KiB
//! (E2BIG), user.* only on regular files and directories, and the user.*
//! attributes of one inode at most 128 KiB together (ENOSPC).
use crate::abi::{S_IFDIR, S_IFMT, S_IFREG};
use crate::errno::*;
use alloc::collections::BTreeMap;
use alloc::vec::Vec;

pub const NAME_MAX: usize = 255;
pub const SIZE_MAX: usize = 65536;
/// listxattr's largest answer (XATTR_LIST_MAX).
pub const LIST_MAX: usize = 65536;
/// tmpfs's budget for one inode's user.* names and values.
const USER_SPACE: usize = 128 * 1024;

pub const XATTR_CREATE: u32 = 1;
pub const XATTR_REPLACE: u32 = 2;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ns {
    User,
    Trusted,
    Security,
}

/// The namespace of `name` (EOPNOTSUPP: not one this file system stores;
/// EINVAL: nothing after the prefix).
pub fn namespace(name: &[u8]) -> Result<Ns, Errno> {
    for (prefix, ns) in [(&b"user."[..], Ns::User), (b"trusted.", Ns::Trusted), (b"security.", Ns::Security)] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return if rest.is_empty() { Err(EINVAL) } else { Ok(ns) };
        }
    }
    Err(EOPNOTSUPP)
}

/// Whether a file of type `mode` may have attribute `name` read or written,
/// checked before the namespace is (Linux's xattr_permission): trusted.* is
/// for privileged callers only, user.* lives only on regular files and
/// directories; refused, a write is EPERM and a read finds nothing (ENODATA).
pub fn permitted(name: &[u8], mode: u32, privileged: bool, write: bool) -> Result<(), Errno> {
    let refuse = if write { EPERM } else { ENODATA };
    if name.starts_with(b"trusted.") && !privileged {
        return Err(refuse);
    }
    if name.starts_with(b"user.") && !matches!(mode & S_IFMT, S_IFREG | S_IFDIR) {
        return Err(refuse);
    }
    Ok(())
}

/// One inode's attributes, listed in name order (as tmpfs's tree keeps them).
#[derive(Default)]
pub struct Xattrs {
    map: BTreeMap<Vec<u8>, Vec<u8>>,
}

impl Xattrs {
    pub fn get(&self, name: &[u8]) -> Result<&[u8], Errno> {
        self.map.get(name).map(Vec::as_slice).ok_or(ENODATA)
    }

    /// Sets `name` (already checked with `namespace`) to `value`, honouring
    /// XATTR_CREATE (EEXIST if present) and XATTR_REPLACE (ENODATA if absent).
    pub fn set(&mut self, name: &[u8], value: &[u8], flags: u32) -> Result<(), Errno> {
        if flags & !(XATTR_CREATE | XATTR_REPLACE) != 0 {
            return Err(EINVAL);
        }
        let old = self.map.get(name);
        match old {
            Some(_) if flags & XATTR_CREATE != 0 => return Err(EEXIST),
            None if flags & XATTR_REPLACE != 0 => return Err(ENODATA),
            _ => {}
        }
        if namespace(name) == Ok(Ns::User) {
            let others = self.user_space() - old.map_or(0, |v| name.len() + v.len());
            if others + name.len() + value.len() > USER_SPACE {
                return Err(ENOSPC);
            }
        }
        self.map.insert(Vec::from(name), Vec::from(value));
        Ok(())
    }

    pub fn remove(&mut self, name: &[u8]) -> Result<(), Errno> {
        self.map.remove(name).map(|_| ()).ok_or(ENODATA)
    }

    /// The names, each followed by a NUL (listxattr's answer); trusted.*
    /// only for a privileged caller.
    pub fn list(&self, privileged: bool) -> Vec<u8> {
        let mut out = Vec::new();
        for name in self.map.keys().filter(|n| privileged || !n.starts_with(b"trusted.")) {
            out.extend_from_slice(name);
            out.push(0);
        }
        out
    }

    fn user_space(&self) -> usize {
        self.map.iter().filter(|(k, _)| k.starts_with(b"user.")).map(|(k, v)| k.len() + v.len()).sum()
    }
}
