//! `getnameinfo`: socket address to host and service text.

use alloc::vec::Vec;
use core::ffi::{c_char, c_int};
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::lookup;
use super::services;
use super::*;
use crate::header::resolv::query::Failure;

const NI_NUMERICHOST: c_int = 1;
const NI_NUMERICSERV: c_int = 2;
const NI_NOFQDN: c_int = 4;
const NI_NAMEREQD: c_int = 8;
const NI_DGRAM: c_int = 16;
const NI_NUMERICSCOPE: c_int = 0x100;

extern "C" {
    fn if_indextoname(index: u32, name: *mut c_char) -> *mut c_char;
}

fn put(text: &[u8], dst: *mut c_char, len: u32) -> Result<(), c_int> {
    if text.len() >= len as usize {
        return Err(EAI_OVERFLOW);
    }
    // SAFETY: `len` writable bytes at dst (C contract); text + NUL fits.
    unsafe {
        core::ptr::copy_nonoverlapping(text.as_ptr(), dst.cast::<u8>(), text.len());
        *dst.add(text.len()) = 0;
    }
    Ok(())
}

fn numeric(a: &IpAddr, scope: u32, flags: c_int) -> Vec<u8> {
    use core::fmt::Write;
    let mut s = alloc::string::String::new();
    let _ = write!(s, "{a}");
    if scope != 0 {
        let v6 = match a {
            IpAddr::V6(v6) => v6.octets(),
            _ => [0; 16],
        };
        // Interface names for link-local scopes, numbers otherwise (glibc).
        let link_local = v6[0] == 0xfe && v6[1] & 0xc0 == 0x80 || v6[0] == 0xff && v6[1] & 15 == 2;
        let mut name = [0 as c_char; 16];
        // SAFETY: a 16-byte buffer (IF_NAMESIZE).
        if flags & NI_NUMERICSCOPE == 0 && link_local && !unsafe { if_indextoname(scope, name.as_mut_ptr()) }.is_null() {
            // SAFETY: if_indextoname wrote a NUL-terminated name.
            let n = unsafe { core::ffi::CStr::from_ptr(name.as_ptr()) };
            let _ = write!(s, "%{}", n.to_str().unwrap_or(""));
        } else {
            let _ = write!(s, "%{scope}");
        }
    }
    s.into_bytes()
}

fn host_text(a: &IpAddr, scope: u32, flags: c_int) -> Result<Vec<u8>, c_int> {
    if flags & NI_NUMERICHOST == 0 {
        match lookup::by_addr(a) {
            Ok(names) => {
                let mut n = names.into_iter().next().unwrap_or_default();
                if flags & NI_NOFQDN != 0 {
                    if let Some(dot) = n.iter().position(|&b| b == b'.') {
                        n.truncate(dot);
                    }
                }
                return Ok(n);
            }
            Err(Failure::Again) if flags & NI_NAMEREQD != 0 => return Err(EAI_AGAIN),
            Err(_) if flags & NI_NAMEREQD != 0 => return Err(EAI_NONAME),
            Err(_) => {}
        }
    }
    Ok(numeric(a, scope, flags))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getnameinfo(sa: *const u8, salen: u32, host: *mut c_char, hostlen: u32, serv: *mut c_char, servlen: u32, flags: c_int) -> c_int {
    if sa.is_null() || salen < 2 {
        return EAI_FAMILY;
    }
    // SAFETY: `salen` readable bytes at `sa` (C contract), checked per family.
    let raw = unsafe { core::slice::from_raw_parts(sa, salen as usize) };
    let family = u16::from_ne_bytes([raw[0], raw[1]]) as c_int;
    let (addr, port, scope) = match family {
        AF_INET if raw.len() >= 16 => (IpAddr::V4(Ipv4Addr::new(raw[4], raw[5], raw[6], raw[7])), u16::from_be_bytes([raw[2], raw[3]]), 0),
        AF_INET6 if raw.len() >= 28 => {
            let b: [u8; 16] = raw[8..24].try_into().unwrap_or_default();
            let scope = u32::from_ne_bytes(raw[24..28].try_into().unwrap_or_default());
            (IpAddr::V6(Ipv6Addr::from(b)), u16::from_be_bytes([raw[2], raw[3]]), scope)
        }
        AF_INET | AF_INET6 => return EAI_FAMILY,
        _ => return EAI_FAMILY,
    };
    if !host.is_null() && hostlen > 0 {
        let r = host_text(&addr, scope, flags).and_then(|t| put(&t, host, hostlen));
        if let Err(e) = r {
            return e;
        }
    }
    if !serv.is_null() && servlen > 0 {
        let proto: &[u8] = if flags & NI_DGRAM != 0 { b"udp" } else { b"tcp" };
        let name = if flags & NI_NUMERICSERV == 0 { services::service_name(port, Some(proto)) } else { None };
        let text = name.unwrap_or_else(|| {
            use core::fmt::Write;
            let mut s = alloc::string::String::new();
            let _ = write!(s, "{port}");
            s.into_bytes()
        });
        if let Err(e) = put(&text, serv, servlen) {
            return e;
        }
    }
    if (host.is_null() || hostlen == 0) && (serv.is_null() || servlen == 0) {
        return EAI_NONAME;
    }
    0
}
