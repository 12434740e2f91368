//! `<netdb.h>`: name and service lookup. `lookup` turns names into addresses
//! and back (`hosts`, then the DNS resolver of `header/resolv`); the C
//! interfaces are `addrinfo` (getaddrinfo), `nameinfo` (getnameinfo),
//! `hostent` (gethostbyname & co.), `services` (services, protocols) and
//! `netent` (networks). `h_errno` and the error texts are here.

pub mod addrinfo;
mod hostent;
pub mod hosts;
pub mod lookup;
mod nameinfo;
mod netent;
mod pack;
pub mod services;
mod sort;

use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, CStr};
use core::net::Ipv4Addr;

pub const AF_UNSPEC: c_int = 0;
pub const AF_INET: c_int = 2;
pub const AF_INET6: c_int = 10;
pub const SOCK_STREAM: c_int = 1;
pub const SOCK_DGRAM: c_int = 2;
pub const SOCK_RAW: c_int = 3;
pub const SOCK_SEQPACKET: c_int = 5;
pub const IPPROTO_TCP: c_int = 6;
pub const IPPROTO_UDP: c_int = 17;

pub const AI_PASSIVE: c_int = 0x1;
pub const AI_CANONNAME: c_int = 0x2;
pub const AI_NUMERICHOST: c_int = 0x4;
pub const AI_V4MAPPED: c_int = 0x8;
pub const AI_ALL: c_int = 0x10;
pub const AI_ADDRCONFIG: c_int = 0x20;
pub const AI_IDN: c_int = 0x40;
pub const AI_CANONIDN: c_int = 0x80;
pub const AI_NUMERICSERV: c_int = 0x400;

pub const EAI_BADFLAGS: c_int = -1;
pub const EAI_NONAME: c_int = -2;
pub const EAI_AGAIN: c_int = -3;
pub const EAI_FAIL: c_int = -4;
pub const EAI_NODATA: c_int = -5;
pub const EAI_FAMILY: c_int = -6;
pub const EAI_SOCKTYPE: c_int = -7;
pub const EAI_SERVICE: c_int = -8;
pub const EAI_ADDRFAMILY: c_int = -9;
pub const EAI_MEMORY: c_int = -10;
pub const EAI_SYSTEM: c_int = -11;
pub const EAI_OVERFLOW: c_int = -12;

pub const HOST_NOT_FOUND: c_int = 1;
pub const TRY_AGAIN: c_int = 2;
pub const NO_RECOVERY: c_int = 3;
pub const NO_DATA: c_int = 4;

#[repr(transparent)]
struct HErrno(UnsafeCell<c_int>);
// SAFETY: only the main thread uses it (see __h_errno_location).
unsafe impl Sync for HErrno {}

/// The main thread's `h_errno`, exported under that name for old binaries
/// that read the symbol (the header maps the name to `*__h_errno_location()`).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
static h_errno: HErrno = HErrno(UnsafeCell::new(0));

/// The calling thread's `h_errno`: the exported variable for the main thread,
/// a slot in the thread area for threads pthread_create made.
#[unsafe(no_mangle)]
pub extern "C" fn __h_errno_location() -> *mut c_int {
    let t = crate::thread::area::current();
    // SAFETY: t is the calling thread's live area; map_base is set once, before the thread runs.
    unsafe {
        if (*t).map_base.is_null() { h_errno.0.get() } else { &raw mut (*t).h_errno }
    }
}

pub fn set_h_errno(v: c_int) {
    // SAFETY: the calling thread's own slot.
    unsafe { *__h_errno_location() = v };
}

/// glibc's texts.
#[unsafe(no_mangle)]
pub extern "C" fn hstrerror(e: c_int) -> *const c_char {
    match e {
        0 => c"Resolver Error 0 (no error)",
        HOST_NOT_FOUND => c"Unknown host",
        TRY_AGAIN => c"Host name lookup failure",
        NO_RECOVERY => c"Unknown server error",
        NO_DATA => c"No address associated with name",
        _ => c"Unknown resolver error",
    }
    .as_ptr()
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn herror(prefix: *const c_char) {
    // SAFETY: h_errno is a plain int; hstrerror returns a static C string.
    let msg = unsafe { CStr::from_ptr(hstrerror(*h_errno.0.get())) }.to_bytes();
    let mut line = alloc::vec::Vec::new();
    if !prefix.is_null() {
        // SAFETY: a C string from the caller.
        let p = unsafe { c_bytes(prefix) };
        if !p.is_empty() {
            line.extend_from_slice(p);
            line.extend_from_slice(b": ");
        }
    }
    line.extend_from_slice(msg);
    line.push(b'\n');
    crate::header::unistd::write_all(2, &line);
}

/// glibc's messages (glibc has none for EAI_OVERFLOW: "Unknown error").
#[unsafe(no_mangle)]
pub extern "C" fn gai_strerror(code: c_int) -> *const c_char {
    match code {
        EAI_BADFLAGS => c"Bad value for ai_flags",
        EAI_NONAME => c"Name or service not known",
        EAI_AGAIN => c"Temporary failure in name resolution",
        EAI_FAIL => c"Non-recoverable failure in name resolution",
        EAI_NODATA => c"No address associated with hostname",
        EAI_FAMILY => c"ai_family not supported",
        EAI_SOCKTYPE => c"ai_socktype not supported",
        EAI_SERVICE => c"Servname not supported for ai_socktype",
        EAI_ADDRFAMILY => c"Address family for hostname not supported",
        EAI_MEMORY => c"Memory allocation failure",
        EAI_SYSTEM => c"System error",
        _ => c"Unknown error",
    }
    .as_ptr()
}

/// inet_aton's forms: `a`, `a.b`, `a.b.c`, `a.b.c.d`, each part decimal, octal
/// (leading 0) or hex (0x), the last part filling the remaining bytes.
pub fn aton(s: &[u8]) -> Option<Ipv4Addr> {
    let mut parts = [0u32; 4];
    let mut n = 0;
    for p in s.split(|&b| b == b'.') {
        if n == 4 || p.is_empty() {
            return None;
        }
        let (digits, radix) = if p.len() > 2 && (p.starts_with(b"0x") || p.starts_with(b"0X")) {
            (&p[2..], 16)
        } else if p.len() > 1 && p[0] == b'0' {
            (&p[1..], 8)
        } else {
            (p, 10)
        };
        parts[n] = u32::from_str_radix(core::str::from_utf8(digits).ok()?, radix).ok()?;
        n += 1;
    }
    let v = match n {
        1 => parts[0],
        2 if parts[0] < 256 && parts[1] < 1 << 24 => parts[0] << 24 | parts[1],
        3 if parts[0] < 256 && parts[1] < 256 && parts[2] < 1 << 16 => parts[0] << 24 | parts[1] << 16 | parts[2],
        4 if parts.iter().all(|&x| x < 256) => parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3],
        _ => return None,
    };
    Some(Ipv4Addr::from(v))
}

unsafe fn c_bytes<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: a C string from the caller.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}
