//! Sending a query to the configured name servers: UDP first, TCP when the
//! answer comes back truncated (TC bit) or `use-vc` is set. Replies whose ID or
//! question differ from the query are ignored (they may be stale or spoofed).

use alloc::vec::Vec;
use core::net::SocketAddr;

use rustix::event::{poll, PollFd, PollFlags};
use rustix::fd::OwnedFd;
use rustix::io::Errno;
use rustix::net::{AddressFamily, RecvFlags, SendFlags, SocketFlags, SocketType};
use rustix::time::{clock_gettime, ClockId, Timespec};

use super::conf::Conf;
use super::msg;

/// Why no usable answer arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// No server answered in time (or none was reachable): try again later.
    Timeout,
    /// The query itself cannot be sent (too long, no socket).
    Failed,
}

fn now_ms() -> i64 {
    let t = clock_gettime(ClockId::Monotonic);
    t.tv_sec * 1000 + t.tv_nsec / 1_000_000
}

/// Waits until `fd` is ready for `events` or `deadline` (monotonic ms) passes.
fn wait(fd: &OwnedFd, events: PollFlags, deadline: i64) -> bool {
    loop {
        let left = deadline - now_ms();
        if left <= 0 {
            return false;
        }
        let ts = Timespec { tv_sec: left / 1000, tv_nsec: (left % 1000) * 1_000_000 };
        let mut fds = [PollFd::new(fd, events)];
        match poll(&mut fds, Some(&ts)) {
            Ok(0) => return false,
            Ok(_) => return true,
            Err(Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

fn family(a: &SocketAddr) -> AddressFamily {
    if a.is_ipv4() { AddressFamily::INET } else { AddressFamily::INET6 }
}

fn socket(server: &SocketAddr, ty: SocketType) -> Option<OwnedFd> {
    rustix::net::socket_with(family(server), ty, SocketFlags::CLOEXEC | SocketFlags::NONBLOCK, None).ok()
}

/// A random query ID (the ID is part of what makes a forged reply hard to guess).
pub fn new_id() -> u16 {
    let mut b = [0u8; 2];
    if rustix::rand::getrandom(&mut b, rustix::rand::GetRandomFlags::NONBLOCK).is_err() {
        let t = clock_gettime(ClockId::Monotonic);
        return (t.tv_nsec as u16) ^ (t.tv_sec as u16).rotate_left(8);
    }
    u16::from_ne_bytes(b)
}

enum Udp {
    Answer(Vec<u8>),
    Truncated,
    NoAnswer,
}

fn udp(server: &SocketAddr, query: &[u8], deadline: i64) -> Udp {
    let Some(fd) = socket(server, SocketType::DGRAM) else { return Udp::NoAnswer };
    // A connected socket only receives datagrams from the server's address.
    if rustix::net::connect(&fd, server).is_err() || rustix::net::send(&fd, query, SendFlags::empty()).is_err() {
        return Udp::NoAnswer;
    }
    let mut buf = alloc::vec![0u8; 65536];
    while wait(&fd, PollFlags::IN, deadline) {
        let n = match rustix::net::recv(&fd, &mut buf[..], RecvFlags::empty()) {
            Ok((n, _)) => n,
            Err(Errno::AGAIN | Errno::INTR) => continue,
            // ECONNREFUSED: nothing listens there (ICMP port unreachable).
            Err(_) => return Udp::NoAnswer,
        };
        let resp = &buf[..n];
        let Ok(h) = msg::header(resp) else { continue };
        if !h.response || msg::get16(query, 0).ok() != Some(h.id) {
            continue;
        }
        if h.truncated {
            return Udp::Truncated;
        }
        if !msg::same_question(query, resp) {
            continue;
        }
        return Udp::Answer(resp.to_vec());
    }
    Udp::NoAnswer
}

fn write_all(fd: &OwnedFd, mut b: &[u8], deadline: i64) -> bool {
    while !b.is_empty() {
        match rustix::io::write(fd, b) {
            Ok(n) => b = &b[n..],
            Err(Errno::AGAIN) => {
                if !wait(fd, PollFlags::OUT, deadline) {
                    return false;
                }
            }
            Err(Errno::INTR) => {}
            Err(_) => return false,
        }
    }
    true
}

fn read_exact(fd: &OwnedFd, b: &mut [u8], deadline: i64) -> bool {
    let mut got = 0;
    while got < b.len() {
        match rustix::io::read(fd, &mut b[got..]) {
            Ok(0) => return false,
            Ok(n) => got += n,
            Err(Errno::AGAIN) => {
                if !wait(fd, PollFlags::IN, deadline) {
                    return false;
                }
            }
            Err(Errno::INTR) => {}
            Err(_) => return false,
        }
    }
    true
}

/// One query over TCP (RFC 1035 4.2.2: two-byte length prefix).
fn tcp(server: &SocketAddr, query: &[u8], deadline: i64) -> Option<Vec<u8>> {
    let fd = socket(server, SocketType::STREAM)?;
    match rustix::net::connect(&fd, server) {
        Ok(()) => {}
        Err(Errno::INPROGRESS) => {
            if !wait(&fd, PollFlags::OUT, deadline) {
                return None;
            }
            // The outcome of a non-blocking connect is reported as SO_ERROR.
            if rustix::net::sockopt::socket_error(&fd).ok()?.is_err() {
                return None;
            }
        }
        Err(_) => return None,
    }
    let mut framed = Vec::with_capacity(query.len() + 2);
    framed.extend_from_slice(&(query.len() as u16).to_be_bytes());
    framed.extend_from_slice(query);
    if !write_all(&fd, &framed, deadline) {
        return None;
    }
    let mut len = [0u8; 2];
    if !read_exact(&fd, &mut len, deadline) {
        return None;
    }
    let mut resp = alloc::vec![0u8; u16::from_be_bytes(len) as usize];
    if !read_exact(&fd, &mut resp, deadline) {
        return None;
    }
    let h = msg::header(&resp).ok()?;
    (h.response && msg::get16(query, 0).ok() == Some(h.id) && msg::same_question(query, &resp)).then_some(resp)
}

/// Sends `query` and returns the first acceptable response: NOERROR or
/// NXDOMAIN from any server, else (every server failing, e.g. SERVFAIL) the
/// last failure response, else [`SendError::Timeout`].
pub fn send(conf: &Conf, query: &[u8]) -> Result<Vec<u8>, SendError> {
    if query.len() < msg::HEADER_LEN || query.len() > u16::MAX as usize {
        return Err(SendError::Failed);
    }
    let mut failure = None;
    for _ in 0..conf.attempts {
        for server in &conf.servers {
            let deadline = now_ms() + i64::from(conf.timeout) * 1000;
            let resp = if conf.use_tcp {
                tcp(server, query, deadline)
            } else {
                match udp(server, query, deadline) {
                    Udp::Answer(r) => Some(r),
                    Udp::Truncated => tcp(server, query, now_ms() + i64::from(conf.timeout) * 1000),
                    Udp::NoAnswer => None,
                }
            };
            let Some(resp) = resp else { continue };
            match msg::header(&resp).map(|h| h.rcode) {
                Ok(0) | Ok(msg::RCODE_NXDOMAIN) => return Ok(resp),
                _ => failure = Some(resp),
            }
        }
        if failure.is_some() {
            break;
        }
    }
    failure.ok_or(SendError::Timeout)
}
