//! Process credentials: real, effective and saved user and group ids. Every
//! process starts as root (the runner's tests, as on the host); execve of a
//! set-user-ID / set-group-ID file changes the effective (and saved) id to the
//! file's owner / group, and the new image is told through AT_SECURE, which
//! puts ld-vibix into secure mode (LD_* ignored). Permissions are not checked
//! against these ids (docs/kernel.md): they are reported, and they set AT_SECURE.
use crate::abi::{S_ISGID, S_ISUID, S_IXGRP};

#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Cred {
    pub ruid: u32,
    pub euid: u32,
    pub suid: u32,
    pub rgid: u32,
    pub egid: u32,
    pub sgid: u32,
    /// File-system ids (setfsuid/setfsgid); they follow the effective ids.
    pub fsuid: u32,
    pub fsgid: u32,
}

impl Cred {
    /// The credentials after executing a file with `mode`, owned by `uid`:`gid`
    /// (Linux: S_ISUID takes the owner; S_ISGID the group, only with the group x
    /// bit, which otherwise means mandatory locking; the saved ids follow the effective).
    pub fn after_exec(self, mode: u32, uid: u32, gid: u32) -> Cred {
        let mut c = self;
        if mode & S_ISUID != 0 {
            c.euid = uid;
        }
        if mode & S_ISGID != 0 && mode & S_IXGRP != 0 {
            c.egid = gid;
        }
        c.suid = c.euid;
        c.sgid = c.egid;
        c.fsuid = c.euid;
        c.fsgid = c.egid;
        c
    }

    /// AT_SECURE: the program runs with other ids than its caller's real ones.
    pub fn secure(&self) -> bool {
        self.euid != self.ruid || self.egid != self.rgid
    }
}
