//! `<netinet/ether.h>`: Ethernet address text conversion and `/etc/ethers`
//! lookups (a file of `address hostname` lines, `#` comments).
use core::ffi::{c_char, c_int, CStr};

use crate::compat::files;

type Ether = [u8; 6];

/// Parses `x:x:x:x:x:x` (one or two hex digits each); returns the address
/// and the bytes consumed.
fn parse(s: &[u8]) -> Option<(Ether, usize)> {
    let mut a = [0u8; 6];
    let mut i = 0;
    for (k, o) in a.iter_mut().enumerate() {
        if k > 0 {
            if s.get(i) != Some(&b':') {
                return None;
            }
            i += 1;
        }
        let hex = |j: usize| s.get(j).and_then(|&c| (c as char).to_digit(16));
        let hi = hex(i)?;
        i += 1;
        *o = match hex(i) {
            Some(lo) => {
                i += 1;
                (hi * 16 + lo) as u8
            }
            None => hi as u8,
        };
    }
    Some((a, i))
}

/// Writes `a` as `x:x:x:x:x:x` (lower-case hex, no padding, as glibc) plus NUL.
fn format(a: &Ether, out: &mut [u8; 18]) {
    let mut at = 0;
    for (k, &b) in a.iter().enumerate() {
        if k > 0 {
            out[at] = b':';
            at += 1;
        }
        if b >= 16 {
            out[at] = b"0123456789abcdef"[(b >> 4) as usize];
            at += 1;
        }
        out[at] = b"0123456789abcdef"[(b & 15) as usize];
        at += 1;
    }
    out[at] = 0;
}

static mut NTOA: [u8; 18] = [0; 18];
static mut ATON: Ether = [0; 6];

/// glibc `ether_ntoa_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_ntoa_r(a: *const Ether, buf: *mut c_char) -> *mut c_char {
    // SAFETY: a is a struct ether_addr, buf holds at least 18 bytes (C contract).
    unsafe { format(&*a, &mut *buf.cast::<[u8; 18]>()) };
    buf
}

/// glibc `ether_ntoa` (static buffer).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_ntoa(a: *const Ether) -> *mut c_char {
    // SAFETY: the documented static result buffer.
    unsafe { ether_ntoa_r(a, core::ptr::addr_of_mut!(NTOA).cast()) }
}

/// glibc `ether_aton_r`: NULL unless the whole string is an address.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_aton_r(s: *const c_char, out: *mut Ether) -> *mut Ether {
    // SAFETY: s is a C string.
    let b = unsafe { CStr::from_ptr(s) }.to_bytes();
    match parse(b) {
        Some((a, n)) if n == b.len() => {
            // SAFETY: out is a struct ether_addr.
            unsafe { *out = a };
            out
        }
        _ => core::ptr::null_mut(),
    }
}

/// glibc `ether_aton` (static result).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_aton(s: *const c_char) -> *mut Ether {
    // SAFETY: the documented static result.
    unsafe { ether_aton_r(s, core::ptr::addr_of_mut!(ATON)) }
}

/// One `/etc/ethers` line: address, white space, host name.
fn line(l: &[u8]) -> Option<(Ether, &[u8])> {
    let l = l.split(|&c| c == b'#').next()?;
    let (a, n) = parse(l)?;
    let rest = &l[n..];
    if !rest.first()?.is_ascii_whitespace() {
        return None;
    }
    let name = rest.split(|c| c.is_ascii_whitespace()).find(|w| !w.is_empty())?;
    Some((a, name))
}

/// glibc `ether_line`: parses one line into `addr` and `hostname` (≥ 256 bytes).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_line(l: *const c_char, addr: *mut Ether, host: *mut c_char) -> c_int {
    // SAFETY: l is a C string.
    let Some((a, name)) = line(unsafe { CStr::from_ptr(l) }.to_bytes()) else { return -1 };
    if name.len() > 255 {
        return -1;
    }
    // SAFETY: addr is a struct ether_addr, host has room for a host name.
    unsafe {
        *addr = a;
        core::ptr::copy_nonoverlapping(name.as_ptr(), host.cast::<u8>(), name.len());
        *host.add(name.len()) = 0;
    }
    0
}

/// Finds the first `/etc/ethers` entry `pick` accepts.
fn lookup(mut pick: impl FnMut(&Ether, &[u8]) -> bool) -> Option<(Ether, alloc::vec::Vec<u8>)> {
    let data = files::read_small(c"/etc/ethers")?;
    data.split(|&c| c == b'\n').filter_map(line).find(|(a, n)| pick(a, n)).map(|(a, n)| (a, n.to_vec()))
}

/// glibc `ether_ntohost`: the host name of an address, from /etc/ethers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_ntohost(host: *mut c_char, addr: *const Ether) -> c_int {
    // SAFETY: addr is a struct ether_addr.
    let want = unsafe { *addr };
    let Some((_, name)) = lookup(|a, _| *a == want) else { return -1 };
    // SAFETY: host has room for a host name (C contract: 256 bytes).
    unsafe {
        core::ptr::copy_nonoverlapping(name.as_ptr(), host.cast::<u8>(), name.len().min(255));
        *host.add(name.len().min(255)) = 0;
    }
    0
}

/// glibc `ether_hostton`: the address of a host name, from /etc/ethers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ether_hostton(host: *const c_char, addr: *mut Ether) -> c_int {
    // SAFETY: host is a C string.
    let want = unsafe { CStr::from_ptr(host) }.to_bytes();
    let Some((a, _)) = lookup(|_, n| n == want) else { return -1 };
    // SAFETY: addr is a struct ether_addr.
    unsafe { *addr = a };
    0
}
