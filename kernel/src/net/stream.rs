//! Connection-oriented sockets: TCP over loopback, AF_UNIX SOCK_STREAM and
//! SOCK_SEQPACKET. listen/accept/connect and the byte stream (seqpacket
//! keeps record boundaries in `msgs`).
use super::addr::{self, Addr, AF_UNIX};
use super::{gather, iov_len, scatter, table, Msg, Received, Socket};
use super::{ECONNREFUSED, EISCONN, ENETUNREACH, ENOTCONN, EPIPE, EPROTOTYPE, MSG_PEEK, MSG_WAITALL, SOCK_SEQPACKET};
use crate::errno::*;
use crate::fs::file::OpenFile;
use crate::fs::special::{block_until, notify};
use alloc::rc::Rc;
use alloc::vec::Vec;

/// Free space in `s`'s receive buffer.
pub fn room(s: &Socket) -> usize {
    let st = s.st.borrow();
    st.opts.rcvbuf.saturating_sub(st.rx.len() + st.msgs_bytes)
}

pub fn listen(s: &Socket, backlog: i32) -> Result<(), Errno> {
    s.owner.set(super::Owner::current()); // what SO_PEERCRED of its clients reports
    let mut st = s.st.borrow_mut();
    if st.connected {
        return Err(EINVAL);
    }
    if st.local.is_none() {
        drop(st);
        if s.family == AF_UNIX {
            return Err(EINVAL); // Linux autobinds an abstract name; vibix requires bind
        }
        let a = table::inet_bind(s.ty, &Addr::loopback(s.family, 0).with_port(0), &s.rc())?;
        st = s.st.borrow_mut();
        st.local = Some(a);
    }
    st.listening = true;
    st.backlog = backlog.clamp(1, 4096) as usize;
    Ok(())
}

pub fn accept(s: &Socket, nonblock: bool) -> Result<Rc<Socket>, Errno> {
    if !s.st.borrow().listening {
        return Err(EINVAL);
    }
    let deadline = s.deadline(false);
    let r = block_until(s.key, nonblock || s.nonblock.get(), deadline, s.intr(false), || s.st.borrow_mut().pending.pop_front().map(Ok));
    if r.is_ok() {
        notify(s.key); // a connector waiting for backlog room
    }
    r
}

/// connect(2) for connection-oriented sockets: loopback connections
/// complete at once (never EINPROGRESS).
pub fn connect(s: &Socket, to: Addr, cwd: &str) -> Result<(), Errno> {
    {
        let st = s.st.borrow();
        if st.listening {
            return Err(EINVAL);
        }
        if st.connected {
            return Err(EISCONN);
        }
    }
    let target = if s.family == AF_UNIX {
        let Addr::Unix(name) = &to else { return Err(EINVAL) };
        let l = table::unix_lookup(&addr::unix_key(name, cwd)).ok_or(if name.first() == Some(&0) { ECONNREFUSED } else { ENOENT })?;
        if l.ty != s.ty {
            return Err(EPROTOTYPE);
        }
        l
    } else {
        if !to.is_loopback() && !to.is_any() {
            return Err(ENETUNREACH);
        }
        let dest = if to.is_any() { Addr::loopback(s.family, to.port()) } else { to.clone() };
        if s.st.borrow().local.is_none() {
            let a = table::inet_bind(s.ty, &Addr::loopback(s.family, 0), &s.rc())?;
            s.st.borrow_mut().local = Some(a);
        }
        table::inet_lookup(s.ty, &dest, true).ok_or(ECONNREFUSED)?
    };
    if !target.st.borrow().listening {
        return Err(ECONNREFUSED);
    }
    // Wait for room in the accept queue.
    let full = || {
        let st = target.st.borrow();
        st.pending.len() >= st.backlog
    };
    block_until(target.key, s.nonblock.get(), s.deadline(true), s.intr(true), || (!full()).then_some(Ok(())))?;
    if !target.st.borrow().listening {
        return Err(ECONNREFUSED);
    }
    // An IPv4 client of a dual-stack AF_INET6 listener: the accepted socket is AF_INET6 and
    // sees IPv4-mapped addresses; the client sees plain IPv4.
    let cross = target.family != s.family;
    let server = Socket::new(target.family, s.ty, s.proto);
    server.owner.set(target.owner.get()); // the accepting side's credentials are the listener's
    {
        let lst = target.st.borrow();
        let mut ss = server.st.borrow_mut();
        ss.opts = lst.opts.clone();
        let dest = if to.is_any() { Addr::loopback(s.family, to.port()) } else { to.clone() };
        ss.local = if s.family == AF_UNIX { lst.local.clone() } else { Some(if cross { dest.mapped() } else { dest }) };
    }
    let client = s.rc();
    client.owner.set(super::Owner::current()); // Linux takes the client's credentials at connect
    Socket::link(&client, &server);
    if cross {
        let mine = s.st.borrow().local.clone();
        server.st.borrow_mut().peer_addr = mine.map(|a| a.mapped());
        s.st.borrow_mut().peer_addr = Some(if to.is_any() { Addr::loopback(s.family, to.port()) } else { to.clone() });
    }
    if s.family == AF_UNIX {
        s.st.borrow_mut().peer_addr = target.st.borrow().local.clone();
    }
    target.st.borrow_mut().pending.push_back(server);
    notify(target.key);
    Ok(())
}

