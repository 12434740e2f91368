//! `<sys/socket.h>`: BSD sockets on rustix::net. The generic `getsockopt`/
//! `setsockopt` and `sendmsg`/`recvmsg` with raw control data are paths rustix
//! does not offer (it has one typed function per option / typed ancillary
//! buffers), so those four go through libc's raw syscall helper.

use core::ffi::{c_int, c_void};
use core::mem::MaybeUninit;

use rustix::fd::{IntoRawFd, OwnedFd};
use rustix::net::addr::{SocketAddrArg, SocketAddrLen, SocketAddrOpaque};
use rustix::net::{
    AddressFamily, Protocol, RecvFlags, SendFlags, Shutdown, SocketAddrAny, SocketFlags, SocketType,
};

use crate::header::sys::raw::{ret, syscall6};
use crate::header::unistd::{bfd, cret};
use crate::thread::area::{fail, set_errno};

type SockLen = u32;

const SOCK_NONBLOCK: c_int = 0o4000;
const SOCK_CLOEXEC: c_int = 0o2000000;
const EINVAL: c_int = 22;

const SYS_SENDMSG: isize = 46;
const SYS_RECVMSG: isize = 47;
const SYS_SETSOCKOPT: isize = 54;
const SYS_GETSOCKOPT: isize = 55;

/// A caller's `(const struct sockaddr *, socklen_t)` handed to rustix unchanged.
struct RawAddr(*const c_void, SockLen);

// SAFETY: the C caller guarantees `len` readable bytes at the pointer; the
// kernel validates the contents.
unsafe impl SocketAddrArg for RawAddr {
    unsafe fn with_sockaddr<R>(&self, f: impl FnOnce(*const SocketAddrOpaque, SocketAddrLen) -> R) -> R {
        f(self.0.cast(), self.1)
    }
}

fn fd_ret(r: rustix::io::Result<OwnedFd>) -> c_int {
    cret(r, |fd| fd.into_raw_fd())
}

fn size_ret(r: rustix::io::Result<usize>) -> isize {
    match r {
        Ok(n) => n as isize,
        Err(e) => fail(e, -1),
    }
}

/// Stores `a` in the caller's `(addr, *len)` the C way: truncated to the buffer,
/// `*len` set to the full size. Either pointer may be NULL.
unsafe fn put_addr(a: Option<&SocketAddrAny>, addr: *mut c_void, len: *mut SockLen) {
    if addr.is_null() || len.is_null() {
        return;
    }
    let full = a.map_or(0, |a| a.addr_len());
    // SAFETY: `*len` bytes are writable at `addr` (C contract); we copy at most that.
    unsafe {
        if let Some(a) = a {
            core::ptr::copy_nonoverlapping(a.as_ptr().cast::<u8>(), addr.cast::<u8>(), full.min(*len) as usize);
        }
        *len = full;
    }
}

fn split_type(ty: c_int) -> (SocketType, SocketFlags) {
    let flags = ty & (SOCK_NONBLOCK | SOCK_CLOEXEC);
    (SocketType::from_raw((ty & !flags) as u32), SocketFlags::from_bits_retain(flags as _))
}

fn protocol(p: c_int) -> Option<Protocol> {
    core::num::NonZeroU32::new(p as u32).map(Protocol::from_raw)
}

