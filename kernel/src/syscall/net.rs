//! Socket system calls (socket, socketpair, bind, listen, accept4, connect,
//! send*/recv* with msghdr and SCM_RIGHTS, shutdown, get/setsockopt,
//! getsockname/getpeername) over the in-kernel sockets of `net/`.
use crate::abi::SOL_SOCKET;
use super::SysResult;
use crate::errno::*;
use crate::fs::file::{Fd, Kind, OpenFile};
use crate::mm::uaccess;
use crate::net::addr::{self, Addr, AF_INET, AF_INET6, AF_UNIX};
use crate::net::{dgram, netlink, opts, stream, table, Socket, MSG_CMSG_CLOEXEC, MSG_TRUNC, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM};
use crate::proc;
use alloc::rc::Rc;
use alloc::vec::Vec;

const SOCK_NONBLOCK: u32 = 0o4000;
const SOCK_CLOEXEC: u32 = 0o2000000;
const SCM_RIGHTS: i32 = 1;
const MSG_CTRUNC: u32 = 8;
const MAX_RIGHTS: usize = 253; // SCM_MAX_FD

fn install(s: Rc<Socket>, flags: u32) -> SysResult {
    if flags & SOCK_NONBLOCK != 0 {
        s.nonblock.set(true);
    }
    let of = OpenFile::new(Kind::Special(s), 2);
    proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec: flags & SOCK_CLOEXEC != 0 }, 0)
}

/// The socket behind `fd` (ENOTSOCK for other files).
fn sock(fd: i64) -> Result<Rc<Socket>, Errno> {
    let f = proc::current_proc().fds.get(fd)?.file.clone();
    match &f.kind {
        Kind::Special(s) => s.as_any().downcast_ref::<Socket>().map(Socket::rc).ok_or(ENOTSOCK),
        _ => Err(ENOTSOCK),
    }
}

fn check_type(domain: u32, ty: u32, proto: u32) -> Result<(u16, u32, u32), Errno> {
    let (domain, base) = (domain as u16, ty & 0xf);
    if ty & !(0xf | SOCK_NONBLOCK | SOCK_CLOEXEC) != 0 {
        return Err(EINVAL);
    }
    match domain {
        AF_UNIX => {
            if !matches!(base, SOCK_STREAM | SOCK_DGRAM | SOCK_SEQPACKET) {
                return Err(EPROTONOSUPPORT);
            }
            if proto != 0 {
                return Err(EPROTONOSUPPORT);
            }
            Ok((domain, base, 0))
        }
        AF_INET | AF_INET6 => match (base, proto) {
            (SOCK_STREAM, 0 | 6) => Ok((domain, base, 6)),
            (SOCK_DGRAM, 0 | 17) => Ok((domain, base, 17)),
            (SOCK_STREAM | SOCK_DGRAM, _) => Err(EPROTONOSUPPORT),
            _ => Err(EPROTONOSUPPORT), // SOCK_RAW needs a network device (docs/unsupported.md)
        },
        netlink::AF_NETLINK => match (base, proto) {
            (netlink::SOCK_RAW | SOCK_DGRAM, netlink::NETLINK_ROUTE) => Ok((domain, base, proto)),
            (netlink::SOCK_RAW | SOCK_DGRAM, _) => Err(EPROTONOSUPPORT),
            _ => Err(ESOCKTNOSUPPORT),
        },
        _ => Err(EAFNOSUPPORT),
    }
}

pub fn socket(domain: u32, ty: u32, proto: u32) -> SysResult {
    let (d, t, p) = check_type(domain, ty, proto)?;
    install(Socket::new(d, t, p), ty)
}

pub fn socketpair(domain: u32, ty: u32, proto: u32, sv: u64) -> SysResult {
    if domain as u16 != AF_UNIX {
        return Err(if matches!(domain as u16, AF_INET | AF_INET6) { EOPNOTSUPP } else { EAFNOSUPPORT });
    }
    let (d, t, p) = check_type(domain, ty, proto)?;
    uaccess::slice(sv, 8, crate::mm::vm::Access::Write)?;
    let (a, b) = (Socket::new(d, t, p), Socket::new(d, t, p));
    Socket::link(&a, &b);
    let fa = install(a, ty)?;
    let fb = match install(b, ty) {
        Ok(f) => f,
        Err(e) => {
            let _ = proc::current_proc().fds.close(fa);
            return Err(e);
        }
    };
    uaccess::write(sv, &[fa as i32, fb as i32])?;
    Ok(0)
}

