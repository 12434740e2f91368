//! Socket addresses: `struct sockaddr_un`, `sockaddr_in`, `sockaddr_in6`
//! read from and written to user memory.
use crate::errno::*;
use crate::mm::uaccess;
use alloc::vec::Vec;

pub const AF_UNIX: u16 = 1;
pub const AF_INET: u16 = 2;
pub const AF_INET6: u16 = 10;
pub const AF_NETLINK: u16 = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Addr {
    /// AF_UNIX: a path (as given), an abstract name (leading NUL kept), or
    /// unnamed (empty).
    Unix(Vec<u8>),
    V4([u8; 4], u16),
    V6([u8; 16], u16, u32),
    /// AF_NETLINK: port id (0 is the kernel) and multicast group bits.
    Netlink(u32, u32),
}

impl Addr {
    pub fn port(&self) -> u16 {
        match *self {
            Addr::V4(_, p) | Addr::V6(_, p, _) => p,
            Addr::Unix(_) | Addr::Netlink(..) => 0,
        }
    }

    pub fn with_port(&self, port: u16) -> Addr {
        match self.clone() {
            Addr::V4(ip, _) => Addr::V4(ip, port),
            Addr::V6(ip, _, s) => Addr::V6(ip, port, s),
            a => a,
        }
    }

    pub fn is_any(&self) -> bool {
        match self {
            Addr::V4(ip, _) => *ip == [0; 4],
            Addr::V6(ip, _, _) => *ip == [0; 16],
            Addr::Unix(_) | Addr::Netlink(..) => false,
        }
    }

    /// An IPv4 address as IPv4-mapped IPv6 (::ffff:a.b.c.d), what a dual-stack
    /// AF_INET6 socket sees of an IPv4 peer; other addresses unchanged.
    pub fn mapped(&self) -> Addr {
        match *self {
            Addr::V4(ip, port) => {
                let mut v = [0u8; 16];
                v[10] = 0xff;
                v[11] = 0xff;
                v[12..].copy_from_slice(&ip);
                Addr::V6(v, port, 0)
            }
            ref a => a.clone(),
        }
    }

    /// 127.0.0.0/8 or ::1 (or ::ffff:127.x.y.z).
    pub fn is_loopback(&self) -> bool {
        match self {
            Addr::V4(ip, _) => ip[0] == 127,
            Addr::V6(ip, _, _) => {
                let mut one = [0u8; 16];
                one[15] = 1;
                *ip == one || (ip[..10] == [0; 10] && ip[10..12] == [0xff, 0xff] && ip[12] == 127)
            }
            Addr::Unix(_) | Addr::Netlink(..) => false,
        }
    }

    /// The loopback address of this family (what an unbound or wildcard socket uses).
    pub fn loopback(family: u16, port: u16) -> Addr {
        if family == AF_INET6 {
            let mut ip = [0u8; 16];
            ip[15] = 1;
            Addr::V6(ip, port, 0)
        } else {
            Addr::V4([127, 0, 0, 1], port)
        }
    }

    pub fn family(&self) -> u16 {
        match self {
            Addr::Unix(_) => AF_UNIX,
            Addr::V4(..) => AF_INET,
            Addr::V6(..) => AF_INET6,
            Addr::Netlink(..) => AF_NETLINK,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&self.family().to_le_bytes());
        match self {
            Addr::Unix(p) => {
                b.extend_from_slice(p);
                if !p.is_empty() && p[0] != 0 {
                    b.push(0);
                }
            }
            Addr::V4(ip, port) => {
                b.extend_from_slice(&port.to_be_bytes());
                b.extend_from_slice(ip);
                b.extend_from_slice(&[0; 8]);
            }
            Addr::V6(ip, port, scope) => {
                b.extend_from_slice(&port.to_be_bytes());
                b.extend_from_slice(&[0; 4]); // flowinfo
                b.extend_from_slice(ip);
                b.extend_from_slice(&scope.to_le_bytes());
            }
            Addr::Netlink(pid, groups) => {
                b.extend_from_slice(&[0; 2]); // nl_pad
                b.extend_from_slice(&pid.to_le_bytes());
                b.extend_from_slice(&groups.to_le_bytes());
            }
        }
        b
    }
}

/// The name-table key of an AF_UNIX name: abstract names as they are, paths
/// made absolute against `cwd`.
pub fn unix_key(name: &[u8], cwd: &str) -> Vec<u8> {
    if name.first().is_none_or(|&c| c == 0 || c == b'/') {
        return name.to_vec();
    }
    let mut abs = Vec::from(&b"/"[..]);
    abs.extend_from_slice(cwd.as_bytes());
    if !cwd.is_empty() {
        abs.push(b'/');
    }
    abs.extend_from_slice(name);
    abs
}

/// Reads a sockaddr of `len` bytes for a socket of `family`.
pub fn read(ptr: u64, len: u32, family: u16) -> Result<Addr, Errno> {
    if len < 2 || len > 128 {
        return Err(EINVAL);
    }
    let b = uaccess::copy_in(ptr, len as usize)?;
    let fam = u16::from_le_bytes([b[0], b[1]]);
    if fam != family {
        return Err(if family == AF_UNIX { EINVAL } else { EAFNOSUPPORT });
    }
    let be16 = |o: usize| u16::from_be_bytes([b[o], b[o + 1]]);
    match fam {
        AF_UNIX => {
            let path = &b[2..];
            if path.is_empty() {
                return Ok(Addr::Unix(Vec::new()));
            }
            if path[0] == 0 {
                return Ok(Addr::Unix(path.to_vec())); // abstract: every byte counts
            }
            let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
            Ok(Addr::Unix(path[..end].to_vec()))
        }
        AF_INET => {
            if len < 16 {
                return Err(EINVAL);
            }
            Ok(Addr::V4([b[4], b[5], b[6], b[7]], be16(2)))
        }
        AF_INET6 => {
            if len < 24 {
                return Err(EINVAL);
            }
            let mut ip = [0u8; 16];
            ip.copy_from_slice(&b[8..24]);
            let scope = if len >= 28 { u32::from_le_bytes([b[24], b[25], b[26], b[27]]) } else { 0 };
            Ok(Addr::V6(ip, be16(2), scope))
        }
        AF_NETLINK => {
            if len < 12 {
                return Err(EINVAL);
            }
            let le32 = |o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
            Ok(Addr::Netlink(le32(4), le32(8)))
        }
        _ => Err(EAFNOSUPPORT),
    }
}

/// Writes `a` to (ptr, *lenp) as accept/getsockname do: truncated to the
/// buffer, the full length stored in *lenp.
pub fn write(a: &Addr, ptr: u64, lenp: u64) -> Result<(), Errno> {
    if ptr == 0 || lenp == 0 {
        return Ok(());
    }
    let room: u32 = uaccess::read(lenp)?;
    if room > i32::MAX as u32 {
        return Err(EINVAL);
    }
    let bytes = a.to_bytes();
    let n = bytes.len().min(room as usize);
    uaccess::copy_out(ptr, &bytes[..n])?;
    uaccess::write(lenp, &(bytes.len() as u32))
}
