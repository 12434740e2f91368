//! `/etc/hosts`: `address canonical-name aliases...` lines.

use alloc::vec::Vec;
use core::net::IpAddr;

use crate::compat::files;

pub struct Entry {
    pub addr: IpAddr,
    /// The canonical name, then the aliases.
    pub names: Vec<Vec<u8>>,
}

/// Parses an address as inet_pton does for AF_INET/AF_INET6 (no one-part
/// forms like "127.1", as glibc's getaddrinfo with AI_NUMERICHOST).
pub fn parse_ip(s: &[u8]) -> Option<IpAddr> {
    core::str::from_utf8(s).ok()?.parse().ok()
}

pub fn entries() -> Vec<Entry> {
    let mut out = Vec::new();
    let Some(data) = files::read_small(c"/etc/hosts") else { return out };
    for line in files::lines(&data) {
        let mut fields = line.split(|b| b.is_ascii_whitespace()).filter(|f| !f.is_empty());
        // A scope suffix ("fe80::1%eth0") is dropped.
        let Some(addr) = fields.next().and_then(|a| parse_ip(a.split(|&b| b == b'%').next().unwrap_or(a))) else {
            continue;
        };
        let names: Vec<Vec<u8>> = fields.map(<[u8]>::to_vec).collect();
        if !names.is_empty() {
            out.push(Entry { addr, names });
        }
    }
    out
}

/// Lines naming `name`: the first line's canonical name, every alias and every
/// address of those lines in file order ("multi on", Debian's default).
pub fn by_name(name: &[u8], want: impl Fn(&IpAddr) -> bool) -> Option<(Vec<u8>, Vec<Vec<u8>>, Vec<IpAddr>)> {
    let mut canon = None;
    let mut aliases = Vec::new();
    let mut addrs = Vec::new();
    for e in entries() {
        if !want(&e.addr) || !e.names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            continue;
        }
        if canon.is_none() {
            canon = Some(e.names[0].clone());
        }
        for n in &e.names {
            if Some(n) != canon.as_ref() && !aliases.contains(n) {
                aliases.push(n.clone());
            }
        }
        if !addrs.contains(&e.addr) {
            addrs.push(e.addr);
        }
    }
    canon.map(|c| (c, aliases, addrs))
}

/// The first line with address `addr`: its canonical name and aliases.
pub fn by_addr(addr: &IpAddr) -> Option<Vec<Vec<u8>>> {
    entries().into_iter().find(|e| &e.addr == addr).map(|e| e.names)
}