pub fn bind(fd: i64, ptr: u64, len: u32) -> SysResult {
    let s = sock(fd)?;
    let a = addr::read(ptr, len, s.family)?;
    if s.st.borrow().local.is_some() {
        return Err(EINVAL);
    }
    let bound = match &a {
        Addr::Unix(name) if name.is_empty() => Addr::Unix(table::unix_autobind(&s)?),
        Addr::Unix(name) => {
            let key = addr::unix_key(name, &proc::current_proc().cwd);
            table::unix_bind(key, &s)?;
            a.clone()
        }
        Addr::Netlink(..) => return netlink::bind(&s, &a).map(|_| 0),
        _ => table::inet_bind(s.ty, &a, &s)?,
    };
    s.st.borrow_mut().local = Some(bound);
    Ok(0)
}

pub fn listen(fd: i64, backlog: i32) -> SysResult {
    let s = sock(fd)?;
    if s.is_datagram() {
        return Err(EOPNOTSUPP);
    }
    stream::listen(&s, backlog).map(|_| 0)
}

pub fn accept4(fd: i64, ptr: u64, lenp: u64, flags: u32) -> SysResult {
    if flags & !(SOCK_NONBLOCK | SOCK_CLOEXEC) != 0 {
        return Err(EINVAL);
    }
    let s = sock(fd)?;
    if s.is_datagram() {
        return Err(EOPNOTSUPP);
    }
    if ptr != 0 {
        uaccess::read::<u32>(lenp)?;
    }
    let c = stream::accept(&s, false)?;
    let peer = c.st.borrow().peer_addr.clone().unwrap_or(Addr::Unix(Vec::new()));
    let nfd = install(c, flags)?;
    addr::write(&peer, ptr, lenp)?;
    Ok(nfd)
}

pub fn connect(fd: i64, ptr: u64, len: u32) -> SysResult {
    let s = sock(fd)?;
    let cwd = proc::current_proc().cwd.clone();
    if s.is_datagram() {
        // AF_UNSPEC dissolves the association.
        let unspec = len >= 2 && uaccess::read::<u16>(ptr)? == 0;
        if s.family == netlink::AF_NETLINK {
            let a = if unspec { None } else { Some(addr::read(ptr, len, s.family)?) };
            return netlink::connect(&s, a.as_ref()).map(|_| 0);
        }
        if unspec {
            return dgram::connect(&s, None, &cwd).map(|_| 0);
        }
        let a = addr::read(ptr, len, s.family)?;
        return dgram::connect(&s, Some(a), &cwd).map(|_| 0);
    }
    let a = addr::read(ptr, len, s.family)?;
    stream::connect(&s, a, &cwd).map(|_| 0)
}

pub fn shutdown(fd: i64, how: u32) -> SysResult {
    let s = sock(fd)?;
    if s.is_datagram() {
        let mut st = s.st.borrow_mut();
        if st.peer_addr.is_none() {
            return Err(ENOTCONN);
        }
        st.shut_rd |= how != 1;
        st.shut_wr |= how != 0;
        drop(st);
        crate::fs::special::notify(s.key);
        return Ok(0);
    }
    stream::shutdown(&s, how).map(|_| 0)
}

pub fn getsockname(fd: i64, ptr: u64, lenp: u64) -> SysResult {
    let s = sock(fd)?;
    let a = s.st.borrow().local.clone().unwrap_or(match s.family {
        AF_UNIX => Addr::Unix(Vec::new()),
        AF_INET => Addr::V4([0; 4], 0),
        netlink::AF_NETLINK => Addr::Netlink(0, 0),
        _ => Addr::V6([0; 16], 0, 0),
    });
    addr::write(&a, ptr, lenp).map(|_| 0)
}

pub fn getpeername(fd: i64, ptr: u64, lenp: u64) -> SysResult {
    let s = sock(fd)?;
    let st = s.st.borrow();
    let connected = if s.is_datagram() { st.peer_addr.is_some() } else { st.connected && !st.peer_gone };
    let a = st.peer_addr.clone().filter(|_| connected).ok_or(ENOTCONN)?;
    drop(st);
    addr::write(&a, ptr, lenp).map(|_| 0)
}

pub fn setsockopt(fd: i64, level: i32, name: i32, val: u64, len: u32) -> SysResult {
    opts::set(&*sock(fd)?, level, name, val, len).map(|_| 0)
}

pub fn getsockopt(fd: i64, level: i32, name: i32, val: u64, lenp: u64) -> SysResult {
    opts::get(&*sock(fd)?, level, name, val, lenp).map(|_| 0)
}

pub fn sendto(fd: i64, buf: u64, len: u64, flags: u32, ptr: u64, alen: u32) -> SysResult {
    let s = sock(fd)?;
    let to = if ptr != 0 && s.is_datagram() { Some(addr::read(ptr, alen, s.family)?) } else { None };
    Ok(s.send(&[(buf, len)], flags, to, Vec::new())? as i64)
}

pub fn recvfrom(fd: i64, buf: u64, len: u64, flags: u32, ptr: u64, lenp: u64) -> SysResult {
    let s = sock(fd)?;
    let r = s.recv(&[(buf, len)], flags)?;
    if let Some(a) = r.from.as_ref().filter(|_| ptr != 0) {
        addr::write(a, ptr, lenp)?;
    }
    Ok(if flags & MSG_TRUNC != 0 && s.is_datagram() { r.full } else { r.len } as i64)
}

