//! getsockopt/setsockopt. Options that change behaviour on loopback are
//! honoured (SO_RCVTIMEO/SO_SNDTIMEO, SO_RCVBUF/SO_SNDBUF, SO_REUSEADDR,
//! SO_ERROR, IPV6_V6ONLY); options that only matter on a real network
//! (TCP_NODELAY, SO_KEEPALIVE, IP_TTL, SO_LINGER, ...) are stored and read
//! back. Anything else is ENOPROTOOPT.
use crate::abi::SOL_SOCKET;
use super::{Socket, ENOPROTOOPT, SOCK_DGRAM};
use crate::errno::*;
use crate::mm::uaccess;
use alloc::collections::BTreeMap;
use alloc::vec::Vec;

const IPPROTO_IP: i32 = 0;
const IPPROTO_TCP: i32 = 6;
const IPPROTO_IPV6: i32 = 41;

const SO_REUSEADDR: i32 = 2;
const SO_TYPE: i32 = 3;
const SO_ERROR: i32 = 4;
const SO_SNDBUF: i32 = 7;
const SO_RCVBUF: i32 = 8;
const SO_PEERCRED: i32 = 17;
const SO_RCVTIMEO: i32 = 20;
const SO_SNDTIMEO: i32 = 21;
const SO_ACCEPTCONN: i32 = 30;
const SO_PROTOCOL: i32 = 38;
const SO_DOMAIN: i32 = 39;

/// Default buffer size, as Linux's net.core.[rw]mem_default.
pub const DEFAULT_BUF: usize = 212_992;

#[derive(Clone, Debug)]
pub struct Opts {
    pub reuseaddr: bool,
    pub rcvbuf: usize,
    pub sndbuf: usize,
    /// Nanoseconds; 0 = no timeout.
    pub rcvtimeo: u64,
    pub sndtimeo: u64,
    /// Stored-only options: (level, name) -> value bytes.
    other: BTreeMap<(i32, i32), Vec<u8>>,
}

impl Default for Opts {
    fn default() -> Self {
        Opts { reuseaddr: false, rcvbuf: DEFAULT_BUF, sndbuf: DEFAULT_BUF, rcvtimeo: 0, sndtimeo: 0, other: BTreeMap::new() }
    }
}

impl Opts {
    /// IPV6_V6ONLY: an AF_INET6 socket bound to :: then takes no IPv4 traffic.
    pub fn v6only(&self) -> bool {
        self.other.get(&(IPPROTO_IPV6, 26)).is_some_and(|v| v.iter().any(|&b| b != 0))
    }
}

/// Stored-only options that exist on Linux (a value is remembered).
fn known(s: &Socket, level: i32, name: i32) -> bool {
    let inet = s.family != super::addr::AF_UNIX;
    match level {
        // SO_DEBUG, DONTROUTE, BROADCAST, KEEPALIVE, OOBINLINE, NO_CHECK, PRIORITY, LINGER,
        // BSDCOMPAT, REUSEPORT, PASSCRED, RCVLOWAT, SNDLOWAT, TIMESTAMP, BUSY_POLL...
        SOL_SOCKET => matches!(name, 1 | 5 | 6 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 18 | 19 | 29 | 46),
        // TCP_NODELAY, MAXSEG, CORK, KEEPIDLE, KEEPINTVL, KEEPCNT, ..., QUICKACK, USER_TIMEOUT
        IPPROTO_TCP => inet && s.ty != SOCK_DGRAM && matches!(name, 1..=12 | 18),
        // IP_TOS, IP_TTL, IP_MULTICAST_TTL/LOOP, IP_RECVERR...
        IPPROTO_IP => s.family == super::addr::AF_INET && matches!(name, 1 | 2 | 11 | 32 | 33 | 34),
        // IPV6_UNICAST_HOPS, MULTICAST_HOPS/LOOP, V6ONLY, RECVERR
        IPPROTO_IPV6 => s.family == super::addr::AF_INET6 && matches!(name, 16 | 18 | 19 | 25 | 26),
        _ => false,
    }
}

fn timeval_ns(b: &[u8]) -> Result<u64, Errno> {
    if b.len() < 16 {
        return Err(EINVAL);
    }
    let s = i64::from_le_bytes(b[..8].try_into().unwrap_or_default());
    let us = i64::from_le_bytes(b[8..16].try_into().unwrap_or_default());
    if s < 0 || !(0..1_000_000).contains(&us) {
        return Err(EDOM_);
    }
    Ok((s as u64).saturating_mul(1_000_000_000).saturating_add(us as u64 * 1000))
}
const EDOM_: Errno = 33;

