//! `_res` (`*__res_state()`): the BIND resolver state structure, filled by
//! `res_init` from the configuration so programs that read it see real values.
//! The lookups themselves read the configuration afresh on every call; changes
//! a program makes to `_res` do not steer them (docs/unsupported.md).

use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_uint, c_ulong, c_void};
use core::net::SocketAddr;

use static_assertions::const_assert_eq;

use super::conf::{Conf, MAXDNSRCH, MAXNS};

#[repr(C)]
#[derive(Clone, Copy)]
struct SockaddrIn {
    family: u16,
    port: u16,
    addr: [u8; 4],
    zero: [u8; 8],
}

/// `struct __res_state` (glibc's layout; musl's is the same).
#[repr(C)]
pub struct ResState {
    retrans: c_int,
    retry: c_int,
    options: c_ulong,
    nscount: c_int,
    nsaddr_list: [SockaddrIn; MAXNS],
    id: u16,
    dnsrch: [*mut c_char; MAXDNSRCH + 1],
    defdname: [c_char; 256],
    pfcode: c_ulong,
    /// ndots:4, nsort:4, ipv6_unavail:1, unused:23.
    bits: c_uint,
    sort_list: [[u32; 2]; 10],
    qhook: *mut c_void,
    rhook: *mut c_void,
    res_h_errno: c_int,
    vcsock: c_int,
    flags: c_uint,
    ext: [u64; 7],
}
const_assert_eq!(core::mem::size_of::<ResState>(), 568);
const_assert_eq!(core::mem::offset_of!(ResState, dnsrch), 72);
const_assert_eq!(core::mem::offset_of!(ResState, bits), 392);

struct Shared(UnsafeCell<ResState>);
// SAFETY: like glibc's per-thread `_res`, it is the caller's business to not
// run res_init concurrently with readers; the lookups never touch it.
unsafe impl Sync for Shared {}

// SAFETY: all-zero is a valid ResState (integers and null pointers).
static STATE: Shared = Shared(UnsafeCell::new(unsafe { core::mem::zeroed() }));

const RES_INIT: c_ulong = 0x1;
const RES_RECURSE: c_ulong = 0x40;
const RES_DEFNAMES: c_ulong = 0x80;
const RES_DNSRCH: c_ulong = 0x200;
const RES_USEVC: c_ulong = 0x8;

#[unsafe(no_mangle)]
pub extern "C" fn __res_state() -> *mut ResState {
    STATE.0.get()
}

/// Fills `_res` from resolv.conf and the environment. Always succeeds (a
/// missing file means the defaults, as in glibc).
#[unsafe(no_mangle)]
pub extern "C" fn res_init() -> c_int {
    let c = Conf::load();
    // SAFETY: see `Shared`.
    let s = unsafe { &mut *STATE.0.get() };
    s.retrans = c.timeout as c_int;
    s.retry = c.attempts as c_int;
    s.options = RES_INIT | RES_RECURSE | RES_DEFNAMES | RES_DNSRCH | if c.use_tcp { RES_USEVC } else { 0 };
    s.nscount = 0;
    for srv in &c.servers {
        // Only IPv4 servers fit the classic array (glibc keeps IPv6 ones in _ext).
        if let SocketAddr::V4(a) = srv {
            s.nsaddr_list[s.nscount as usize] =
                SockaddrIn { family: 2, port: a.port().to_be(), addr: a.ip().octets(), zero: [0; 8] };
            s.nscount += 1;
        }
    }
    s.id = super::send::new_id();
    s.dnsrch = [core::ptr::null_mut(); MAXDNSRCH + 1];
    s.defdname = [0; 256];
    let mut at = 0;
    for (i, d) in c.search.iter().enumerate() {
        if at + d.len() + 1 > s.defdname.len() {
            break;
        }
        for (k, &b) in d.iter().enumerate() {
            s.defdname[at + k] = b as c_char;
        }
        s.dnsrch[i] = &mut s.defdname[at];
        at += d.len() + 1;
    }
    s.bits = (s.bits & !0xf) | c.ndots.min(15);
    0
}

/// glibc's internal name for `res_init` (Rust std imports it).
#[unsafe(no_mangle)]
pub extern "C" fn __res_init() -> c_int {
    res_init()
}
