//! AF_NETLINK sockets: datagram sockets the kernel itself writes into.
//! Today one sender uses them: POSIX message queue notification with
//! SIGEV_THREAD (`ipc/mqueue.rs`), which delivers its 32-byte cookie to the
//! socket the C library named in `sigev_signo`. A netlink socket is a
//! `Socket` of family AF_NETLINK whose receive queue `deliver` fills, so
//! recv/recvmsg/poll work as for any datagram socket.
use super::{Msg, Socket};
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::special::{self, Special};
use alloc::rc::{Rc, Weak};

pub const AF_NETLINK: u16 = 16;
pub const SOCK_RAW: u32 = 3;
pub const NETLINK_ROUTE: u32 = 0;

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
        st.msgs.push_back(Msg { data: data.into(), from: None, rights: alloc::vec::Vec::new() });
    }
    special::notify(s.key);
}
