//! Destination address ordering for getaddrinfo (RFC 6724 section 6, the
//! rules that need no per-source state: 1 unusable destinations last,
//! 2 matching scope, 5 matching label, 6 higher precedence, 8 smaller scope).
//! The source address for each destination is what the kernel's routing
//! would pick: a connected UDP socket's local address (no packet is sent).

use alloc::vec::Vec;
use core::net::{IpAddr, Ipv6Addr, SocketAddr};

use rustix::net::{AddressFamily, SocketFlags, SocketType};

/// (prefix, prefix length, precedence, label) from RFC 6724's policy table.
const POLICY: &[([u8; 16], u32, u8, u8)] = &[
    ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 50, 0),
    ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0], 96, 35, 4),
    ([0x20, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 16, 30, 2),
    ([0x20, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 32, 5, 5),
    ([0xfc, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 7, 3, 13),
    ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96, 1, 3),
    ([0xfe, 0xc0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10, 1, 11),
    ([0x3f, 0xfe, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 16, 1, 12),
    ([0; 16], 0, 40, 1),
];

fn as_v6(a: &IpAddr) -> [u8; 16] {
    match a {
        IpAddr::V4(v4) => v4.to_ipv6_mapped().octets(),
        IpAddr::V6(v6) => v6.octets(),
    }
}

fn matches(a: &[u8; 16], prefix: &[u8; 16], bits: u32) -> bool {
    let (whole, rest) = ((bits / 8) as usize, bits % 8);
    a[..whole] == prefix[..whole] && (rest == 0 || (a[whole] ^ prefix[whole]) >> (8 - rest) == 0)
}

fn policy(a: &IpAddr) -> (u8, u8) {
    let b = as_v6(a);
    POLICY.iter().find(|p| matches(&b, &p.0, p.1)).map_or((40, 1), |p| (p.2, p.3))
}

fn scope(a: &IpAddr) -> u8 {
    match a {
        IpAddr::V4(v4) if v4.is_loopback() || v4.is_link_local() => 2,
        IpAddr::V4(_) => 14,
        IpAddr::V6(v6) => scope6(v6),
    }
}

fn scope6(v6: &Ipv6Addr) -> u8 {
    let b = v6.octets();
    if b[0] == 0xff {
        b[1] & 15
    } else if v6.is_loopback() || (b[0] == 0xfe && b[1] & 0xc0 == 0x80) {
        2
    } else if b[0] == 0xfe && b[1] & 0xc0 == 0xc0 {
        5
    } else if let Some(v4) = v6.to_ipv4_mapped() {
        scope(&IpAddr::V4(v4))
    } else {
        14
    }
}

/// The local address the kernel would use to reach `dst`, if it can.
fn source_for(dst: &IpAddr) -> Option<IpAddr> {
    let fam = if dst.is_ipv4() { AddressFamily::INET } else { AddressFamily::INET6 };
    let fd = rustix::net::socket_with(fam, SocketType::DGRAM, SocketFlags::CLOEXEC, None).ok()?;
    rustix::net::connect(&fd, &SocketAddr::new(*dst, 9)).ok()?;
    let local = rustix::net::getsockname(&fd).ok()?;
    SocketAddr::try_from(local).ok().map(|s| s.ip())
}

struct Key {
    usable: bool,
    scope_match: bool,
    label_match: bool,
    precedence: u8,
    scope: u8,
}

fn key(dst: &IpAddr) -> Key {
    let (precedence, label) = policy(dst);
    let src = source_for(dst);
    Key {
        usable: src.is_some(),
        scope_match: src.is_some_and(|s| scope(&s) == scope(dst)),
        label_match: src.is_some_and(|s| policy(&s).1 == label),
        precedence,
        scope: scope(dst),
    }
}

/// Sorts `addrs` by the rules above; stable, so equal ones keep their order.
pub fn sort(addrs: &mut Vec<IpAddr>) {
    if addrs.len() < 2 {
        return;
    }
    let mut keyed: Vec<(Key, IpAddr)> = addrs.iter().map(|a| (key(a), *a)).collect();
    keyed.sort_by(|(a, _), (b, _)| {
        b.usable
            .cmp(&a.usable)
            .then(b.scope_match.cmp(&a.scope_match))
            .then(b.label_match.cmp(&a.label_match))
            .then(b.precedence.cmp(&a.precedence))
            .then(a.scope.cmp(&b.scope))
    });
    *addrs = keyed.into_iter().map(|(_, a)| a).collect();
}
