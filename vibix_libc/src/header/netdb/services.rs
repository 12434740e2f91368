//! `/etc/services` and `/etc/protocols`: `getservbyname`, `getservbyport`
//! (+ `_r`), `getservent`, `getprotobyname`, `getprotobynumber`, `getprotoent`.

use alloc::vec::Vec;
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

use static_assertions::const_assert_eq;

use super::pack::{Packer, StaticBuf};
use crate::compat::files;

const ERANGE: c_int = 34;
const ENOENT: c_int = 2;

/// One line: name, number (port or protocol), protocol name (services only), aliases.
pub struct Line {
    pub name: Vec<u8>,
    pub number: u32,
    pub proto: Vec<u8>,
    pub aliases: Vec<Vec<u8>>,
}

fn parse(path: &CStr, services: bool) -> Vec<Line> {
    let mut out = Vec::new();
    let Some(data) = files::read_small(path) else { return out };
    for line in files::lines(&data) {
        let mut f = line.split(|b| b.is_ascii_whitespace()).filter(|f| !f.is_empty());
        let (Some(name), Some(num)) = (f.next(), f.next()) else { continue };
        let (num, proto) = if services {
            let Some(slash) = num.iter().position(|&b| b == b'/') else { continue };
            (&num[..slash], &num[slash + 1..])
        } else {
            (num, &b""[..])
        };
        let Some(number) = core::str::from_utf8(num).ok().and_then(|s| s.parse::<u32>().ok()) else { continue };
        if services && number > 65535 {
            continue;
        }
        out.push(Line { name: name.to_vec(), number, proto: proto.to_vec(), aliases: f.map(<[u8]>::to_vec).collect() });
    }
    out
}

pub fn services() -> Vec<Line> {
    parse(c"/etc/services", true)
}

pub fn protocols() -> Vec<Line> {
    parse(c"/etc/protocols", false)
}

/// Port of service `name` for protocol `proto` (any protocol if None).
pub fn service_port(name: &[u8], proto: Option<&[u8]>) -> Option<u16> {
    services()
        .into_iter()
        .find(|l| proto.is_none_or(|p| l.proto == p) && (l.name == name || l.aliases.iter().any(|a| a == name)))
        .map(|l| l.number as u16)
}

/// Name of the service on `port` for `proto` (any if None).
pub fn service_name(port: u16, proto: Option<&[u8]>) -> Option<Vec<u8>> {
    services().into_iter().find(|l| l.number == u32::from(port) && proto.is_none_or(|p| l.proto == p)).map(|l| l.name)
}

/// `struct servent`.
#[repr(C)]
pub struct Servent {
    s_name: *mut c_char,
    s_aliases: *mut *mut c_char,
    s_port: c_int,
    s_proto: *mut c_char,
}
const_assert_eq!(core::mem::size_of::<Servent>(), 32);

/// `struct protoent`.
#[repr(C)]
pub struct Protoent {
    p_name: *mut c_char,
    p_aliases: *mut *mut c_char,
    p_proto: c_int,
}
const_assert_eq!(core::mem::size_of::<Protoent>(), 24);

unsafe fn fill_serv(l: &Line, out: *mut Servent, buf: *mut u8, len: usize) -> bool {
    // SAFETY: caller's buffer of `len` bytes.
    let mut p = unsafe { Packer::new(buf, len) };
    let (Some(name), Some(proto), Some(al)) = (p.str(&l.name), p.str(&l.proto), p.str_list(&l.aliases)) else { return false };
    // SAFETY: caller's servent.
    unsafe { out.write(Servent { s_name: name, s_aliases: al, s_port: (l.number as u16).to_be() as c_int, s_proto: proto }) };
    true
}

unsafe fn fill_proto(l: &Line, out: *mut Protoent, buf: *mut u8, len: usize) -> bool {
    // SAFETY: caller's buffer of `len` bytes.
    let mut p = unsafe { Packer::new(buf, len) };
    let (Some(name), Some(al)) = (p.str(&l.name), p.str_list(&l.aliases)) else { return false };
    // SAFETY: caller's protoent.
    unsafe { out.write(Protoent { p_name: name, p_aliases: al, p_proto: l.number as c_int }) };
    true
}

unsafe fn opt_str<'a>(p: *const c_char) -> Option<&'a [u8]> {
    // SAFETY: NULL or a C string from the caller.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
}

/// The `_r` convention: 0 and `*result` set, or 0 and `*result = NULL` when
/// not found, or ERANGE when `buf` is too small.
unsafe fn serv_r(found: Option<Line>, out: *mut Servent, buf: *mut c_char, len: usize, result: *mut *mut Servent) -> c_int {
    // SAFETY: the caller's pointers.
    unsafe {
        *result = null_mut();
        match found {
            None => ENOENT,
            Some(l) if fill_serv(&l, out, buf.cast(), len) => {
                *result = out;
                0
            }
            Some(_) => ERANGE,
        }
    }
}