fn int(b: &[u8]) -> Result<i32, Errno> {
    if b.len() < 4 {
        return Err(EINVAL);
    }
    Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

pub fn set(s: &Socket, level: i32, name: i32, val: u64, len: u32) -> Result<(), Errno> {
    if len > 256 {
        return Err(EINVAL);
    }
    let b = uaccess::copy_in(val, len as usize)?;
    let mut st = s.st.borrow_mut();
    let o = &mut st.opts;
    match (level, name) {
        (SOL_SOCKET, SO_REUSEADDR) => o.reuseaddr = int(&b)? != 0,
        // Linux doubles the request for bookkeeping; vibix keeps it as the byte limit.
        (SOL_SOCKET, SO_RCVBUF) => o.rcvbuf = (int(&b)?.max(1024) as usize).min(16 << 20) * 2,
        (SOL_SOCKET, SO_SNDBUF) => o.sndbuf = (int(&b)?.max(1024) as usize).min(16 << 20) * 2,
        (SOL_SOCKET, SO_RCVTIMEO) => o.rcvtimeo = timeval_ns(&b)?,
        (SOL_SOCKET, SO_SNDTIMEO) => o.sndtimeo = timeval_ns(&b)?,
        _ if known(s, level, name) => {
            int(&b)?;
            o.other.insert((level, name), b);
        }
        _ => return Err(ENOPROTOOPT),
    }
    Ok(())
}

fn ns_timeval(ns: u64) -> Vec<u8> {
    let mut v = Vec::from(((ns / 1_000_000_000) as i64).to_le_bytes());
    v.extend_from_slice(&(((ns % 1_000_000_000) / 1000) as i64).to_le_bytes());
    v
}

pub fn get(s: &Socket, level: i32, name: i32, val: u64, lenp: u64) -> Result<(), Errno> {
    let room: u32 = uaccess::read(lenp)?;
    if room > i32::MAX as u32 {
        return Err(EINVAL);
    }
    let i = |v: i32| Vec::from(v.to_le_bytes());
    let bytes = match (level, name) {
        (SOL_SOCKET, SO_ERROR) => i(s.take_error() as i32),
        (SOL_SOCKET, SO_TYPE) => i(s.ty as i32),
        (SOL_SOCKET, SO_DOMAIN) => i(s.family as i32),
        (SOL_SOCKET, SO_PROTOCOL) => i(s.proto as i32),
        (SOL_SOCKET, SO_ACCEPTCONN) => i(s.st.borrow().listening as i32),
        (SOL_SOCKET, SO_REUSEADDR) => i(s.st.borrow().opts.reuseaddr as i32),
        (SOL_SOCKET, SO_RCVBUF) => i(s.st.borrow().opts.rcvbuf as i32),
        (SOL_SOCKET, SO_SNDBUF) => i(s.st.borrow().opts.sndbuf as i32),
        (SOL_SOCKET, SO_RCVTIMEO) => ns_timeval(s.st.borrow().opts.rcvtimeo),
        (SOL_SOCKET, SO_SNDTIMEO) => ns_timeval(s.st.borrow().opts.sndtimeo),
        (SOL_SOCKET, SO_PEERCRED) if s.family == super::addr::AF_UNIX => {
            // struct ucred { pid, uid, gid } of the process that made the peer
            // (socketpair, connect; for a client, the listener's); none: pid 0, ids -1 (as Linux).
            let o = s.peer().map_or(super::Owner { pid: 0, uid: u32::MAX, gid: u32::MAX }, |p| p.owner.get());
            let mut v = Vec::from((o.pid as i32).to_le_bytes());
            v.extend_from_slice(&o.uid.to_le_bytes());
            v.extend_from_slice(&o.gid.to_le_bytes());
            v
        }
        (SOL_SOCKET, 13) => s.st.borrow().opts.other.get(&(level, name)).cloned().unwrap_or_else(|| Vec::from([0u8; 8])),
        _ if known(s, level, name) => s.st.borrow().opts.other.get(&(level, name)).cloned().unwrap_or_else(|| i(default_of(level, name))),
        _ => return Err(ENOPROTOOPT),
    };
    let n = bytes.len().min(room as usize);
    uaccess::copy_out(val, &bytes[..n])?;
    uaccess::write(lenp, &(n as u32))
}

/// Linux's defaults for stored-only options read before being set.
fn default_of(level: i32, name: i32) -> i32 {
    match (level, name) {
        (IPPROTO_IP, 2) | (IPPROTO_IPV6, 16) => 64, // TTL / hop limit
        (IPPROTO_IP, 33) | (IPPROTO_IPV6, 19) => 1,  // multicast loop
        (IPPROTO_IP, 32) | (IPPROTO_IPV6, 18) => 1,  // multicast ttl/hops
        (IPPROTO_TCP, 2) => 536,                     // TCP_MAXSEG before connecting
        (IPPROTO_TCP, 4) => 7200,                    // TCP_KEEPIDLE
        (IPPROTO_TCP, 5) => 75,                      // TCP_KEEPINTVL
        (IPPROTO_TCP, 6) => 9,                       // TCP_KEEPCNT
        (SOL_SOCKET, 18) | (SOL_SOCKET, 19) => 1,    // SO_RCVLOWAT / SO_SNDLOWAT
        _ => 0,
    }
}
