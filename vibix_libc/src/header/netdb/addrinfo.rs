//! `getaddrinfo`/`freeaddrinfo`: numeric hosts, `/etc/hosts`, DNS; numeric
//! and `/etc/services` services; results ordered by RFC 6724 (sort.rs).

use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void, CStr};
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::ptr::null_mut;

use static_assertions::const_assert_eq;

use super::lookup::{self, Want};
use super::{hosts, services, sort, *};
use crate::header::resolv::query::Failure;

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

/// glibc's `struct addrinfo` (x86_64).
#[repr(C)]
pub struct AddrInfo {
    ai_flags: c_int,
    ai_family: c_int,
    ai_socktype: c_int,
    ai_protocol: c_int,
    ai_addrlen: u32,
    ai_addr: *mut c_void,
    ai_canonname: *mut c_char,
    ai_next: *mut AddrInfo,
}
const_assert_eq!(core::mem::size_of::<AddrInfo>(), 48);
const_assert_eq!(core::mem::offset_of!(AddrInfo, ai_addr), 24);

/// Room for a `sockaddr_in6` (the larger of the two) after each node.
const SOCKADDR_ROOM: usize = 28;
const KNOWN_FLAGS: c_int = AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG | AI_NUMERICSERV | AI_IDN | AI_CANONIDN;

/// (socktype, protocol, port) triples the service allows.
fn services_for(service: *const c_char, socktype: c_int, protocol: c_int, flags: c_int) -> Result<Vec<(c_int, c_int, u16)>, c_int> {
    let kinds: Vec<(c_int, c_int, &[u8])> = match socktype {
        0 => alloc::vec![(SOCK_STREAM, IPPROTO_TCP, &b"tcp"[..]), (SOCK_DGRAM, IPPROTO_UDP, b"udp"), (SOCK_RAW, 0, b"")],
        SOCK_STREAM => alloc::vec![(SOCK_STREAM, IPPROTO_TCP, &b"tcp"[..])],
        SOCK_DGRAM => alloc::vec![(SOCK_DGRAM, IPPROTO_UDP, &b"udp"[..])],
        SOCK_RAW => alloc::vec![(SOCK_RAW, 0, &b""[..])],
        SOCK_SEQPACKET => alloc::vec![(SOCK_SEQPACKET, 0, &b""[..])],
        _ => return Err(EAI_SOCKTYPE),
    };
    let kinds: Vec<_> = kinds
        .into_iter()
        .filter(|&(_, p, _)| protocol == 0 || p == 0 || p == protocol)
        .map(|(t, p, n)| (t, if protocol != 0 { protocol } else { p }, n))
        .collect();
    if kinds.is_empty() {
        return Err(EAI_SOCKTYPE);
    }
    if service.is_null() {
        return Ok(kinds.into_iter().map(|(t, p, _)| (t, p, 0)).collect());
    }
    // SAFETY: C string from the caller.
    let s = unsafe { CStr::from_ptr(service) }.to_bytes();
    if let Some(port) = core::str::from_utf8(s).ok().filter(|s| !s.is_empty()).and_then(|s| s.parse::<u64>().ok()) {
        // glibc converts with strtoul and keeps the low 16 bits ("99999" -> 34463).
        return Ok(kinds.into_iter().map(|(t, p, _)| (t, p, port as u16)).collect());
    }
    if flags & AI_NUMERICSERV != 0 {
        return Err(EAI_NONAME);
    }
    // Named services exist per protocol; raw sockets have none.
    let out: Vec<_> = kinds
        .into_iter()
        .filter(|(_, _, n)| !n.is_empty())
        .filter_map(|(t, p, n)| services::service_port(s, Some(n)).map(|port| (t, p, port)))
        .collect();
    if out.is_empty() { Err(EAI_SERVICE) } else { Ok(out) }
}

fn map_failure(f: Failure) -> c_int {
    match f {
        Failure::NotFound => EAI_NONAME,
        Failure::NoData => EAI_NODATA,
        Failure::Again => EAI_AGAIN,
        Failure::Fail => EAI_FAIL,
    }
}

/// Addresses and canonical name for `node` under `family`/`flags`.
fn resolve(node: &[u8], family: c_int, flags: c_int) -> Result<(Vec<IpAddr>, Vec<u8>), c_int> {
    let mapped = family == AF_INET6 && flags & AI_V4MAPPED != 0;
    let numeric = hosts::parse_ip(node).or_else(|| {
        // inet_aton forms ("127.1", "0x7f.1") are accepted by glibc for names too.
        crate::header::netdb::aton(node).map(IpAddr::V4)
    });
    if let Some(a) = numeric {
        let a = match a {
            IpAddr::V4(v4) if mapped => IpAddr::V6(v4.to_ipv6_mapped()),
            a => a,
        };
        return match (family, a) {
            (AF_INET, IpAddr::V6(_)) | (AF_INET6, IpAddr::V4(_)) => Err(EAI_ADDRFAMILY),
            _ => Ok((alloc::vec![a], node.to_vec())),
        };
    }
    if flags & AI_NUMERICHOST != 0 {
        return Err(EAI_NONAME);
    }
    let want = match family {
        AF_INET => Want::V4,
        AF_INET6 if !mapped => Want::V6,
        _ => Want::Both,
    };
    let found = lookup::by_name(node, want).map_err(map_failure)?;
    let mut addrs = found.addrs;
    if mapped {
        let has6 = addrs.iter().any(IpAddr::is_ipv6);
        let all = flags & AI_ALL != 0;
        addrs = addrs
            .into_iter()
            .filter_map(|a| match a {
                IpAddr::V4(v4) if all || !has6 => Some(IpAddr::V6(v4.to_ipv6_mapped())),
                IpAddr::V4(_) => None,
                a => Some(a),
            })
            .collect();
    }
    if addrs.is_empty() {
        return Err(if family == AF_UNSPEC { EAI_NODATA } else { EAI_ADDRFAMILY });
    }
    sort::sort(&mut addrs);
    Ok((addrs, found.canon))
}

