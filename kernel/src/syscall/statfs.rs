//! statfs/fstatfs: `struct statfs` for the one file tree (a tmpfs, sized by
//! physical memory: blocks are 4 KiB frames, free ones those a file may
//! still take) and for the objects outside it (pipes, sockets, the console,
//! /proc snapshots), each with the file-system type Linux reports for it.
use super::SysResult;
use crate::abi::PATH_MAX;
use crate::fs::file::Kind;
use crate::mm::{frame, uaccess};

const TMPFS_MAGIC: i64 = 0x0102_1994;
const PIPEFS_MAGIC: i64 = 0x5049_5045;
const SOCKFS_MAGIC: i64 = 0x534f_434b;
const ANON_INODE_FS_MAGIC: i64 = 0x0904_1934;
const PROC_SUPER_MAGIC: i64 = 0x9fa0;
/// f_flags: the fields are valid (Linux sets ST_VALID; libcs strip it).
const ST_VALID: i64 = 0x20;
const NAME_MAX: i64 = 255;
/// Frames kept back from files (fs/tree.rs stops writes there).
const RESERVED_FRAMES: u64 = 1024;

fn put(buf: u64, ftype: i64) -> SysResult {
    let total = frame::total() as u64;
    let free = (frame::free_count() as u64).saturating_sub(RESERVED_FRAMES);
    // f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree,
    // f_fsid, f_namelen, f_frsize, f_flags, f_spare[4]: 15 words.
    let mut s = [0i64; 15];
    s[0] = ftype;
    s[1] = 4096;
    s[2] = total as i64;
    s[3] = free as i64;
    s[4] = free as i64;
    s[5] = total as i64;
    s[6] = free as i64;
    s[8] = NAME_MAX;
    s[9] = 4096;
    s[10] = ST_VALID;
    uaccess::write(buf, &s)?;
    Ok(0)
}

pub fn statfs(path: u64, buf: u64) -> SysResult {
    let p = uaccess::read_cstr(path, PATH_MAX)?;
    super::path::resolve_at(crate::abi::AT_FDCWD, &p, true)?;
    put(buf, TMPFS_MAGIC)
}

pub fn fstatfs(fd: i64, buf: u64) -> SysResult {
    let f = crate::proc::current_proc().fds.get(fd)?.file.clone();
    let ftype = match &f.kind {
        Kind::Inode(_) => TMPFS_MAGIC,
        // The serial console: a device node of devtmpfs on Linux.
        Kind::Console { .. } => TMPFS_MAGIC,
        Kind::Snapshot(_) => PROC_SUPER_MAGIC,
        Kind::Special(s) => match s.mode() & crate::abi::S_IFMT {
            crate::abi::S_IFIFO => PIPEFS_MAGIC,
            0o140000 => SOCKFS_MAGIC,
            // /dev/null & co. are in the tree; epoll, eventfd, timerfd... are anon inodes.
            crate::abi::S_IFCHR => TMPFS_MAGIC,
            _ => ANON_INODE_FS_MAGIC,
        },
    };
    put(buf, ftype)
}
