//! sendfile(2): copies bytes from a file of the tree to any descriptor
//! (pipe, socket, file, console) inside the kernel, in 64 KiB pieces through
//! a kernel buffer lent to the ordinary read/write code
//! (`uaccess::with_kernel_buffer`).
use super::fs::{file, read_at, write_at};
use super::SysResult;
use crate::abi::O_ACCMODE;
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::tree::Body;
use crate::mm::uaccess;
use alloc::vec;

const CHUNK: usize = 64 * 1024;
/// Linux's MAX_RW_COUNT: one call moves at most this many bytes.
const MAX_COUNT: u64 = 0x7fff_f000;

/// `offset` 0: read at (and advance) `in_fd`'s offset; else at `*offset`,
/// which is updated, leaving the file offset alone.
pub fn sendfile(out_fd: i64, in_fd: i64, offset: u64, count: u64) -> SysResult {
    let inp = file(in_fd)?;
    let out = file(out_fd)?;
    // A read-only output answers EBADF from write_at.
    if inp.flags & O_ACCMODE == 1 {
        return Err(EBADF);
    }
    // The source must be a regular file (Linux: something it can map).
    match &inp.kind {
        Kind::Inode(n) if matches!(n.body, Body::File(_)) => {}
        Kind::Snapshot(_) => {}
        _ => return Err(EINVAL),
    }
    let mut pos = if offset != 0 {
        u64::try_from(uaccess::read::<i64>(offset)?).map_err(|_| EINVAL)?
    } else {
        inp.offset.get()
    };
    let count = count.min(MAX_COUNT);
    let mut buf = vec![0u8; CHUNK.min(count as usize)];
    let mut done: u64 = 0;
    let mut err = None;
    while done < count {
        let want = (count - done).min(CHUNK as u64) as usize;
        let got = match uaccess::with_kernel_buffer(&mut buf[..want], |a| read_at(&inp, a, want as u64, pos)) {
            Ok(0) => break,
            Ok(k) => k,
            Err(e) => {
                err = Some(e);
                break;
            }
        };
        // Output writes go to the file's offset (or the end with O_APPEND), as write(2).
        let put = match uaccess::with_kernel_buffer(&mut buf[..got], |a| write_at(&out, a, got as u64, None)) {
            Ok(k) => k,
            Err(e) => {
                err = Some(e);
                break;
            }
        };
        pos += put as u64;
        done += put as u64;
        if put < got {
            break;
        }
    }
    // Linux: one IN_ACCESS on the source and one IN_MODIFY on the output per call.
    super::fs::notify_io(&inp, done as usize, false);
    super::fs::notify_io(&out, done as usize, true);
    if offset != 0 {
        uaccess::write(offset, &(pos as i64))?;
    } else {
        inp.offset.set(pos);
    }
    match err {
        Some(e) if done == 0 => Err(e),
        _ => Ok(done as i64),
    }
}