fn find_serv_name(name: &[u8], proto: Option<&[u8]>) -> Option<Line> {
    services().into_iter().find(|l| proto.is_none_or(|p| l.proto == p) && (l.name == name || l.aliases.iter().any(|a| a == name)))
}

fn find_serv_port(port_be: c_int, proto: Option<&[u8]>) -> Option<Line> {
    let port = u16::from_be(port_be as u16);
    services().into_iter().find(|l| l.number == u32::from(port) && proto.is_none_or(|p| l.proto == p))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getservbyname_r(name: *const c_char, proto: *const c_char, out: *mut Servent, buf: *mut c_char, len: usize, result: *mut *mut Servent) -> c_int {
    // SAFETY: C strings from the caller; caller's buffers.
    unsafe { serv_r(find_serv_name(opt_str(name).unwrap_or_default(), opt_str(proto)), out, buf, len, result) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getservbyport_r(port: c_int, proto: *const c_char, out: *mut Servent, buf: *mut c_char, len: usize, result: *mut *mut Servent) -> c_int {
    // SAFETY: as above.
    unsafe { serv_r(find_serv_port(port, opt_str(proto)), out, buf, len, result) }
}

static SERV: StaticBuf<Servent, 1024> = StaticBuf {
    value: UnsafeCell::new(Servent { s_name: null_mut(), s_aliases: null_mut(), s_port: 0, s_proto: null_mut() }),
    buf: UnsafeCell::new([0; 1024]),
};
static PROTO: StaticBuf<Protoent, 1024> = StaticBuf {
    value: UnsafeCell::new(Protoent { p_name: null_mut(), p_aliases: null_mut(), p_proto: 0 }),
    buf: UnsafeCell::new([0; 1024]),
};

fn static_serv(l: Option<Line>) -> *mut Servent {
    let Some(l) = l else { return null_mut() };
    // SAFETY: the static result area (non-reentrant API, see StaticBuf).
    unsafe { if fill_serv(&l, SERV.value.get(), SERV.buf.get().cast(), 1024) { SERV.value.get() } else { null_mut() } }
}

fn static_proto(l: Option<Line>) -> *mut Protoent {
    let Some(l) = l else { return null_mut() };
    // SAFETY: the static result area (non-reentrant API, see StaticBuf).
    unsafe { if fill_proto(&l, PROTO.value.get(), PROTO.buf.get().cast(), 1024) { PROTO.value.get() } else { null_mut() } }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getservbyname(name: *const c_char, proto: *const c_char) -> *mut Servent {
    // SAFETY: C strings from the caller.
    static_serv(find_serv_name(unsafe { opt_str(name) }.unwrap_or_default(), unsafe { opt_str(proto) }))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getservbyport(port: c_int, proto: *const c_char) -> *mut Servent {
    // SAFETY: C string from the caller.
    static_serv(find_serv_port(port, unsafe { opt_str(proto) }))
}

static SERV_CURSOR: AtomicUsize = AtomicUsize::new(0);
static PROTO_CURSOR: AtomicUsize = AtomicUsize::new(0);

#[unsafe(no_mangle)]
pub extern "C" fn getservent() -> *mut Servent {
    let i = SERV_CURSOR.fetch_add(1, Ordering::Relaxed);
    static_serv(services().into_iter().nth(i))
}

#[unsafe(no_mangle)]
pub extern "C" fn setservent(_stayopen: c_int) {
    SERV_CURSOR.store(0, Ordering::Relaxed);
}

#[unsafe(no_mangle)]
pub extern "C" fn endservent() {
    SERV_CURSOR.store(0, Ordering::Relaxed);
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getprotobyname(name: *const c_char) -> *mut Protoent {
    // SAFETY: C string from the caller.
    let name = unsafe { opt_str(name) }.unwrap_or_default();
    static_proto(protocols().into_iter().find(|l| l.name == name || l.aliases.iter().any(|a| a == name)))
}

#[unsafe(no_mangle)]
pub extern "C" fn getprotobynumber(n: c_int) -> *mut Protoent {
    static_proto(protocols().into_iter().find(|l| l.number as c_int == n))
}

#[unsafe(no_mangle)]
pub extern "C" fn getprotoent() -> *mut Protoent {
    let i = PROTO_CURSOR.fetch_add(1, Ordering::Relaxed);
    static_proto(protocols().into_iter().nth(i))
}

#[unsafe(no_mangle)]
pub extern "C" fn setprotoent(_stayopen: c_int) {
    PROTO_CURSOR.store(0, Ordering::Relaxed);
}

#[unsafe(no_mangle)]
pub extern "C" fn endprotoent() {
    PROTO_CURSOR.store(0, Ordering::Relaxed);
}
