//! Sockets, all in the kernel: AF_UNIX (stream, datagram, seqpacket; path
//! and abstract names; SCM_RIGHTS) and AF_INET/AF_INET6 over loopback only
//! (TCP as a reliable byte stream between two kernel objects, UDP as
//! datagrams; no packets, no TCP state machine, no TIME_WAIT).
//!
//! A connected stream pair is two `Socket`s pointing at each other weakly;
//! a writer appends to the peer's receive buffer, bounded by its SO_RCVBUF,
//! and blocks while it is full. When the last descriptor of a socket closes,
//! `Drop` tells the peer (EOF for its reader, EPIPE for its writer).
pub mod addr;
pub mod dgram;
pub mod iface;
pub mod netlink;
pub mod opts;
pub mod rtnetlink;
pub mod stream;
pub mod table;

use crate::errno::*;
use crate::fs::file::OpenFile;
use crate::fs::special::{self, Special, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLRDHUP, POLLRDNORM, POLLWRNORM};
use addr::Addr;
use alloc::collections::VecDeque;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::any::Any;
use core::cell::{Cell, RefCell};

pub const SOCK_STREAM: u32 = 1;
pub const SOCK_DGRAM: u32 = 2;
pub const SOCK_SEQPACKET: u32 = 5;

pub const MSG_OOB: u32 = 1;
pub const MSG_PEEK: u32 = 2;
pub const MSG_TRUNC: u32 = 0x20;
pub const MSG_DONTWAIT: u32 = 0x40;
pub const MSG_WAITALL: u32 = 0x100;
pub const MSG_NOSIGNAL: u32 = 0x4000;
pub const MSG_CMSG_CLOEXEC: u32 = 0x4000_0000;


/// A datagram (or seqpacket record) with its sender and passed descriptors.
pub struct Msg {
    pub data: Vec<u8>,
    pub from: Option<Addr>,
    pub rights: Vec<Rc<OpenFile>>,
}

pub struct State {
    pub local: Option<Addr>,
    pub peer_addr: Option<Addr>,
    pub peer: Option<Weak<Socket>>,
    pub connected: bool,
    pub listening: bool,
    pub backlog: usize,
    /// Connections waiting for accept (their server-side sockets).
    pub pending: VecDeque<Rc<Socket>>,
    /// Stream bytes received, and descriptors attached at byte offsets of it.
    pub rx: VecDeque<u8>,
    pub rx_rights: VecDeque<(usize, Vec<Rc<OpenFile>>)>,
    pub msgs: VecDeque<Msg>,
    pub msgs_bytes: usize,
    /// The peer shut down its writing side or went away.
    pub eof: bool,
    pub peer_gone: bool,
    pub shut_rd: bool,
    pub shut_wr: bool,
    /// Pending SO_ERROR.
    pub error: Errno,
    pub opts: opts::Opts,
}

/// `struct ucred` as SO_PEERCRED reports it: pid, effective uid and gid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Owner {
    pub pid: u64,
    pub uid: u32,
    pub gid: u32,
}

impl Owner {
    pub fn current() -> Owner {
        let c = crate::proc::current_proc().cred;
        Owner { pid: crate::proc::current().pid, uid: c.euid, gid: c.egid }
    }
}

pub struct Socket {
    pub family: u16,
    pub ty: u32,
    pub proto: u32,
    /// Wait key (fs/special.rs): notified on every change of this socket.
    pub key: u64,
    /// The process that made it and its effective ids (SO_PEERCRED of its peer).
    pub owner: Cell<Owner>,
    pub nonblock: Cell<bool>,
    pub st: RefCell<State>,
    me: Weak<Socket>,
}

impl Socket {
    pub fn new(family: u16, ty: u32, proto: u32) -> Rc<Socket> {
        Rc::new_cyclic(|me| Socket {
            family,
            ty,
            proto,
            key: special::new_key(),
            owner: Cell::new(Owner::current()),
            nonblock: Cell::new(false),
            st: RefCell::new(State {
                local: None,
                peer_addr: None,
                peer: None,
                connected: false,
                listening: false,
                backlog: 0,
                pending: VecDeque::new(),
                rx: VecDeque::new(),
                rx_rights: VecDeque::new(),
                msgs: VecDeque::new(),
                msgs_bytes: 0,
                eof: false,
                peer_gone: false,
                shut_rd: false,
                shut_wr: false,
                error: 0,
                opts: opts::Opts::default(),
            }),
            me: me.clone(),
        })
    }

