//! `<ifaddrs.h>`: `getifaddrs`/`freeifaddrs` from rtnetlink: one AF_PACKET
//! entry per link (its hardware address and statistics, as glibc), then one
//! entry per IPv4/IPv6 address.

pub mod netlink;

use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use static_assertions::const_assert_eq;

use crate::thread::area::{fail, set_errno};
use netlink::{Addr, Link};

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;
const AF_PACKET: u16 = 17;
const IFF_BROADCAST: u32 = 0x2;
const IFF_POINTOPOINT: u32 = 0x10;
const ENOMEM: c_int = 12;

/// `struct ifaddrs`.
#[repr(C)]
pub struct IfAddrs {
    ifa_next: *mut IfAddrs,
    ifa_name: *mut c_char,
    ifa_flags: u32,
    ifa_addr: *mut c_void,
    ifa_netmask: *mut c_void,
    ifa_ifu: *mut c_void,
    ifa_data: *mut c_void,
}
const_assert_eq!(core::mem::size_of::<IfAddrs>(), 56);

/// Per node: the struct, then three sockaddr slots, the name and the statistics.
const SLOT: usize = 32;
const NAME: usize = 16 + 8;
const STATS: usize = 256;
const NODE: usize = core::mem::size_of::<IfAddrs>() + 3 * SLOT + NAME + STATS;

/// A sockaddr of `family` holding `addr` (IPv4/IPv6) or a sockaddr_ll.
fn sockaddr(family: u8, addr: &[u8], scope: u32) -> Option<[u8; SLOT]> {
    let mut s = [0u8; SLOT];
    s[..2].copy_from_slice(&u16::from(family).to_ne_bytes());
    match (family, addr.len()) {
        (AF_INET, 4) => s[4..8].copy_from_slice(addr),
        (AF_INET6, 16) => {
            s[8..24].copy_from_slice(addr);
            s[24..28].copy_from_slice(&scope.to_ne_bytes());
        }
        _ => return None,
    }
    Some(s)
}

fn netmask(family: u8, prefix: u8) -> Option<[u8; SLOT]> {
    let n = if family == AF_INET { 4 } else { 16 };
    let mut m = [0u8; 16];
    for (i, byte) in m.iter_mut().enumerate().take(n) {
        let bits = (prefix as usize).saturating_sub(i * 8).min(8);
        *byte = (0xff00u16 >> bits) as u8;
    }
    sockaddr(family, &m[..n], 0)
}

fn packet_addr(l: &Link, hw: &[u8]) -> [u8; SLOT] {
    // struct sockaddr_ll: family, protocol, ifindex, hatype, pkttype, halen, addr[8].
    let mut s = [0u8; SLOT];
    s[..2].copy_from_slice(&AF_PACKET.to_ne_bytes());
    s[4..8].copy_from_slice(&(l.index as i32).to_ne_bytes());
    s[8..10].copy_from_slice(&l.hatype.to_ne_bytes());
    let n = hw.len().min(8);
    s[11] = n as u8;
    s[12..12 + n].copy_from_slice(&hw[..n]);
    s
}

struct Node<'a> {
    name: &'a [u8],
    flags: u32,
    addr: Option<[u8; SLOT]>,
    netmask: Option<[u8; SLOT]>,
    ifu: Option<[u8; SLOT]>,
    stats: &'a [u8],
}

/// One malloc'd node holding everything it points to.
unsafe fn alloc_node(n: &Node<'_>) -> *mut IfAddrs {
    // SAFETY: a fresh block of NODE bytes; every pointer below stays inside it.
    unsafe {
        let p = malloc(NODE).cast::<u8>();
        if p.is_null() {
            return null_mut();
        }
        core::ptr::write_bytes(p, 0, NODE);
        let base = p.add(core::mem::size_of::<IfAddrs>());
        let slot = |i: usize, v: &Option<[u8; SLOT]>| -> *mut c_void {
            match v {
                Some(s) => {
                    let d = base.add(i * SLOT);
                    core::ptr::copy_nonoverlapping(s.as_ptr(), d, SLOT);
                    d.cast()
                }
                None => null_mut(),
            }
        };
        let name = base.add(3 * SLOT);
        let nlen = n.name.len().min(NAME - 1);
        core::ptr::copy_nonoverlapping(n.name.as_ptr(), name, nlen);
        let stats = name.add(NAME);
        let slen = n.stats.len().min(STATS);
        core::ptr::copy_nonoverlapping(n.stats.as_ptr(), stats, slen);
        p.cast::<IfAddrs>().write(IfAddrs {
            ifa_next: null_mut(),
            ifa_name: name.cast(),
            ifa_flags: n.flags,
            ifa_addr: slot(0, &n.addr),
            ifa_netmask: slot(1, &n.netmask),
            ifa_ifu: slot(2, &n.ifu),
            ifa_data: if slen > 0 { stats.cast() } else { null_mut() },
        });
        p.cast()
    }
}