pub fn send(s: &Socket, iov: &[(u64, u64)], flags: u32, mut rights: Vec<Rc<OpenFile>>) -> Result<usize, Errno> {
    let total = iov_len(iov);
    if s.ty == SOCK_SEQPACKET && total > s.st.borrow().opts.sndbuf {
        return Err(super::EMSGSIZE);
    }
    let nonblock = s.nonblocking_for(flags);
    let deadline = s.deadline(true);
    let mut done = 0;
    loop {
        let peer = {
            let st = s.st.borrow();
            if !st.connected {
                return Err(ENOTCONN);
            }
            if st.shut_wr {
                return Err(EPIPE);
            }
            st.peer.as_ref().and_then(alloc::rc::Weak::upgrade)
        };
        let Some(peer) = peer else { return if done > 0 { Ok(done) } else { Err(EPIPE) } };
        if peer.st.borrow().shut_rd {
            return if done > 0 { Ok(done) } else { Err(EPIPE) };
        }
        let free = room(&peer);
        let need = if s.ty == SOCK_SEQPACKET { total.max(1) } else { 1 };
        if free >= need || (s.ty != SOCK_SEQPACKET && free > 0) {
            let n = if s.ty == SOCK_SEQPACKET { total } else { free.min(total - done) };
            let mut data = Vec::with_capacity(n);
            gather(iov, done, n, &mut data)?;
            let mut ps = peer.st.borrow_mut();
            if s.ty == SOCK_SEQPACKET {
                ps.msgs_bytes += data.len();
                let from = s.st.borrow().local.clone();
                ps.msgs.push_back(Msg { data, from, rights: core::mem::take(&mut rights) });
            } else {
                if !rights.is_empty() {
                    let at = ps.rx.len();
                    ps.rx_rights.push_back((at, core::mem::take(&mut rights)));
                }
                ps.rx.extend(data.iter());
            }
            drop(ps);
            notify(peer.key);
            done += n;
            if done >= total {
                return Ok(done);
            }
            continue;
        }
        if done > 0 && (nonblock || crate::signal::interrupted()) {
            return Ok(done);
        }
        let r: Result<(), Errno> = block_until(peer.key, nonblock, deadline, s.intr(true), || {
            let gone = s.peer().is_none() || peer.st.borrow().shut_rd;
            (room(&peer) >= need || gone).then_some(Ok(()))
        });
        if let Err(e) = r {
            return if done > 0 { Ok(done) } else { Err(e) };
        }
    }
}

pub fn recv(s: &Socket, iov: &[(u64, u64)], flags: u32) -> Result<Received, Errno> {
    let want = iov_len(iov);
    let nonblock = s.nonblocking_for(flags);
    let deadline = s.deadline(false);
    let mut got = 0;
    let mut rights = Vec::new();
    loop {
        let r = block_until(s.key, nonblock || got > 0 && flags & MSG_WAITALL == 0, deadline, s.intr(false), || {
            let st = s.st.borrow();
            if !st.connected && !st.eof {
                return Some(Err(ENOTCONN));
            }
            if !st.rx.is_empty() || st.eof || st.shut_rd || want == 0 {
                return Some(Ok(()));
            }
            None
        });
        match r {
            Ok(()) => {}
            Err(_) if got > 0 => break,
            Err(e) => return Err(e),
        }
        let mut st = s.st.borrow_mut();
        let n = st.rx.len().min(want - got);
        if n == 0 {
            break; // end of file (or a zero-length read)
        }
        // Descriptors come with the first read that reaches their bytes; a read
        // stops before the bytes of a later batch (as Linux keeps them apart).
        let mut n = n;
        if let Some(&(at, _)) = st.rx_rights.front() {
            if at == 0 && flags & MSG_PEEK == 0 {
                if let Some((_, r)) = st.rx_rights.pop_front() {
                    rights = r;
                }
                if let Some(&(next, _)) = st.rx_rights.front() {
                    n = n.min(next.max(1));
                }
            } else if at > 0 {
                n = n.min(at);
            }
        }
        let (a, b) = st.rx.as_slices();
        let mut chunk = Vec::with_capacity(n);
        chunk.extend_from_slice(&a[..n.min(a.len())]);
        if n > a.len() {
            chunk.extend_from_slice(&b[..n - a.len()]);
        }
        drop(st);
        let skip_iov = skip(iov, got);
        let k = scatter(&skip_iov, &chunk)?;
        if flags & MSG_PEEK != 0 {
            return Ok(Received { len: k, full: k, from: None, rights, truncated: false });
        }
        let mut st = s.st.borrow_mut();
        st.rx.drain(..k);
        for r in st.rx_rights.iter_mut() {
            r.0 -= k.min(r.0);
        }
        drop(st);
        notify(s.key); // room for a blocked writer
        got += k;
        if got >= want || flags & MSG_WAITALL == 0 || !rights.is_empty() {
            break;
        }
    }
    let from = s.st.borrow().peer_addr.clone();
    Ok(Received { len: got, full: got, from, rights, truncated: false })
}

/// `iov` without its first `n` bytes.
fn skip(iov: &[(u64, u64)], mut n: usize) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for &(b, l) in iov {
        if n >= l as usize {
            n -= l as usize;
            continue;
        }
        out.push((b + n as u64, l - n as u64));
        n = 0;
    }
    out
}

/// shutdown(2): SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2.
pub fn shutdown(s: &Socket, how: u32) -> Result<(), Errno> {
    if how > 2 {
        return Err(EINVAL);
    }
    let peer = {
        let mut st = s.st.borrow_mut();
        if !st.connected && !st.listening {
            return Err(ENOTCONN);
        }
        if how != 1 {
            st.shut_rd = true;
        }
        if how != 0 {
            st.shut_wr = true;
        }
        st.peer.as_ref().and_then(alloc::rc::Weak::upgrade)
    };
    if let Some(p) = peer {
        if how != 0 {
            p.st.borrow_mut().eof = true;
        }
        notify(p.key);
    }
    notify(s.key);
    Ok(())
}
