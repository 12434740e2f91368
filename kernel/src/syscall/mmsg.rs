//! sendmmsg / recvmmsg: sendmsg/recvmsg (syscall/net.rs) over an array of
//! struct mmsghdr, each entry's msg_len set to its byte count. The count of
//! messages done is returned; an error ends the batch (reported only when
//! it hit the first message, as Linux).
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::mm::uaccess;

/// sizeof(struct mmsghdr): a msghdr (56 bytes), msg_len, padding.
const MMSGHDR: u64 = 64;
const MSG_LEN_OFF: u64 = 56;
/// At most this many messages per call (UIO_MAXIOV).
const MAX_VLEN: u64 = 1024;
const MSG_DONTWAIT: u32 = 0x40;
const MSG_WAITFORONE: u32 = 0x10000;

pub fn sendmmsg(fd: i64, vec: u64, vlen: u64, flags: u32) -> SysResult {
    let mut n = 0;
    while n < vlen.min(MAX_VLEN) {
        let entry = vec + n * MMSGHDR;
        match super::net::sendmsg(fd, entry, flags) {
            Ok(len) => uaccess::write(entry + MSG_LEN_OFF, &(len as u32))?,
            Err(e) if n == 0 => return Err(e),
            Err(_) => break,
        }
        n += 1;
    }
    Ok(n as i64)
}

/// `timeout` (a struct timespec, or 0) is checked after each message, and
/// what is left of it written back, as Linux does.
pub fn recvmmsg(fd: i64, vec: u64, vlen: u64, flags: u32, timeout: u64) -> SysResult {
    let deadline = if timeout != 0 { Some(timer::monotonic_ns().saturating_add(super::read_timespec(timeout)?)) } else { None };
    let mut f = flags & !MSG_WAITFORONE;
    let mut n = 0;
    while n < vlen.min(MAX_VLEN) {
        let entry = vec + n * MMSGHDR;
        match super::net::recvmsg(fd, entry, f) {
            Ok(len) => uaccess::write(entry + MSG_LEN_OFF, &(len as u32))?,
            Err(e) if n == 0 => return Err(e),
            Err(_) => break,
        }
        n += 1;
        if flags & MSG_WAITFORONE != 0 {
            f |= MSG_DONTWAIT;
        }
        if deadline.is_some_and(|d| timer::monotonic_ns() >= d) {
            break;
        }
    }
    if let Some(d) = deadline {
        let left = d.saturating_sub(timer::monotonic_ns());
        super::write_timespec(timeout, left)?;
    }
    Ok(n as i64)
}
