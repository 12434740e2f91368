//! `<netdb.h>`: `getaddrinfo` for numeric addresses, `/etc/hosts` and
//! `localhost`, `freeaddrinfo`, `gai_strerror`. There is no DNS client: other
//! names fail with EAI_NONAME, service names other than numbers with EAI_SERVICE
//! (docs/unsupported.md).

use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void, CStr};
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::ptr::null_mut;

use static_assertions::const_assert_eq;

use super::files;

extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

const AF_UNSPEC: c_int = 0;
const AF_INET: c_int = 2;
const AF_INET6: c_int = 10;
const SOCK_STREAM: c_int = 1;
const SOCK_DGRAM: c_int = 2;
const SOCK_RAW: c_int = 3;
const AI_PASSIVE: c_int = 1;
const AI_CANONNAME: c_int = 2;
const AI_NUMERICHOST: c_int = 4;
const AI_NUMERICSERV: c_int = 0x400;

const EAI_NONAME: c_int = -2;
const EAI_FAMILY: c_int = -6;
const EAI_SERVICE: c_int = -8;
const EAI_MEMORY: c_int = -10;

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

fn parse_port(service: *const c_char, flags: c_int) -> Result<u16, c_int> {
    if service.is_null() {
        return Ok(0);
    }
    // SAFETY: C string from the caller.
    let s = unsafe { CStr::from_ptr(service) }.to_str().map_err(|_| EAI_SERVICE)?;
    // glibc converts with strtoul and keeps the low 16 bits ("99999" -> 34463).
    match s.parse::<u64>() {
        Ok(p) => Ok(p as u16),
        Err(_) if flags & AI_NUMERICSERV != 0 => Err(EAI_NONAME),
        Err(_) => Err(EAI_SERVICE),
    }
}

fn parse_ip(s: &[u8]) -> Option<IpAddr> {
    let s = core::str::from_utf8(s).ok()?;
    // inet_aton's one-part forms ("127.1") are not accepted, like glibc's
    // getaddrinfo with AI_NUMERICHOST.
    s.parse::<Ipv4Addr>().map(IpAddr::V4).ok().or_else(|| s.parse::<Ipv6Addr>().map(IpAddr::V6).ok())
}

/// Addresses for `name` in /etc/hosts, in file order.
fn hosts_lookup(name: &[u8]) -> Vec<IpAddr> {
    let mut found = Vec::new();
    let Some(data) = files::read_small(c"/etc/hosts") else { return found };
    for line in files::lines(&data) {
        let mut fields = line.split(|b| b.is_ascii_whitespace()).filter(|f| !f.is_empty());
        let Some(addr) = fields.next().and_then(parse_ip) else { continue };
        if fields.any(|n| n.eq_ignore_ascii_case(name)) && !found.contains(&addr) {
            found.push(addr);
        }
    }
    found
}

fn wanted(family: c_int, a: &IpAddr) -> bool {
    match family {
        AF_INET => a.is_ipv4(),
        AF_INET6 => a.is_ipv6(),
        _ => true,
    }
}

fn resolve(node: *const c_char, family: c_int, flags: c_int) -> Result<Vec<IpAddr>, c_int> {
    let v4 = |a: Ipv4Addr| IpAddr::V4(a);
    let v6 = |a: Ipv6Addr| IpAddr::V6(a);
    let mut addrs = if node.is_null() {
        if flags & AI_PASSIVE != 0 {
            alloc::vec![v6(Ipv6Addr::UNSPECIFIED), v4(Ipv4Addr::UNSPECIFIED)]
        } else {
            alloc::vec![v6(Ipv6Addr::LOCALHOST), v4(Ipv4Addr::LOCALHOST)]
        }
    } else {
        // SAFETY: C string from the caller.
        let name = unsafe { CStr::from_ptr(node) }.to_bytes();
        if let Some(a) = parse_ip(name) {
            alloc::vec![a]
        } else if flags & AI_NUMERICHOST != 0 {
            return Err(EAI_NONAME);
        } else {
            let mut found = hosts_lookup(name);
            if found.is_empty() && name.eq_ignore_ascii_case(b"localhost") {
                found = alloc::vec![v6(Ipv6Addr::LOCALHOST), v4(Ipv4Addr::LOCALHOST)];
            }
            // glibc's RFC 6724 sort puts IPv6 first for the usual cases.
            found.sort_by_key(|a| a.is_ipv4());
            found
        }
    };
    addrs.retain(|a| wanted(family, a));
    if addrs.is_empty() {
        return Err(EAI_NONAME);
    }
    Ok(addrs)
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
    let (family, socktype, protocol, flags) = match unsafe { hints.as_ref() } {
        Some(h) => (h.ai_family, h.ai_socktype, h.ai_protocol, h.ai_flags),
        None => (AF_UNSPEC, 0, 0, 0),
    };
    if ![AF_UNSPEC, AF_INET, AF_INET6].contains(&family) {
        return EAI_FAMILY;
    }
    if node.is_null() && service.is_null() {
        return EAI_NONAME;
    }
    let port = match parse_port(service, flags) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let addrs = match resolve(node, family, flags) {
        Ok(a) => a,
        Err(e) => return e,
    };
    let kinds: &[(c_int, c_int)] = match socktype {
        0 => &[(SOCK_STREAM, 6), (SOCK_DGRAM, 17), (SOCK_RAW, 0)],
        SOCK_STREAM => &[(SOCK_STREAM, 6)],
        SOCK_DGRAM => &[(SOCK_DGRAM, 17)],
        _ => &[(socktype, 0)],
    };
    let mut head: *mut AddrInfo = null_mut();
    let mut tail: *mut *mut AddrInfo = &mut head;
    for a in &addrs {
        for &(st, default_proto) in kinds {
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
                    ai_protocol: if protocol != 0 { protocol } else { default_proto },
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
    if flags & AI_CANONNAME != 0 && !node.is_null() {
        // SAFETY: `head` is non-null (addrs is not empty); copies the caller's string.
        unsafe {
            let n = CStr::from_ptr(node).to_bytes_with_nul();
            let c = malloc(n.len()).cast::<u8>();
            if !c.is_null() {
                core::ptr::copy_nonoverlapping(n.as_ptr(), c, n.len());
                (*head).ai_canonname = c.cast();
            }
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

/// glibc's messages.
#[unsafe(no_mangle)]
pub extern "C" fn gai_strerror(code: c_int) -> *const c_char {
    match code {
        -1 => c"Bad value for ai_flags",
        -2 => c"Name or service not known",
        -3 => c"Temporary failure in name resolution",
        -4 => c"Non-recoverable failure in name resolution",
        -5 => c"No address associated with hostname",
        -6 => c"ai_family not supported",
        -7 => c"ai_socktype not supported",
        -8 => c"Servname not supported for ai_socktype",
        -9 => c"Address family for hostname not supported",
        -10 => c"Memory allocation failure",
        -11 => c"System error",
        -12 => c"Argument buffer overflow",
        _ => c"Unknown error",
    }
    .as_ptr()
}
