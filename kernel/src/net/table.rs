//! Who is bound where: AF_UNIX names (absolute paths and abstract names) and
//! the loopback port spaces of TCP and UDP (one per family; an AF_INET6
//! socket bound to :: without IPV6_V6ONLY also holds the IPv4 port, dual
//! stack). Entries are weak: a closed socket simply stops matching.
use super::addr::{Addr, AF_INET, AF_INET6};
use super::Socket;
use crate::errno::*;
use crate::sync::Global;
use alloc::collections::BTreeMap;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;

const EPHEMERAL: core::ops::RangeInclusive<u16> = 32768..=60999;

static UNIX: Global<BTreeMap<Vec<u8>, Weak<Socket>>> = Global::new(BTreeMap::new());
/// (family, type, port) -> sockets bound to it.
static INET: Global<BTreeMap<(u16, u32, u16), Vec<Weak<Socket>>>> = Global::new(BTreeMap::new());
static NEXT_PORT: Global<u16> = Global::new(32768);
static NEXT_AUTO: Global<u32> = Global::new(0);

/// Linux's autobind: a fresh abstract name of five hex digits ("\0" + "%05x").
pub fn unix_autobind(s: &Rc<Socket>) -> Result<Vec<u8>, Errno> {
    for _ in 0..0x10_0000 {
        let n = NEXT_AUTO.get();
        *n = (*n + 1) & 0xf_ffff;
        let mut name = alloc::vec![0u8];
        name.extend_from_slice(alloc::format!("{:05x}", *n).as_bytes());
        if unix_bind(name.clone(), s).is_ok() {
            return Ok(name);
        }
    }
    Err(EADDRINUSE)
}

pub fn unix_bind(key: Vec<u8>, s: &Rc<Socket>) -> Result<(), Errno> {
    let t = UNIX.get();
    if t.get(&key).is_some_and(|w| w.strong_count() > 0) {
        return Err(EADDRINUSE);
    }
    t.insert(key, Rc::downgrade(s));
    Ok(())
}

pub fn unix_lookup(key: &[u8]) -> Option<Rc<Socket>> {
    UNIX.get().get(key).and_then(Weak::upgrade)
}

/// A socket is gone: drop the table entries of closed sockets (their weak
/// references would otherwise keep the allocation alive).
pub fn release(family: u16, ty: u32, local: Option<&Addr>) {
    match local {
        Some(Addr::Unix(_)) => UNIX.get().retain(|_, w| w.strong_count() > 0),
        Some(Addr::Netlink(..)) => {}
        Some(a) => {
            let key = (family, ty, a.port());
            let t = INET.get();
            if let Some(v) = t.get_mut(&key) {
                v.retain(|w| w.strong_count() > 0);
                if v.is_empty() {
                    t.remove(&key);
                }
            }
        }
        None => {}
    }
}

fn live(v: &mut Vec<Weak<Socket>>) -> Vec<Rc<Socket>> {
    v.retain(|w| w.strong_count() > 0);
    v.iter().filter_map(Weak::upgrade).collect()
}

/// An AF_INET6 socket bound to :: without IPV6_V6ONLY: it also owns the port for IPv4.
fn dual(s: &Socket) -> bool {
    let st = s.st.borrow();
    s.family == AF_INET6 && st.local.as_ref().is_some_and(Addr::is_any) && !st.opts.v6only()
}

fn overlaps(a: &Addr, b: &Addr) -> bool {
    a.is_any() || b.is_any() || a == &b.with_port(a.port())
}

/// Binds `s` (of type `ty`) to `addr`; port 0 picks an ephemeral port.
/// Only loopback and wildcard addresses exist on vibix.
pub fn inet_bind(ty: u32, addr: &Addr, s: &Rc<Socket>) -> Result<Addr, Errno> {
    if !addr.is_loopback() && !addr.is_any() {
        return Err(EADDRNOTAVAIL);
    }
    let fam = addr.family();
    let (reuse, want_dual) = {
        let st = s.st.borrow();
        (st.opts.reuseaddr, fam == AF_INET6 && addr.is_any() && !st.opts.v6only())
    };
    // SO_REUSEADDR on both: allowed unless the other TCP socket listens.
    let tolerated = |o: &Socket| reuse && o.st.borrow().opts.reuseaddr && !o.st.borrow().listening;
    let free = |port: u16| -> bool {
        let same = INET.get().get_mut(&(fam, ty, port)).map(live).unwrap_or_default();
        let ok = same.iter().all(|o| !o.st.borrow().local.as_ref().is_some_and(|l| overlaps(l, addr)) || tolerated(o));
        // Dual stack: IPv4 ports are shared with AF_INET6 sockets bound to ::.
        let other = if fam == AF_INET { AF_INET6 } else { AF_INET };
        let cross = INET.get().get_mut(&(other, ty, port)).map(live).unwrap_or_default();
        let cross_ok = cross.iter().all(|o| {
            let clash = if fam == AF_INET { dual(o) } else { want_dual };
            !clash || tolerated(o)
        });
        ok && cross_ok
    };
    let port = if addr.port() != 0 {
        if !free(addr.port()) {
            return Err(EADDRINUSE);
        }
        addr.port()
    } else {
        let n = EPHEMERAL.end() - EPHEMERAL.start() + 1;
        let next = NEXT_PORT.get();
        let mut found = None;
        for _ in 0..n {
            let p = *next;
            *next = if p >= *EPHEMERAL.end() { *EPHEMERAL.start() } else { p + 1 };
            if free(p) {
                found = Some(p);
                break;
            }
        }
        found.ok_or(EADDRINUSE)?
    };
    INET.get().entry((fam, ty, port)).or_default().push(Rc::downgrade(s));
    Ok(addr.with_port(port))
}

/// The socket that receives what is sent to `dest`: for streams a listening
/// one, for datagrams any bound one (most specific address first).
pub fn inet_lookup(ty: u32, dest: &Addr, want_listener: bool) -> Option<Rc<Socket>> {
    let cands = INET.get().get_mut(&(dest.family(), ty, dest.port())).map(live).unwrap_or_default();
    let ok = |s: &Rc<Socket>, exact: bool| {
        let st = s.st.borrow();
        (!want_listener || st.listening)
            && st.local.as_ref().is_some_and(|l| if exact { l == dest } else { l.is_any() })
    };
    let found = cands.iter().find(|s| ok(s, true)).or_else(|| cands.iter().find(|s| ok(s, false))).cloned();
    if found.is_some() || dest.family() != AF_INET {
        return found;
    }
    // IPv4 to a dual-stack AF_INET6 socket bound to ::.
    let v6 = INET.get().get_mut(&(AF_INET6, ty, dest.port())).map(live).unwrap_or_default();
    v6.into_iter().find(|s| dual(s) && (!want_listener || s.st.borrow().listening))
}