    pub fn rc(&self) -> Rc<Socket> {
        self.me.upgrade().expect("a socket in use is alive")
    }

    pub fn peer(&self) -> Option<Rc<Socket>> {
        self.st.borrow().peer.as_ref().and_then(Weak::upgrade)
    }

    /// Datagram semantics: UDP, AF_UNIX SOCK_DGRAM and netlink (SOCK_RAW or SOCK_DGRAM).
    pub fn is_datagram(&self) -> bool {
        matches!(self.ty, SOCK_DGRAM | netlink::SOCK_RAW)
    }

    pub fn is_stream_like(&self) -> bool {
        !self.is_datagram()
    }

    /// Links two fresh sockets as a connected pair (socketpair, connect).
    pub fn link(a: &Rc<Socket>, b: &Rc<Socket>) {
        for (x, y) in [(a, b), (b, a)] {
            let mut st = x.st.borrow_mut();
            st.peer = Some(Rc::downgrade(y));
            st.connected = true;
            st.peer_addr = y.st.borrow().local.clone().or(Some(Addr::Unix(Vec::new())));
        }
    }

    fn nonblocking_for(&self, flags: u32) -> bool {
        self.nonblock.get() || flags & MSG_DONTWAIT != 0
    }

    /// Deadline for a receive (SO_RCVTIMEO) or send (SO_SNDTIMEO).
    fn deadline(&self, send: bool) -> Option<u64> {
        let st = self.st.borrow();
        let t = if send { st.opts.sndtimeo } else { st.opts.rcvtimeo };
        (t != 0).then(|| crate::arch::x86_64::timer::monotonic_ns().saturating_add(t))
    }

    /// What an interrupted blocking call answers: restartable unless a timeout is set (as Linux).
    fn intr(&self, send: bool) -> Errno {
        if self.deadline(send).is_some() {
            EINTR
        } else {
            crate::signal::ERESTARTSYS
        }
    }

    pub fn take_error(&self) -> Errno {
        core::mem::take(&mut self.st.borrow_mut().error)
    }

    fn revents(&self) -> u16 {
        let st = self.st.borrow();
        let mut ev = 0;
        if st.error != 0 {
            ev |= POLLERR;
        }
        if st.listening {
            if !st.pending.is_empty() {
                ev |= POLLIN | POLLRDNORM;
            }
            return ev;
        }
        if self.is_stream_like() {
            if !st.connected {
                return ev | POLLOUT | POLLHUP; // as Linux for a fresh TCP socket
            }
            if !st.rx.is_empty() || !st.msgs.is_empty() || st.eof || st.shut_rd {
                ev |= POLLIN | POLLRDNORM;
            }
            if st.eof || st.shut_rd {
                ev |= POLLRDHUP;
            }
            let peer = st.peer.as_ref().and_then(Weak::upgrade);
            drop(st);
            match peer {
                None => ev |= POLLHUP | POLLOUT | POLLWRNORM, // writes fail at once (EPIPE)
                Some(p) => {
                    let (room, shut) = (stream::room(&p), self.st.borrow().shut_wr);
                    if room > 0 || shut {
                        ev |= POLLOUT | POLLWRNORM;
                    }
                    if shut && self.st.borrow().eof {
                        ev |= POLLHUP;
                    }
                }
            }
            ev
        } else {
            if !st.msgs.is_empty() || st.shut_rd {
                ev |= POLLIN | POLLRDNORM;
            }
            ev | POLLOUT | POLLWRNORM
        }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        let st = self.st.get_mut();
        if let Some(p) = st.peer.take().and_then(|w| w.upgrade()) {
            if let Ok(mut ps) = p.st.try_borrow_mut() {
                if ps.connected {
                    ps.eof = true;
                    ps.peer_gone = true;
                }
            }
            special::notify(p.key);
        }
        // Connections never accepted are reset: their clients see EOF/EPIPE.
        st.pending.clear();
        table::release(self.family, self.ty, st.local.as_ref());
        special::notify(self.key);
    }
}

