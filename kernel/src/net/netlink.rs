//! AF_NETLINK sockets: datagram sockets between a process and the kernel.
//! A netlink socket is a `Socket` of family AF_NETLINK whose receive queue
//! the kernel fills, so recv/recvmsg/poll work as for any datagram socket.
//! What the kernel writes: the answers to NETLINK_ROUTE requests the
//! process sends (`net/rtnetlink.rs`: the interface and address dumps), and
//! POSIX message queue notifications with SIGEV_THREAD (`ipc/mqueue.rs`),
//! the 32-byte cookie delivered to the socket the C library named in
//! `sigev_signo`. Only the kernel (port id 0) is a destination: there are no
//! user-to-user netlink messages and no multicast events (the interfaces
//! never change).
use super::addr::Addr;
use super::{gather, iov_len, Msg, Socket};
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::special::{self, Special};
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;

pub use super::addr::AF_NETLINK;
pub const SOCK_RAW: u32 = 3;
pub const NETLINK_ROUTE: u32 = 0;
/// What the kernel's messages come from: port id 0.
const KERNEL: Addr = Addr::Netlink(0, 0);

/// The netlink socket behind descriptor `fd` (EBADF; ECONNREFUSED for another file, as Linux).
pub fn socket_of(fd: i64) -> Result<Weak<dyn Special>, Errno> {
    let f = crate::proc::current_proc().fds.get(fd).map_err(|_| EBADF)?.file.clone();
    match &f.kind {
        Kind::Special(s) if s.as_any().downcast_ref::<Socket>().is_some_and(|k| k.family == AF_NETLINK) => Ok(Rc::downgrade(s)),
        _ => Err(ECONNREFUSED),
    }
}

/// Queues `data` as one datagram on the socket (dropped when it is gone or its buffer is full).
pub fn deliver(sock: &Weak<dyn Special>, data: &[u8]) {
    let Some(obj) = sock.upgrade() else { return };
    let Some(s) = obj.as_any().downcast_ref::<Socket>() else { return };
    {
        let mut st = s.st.borrow_mut();
        if st.msgs_bytes + data.len() > st.opts.rcvbuf {
            return;
        }
        st.msgs_bytes += data.len();
        st.msgs.push_back(Msg { data: data.into(), from: Some(KERNEL), rights: Vec::new() });
    }
    special::notify(s.key);
}

/// The socket's port id, binding it to the process id first if it has none
/// (Linux's autobind on the first send or connect).
fn port(s: &Socket) -> u32 {
    let mut st = s.st.borrow_mut();
    match st.local {
        Some(Addr::Netlink(pid, _)) if pid != 0 => pid,
        _ => {
            let groups = if let Some(Addr::Netlink(_, g)) = st.local { g } else { 0 };
            let pid = crate::proc::current().pid as u32;
            st.local = Some(Addr::Netlink(pid, groups));
            pid
        }
    }
}

/// bind(2): a port id (0: the process id) and multicast groups. Groups are
/// accepted: vibix sends no events to them, as its interfaces never change.
pub fn bind(s: &Socket, a: &Addr) -> Result<(), Errno> {
    let Addr::Netlink(pid, groups) = *a else { return Err(EINVAL) };
    s.st.borrow_mut().local = Some(Addr::Netlink(pid, groups));
    if pid == 0 {
        port(s);
    }
    Ok(())
}

/// connect(2): the default destination, which can only be the kernel.
pub fn connect(s: &Socket, to: Option<&Addr>) -> Result<(), Errno> {
    match to {
        None => s.st.borrow_mut().peer_addr = None,
        Some(Addr::Netlink(0, _)) => {
            port(s);
            s.st.borrow_mut().peer_addr = Some(KERNEL);
        }
        Some(Addr::Netlink(..)) => return Err(ECONNREFUSED),
        Some(_) => return Err(EINVAL),
    }
    Ok(())
}

/// send/sendto/sendmsg: requests for the kernel; their answers are queued on
/// the socket itself before this returns. Messages for another port id are
/// refused (ECONNREFUSED): nothing but the kernel listens.
pub fn send(s: &Socket, iov: &[(u64, u64)], to: Option<Addr>) -> Result<usize, Errno> {
    match to.or_else(|| s.st.borrow().peer_addr.clone()) {
        None | Some(Addr::Netlink(0, _)) => {}
        Some(Addr::Netlink(..)) => return Err(ECONNREFUSED),
        Some(_) => return Err(EINVAL),
    }
    let total = iov_len(iov);
    if total > s.st.borrow().opts.sndbuf {
        return Err(super::EMSGSIZE);
    }
    let mut data = Vec::with_capacity(total);
    gather(iov, 0, total, &mut data)?;
    let me = port(s);
    let answers = match s.proto {
        NETLINK_ROUTE => super::rtnetlink::answer(&data, me),
        _ => Vec::new(),
    };
    if !answers.is_empty() {
        // Answers are never dropped (Linux paces a dump by the reader instead).
        let mut st = s.st.borrow_mut();
        for a in answers {
            st.msgs_bytes += a.len();
            st.msgs.push_back(Msg { data: a, from: Some(KERNEL), rights: Vec::new() });
        }
        drop(st);
        special::notify(s.key);
    }
    Ok(total)
}