#[unsafe(no_mangle)]
pub extern "C" fn socket(domain: c_int, ty: c_int, proto: c_int) -> c_int {
    let (ty, flags) = split_type(ty);
    fd_ret(rustix::net::socket_with(AddressFamily::from_raw(domain as u16), ty, flags, protocol(proto)))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn socketpair(domain: c_int, ty: c_int, proto: c_int, sv: *mut c_int) -> c_int {
    let (ty, flags) = split_type(ty);
    match rustix::net::socketpair(AddressFamily::from_raw(domain as u16), ty, flags, protocol(proto)) {
        Ok((a, b)) => {
            // SAFETY: `sv` points at two ints (C contract).
            unsafe { *sv = a.into_raw_fd(); *sv.add(1) = b.into_raw_fd() };
            0
        }
        Err(e) => fail(e, -1),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn bind(fd: c_int, addr: *const c_void, len: SockLen) -> c_int {
    cret(rustix::net::bind(bfd(fd), &RawAddr(addr, len)), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn connect(fd: c_int, addr: *const c_void, len: SockLen) -> c_int {
    cret(crate::thread::cancel::point(|| rustix::net::connect(bfd(fd), &RawAddr(addr, len))), |()| 0)
}

#[unsafe(no_mangle)]
pub extern "C" fn listen(fd: c_int, backlog: c_int) -> c_int {
    cret(rustix::net::listen(bfd(fd), backlog), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn accept4(fd: c_int, addr: *mut c_void, len: *mut SockLen, flags: c_int) -> c_int {
    match crate::thread::cancel::point(|| rustix::net::acceptfrom_with(bfd(fd), SocketFlags::from_bits_retain(flags as _))) {
        Ok((new, peer)) => {
            // SAFETY: caller's buffer contract.
            unsafe { put_addr(peer.as_ref(), addr, len) };
            new.into_raw_fd()
        }
        Err(e) => fail(e, -1),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn accept(fd: c_int, addr: *mut c_void, len: *mut SockLen) -> c_int {
    // SAFETY: same contract.
    unsafe { accept4(fd, addr, len, 0) }
}

/// POSIX `sockatmark`: 1 if the socket's read position is at the
/// out-of-band mark (the SIOCATMARK ioctl), 0 if not.
#[unsafe(no_mangle)]
pub extern "C" fn sockatmark(fd: c_int) -> c_int {
    const SIOCATMARK: core::ffi::c_ulong = 0x8905;
    let mut at: c_int = 0;
    // SAFETY: SIOCATMARK writes one int to its argument.
    let r = unsafe { crate::header::sys::misc::ioctl(fd, SIOCATMARK, (&raw mut at).cast()) };
    if r < 0 { -1 } else { at }
}

#[unsafe(no_mangle)]
pub extern "C" fn shutdown(fd: c_int, how: c_int) -> c_int {
    let how = match how {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        2 => Shutdown::Both,
        _ => {
            set_errno(EINVAL);
            return -1;
        }
    };
    cret(rustix::net::shutdown(bfd(fd), how), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsockname(fd: c_int, addr: *mut c_void, len: *mut SockLen) -> c_int {
    match rustix::net::getsockname(bfd(fd)) {
        // SAFETY: caller's buffer contract.
        Ok(a) => unsafe { put_addr(Some(&a), addr, len); 0 },
        Err(e) => fail(e, -1),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpeername(fd: c_int, addr: *mut c_void, len: *mut SockLen) -> c_int {
    match rustix::net::getpeername(bfd(fd)) {
        // SAFETY: caller's buffer contract.
        Ok(a) => unsafe { put_addr(a.as_ref(), addr, len); 0 },
        Err(e) => fail(e, -1),
    }
}

unsafe fn buf_mut<'a>(p: *mut c_void, n: usize) -> &'a mut [MaybeUninit<u8>] {
    if n == 0 {
        return &mut [];
    }
    // SAFETY: n writable bytes (C contract).
    unsafe { core::slice::from_raw_parts_mut(p.cast(), n) }
}

unsafe fn buf<'a>(p: *const c_void, n: usize) -> &'a [u8] {
    if n == 0 {
        return &[];
    }
    // SAFETY: n readable bytes (C contract).
    unsafe { core::slice::from_raw_parts(p.cast(), n) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn recv(fd: c_int, b: *mut c_void, n: usize, flags: c_int) -> isize {
    // SAFETY: caller's buffer contract.
    let r = crate::thread::cancel::point(|| rustix::net::recv(bfd(fd), unsafe { buf_mut(b, n) }, RecvFlags::from_bits_retain(flags as _)));
    size_ret(r.map(|(_, len)| len))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvfrom(fd: c_int, b: *mut c_void, n: usize, flags: c_int, addr: *mut c_void, len: *mut SockLen) -> isize {
    // SAFETY: caller's buffer contract.
    match crate::thread::cancel::point(|| rustix::net::recvfrom(bfd(fd), unsafe { buf_mut(b, n) }, RecvFlags::from_bits_retain(flags as _))) {
        Ok((_, got, from)) => {
            // SAFETY: caller's buffer contract.
            unsafe { put_addr(from.as_ref(), addr, len) };
            got as isize
        }
        Err(e) => fail(e, -1),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn send(fd: c_int, b: *const c_void, n: usize, flags: c_int) -> isize {
    // SAFETY: caller's buffer contract.
    size_ret(crate::thread::cancel::point(|| rustix::net::send(bfd(fd), unsafe { buf(b, n) }, SendFlags::from_bits_retain(flags as _))))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendto(fd: c_int, b: *const c_void, n: usize, flags: c_int, addr: *const c_void, len: SockLen) -> isize {
    // SAFETY: caller's buffer contract.
    let data = unsafe { buf(b, n) };
    let flags = SendFlags::from_bits_retain(flags as _);
    size_ret(crate::thread::cancel::point(|| {
        if addr.is_null() {
            rustix::net::send(bfd(fd), data, flags)
        } else {
            rustix::net::sendto(bfd(fd), data, flags, &RawAddr(addr, len))
        }
    }))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendmsg(fd: c_int, msg: *const c_void, flags: c_int) -> isize {
    // SAFETY: the kernel reads the caller's struct msghdr (identical layout).
    ret(crate::thread::cancel::point(|| unsafe { syscall6(SYS_SENDMSG as _, [fd as usize, msg as usize, flags as usize, 0, 0, 0]) }))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvmsg(fd: c_int, msg: *mut c_void, flags: c_int) -> isize {
    // SAFETY: the kernel fills the caller's struct msghdr (identical layout).
    ret(crate::thread::cancel::point(|| unsafe { syscall6(SYS_RECVMSG as _, [fd as usize, msg as usize, flags as usize, 0, 0, 0]) }))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn setsockopt(fd: c_int, level: c_int, name: c_int, val: *const c_void, len: SockLen) -> c_int {
    // SAFETY: the kernel reads `len` bytes of the caller's option value.
    let r = unsafe { syscall6(SYS_SETSOCKOPT as _, [fd as usize, level as usize, name as usize, val as usize, len as usize, 0]) };
    ret(r) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsockopt(fd: c_int, level: c_int, name: c_int, val: *mut c_void, len: *mut SockLen) -> c_int {
    // SAFETY: the kernel writes at most `*len` bytes and updates `*len`.
    let r = unsafe { syscall6(SYS_GETSOCKOPT as _, [fd as usize, level as usize, name as usize, val as usize, len as usize, 0]) };
    ret(r) as c_int
}

const SYS_RECVMMSG: isize = 299;
const SYS_SENDMMSG: isize = 307;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendmmsg(fd: c_int, msgs: *mut c_void, n: u32, flags: c_int) -> c_int {
    // SAFETY: the kernel reads the caller's struct mmsghdr array (identical layout).
    ret(unsafe { syscall6(SYS_SENDMMSG as _, [fd as usize, msgs as usize, n as usize, flags as usize, 0, 0]) }) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn recvmmsg(fd: c_int, msgs: *mut c_void, n: u32, flags: c_int, timeout: *mut c_void) -> c_int {
    // SAFETY: the kernel fills the caller's struct mmsghdr array (identical layout).
    ret(unsafe { syscall6(SYS_RECVMMSG as _, [fd as usize, msgs as usize, n as usize, flags as usize, timeout as usize, 0]) }) as c_int
}
