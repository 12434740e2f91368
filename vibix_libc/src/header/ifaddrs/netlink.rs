//! rtnetlink dumps (RTM_GETLINK, RTM_GETADDR): the kernel's list of
//! interfaces and their addresses, read by getifaddrs, if_nameindex and
//! getaddrinfo's AI_ADDRCONFIG.

use alloc::vec::Vec;

use rustix::io::Errno;
use rustix::net::{AddressFamily, RecvFlags, SendFlags, SocketFlags, SocketType};

const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLM_F_REQUEST: u16 = 1;
const NLM_F_DUMP: u16 = 0x300;
pub const RTM_NEWLINK: u16 = 16;
pub const RTM_GETLINK: u16 = 18;
pub const RTM_NEWADDR: u16 = 20;
pub const RTM_GETADDR: u16 = 22;
const NLMSG_HDRLEN: usize = 16;

fn align4(n: usize) -> usize {
    (n + 3) & !3
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([b[at], b[at + 1]])
}

pub fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// One message of a dump: its type and payload (the fixed header, then attributes).
pub struct Message {
    pub kind: u16,
    pub body: Vec<u8>,
}

/// Dumps `request` (RTM_GETLINK/RTM_GETADDR) for all families.
pub fn dump(request: u16) -> Result<Vec<Message>, Errno> {
    let fd = rustix::net::socket_with(AddressFamily::NETLINK, SocketType::RAW, SocketFlags::CLOEXEC, None)?;
    // NETLINK_ROUTE is protocol 0. nlmsghdr + a zeroed rtgenmsg/ifinfomsg/ifaddrmsg (family AF_UNSPEC).
    let body = if request == RTM_GETLINK { 16 } else { 8 };
    let len = NLMSG_HDRLEN + body;
    let seq: u32 = 1;
    let mut req = alloc::vec![0u8; len];
    req[0..4].copy_from_slice(&(len as u32).to_ne_bytes());
    req[4..6].copy_from_slice(&request.to_ne_bytes());
    req[6..8].copy_from_slice(&(NLM_F_REQUEST | NLM_F_DUMP).to_ne_bytes());
    req[8..12].copy_from_slice(&seq.to_ne_bytes());
    rustix::net::send(&fd, &req, SendFlags::empty())?;
    let mut out = Vec::new();
    let mut buf = alloc::vec![0u8; 32768];
    loop {
        let n = match rustix::net::recv(&fd, &mut buf[..], RecvFlags::empty()) {
            Ok((n, _)) => n,
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Err(Errno::IO);
        }
        let mut at = 0;
        while at + NLMSG_HDRLEN <= n {
            let mlen = u32_at(&buf, at) as usize;
            let kind = u16_at(&buf, at + 4);
            if mlen < NLMSG_HDRLEN || at + mlen > n {
                return Err(Errno::IO);
            }
            if u32_at(&buf, at + 8) == seq {
                match kind {
                    NLMSG_DONE => return Ok(out),
                    NLMSG_ERROR => {
                        let e = buf.get(at + 16..at + 20).map_or(0, |b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                        return Err(Errno::from_raw_os_error(if e < 0 { -e } else { 5 }));
                    }
                    _ => out.push(Message { kind, body: buf[at + NLMSG_HDRLEN..at + mlen].to_vec() }),
                }
            }
            at += align4(mlen);
        }
    }
}

/// The `rtattr`s after the first `fixed` bytes of a message body: (type, data).
pub fn attrs(body: &[u8], fixed: usize) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut at = align4(fixed);
    while at + 4 <= body.len() {
        let len = u16_at(body, at) as usize;
        let ty = u16_at(body, at + 2) & 0x3fff;
        if len < 4 || at + len > body.len() {
            break;
        }
        out.push((ty, &body[at + 4..at + len]));
        at += align4(len);
    }
    out
}

/// A link from RTM_NEWLINK.
pub struct Link {
    pub index: u32,
    pub hatype: u16,
    pub flags: u32,
    pub name: Vec<u8>,
    pub address: Vec<u8>,
    pub broadcast: Vec<u8>,
    pub stats: Vec<u8>,
}

const IFLA_ADDRESS: u16 = 1;
const IFLA_BROADCAST: u16 = 2;
const IFLA_IFNAME: u16 = 3;
const IFLA_STATS: u16 = 7;

pub fn links() -> Result<Vec<Link>, Errno> {
    let mut out = Vec::new();
    for m in dump(RTM_GETLINK)? {
        if m.kind != RTM_NEWLINK || m.body.len() < 16 {
            continue;
        }
        let b = &m.body;
        let mut l = Link {
            index: u32_at(b, 4),
            hatype: u16_at(b, 2),
            flags: u32_at(b, 8),
            name: Vec::new(),
            address: Vec::new(),
            broadcast: Vec::new(),
            stats: Vec::new(),
        };
        for (ty, data) in attrs(b, 16) {
            match ty {
                IFLA_ADDRESS => l.address = data.to_vec(),
                IFLA_BROADCAST => l.broadcast = data.to_vec(),
                IFLA_IFNAME => l.name = data.split(|&c| c == 0).next().unwrap_or_default().to_vec(),
                IFLA_STATS => l.stats = data.to_vec(),
                _ => {}
            }
        }
        out.push(l);
    }
    Ok(out)
}

/// An address from RTM_NEWADDR.
pub struct Addr {
    pub family: u8,
    pub prefixlen: u8,
    pub index: u32,
    pub address: Vec<u8>,
    pub local: Vec<u8>,
    pub broadcast: Vec<u8>,
    pub label: Vec<u8>,
}

const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFA_LABEL: u16 = 3;
const IFA_BROADCAST: u16 = 4;

pub fn addrs() -> Result<Vec<Addr>, Errno> {
    let mut out = Vec::new();
    for m in dump(RTM_GETADDR)? {
        if m.kind != RTM_NEWADDR || m.body.len() < 8 {
            continue;
        }
        let b = &m.body;
        let mut a = Addr {
            family: b[0],
            prefixlen: b[1],
            index: u32_at(b, 4),
            address: Vec::new(),
            local: Vec::new(),
            broadcast: Vec::new(),
            label: Vec::new(),
        };
        for (ty, data) in attrs(b, 8) {
            match ty {
                IFA_ADDRESS => a.address = data.to_vec(),
                IFA_LOCAL => a.local = data.to_vec(),
                IFA_BROADCAST => a.broadcast = data.to_vec(),
                IFA_LABEL => a.label = data.split(|&c| c == 0).next().unwrap_or_default().to_vec(),
                _ => {}
            }
        }
        out.push(a);
    }
    Ok(out)
}
