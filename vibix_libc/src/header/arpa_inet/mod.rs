//! `<arpa/inet.h>`: byte order and IPv4/IPv6 address text conversion
//! (POSIX inet_pton/inet_ntop, BSD inet_aton & co.).
use core::ffi::{c_char, c_int, c_uint, CStr};
use rustix::io::Errno;

use crate::thread::area::fail;

mod v6;

const AF_INET: c_int = 2;
const AF_INET6: c_int = 10;
const INADDR_NONE: u32 = 0xffff_ffff;

/// `<netinet/in.h>`'s `in6addr_any` (`::`) and `in6addr_loopback` (`::1`).
#[unsafe(no_mangle)]
pub static in6addr_any: [u8; 16] = [0; 16];
#[unsafe(no_mangle)]
pub static in6addr_loopback: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

#[unsafe(no_mangle)]
pub extern "C" fn htonl(x: u32) -> u32 {
    x.to_be()
}
#[unsafe(no_mangle)]
pub extern "C" fn htons(x: u16) -> u16 {
    x.to_be()
}
#[unsafe(no_mangle)]
pub extern "C" fn ntohl(x: u32) -> u32 {
    u32::from_be(x)
}
#[unsafe(no_mangle)]
pub extern "C" fn ntohs(x: u16) -> u16 {
    u16::from_be(x)
}

/// One number in C syntax (`0x` hex, leading `0` octal, else decimal);
/// returns the value and the bytes consumed, None without digits or on overflow.
fn c_number(s: &[u8]) -> Option<(u32, usize)> {
    let (base, mut i) = match s {
        [b'0', b'x' | b'X', ..] => (16, 2),
        [b'0', ..] => (8, 1),
        _ => (10, 0),
    };
    let start = i;
    let mut v: u64 = 0;
    while let Some(d) = s.get(i).and_then(|&c| (c as char).to_digit(base)) {
        v = v * base as u64 + d as u64;
        if v > u32::MAX as u64 {
            return None;
        }
        i += 1;
    }
    // "0" alone is octal with no further digits; "0x" needs hex digits.
    if i == start && base != 8 {
        return None;
    }
    Some((v as u32, i))
}

/// The dot-separated numbers of a BSD address (1 to 4 parts), up to the end
/// or the first white space.
fn parts(s: &[u8]) -> Option<([u32; 4], usize)> {
    let mut p = [0u32; 4];
    let mut n = 0;
    let mut at = 0;
    loop {
        if n == 4 {
            return None;
        }
        let (v, len) = c_number(&s[at..])?;
        p[n] = v;
        n += 1;
        at += len;
        match s.get(at) {
            Some(b'.') => at += 1,
            None => break,
            Some(c) if c.is_ascii_whitespace() => break,
            Some(_) => return None,
        }
    }
    Some((p, n))
}

/// inet_aton's numbers-and-dots forms: a.b.c.d, a.b.c (c: 16 bits), a.b (b: 24 bits), a.
fn aton(s: &[u8]) -> Option<u32> {
    let (p, n) = parts(s)?;
    let small = |v: u32, bits: u32| if bits == 32 || v < (1 << bits) { Some(v) } else { None };
    Some(match n {
        1 => p[0],
        2 => (small(p[0], 8)? << 24) | small(p[1], 24)?,
        3 => (small(p[0], 8)? << 24) | (small(p[1], 8)? << 16) | small(p[2], 16)?,
        _ => (small(p[0], 8)? << 24) | (small(p[1], 8)? << 16) | (small(p[2], 8)? << 8) | small(p[3], 8)?,
    })
}

/// BSD `inet_aton`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_aton(cp: *const c_char, out: *mut u32) -> c_int {
    // SAFETY: cp is a C string (C contract).
    match aton(unsafe { CStr::from_ptr(cp) }.to_bytes()) {
        Some(a) => {
            if !out.is_null() {
                // SAFETY: out points at a struct in_addr.
                unsafe { *out = a.to_be() };
            }
            1
        }
        None => 0,
    }
}

/// POSIX `inet_addr`: the address in network order, or INADDR_NONE.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_addr(cp: *const c_char) -> u32 {
    // SAFETY: cp is a C string.
    aton(unsafe { CStr::from_ptr(cp) }.to_bytes()).map_or(INADDR_NONE, u32::to_be)
}

/// POSIX `inet_network`: a network number in host order, parts being bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_network(cp: *const c_char) -> u32 {
    // SAFETY: cp is a C string.
    let s = unsafe { CStr::from_ptr(cp) }.to_bytes();
    let Some((p, n)) = parts(s) else { return INADDR_NONE };
    // Every part is one byte; only white space may follow the number.
    let tail = s.iter().position(u8::is_ascii_whitespace).map_or(&[][..], |i| &s[i..]);
    if p[..n].iter().any(|&v| v > 255) || !tail.iter().all(u8::is_ascii_whitespace) {
        return INADDR_NONE;
    }
    p[..n].iter().fold(0, |acc, &v| (acc << 8) | v)
}

