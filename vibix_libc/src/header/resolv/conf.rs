//! The resolver configuration: `/etc/resolv.conf` (`nameserver`, `search`,
//! `domain`, `options ndots:N timeout:N attempts:N`), then the environment as
//! glibc reads it: `LOCALDOMAIN` replaces the search list, `RES_OPTIONS` adds
//! options. `VIBIX_RESOLV_CONF` names another file (tests point the resolver at
//! their own server with it). A nameserver may carry a port as
//! `[address]:port` (OpenBSD's syntax); the usual form means port 53.

use alloc::vec::Vec;
use core::ffi::{c_char, CStr};
use core::net::{IpAddr, Ipv4Addr, SocketAddr};

use crate::compat::files;

/// glibc's limits (`MAXNS`, `MAXDNSRCH`, `RES_MAXNDOTS`, `RES_MAXRETRANS`, `RES_MAXRETRY`).
pub const MAXNS: usize = 3;
pub const MAXDNSRCH: usize = 6;
const MAX_NDOTS: u32 = 15;
const MAX_TIMEOUT: u32 = 30;
const MAX_ATTEMPTS: u32 = 5;

pub struct Conf {
    pub servers: Vec<SocketAddr>,
    pub search: Vec<Vec<u8>>,
    pub ndots: u32,
    /// Seconds to wait for one server's answer.
    pub timeout: u32,
    /// Rounds over the server list.
    pub attempts: u32,
    /// `options use-vc`: TCP from the start.
    pub use_tcp: bool,
}

extern "C" {
    fn getenv(name: *const c_char) -> *const c_char;
}

fn env(name: &CStr) -> Option<&'static [u8]> {
    // SAFETY: getenv returns NULL or a NUL-terminated string in the environment.
    let p = unsafe { getenv(name.as_ptr()) };
    // SAFETY: checked non-null; the environment outlives this lookup.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
}

fn words(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    line.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty())
}

fn number(v: &[u8]) -> Option<u32> {
    core::str::from_utf8(v).ok()?.parse().ok()
}

/// `addr`, `[addr]` or `[addr]:port`.
fn parse_server(w: &[u8]) -> Option<SocketAddr> {
    let s = core::str::from_utf8(w).ok()?;
    if let Some(rest) = s.strip_prefix('[') {
        let (addr, tail) = rest.split_once(']')?;
        let port = match tail.strip_prefix(':') {
            Some(p) => p.parse().ok()?,
            None if tail.is_empty() => 53,
            None => return None,
        };
        return Some(SocketAddr::new(parse_addr(addr)?, port));
    }
    Some(SocketAddr::new(parse_addr(s)?, 53))
}

/// An address, IPv6 possibly with a `%scope` suffix (the scope is dropped:
/// link-local name servers are not supported).
fn parse_addr(s: &str) -> Option<IpAddr> {
    let s = s.split('%').next()?;
    s.parse().ok()
}

impl Conf {
    fn apply_options(&mut self, opts: &[u8]) {
        for w in words(opts) {
            let (key, val) = match w.iter().position(|&b| b == b':') {
                Some(i) => (&w[..i], &w[i + 1..]),
                None => (w, &b""[..]),
            };
            match key {
                b"ndots" => self.ndots = number(val).map_or(self.ndots, |n| n.min(MAX_NDOTS)),
                b"timeout" => self.timeout = number(val).map_or(self.timeout, |n| n.clamp(1, MAX_TIMEOUT)),
                b"attempts" => self.attempts = number(val).map_or(self.attempts, |n| n.clamp(1, MAX_ATTEMPTS)),
                b"use-vc" => self.use_tcp = true,
                // Other glibc options (rotate, edns0, single-request, ...) change
                // nothing this resolver does differently.
                _ => {}
            }
        }
    }

    fn set_search<'a>(&mut self, list: impl Iterator<Item = &'a [u8]>) {
        self.search.clear();
        for d in list.take(MAXDNSRCH) {
            let d = d.strip_suffix(b".").unwrap_or(d);
            if !d.is_empty() {
                self.search.push(d.to_vec());
            }
        }
    }

    /// The configuration as a lookup sees it now (read on every call, so edits
    /// of resolv.conf take effect without `res_init`).
    pub fn load() -> Conf {
        let mut c = Conf { servers: Vec::new(), search: Vec::new(), ndots: 1, timeout: 5, attempts: 2, use_tcp: false };
        let path = match env(c"VIBIX_RESOLV_CONF") {
            Some(p) if !p.is_empty() => p,
            _ => b"/etc/resolv.conf",
        };
        let mut buf = Vec::with_capacity(path.len() + 1);
        buf.extend_from_slice(path);
        buf.push(0);
        let data = CStr::from_bytes_with_nul(&buf).ok().and_then(files::read_small).unwrap_or_default();
        for line in data.split(|&b| b == b'\n') {
            let line = match line.iter().position(|&b| b == b'#' || b == b';') {
                Some(i) => &line[..i],
                None => line,
            };
            let mut w = words(line);
            match w.next() {
                Some(b"nameserver") => {
                    if let Some(s) = w.next().and_then(parse_server) {
                        if c.servers.len() < MAXNS {
                            c.servers.push(s);
                        }
                    }
                }
                // The last of `domain`/`search` wins, as in glibc.
                Some(b"domain") => c.set_search(w.take(1)),
                Some(b"search") => c.set_search(w),
                Some(b"options") => {
                    let at = find(line, b"options").map_or(line.len(), |i| i + 7);
                    c.apply_options(&line[at..]);
                }
                _ => {}
            }
        }
        if let Some(d) = env(c"LOCALDOMAIN") {
            c.set_search(words(d));
        }
        if let Some(o) = env(c"RES_OPTIONS") {
            c.apply_options(o);
        }
        if c.search.is_empty() {
            // glibc's default: the domain part of the host name.
            if let Some(d) = host_domain() {
                c.search.push(d);
            }
        }
        if c.servers.is_empty() {
            c.servers.push(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 53));
        }
        c
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// What follows the first dot of the host name, if anything.
fn host_domain() -> Option<Vec<u8>> {
    let uts = rustix::system::uname();
    let name = uts.nodename().to_bytes();
    let dot = name.iter().position(|&b| b == b'.')?;
    let d = &name[dot + 1..];
    (!d.is_empty()).then(|| d.to_vec())
}
