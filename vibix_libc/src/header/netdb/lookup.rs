//! Host names to addresses and back, in the order of a default
//! `hosts: files dns`: `/etc/hosts` first, then the DNS stub resolver.

use alloc::vec::Vec;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::hosts;
use crate::header::resolv::conf::Conf;
use crate::header::resolv::msg::{self, TYPE_A, TYPE_AAAA, TYPE_PTR};
use crate::header::resolv::query::{self, Failure};

/// Which address families a lookup wants.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Want {
    V4,
    V6,
    Both,
}

impl Want {
    pub fn accepts(self, a: &IpAddr) -> bool {
        match self {
            Want::V4 => a.is_ipv4(),
            Want::V6 => a.is_ipv6(),
            Want::Both => true,
        }
    }
}

pub struct Found {
    pub canon: Vec<u8>,
    pub aliases: Vec<Vec<u8>>,
    pub addrs: Vec<IpAddr>,
}

fn from_dns(name: &[u8], want: Want) -> Result<Found, Failure> {
    let conf = Conf::load();
    let types: &[u16] = match want {
        Want::V4 => &[TYPE_A],
        Want::V6 => &[TYPE_AAAA],
        Want::Both => &[TYPE_AAAA, TYPE_A],
    };
    let (fqdn, resps) = query::search(&conf, name, types)?;
    let mut found = Found { canon: Vec::new(), aliases: Vec::new(), addrs: Vec::new() };
    for (resp, &t) in resps.iter().zip(types) {
        let Ok((canon, datas)) = msg::chase(resp, &fqdn, t) else { continue };
        for d in datas {
            let a = match (t, d.len()) {
                (TYPE_A, 4) => IpAddr::V4(Ipv4Addr::new(d[0], d[1], d[2], d[3])),
                (TYPE_AAAA, 16) => IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(d).unwrap_or_default())),
                _ => continue,
            };
            if !found.addrs.contains(&a) {
                found.addrs.push(a);
            }
        }
        if found.canon.is_empty() && !found.addrs.is_empty() {
            found.canon = canon;
        }
    }
    if canon_differs(&found.canon, &fqdn) {
        found.aliases.push(fqdn);
    }
    Ok(found)
}

fn canon_differs(canon: &[u8], name: &[u8]) -> bool {
    !canon.is_empty() && !canon.eq_ignore_ascii_case(name)
}

/// Addresses of `name` (not numeric: the callers handle numeric forms).
pub fn by_name(name: &[u8], want: Want) -> Result<Found, Failure> {
    if name.is_empty() || name.len() > 253 + 1 {
        return Err(Failure::NotFound);
    }
    if let Some((canon, aliases, addrs)) = hosts::by_name(name, |a| want.accepts(a)) {
        return Ok(Found { canon, aliases, addrs });
    }
    // `localhost` without a hosts line (RFC 6761: always the loopback).
    if name.eq_ignore_ascii_case(b"localhost") || name.eq_ignore_ascii_case(b"localhost.") {
        let addrs = [IpAddr::V6(Ipv6Addr::LOCALHOST), IpAddr::V4(Ipv4Addr::LOCALHOST)].into_iter().filter(|a| want.accepts(a)).collect();
        return Ok(Found { canon: b"localhost".to_vec(), aliases: Vec::new(), addrs });
    }
    from_dns(name, want)
}

/// The reverse-lookup name of `a` (`4.3.2.1.in-addr.arpa`, nibbles for IPv6).
pub fn reverse_name(a: &IpAddr) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut n = Vec::with_capacity(73);
    match a {
        IpAddr::V4(v4) => {
            for o in v4.octets().iter().rev() {
                let mut d = [0u8; 3];
                let s = fmt_u8(*o, &mut d);
                n.extend_from_slice(s);
                n.push(b'.');
            }
            n.extend_from_slice(b"in-addr.arpa");
        }
        IpAddr::V6(v6) => {
            for o in v6.octets().iter().rev() {
                n.extend_from_slice(&[HEX[(o & 15) as usize], b'.', HEX[(o >> 4) as usize], b'.']);
            }
            n.extend_from_slice(b"ip6.arpa");
        }
    }
    n
}

fn fmt_u8(v: u8, buf: &mut [u8; 3]) -> &[u8] {
    let mut i = 3;
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = b'0' + v % 10;
        v /= 10;
        if v == 0 {
            return &buf[i..];
        }
    }
}

/// The name (and aliases) of address `a`: `/etc/hosts`, then a PTR query.
pub fn by_addr(a: &IpAddr) -> Result<Vec<Vec<u8>>, Failure> {
    if let Some(names) = hosts::by_addr(a) {
        return Ok(names);
    }
    let conf = Conf::load();
    let rev = reverse_name(a);
    let resp = query::query(&conf, &rev, msg::CLASS_IN, TYPE_PTR)?;
    let (_, datas) = msg::chase(&resp, &rev, TYPE_PTR).map_err(|_| Failure::Fail)?;
    let mut names = Vec::new();
    for d in datas {
        // The PTR data is a (possibly compressed) name: read it in the message.
        let off = d.as_ptr() as usize - resp.as_ptr() as usize;
        if let Ok((n, _)) = msg::read_name(&resp, off) {
            names.push(n);
        }
    }
    if names.is_empty() { Err(Failure::NoData) } else { Ok(names) }
}
