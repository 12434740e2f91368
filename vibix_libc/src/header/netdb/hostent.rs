//! `gethostbyname`, `gethostbyname2`, `gethostbyaddr` (+ `_r`) and the
//! `/etc/hosts` walk `gethostent`. Results are `struct hostent` packed into
//! the caller's buffer (`_r`) or a static one.

use alloc::vec::Vec;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_void};
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

use static_assertions::const_assert_eq;

use super::lookup::{self, Want};
use super::pack::{Packer, StaticBuf};
use super::*;
use crate::header::resolv::query::Failure;

const ERANGE: c_int = 34;
const EAGAIN: c_int = 11;
const EBADMSG: c_int = 74;
const EAFNOSUPPORT: c_int = 97;

/// `struct hostent`.
#[repr(C)]
pub struct Hostent {
    h_name: *mut c_char,
    h_aliases: *mut *mut c_char,
    h_addrtype: c_int,
    h_length: c_int,
    h_addr_list: *mut *mut c_char,
}
const_assert_eq!(core::mem::size_of::<Hostent>(), 32);

struct Host {
    name: Vec<u8>,
    aliases: Vec<Vec<u8>>,
    family: c_int,
    addrs: Vec<IpAddr>,
}

fn octets(a: &IpAddr) -> Vec<u8> {
    match a {
        IpAddr::V4(v) => v.octets().to_vec(),
        IpAddr::V6(v) => v.octets().to_vec(),
    }
}

unsafe fn fill(h: &Host, out: *mut Hostent, buf: *mut u8, len: usize) -> bool {
    // SAFETY: the caller's buffer.
    let mut p = unsafe { Packer::new(buf, len) };
    let mut addrs = Vec::new();
    for a in &h.addrs {
        let Some(b) = p.bytes(&octets(a)) else { return false };
        addrs.push(b);
    }
    let (Some(list), Some(name), Some(aliases)) = (p.ptrs(&addrs), p.str(&h.name), p.str_list(&h.aliases)) else { return false };
    // SAFETY: the caller's hostent.
    unsafe {
        out.write(Hostent {
            h_name: name,
            h_aliases: aliases,
            h_addrtype: h.family,
            h_length: if h.family == AF_INET { 4 } else { 16 },
            h_addr_list: list,
        })
    };
    true
}

fn by_name(name: &[u8], family: c_int) -> Result<Host, Failure> {
    let numeric = super::hosts::parse_ip(name).or_else(|| aton(name).map(IpAddr::V4));
    if let Some(a) = numeric {
        let a = match (family, a) {
            (AF_INET, IpAddr::V4(_)) | (AF_INET6, IpAddr::V6(_)) => a,
            (AF_INET6, IpAddr::V4(v4)) => IpAddr::V6(v4.to_ipv6_mapped()),
            _ => return Err(Failure::NotFound),
        };
        return Ok(Host { name: name.to_vec(), aliases: Vec::new(), family, addrs: alloc::vec![a] });
    }
    let want = if family == AF_INET { Want::V4 } else { Want::V6 };
    let f = lookup::by_name(name, want)?;
    if f.addrs.is_empty() {
        return Err(Failure::NoData);
    }
    Ok(Host { name: f.canon, aliases: f.aliases, family, addrs: f.addrs })
}

fn by_addr(addr: *const c_void, len: u32, family: c_int) -> Result<Host, Failure> {
    // SAFETY: `len` readable bytes (C contract), length checked per family.
    let b = unsafe { core::slice::from_raw_parts(addr.cast::<u8>(), len as usize) };
    let a = match (family, len) {
        (AF_INET, 4) => IpAddr::V4(Ipv4Addr::new(b[0], b[1], b[2], b[3])),
        (AF_INET6, 16) => IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(b).unwrap_or_default())),
        _ => return Err(Failure::Fail),
    };
    let mut names = lookup::by_addr(&a)?;
    let name = names.remove(0);
    Ok(Host { name, aliases: names, family, addrs: alloc::vec![a] })
}