/// struct msghdr: name, namelen, iov, iovlen, control, controllen, flags.
struct MsgHdr {
    name: u64,
    namelen: u32,
    iov: Vec<(u64, u64)>,
    control: u64,
    controllen: u64,
}

fn read_msghdr(ptr: u64) -> Result<MsgHdr, Errno> {
    let h: [u64; 7] = uaccess::read(ptr)?;
    Ok(MsgHdr { name: h[0], namelen: h[1] as u32, iov: super::fs::iovecs(h[2], h[3])?, control: h[4], controllen: h[5] })
}

/// The descriptors of the SCM_RIGHTS messages in a control buffer.
fn read_rights(control: u64, len: u64) -> Result<Vec<Rc<OpenFile>>, Errno> {
    if control == 0 || len == 0 {
        return Ok(Vec::new());
    }
    if len > 64 * 1024 {
        return Err(ENOBUFS);
    }
    let b = uaccess::copy_in(control, len as usize)?;
    let mut out = Vec::new();
    let mut off = 0usize;
    while off + 16 <= b.len() {
        let clen = u64::from_le_bytes(b[off..off + 8].try_into().unwrap_or_default()) as usize;
        let level = i32::from_le_bytes(b[off + 8..off + 12].try_into().unwrap_or_default());
        let ty = i32::from_le_bytes(b[off + 12..off + 16].try_into().unwrap_or_default());
        if clen < 16 || off + clen > b.len() {
            return Err(EINVAL);
        }
        if level != SOL_SOCKET || ty != SCM_RIGHTS {
            return Err(EINVAL); // SCM_CREDENTIALS and others are not supported
        }
        for c in b[off + 16..off + clen].chunks_exact(4) {
            let fd = i32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            out.push(proc::current_proc().fds.get(fd as i64)?.file.clone());
        }
        off += clen.next_multiple_of(8);
    }
    if out.len() > MAX_RIGHTS {
        return Err(EINVAL);
    }
    Ok(out)
}

pub fn sendmsg(fd: i64, msg: u64, flags: u32) -> SysResult {
    let s = sock(fd)?;
    let h = read_msghdr(msg)?;
    let to = if h.name != 0 && h.namelen != 0 && s.is_datagram() { Some(addr::read(h.name, h.namelen, s.family)?) } else { None };
    let rights = read_rights(h.control, h.controllen)?;
    if !rights.is_empty() && s.family != AF_UNIX {
        return Err(EINVAL);
    }
    Ok(s.send(&h.iov, flags, to, rights)? as i64)
}

pub fn recvmsg(fd: i64, msg: u64, flags: u32) -> SysResult {
    let s = sock(fd)?;
    let h = read_msghdr(msg)?;
    let r = s.recv(&h.iov, flags)?;
    let mut out_flags = if r.truncated && s.ty != SOCK_STREAM { MSG_TRUNC } else { 0 };
    if h.name != 0 {
        let a = r.from.clone().unwrap_or(Addr::Unix(Vec::new()));
        let bytes = a.to_bytes();
        let n = bytes.len().min(h.namelen as usize);
        uaccess::copy_out(h.name, &bytes[..n])?;
        uaccess::write(msg + 8, &(bytes.len() as u32))?;
    }
    // SCM_RIGHTS: install what fits in the control buffer, close the rest (MSG_CTRUNC).
    let mut used = 0u64;
    if !r.rights.is_empty() {
        let room = (h.controllen.saturating_sub(16) / 4) as usize;
        let fit = if h.control == 0 { 0 } else { room.min(r.rights.len()) };
        if fit < r.rights.len() {
            out_flags |= MSG_CTRUNC;
        }
        if fit > 0 {
            let mut fds = Vec::new();
            for f in r.rights.into_iter().take(fit) {
                fds.push(proc::current_proc().fds.insert(Fd { file: f, cloexec: flags & MSG_CMSG_CLOEXEC != 0 }, 0)? as i32);
            }
            let clen = 16 + 4 * fds.len() as u64;
            let mut b = Vec::from(clen.to_le_bytes());
            b.extend_from_slice(&SOL_SOCKET.to_le_bytes());
            b.extend_from_slice(&SCM_RIGHTS.to_le_bytes());
            for fd in fds {
                b.extend_from_slice(&fd.to_le_bytes());
            }
            uaccess::copy_out(h.control, &b)?;
            used = clen.next_multiple_of(8).min(h.controllen);
        }
    }
    uaccess::write(msg + 40, &used)?;
    uaccess::write(msg + 48, &out_flags)?;
    Ok(if flags & MSG_TRUNC != 0 && s.ty != SOCK_STREAM { r.full } else { r.len } as i64)
}