impl Special for Socket {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        let flags = if nonblock { MSG_DONTWAIT } else { 0 };
        self.recv(&[(buf, len as u64)], flags).map(|r| r.len)
    }

    fn write(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        let flags = if nonblock { MSG_DONTWAIT } else { 0 };
        self.send(&[(buf, len as u64)], flags, None, Vec::new())
    }

    fn poll(&self) -> u16 {
        self.revents()
    }

    fn mode(&self) -> u32 {
        0o140777
    }

    fn nonblocking(&self) -> Option<bool> {
        Some(self.nonblock.get())
    }

    fn set_nonblocking(&self, on: bool) {
        self.nonblock.set(on);
    }

    fn ioctl(&self, req: u64, arg: u64) -> Result<i64, Errno> {
        const FIONREAD: u64 = 0x541b;
        if let Some(r) = iface::ioctl(req, arg) {
            return r;
        }
        if req != FIONREAD {
            return Err(ENOTTY);
        }
        let st = self.st.borrow();
        let n = if self.is_datagram() { st.msgs.front().map_or(0, |m| m.data.len()) } else { st.rx.len() + st.msgs_bytes };
        crate::mm::uaccess::write(arg, &(n as i32))?;
        Ok(0)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What a receive produced: bytes, the sender, descriptors, and flags.
pub struct Received {
    pub len: usize,
    /// Full datagram length (for MSG_TRUNC).
    pub full: usize,
    pub from: Option<Addr>,
    pub rights: Vec<Rc<OpenFile>>,
    pub truncated: bool,
}

impl Socket {
    /// send/sendto/sendmsg/write: `iov` is (user address, length) pairs.
    pub fn send(&self, iov: &[(u64, u64)], flags: u32, to: Option<Addr>, rights: Vec<Rc<OpenFile>>) -> Result<usize, Errno> {
        if flags & MSG_OOB != 0 {
            return Err(EOPNOTSUPP);
        }
        if self.family == netlink::AF_NETLINK {
            return netlink::send(self, iov, to);
        }
        let r = if self.ty == SOCK_DGRAM { dgram::send(self, iov, flags, to, rights) } else { stream::send(self, iov, flags, rights) };
        if r == Err(EPIPE) && flags & MSG_NOSIGNAL == 0 {
            crate::signal::send_sigpipe();
        }
        r
    }

    pub fn recv(&self, iov: &[(u64, u64)], flags: u32) -> Result<Received, Errno> {
        if flags & MSG_OOB != 0 {
            return Err(EOPNOTSUPP);
        }
        if self.ty == SOCK_STREAM {
            stream::recv(self, iov, flags)
        } else {
            dgram::recv(self, iov, flags)
        }
    }
}

/// Copies user bytes from `iov` (skipping `skip` bytes) into `out`, at most `max`.
pub fn gather(iov: &[(u64, u64)], mut skip: usize, max: usize, out: &mut Vec<u8>) -> Result<(), Errno> {
    let mut left = max;
    for &(base, len) in iov {
        let len = len as usize;
        if skip >= len {
            skip -= len;
            continue;
        }
        let n = (len - skip).min(left);
        out.extend_from_slice(crate::mm::uaccess::slice(base + skip as u64, n, crate::mm::vm::Access::Read)?);
        skip = 0;
        left -= n;
        if left == 0 {
            break;
        }
    }
    Ok(())
}

/// Copies `data` out into `iov`; returns how many bytes fit.
pub fn scatter(iov: &[(u64, u64)], data: &[u8]) -> Result<usize, Errno> {
    let mut done = 0;
    for &(base, len) in iov {
        if done == data.len() {
            break;
        }
        let n = (len as usize).min(data.len() - done);
        crate::mm::uaccess::copy_out(base, &data[done..done + n])?;
        done += n;
    }
    Ok(done)
}

pub fn iov_len(iov: &[(u64, u64)]) -> usize {
    iov.iter().map(|&(_, l)| l as usize).sum()
}