/// The `_r` convention (musl's): 0 with `*result` set, 0 with `*result` NULL
/// and `*err` = HOST_NOT_FOUND/NO_DATA, or an errno value.
unsafe fn give_r(r: Result<Host, Failure>, out: *mut Hostent, buf: *mut c_char, len: usize, result: *mut *mut Hostent, err: *mut c_int) -> c_int {
    // SAFETY: the caller's out pointers (err may be NULL).
    unsafe {
        *result = null_mut();
        let set = |e: c_int| if !err.is_null() { *err = e };
        match r {
            Ok(h) if fill(&h, out, buf.cast(), len) => {
                *result = out;
                0
            }
            Ok(_) => {
                set(NO_RECOVERY);
                ERANGE
            }
            Err(Failure::NotFound) => {
                set(HOST_NOT_FOUND);
                0
            }
            Err(Failure::NoData) => {
                set(NO_DATA);
                0
            }
            Err(Failure::Again) => {
                set(TRY_AGAIN);
                EAGAIN
            }
            Err(Failure::Fail) => {
                set(NO_RECOVERY);
                EBADMSG
            }
        }
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostbyname2_r(name: *const c_char, family: c_int, out: *mut Hostent, buf: *mut c_char, len: usize, result: *mut *mut Hostent, err: *mut c_int) -> c_int {
    if family != AF_INET && family != AF_INET6 {
        // SAFETY: the caller's out pointers.
        unsafe {
            *result = null_mut();
            if !err.is_null() {
                *err = NO_RECOVERY;
            }
        }
        return EAFNOSUPPORT;
    }
    // SAFETY: C string from the caller; the caller's buffers.
    unsafe { give_r(by_name(c_bytes(name), family), out, buf, len, result, err) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostbyname_r(name: *const c_char, out: *mut Hostent, buf: *mut c_char, len: usize, result: *mut *mut Hostent, err: *mut c_int) -> c_int {
    // SAFETY: same contract.
    unsafe { gethostbyname2_r(name, AF_INET, out, buf, len, result, err) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostbyaddr_r(addr: *const c_void, len: u32, family: c_int, out: *mut Hostent, buf: *mut c_char, buflen: usize, result: *mut *mut Hostent, err: *mut c_int) -> c_int {
    // SAFETY: the caller's buffers.
    unsafe { give_r(by_addr(addr, len, family), out, buf, buflen, result, err) }
}

const STATIC_LEN: usize = 4096;
static HOST: StaticBuf<Hostent, STATIC_LEN> = StaticBuf {
    value: UnsafeCell::new(Hostent { h_name: null_mut(), h_aliases: null_mut(), h_addrtype: 0, h_length: 0, h_addr_list: null_mut() }),
    buf: UnsafeCell::new([0; STATIC_LEN]),
};

unsafe fn static_result(r: Result<Host, Failure>) -> *mut Hostent {
    let mut result = null_mut();
    let mut err = 0;
    // SAFETY: the static area (non-reentrant API, see StaticBuf).
    unsafe { give_r(r, HOST.value.get(), HOST.buf.get().cast(), STATIC_LEN, &mut result, &mut err) };
    if result.is_null() {
        set_h_errno(err);
    }
    result
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostbyname2(name: *const c_char, family: c_int) -> *mut Hostent {
    if family != AF_INET && family != AF_INET6 {
        set_h_errno(NO_RECOVERY);
        return null_mut();
    }
    // SAFETY: C string from the caller.
    unsafe { static_result(by_name(c_bytes(name), family)) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostbyname(name: *const c_char) -> *mut Hostent {
    // SAFETY: same contract.
    unsafe { gethostbyname2(name, AF_INET) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostbyaddr(addr: *const c_void, len: u32, family: c_int) -> *mut Hostent {
    // SAFETY: the caller's address bytes.
    unsafe { static_result(by_addr(addr, len, family)) }
}

static CURSOR: AtomicUsize = AtomicUsize::new(0);

/// The next IPv4 line of `/etc/hosts` (glibc's files backend parses IPv6 lines
/// only with RES_USE_INET6).
#[unsafe(no_mangle)]
pub extern "C" fn gethostent() -> *mut Hostent {
    let i = CURSOR.fetch_add(1, Ordering::Relaxed);
    let Some(e) = super::hosts::entries().into_iter().filter(|e| e.addr.is_ipv4()).nth(i) else { return null_mut() };
    let mut names = e.names;
    let name = names.remove(0);
    // SAFETY: the static area.
    unsafe { static_result(Ok(Host { name, aliases: names, family: AF_INET, addrs: alloc::vec![e.addr] })) }
}

#[unsafe(no_mangle)]
pub extern "C" fn sethostent(_stayopen: c_int) {
    CURSOR.store(0, Ordering::Relaxed);
}

#[unsafe(no_mangle)]
pub extern "C" fn endhostent() {
    CURSOR.store(0, Ordering::Relaxed);
}
