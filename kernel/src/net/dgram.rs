//! Datagram sockets (UDP over loopback, AF_UNIX SOCK_DGRAM) and the receive
//! side of AF_UNIX SOCK_SEQPACKET. UDP drops a datagram the receiver has no
//! room for (as a real network may); AF_UNIX blocks the sender instead.
use super::addr::{self, Addr, AF_UNIX};
use super::{gather, iov_len, scatter, table, Msg, Received, Socket};
use super::{ECONNREFUSED, EMSGSIZE, ENETUNREACH, ENOTCONN, EPIPE, MSG_PEEK, SOCK_SEQPACKET};
use crate::errno::*;
use crate::fs::file::OpenFile;
use crate::fs::special::{block_until, notify};
use alloc::rc::Rc;
use alloc::vec::Vec;

const UDP_MAX: usize = 65507;

/// Finds the receiving socket for a datagram to `to` (or the connected peer);
/// None: a UDP datagram nobody is bound to receive (it is lost).
fn destination(s: &Socket, to: Option<Addr>) -> Result<Option<Rc<Socket>>, Errno> {
    let cwd = crate::proc::current_proc().cwd.clone();
    let to = match to {
        Some(t) => t,
        None => {
            let st = s.st.borrow();
            if let Some(p) = st.peer.as_ref() {
                return p.upgrade().map(Some).ok_or(ECONNREFUSED);
            }
            st.peer_addr.clone().ok_or(ENOTCONN)?
        }
    };
    if s.family == AF_UNIX {
        let Addr::Unix(name) = &to else { return Err(EINVAL) };
        let t = table::unix_lookup(&addr::unix_key(name, &cwd)).ok_or(if name.first() == Some(&0) { ECONNREFUSED } else { ENOENT })?;
        if t.ty != s.ty {
            return Err(super::EPROTOTYPE);
        }
        return Ok(Some(t));
    }
    if !to.is_loopback() && !to.is_any() {
        return Err(ENETUNREACH);
    }
    let dest = if to.is_any() { Addr::loopback(s.family, to.port()) } else { to.clone() };
    // Nobody bound there: the datagram is lost (Linux reports ICMP errors only to connected sockets).
    Ok(table::inet_lookup(s.ty, &dest, false))
}

pub fn send(s: &Socket, iov: &[(u64, u64)], flags: u32, to: Option<Addr>, rights: Vec<Rc<OpenFile>>) -> Result<usize, Errno> {
    let total = iov_len(iov);
    if s.st.borrow().shut_wr {
        return Err(EPIPE);
    }
    if (s.family != AF_UNIX && total > UDP_MAX) || total > s.st.borrow().opts.sndbuf {
        return Err(EMSGSIZE);
    }
    if s.family != AF_UNIX && s.st.borrow().local.is_none() {
        let a = table::inet_bind(s.ty, &Addr::loopback(s.family, 0).with_port(0), &s.rc())?;
        s.st.borrow_mut().local = Some(a);
    }
    let Some(target) = destination(s, to)? else { return Ok(total) };
    let mut data = Vec::with_capacity(total);
    gather(iov, 0, total, &mut data)?;
    let fits = |t: &Socket| {
        let st = t.st.borrow();
        st.msgs_bytes + data.len() <= st.opts.rcvbuf || st.msgs.is_empty()
    };
    if !fits(&target) {
        if s.family != AF_UNIX {
            return Ok(total); // UDP: dropped
        }
        block_until(target.key, s.nonblocking_for(flags), s.deadline(true), s.intr(true), || fits(&target).then_some(Ok(())))?;
    }
    let mut from = s.st.borrow().local.clone().or(Some(Addr::Unix(Vec::new())));
    if target.family != s.family {
        from = from.map(|a| a.mapped()); // IPv4 sender, dual-stack AF_INET6 receiver
    }
    let mut ts = target.st.borrow_mut();
    if ts.shut_rd {
        return if s.family == AF_UNIX { Err(EPIPE) } else { Ok(total) };
    }
    ts.msgs_bytes += data.len();
    ts.msgs.push_back(Msg { data, from, rights });
    drop(ts);
    notify(target.key);
    Ok(total)
}

pub fn recv(s: &Socket, iov: &[(u64, u64)], flags: u32) -> Result<Received, Errno> {
    let seq = s.ty == SOCK_SEQPACKET;
    block_until(s.key, s.nonblocking_for(flags), s.deadline(false), s.intr(false), || {
        let st = s.st.borrow();
        if !st.msgs.is_empty() || st.shut_rd || (seq && st.eof) {
            return Some(Ok(()));
        }
        if seq && !st.connected {
            return Some(Err(ENOTCONN));
        }
        None
    })?;
    let mut st = s.st.borrow_mut();
    let Some(m) = (if flags & MSG_PEEK != 0 { None } else { st.msgs.pop_front() }) else {
        let Some(m) = st.msgs.front() else {
            return Ok(Received { len: 0, full: 0, from: None, rights: Vec::new(), truncated: false });
        };
        let (data, from) = (m.data.clone(), m.from.clone());
        drop(st);
        let n = scatter(iov, &data)?;
        return Ok(Received { len: n, full: data.len(), from, rights: Vec::new(), truncated: n < data.len() });
    };
    st.msgs_bytes -= m.data.len();
    drop(st);
    notify(s.key);
    let n = scatter(iov, &m.data)?;
    Ok(Received { len: n, full: m.data.len(), from: m.from, rights: m.rights, truncated: n < m.data.len() })
}

/// connect(2) on a datagram socket: the default destination and the only
/// sender accepted (AF_UNSPEC dissolves it).
pub fn connect(s: &Socket, to: Option<Addr>, cwd: &str) -> Result<(), Errno> {
    let Some(to) = to else {
        let mut st = s.st.borrow_mut();
        st.peer = None;
        st.peer_addr = None;
        return Ok(());
    };
    if s.family == AF_UNIX {
        let Addr::Unix(name) = &to else { return Err(EINVAL) };
        let t = table::unix_lookup(&addr::unix_key(name, cwd)).ok_or(if name.first() == Some(&0) { ECONNREFUSED } else { ENOENT })?;
        let mut st = s.st.borrow_mut();
        st.peer = Some(Rc::downgrade(&t));
        st.peer_addr = Some(to);
        return Ok(());
    }
    if !to.is_loopback() && !to.is_any() {
        return Err(ENETUNREACH);
    }
    if s.st.borrow().local.is_none() {
        let a = table::inet_bind(s.ty, &Addr::loopback(s.family, 0), &s.rc())?;
        s.st.borrow_mut().local = Some(a);
    }
    let mut st = s.st.borrow_mut();
    st.peer_addr = Some(if to.is_any() { Addr::loopback(s.family, to.port()) } else { to });
    Ok(())
}