/// Formats `a` (host order) as dotted decimal into `buf`; returns the length.
fn ntoa4(a: [u8; 4], buf: &mut [u8; 16]) -> usize {
    let mut at = 0;
    for (i, &b) in a.iter().enumerate() {
        if i > 0 {
            buf[at] = b'.';
            at += 1;
        }
        at += put_dec(b as u32, &mut buf[at..]);
    }
    buf[at] = 0;
    at
}

fn put_dec(mut v: u32, out: &mut [u8]) -> usize {
    let mut tmp = [0u8; 10];
    let mut n = 0;
    loop {
        tmp[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for i in 0..n {
        out[i] = tmp[n - 1 - i];
    }
    n
}

static mut NTOA_BUF: [u8; 16] = [0; 16];

/// POSIX `inet_ntoa` (static buffer, as POSIX allows).
#[unsafe(no_mangle)]
pub extern "C" fn inet_ntoa(a: u32) -> *mut c_char {
    // SAFETY: the documented static result buffer; not thread-safe by specification.
    let buf = unsafe { &mut *core::ptr::addr_of_mut!(NTOA_BUF) };
    ntoa4(a.to_ne_bytes(), buf);
    buf.as_mut_ptr().cast()
}

/// BSD `inet_makeaddr`: network number + local host part by address class.
#[unsafe(no_mangle)]
pub extern "C" fn inet_makeaddr(net: u32, host: u32) -> u32 {
    let a = if net < 128 {
        (net << 24) | (host & 0x00ff_ffff)
    } else if net < 65536 {
        (net << 16) | (host & 0xffff)
    } else if net < 16_777_216 {
        (net << 8) | (host & 0xff)
    } else {
        net | host
    };
    a.to_be()
}

/// BSD `inet_lnaof`: the local part of a class A/B/C address.
#[unsafe(no_mangle)]
pub extern "C" fn inet_lnaof(a: u32) -> u32 {
    let i = u32::from_be(a);
    match class(i) {
        0 => i & 0x00ff_ffff,
        1 => i & 0xffff,
        _ => i & 0xff,
    }
}

/// BSD `inet_netof`: the network part of a class A/B/C address.
#[unsafe(no_mangle)]
pub extern "C" fn inet_netof(a: u32) -> u32 {
    let i = u32::from_be(a);
    match class(i) {
        0 => i >> 24,
        1 => i >> 16,
        _ => i >> 8,
    }
}

fn class(i: u32) -> u32 {
    if i & 0x8000_0000 == 0 {
        0
    } else if i & 0xc000_0000 == 0x8000_0000 {
        1
    } else {
        2
    }
}

/// inet_pton's strict IPv4 form: four decimal parts 0..255, no leading zeros.
pub(crate) fn pton4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut it = s.split(|&c| c == b'.');
    for o in out.iter_mut() {
        let p = it.next()?;
        if p.is_empty() || p.len() > 3 || (p.len() > 1 && p[0] == b'0') || !p.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let v = p.iter().fold(0u32, |a, &d| a * 10 + (d - b'0') as u32);
        *o = u8::try_from(v).ok()?;
    }
    if it.next().is_some() {
        return None;
    }
    Some(out)
}

/// POSIX `inet_pton`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_pton(af: c_int, src: *const c_char, dst: *mut u8) -> c_int {
    // SAFETY: src is a C string (C contract).
    let s = unsafe { CStr::from_ptr(src) }.to_bytes();
    let (bytes, n): ([u8; 16], usize) = match af {
        AF_INET => match pton4(s) {
            Some(a) => {
                let mut b = [0; 16];
                b[..4].copy_from_slice(&a);
                (b, 4)
            }
            None => return 0,
        },
        AF_INET6 => match v6::pton6(s) {
            Some(a) => (a, 16),
            None => return 0,
        },
        _ => return fail(Errno::AFNOSUPPORT, -1),
    };
    // SAFETY: dst holds a struct in_addr / in6_addr for `af`.
    unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, n) };
    1
}

/// POSIX `inet_ntop`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inet_ntop(af: c_int, src: *const u8, dst: *mut c_char, size: c_uint) -> *const c_char {
    let mut buf = [0u8; 48];
    let len = match af {
        AF_INET => {
            let mut b = [0u8; 16];
            // SAFETY: src points at a struct in_addr.
            let n = ntoa4(unsafe { *src.cast::<[u8; 4]>() }, &mut b);
            buf[..n].copy_from_slice(&b[..n]);
            n
        }
        // SAFETY: src points at a struct in6_addr.
        AF_INET6 => v6::ntop6(unsafe { &*src.cast::<[u8; 16]>() }, &mut buf),
        _ => return fail(Errno::AFNOSUPPORT, core::ptr::null()),
    };
    if len + 1 > size as usize {
        return fail(Errno::NOSPC, core::ptr::null());
    }
    // SAFETY: dst has `size` > len bytes.
    unsafe {
        core::ptr::copy_nonoverlapping(buf.as_ptr(), dst.cast::<u8>(), len);
        *dst.add(len) = 0;
    }
    dst
}