fn addr_node<'a>(a: &'a Addr, link: Option<&'a Link>) -> Option<Node<'a>> {
    let flags = link.map_or(0, |l| l.flags);
    let name = if !a.label.is_empty() { &a.label[..] } else { link.map_or(&[][..], |l| &l.name[..]) };
    let scoped = a.family == AF_INET6 && a.address.len() == 16 && ((a.address[0] == 0xfe && a.address[1] & 0xc0 == 0x80) || (a.address[0] == 0xff && a.address[1] & 15 <= 2));
    let scope = if scoped { a.index } else { 0 };
    // Point-to-point IPv4: IFA_LOCAL is ours, IFA_ADDRESS the peer.
    let (local, peer) = if !a.local.is_empty() { (&a.local, (a.address != a.local).then_some(&a.address)) } else { (&a.address, None) };
    let ifu = if flags & IFF_POINTOPOINT != 0 {
        peer.and_then(|p| sockaddr(a.family, p, scope))
    } else if flags & IFF_BROADCAST != 0 && !a.broadcast.is_empty() {
        sockaddr(a.family, &a.broadcast, 0)
    } else {
        None
    };
    Some(Node { name, flags, addr: Some(sockaddr(a.family, local, scope)?), netmask: netmask(a.family, a.prefixlen), ifu, stats: &[] })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getifaddrs(out: *mut *mut IfAddrs) -> c_int {
    let (links, addrs) = match (netlink::links(), netlink::addrs()) {
        (Ok(l), Ok(a)) => (l, a),
        (Err(e), _) | (_, Err(e)) => return fail(e, -1),
    };
    let mut nodes = alloc::vec::Vec::new();
    for l in &links {
        let ifu = (!l.broadcast.is_empty() && l.flags & (IFF_BROADCAST | IFF_POINTOPOINT) != 0).then(|| packet_addr(l, &l.broadcast));
        nodes.push(Node { name: &l.name, flags: l.flags, addr: Some(packet_addr(l, &l.address)), netmask: None, ifu, stats: &l.stats });
    }
    for a in addrs.iter().filter(|a| a.family == AF_INET || a.family == AF_INET6) {
        if let Some(n) = addr_node(a, links.iter().find(|l| l.index == a.index)) {
            nodes.push(n);
        }
    }
    let mut head: *mut IfAddrs = null_mut();
    let mut tail: *mut *mut IfAddrs = &mut head;
    for n in &nodes {
        // SAFETY: building the list; on failure everything so far is freed.
        unsafe {
            let p = alloc_node(n);
            if p.is_null() {
                freeifaddrs(head);
                set_errno(ENOMEM);
                return -1;
            }
            *tail = p;
            tail = &mut (*p).ifa_next;
        }
    }
    // SAFETY: the caller's out pointer.
    unsafe { *out = head };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn freeifaddrs(mut p: *mut IfAddrs) {
    while !p.is_null() {
        // SAFETY: nodes come from getifaddrs: one malloc'd block each.
        unsafe {
            let next = (*p).ifa_next;
            free(p.cast());
            p = next;
        }
    }
}

/// Whether a non-loopback IPv4 / IPv6 address is configured (glibc's rule for
/// AI_ADDRCONFIG). When the kernel cannot tell (no netlink), both are assumed.
pub fn configured_families() -> (bool, bool) {
    let Ok(addrs) = netlink::addrs() else { return (true, true) };
    let v4 = addrs.iter().any(|a| a.family == AF_INET && a.address.len() == 4 && a.address[..] != [127, 0, 0, 1]);
    let v6 = addrs.iter().any(|a| {
        a.family == AF_INET6 && a.address.len() == 16 && a.address[..] != core::net::Ipv6Addr::LOCALHOST.octets()[..]
    });
    (v4, v6)
}