/// Writes `a:port` as a sockaddr at `dst`; returns its length.
unsafe fn write_sockaddr(dst: *mut u8, a: &IpAddr, port: u16) -> u32 {
    let mut raw = [0u8; SOCKADDR_ROOM];
    let len = match a {
        IpAddr::V4(a) => {
            raw[..2].copy_from_slice(&(AF_INET as u16).to_ne_bytes());
            raw[2..4].copy_from_slice(&port.to_be_bytes());
            raw[4..8].copy_from_slice(&a.octets());
            16
        }
        IpAddr::V6(a) => {
            raw[..2].copy_from_slice(&(AF_INET6 as u16).to_ne_bytes());
            raw[2..4].copy_from_slice(&port.to_be_bytes());
            raw[8..24].copy_from_slice(&a.octets());
            28
        }
    };
    // SAFETY: `dst` has SOCKADDR_ROOM bytes (allocated with the node).
    unsafe { core::ptr::copy_nonoverlapping(raw.as_ptr(), dst, SOCKADDR_ROOM) };
    len
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getaddrinfo(node: *const c_char, service: *const c_char, hints: *const AddrInfo, res: *mut *mut AddrInfo) -> c_int {
    // SAFETY: `hints` is NULL or a valid addrinfo (C contract).
    let (mut family, socktype, protocol, flags) = match unsafe { hints.as_ref() } {
        Some(h) => (h.ai_family, h.ai_socktype, h.ai_protocol, h.ai_flags),
        None => (AF_UNSPEC, 0, 0, AI_V4MAPPED | AI_ADDRCONFIG),
    };
    if flags & !KNOWN_FLAGS != 0 || (flags & AI_CANONNAME != 0 && node.is_null()) {
        return EAI_BADFLAGS;
    }
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&family) {
        return EAI_FAMILY;
    }
    if node.is_null() && service.is_null() {
        return EAI_NONAME;
    }
    if flags & AI_ADDRCONFIG != 0 {
        let (v4, v6) = crate::header::ifaddrs::configured_families();
        if family == AF_UNSPEC && v4 != v6 {
            family = if v4 { AF_INET } else { AF_INET6 };
        } else if (family == AF_INET && !v4) || (family == AF_INET6 && !v6) {
            return EAI_NONAME;
        }
    }
    let kinds = match services_for(service, socktype, protocol, flags) {
        Ok(k) => k,
        Err(e) => return e,
    };
    let (addrs, canon) = if node.is_null() {
        let (v6, v4) = if flags & AI_PASSIVE != 0 {
            (IpAddr::V6(Ipv6Addr::UNSPECIFIED), IpAddr::V4(Ipv4Addr::UNSPECIFIED))
        } else {
            (IpAddr::V6(Ipv6Addr::LOCALHOST), IpAddr::V4(Ipv4Addr::LOCALHOST))
        };
        let mut list = match family {
            AF_INET => alloc::vec![v4],
            AF_INET6 => alloc::vec![v6],
            _ => alloc::vec![v6, v4],
        };
        sort::sort(&mut list);
        (list, Vec::new())
    } else {
        // SAFETY: C string from the caller.
        match resolve(unsafe { CStr::from_ptr(node) }.to_bytes(), family, flags) {
            Ok(r) => r,
            Err(e) => return e,
        }
    };
    let mut head: *mut AddrInfo = null_mut();
    let mut tail: *mut *mut AddrInfo = &mut head;
    for a in &addrs {
        for &(st, proto, port) in &kinds {
            // SAFETY: one allocation holds the node and its sockaddr.
            let node_mem = unsafe { malloc(core::mem::size_of::<AddrInfo>() + SOCKADDR_ROOM) }.cast::<AddrInfo>();
            if node_mem.is_null() {
                // SAFETY: frees what this call built so far.
                unsafe { freeaddrinfo(head) };
                return EAI_MEMORY;
            }
            // SAFETY: `node_mem` is a fresh allocation of the right size/alignment.
            unsafe {
                let sa = node_mem.add(1).cast::<u8>();
                let len = write_sockaddr(sa, a, port);
                node_mem.write(AddrInfo {
                    ai_flags: flags,
                    ai_family: if a.is_ipv4() { AF_INET } else { AF_INET6 },
                    ai_socktype: st,
                    ai_protocol: proto,
                    ai_addrlen: len,
                    ai_addr: sa.cast(),
                    ai_canonname: null_mut(),
                    ai_next: null_mut(),
                });
                *tail = node_mem;
                tail = &mut (*node_mem).ai_next;
            }
        }
    }
    if flags & AI_CANONNAME != 0 && !head.is_null() {
        // SAFETY: `head` is non-null; a fresh NUL-terminated copy.
        unsafe {
            let c = malloc(canon.len() + 1).cast::<u8>();
            if c.is_null() {
                freeaddrinfo(head);
                return EAI_MEMORY;
            }
            core::ptr::copy_nonoverlapping(canon.as_ptr(), c, canon.len());
            *c.add(canon.len()) = 0;
            (*head).ai_canonname = c.cast();
        }
    }
    // SAFETY: `res` is a valid out pointer (C contract).
    unsafe { *res = head };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn freeaddrinfo(mut ai: *mut AddrInfo) {
    while !ai.is_null() {
        // SAFETY: nodes come from getaddrinfo above: malloc'd, canonname too.
        unsafe {
            let next = (*ai).ai_next;
            free((*ai).ai_canonname.cast());
            free(ai.cast());
            ai = next;
        }
    }
}
