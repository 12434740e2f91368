//! `/etc/networks`: `getnetbyname`, `getnetbyaddr`, `getnetent`.

use alloc::vec::Vec;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

use static_assertions::const_assert_eq;

use super::pack::{Packer, StaticBuf};
use super::{aton, c_bytes, AF_INET};
use crate::compat::files;

/// `struct netent`.
#[repr(C)]
pub struct Netent {
    n_name: *mut c_char,
    n_aliases: *mut *mut c_char,
    n_addrtype: c_int,
    n_net: u32,
}
const_assert_eq!(core::mem::size_of::<Netent>(), 24);

struct Line {
    name: Vec<u8>,
    net: u32,
    aliases: Vec<Vec<u8>>,
}

/// A network number: "127" is 127, "10.1" is 0x0a01 (inet_network's rule).
fn network(s: &[u8]) -> Option<u32> {
    let parts = s.split(|&b| b == b'.').count() as u32;
    let full = u32::from(aton(s)?);
    // aton puts the last part in the low bytes; shift the leading parts down.
    Some(match parts {
        1 => full,
        2 => (full >> 24) << 8 | (full & 0xff),
        3 => (full >> 16) << 8 | (full & 0xff),
        _ => full,
    })
}

fn lines() -> Vec<Line> {
    let mut out = Vec::new();
    let Some(data) = files::read_small(c"/etc/networks") else { return out };
    for l in files::lines(&data) {
        let mut f = l.split(|b| b.is_ascii_whitespace()).filter(|f| !f.is_empty());
        let (Some(name), Some(num)) = (f.next(), f.next()) else { continue };
        let Some(net) = network(num) else { continue };
        out.push(Line { name: name.to_vec(), net, aliases: f.map(<[u8]>::to_vec).collect() });
    }
    out
}

static NET: StaticBuf<Netent, 1024> = StaticBuf {
    value: UnsafeCell::new(Netent { n_name: null_mut(), n_aliases: null_mut(), n_addrtype: 0, n_net: 0 }),
    buf: UnsafeCell::new([0; 1024]),
};

fn result(l: Option<Line>) -> *mut Netent {
    let Some(l) = l else { return null_mut() };
    // SAFETY: the static area (non-reentrant API, see StaticBuf).
    unsafe {
        let mut p = Packer::new(NET.buf.get().cast(), 1024);
        let (Some(name), Some(al)) = (p.str(&l.name), p.str_list(&l.aliases)) else { return null_mut() };
        NET.value.get().write(Netent { n_name: name, n_aliases: al, n_addrtype: AF_INET, n_net: l.net });
        NET.value.get()
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getnetbyname(name: *const c_char) -> *mut Netent {
    // SAFETY: a C string from the caller.
    let name = unsafe { c_bytes(name) };
    result(lines().into_iter().find(|l| l.name == name || l.aliases.iter().any(|a| a == name)))
}

#[unsafe(no_mangle)]
pub extern "C" fn getnetbyaddr(net: u32, family: c_int) -> *mut Netent {
    if family != AF_INET {
        return null_mut();
    }
    result(lines().into_iter().find(|l| l.net == net))
}

static CURSOR: AtomicUsize = AtomicUsize::new(0);

#[unsafe(no_mangle)]
pub extern "C" fn getnetent() -> *mut Netent {
    result(lines().into_iter().nth(CURSOR.fetch_add(1, Ordering::Relaxed)))
}

#[unsafe(no_mangle)]
pub extern "C" fn setnetent(_stayopen: c_int) {
    CURSOR.store(0, Ordering::Relaxed);
}

#[unsafe(no_mangle)]
pub extern "C" fn endnetent() {
    CURSOR.store(0, Ordering::Relaxed);
}
