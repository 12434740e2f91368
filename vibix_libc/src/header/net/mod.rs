//! `<net/if.h>`: interface names and indexes. `if_nametoindex` and
//! `if_indextoname` ask the kernel with SIOCGIFINDEX/SIOCGIFNAME;
//! `if_nameindex` lists the links from rtnetlink.

use core::ffi::{c_char, c_int, c_ulong, c_void};
use core::ptr::null_mut;

use rustix::fd::AsRawFd;
use rustix::net::{AddressFamily, SocketFlags, SocketType};

use crate::header::ifaddrs::netlink;
use crate::thread::area::{errno, fail, set_errno};

extern "C" {
    fn ioctl(fd: c_int, req: c_ulong, arg: *mut c_void) -> c_int;
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

pub const IF_NAMESIZE: usize = 16;
const SIOCGIFNAME: c_ulong = 0x8910;
const SIOCGIFINDEX: c_ulong = 0x8933;
const ENXIO: c_int = 6;
const ENODEV: c_int = 19;
const ENOBUFS: c_int = 105;

/// `struct ifreq` (name, then a 24-byte union; the index is its first int).
#[repr(C)]
struct IfReq {
    name: [u8; IF_NAMESIZE],
    index: c_int,
    rest: [u8; 20],
}
static_assertions::const_assert_eq!(core::mem::size_of::<IfReq>(), 40);

/// `struct if_nameindex`.
#[repr(C)]
pub struct IfNameIndex {
    if_index: u32,
    if_name: *mut c_char,
}

fn query(req: &mut IfReq, cmd: c_ulong) -> bool {
    let fd = match rustix::net::socket_with(AddressFamily::UNIX, SocketType::DGRAM, SocketFlags::CLOEXEC, None) {
        Ok(fd) => fd,
        Err(e) => return fail(e, false),
    };
    // SAFETY: `req` is a valid ifreq for these two commands.
    unsafe { ioctl(fd.as_raw_fd(), cmd, (req as *mut IfReq).cast()) == 0 }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn if_nametoindex(name: *const c_char) -> u32 {
    // SAFETY: a C string from the caller.
    let n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    if n.len() >= IF_NAMESIZE {
        set_errno(ENODEV);
        return 0;
    }
    let mut req = IfReq { name: [0; IF_NAMESIZE], index: 0, rest: [0; 20] };
    req.name[..n.len()].copy_from_slice(n);
    if query(&mut req, SIOCGIFINDEX) { req.index as u32 } else { 0 }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn if_indextoname(index: u32, name: *mut c_char) -> *mut c_char {
    let mut req = IfReq { name: [0; IF_NAMESIZE], index: index as c_int, rest: [0; 20] };
    if !query(&mut req, SIOCGIFNAME) {
        // POSIX: ENXIO for an index with no interface.
        if errno() == ENODEV {
            set_errno(ENXIO);
        }
        return null_mut();
    }
    req.name[IF_NAMESIZE - 1] = 0;
    // SAFETY: the caller provides IF_NAMESIZE bytes.
    unsafe { core::ptr::copy_nonoverlapping(req.name.as_ptr(), name.cast(), IF_NAMESIZE) };
    name
}

/// The links in kernel order; one block: the array (ended by {0, NULL}), then the names.
#[unsafe(no_mangle)]
pub extern "C" fn if_nameindex() -> *mut IfNameIndex {
    let links = match netlink::links() {
        Ok(l) => l,
        Err(e) => return fail(e, null_mut()),
    };
    let head = (links.len() + 1) * core::mem::size_of::<IfNameIndex>();
    let total = head + links.len() * IF_NAMESIZE;
    // SAFETY: a fresh block of `total` bytes, filled below within bounds.
    unsafe {
        let p = malloc(total).cast::<u8>();
        if p.is_null() {
            set_errno(ENOBUFS);
            return null_mut();
        }
        let arr = p.cast::<IfNameIndex>();
        for (i, l) in links.iter().enumerate() {
            let name = p.add(head + i * IF_NAMESIZE);
            let n = l.name.len().min(IF_NAMESIZE - 1);
            core::ptr::copy_nonoverlapping(l.name.as_ptr(), name, n);
            *name.add(n) = 0;
            arr.add(i).write(IfNameIndex { if_index: l.index, if_name: name.cast() });
        }
        arr.add(links.len()).write(IfNameIndex { if_index: 0, if_name: null_mut() });
        arr
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn if_freenameindex(p: *mut IfNameIndex) {
    // SAFETY: `p` came from if_nameindex (one block) or is NULL.
    unsafe { free(p.cast()) }
}
