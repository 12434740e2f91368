//! Small `<sys/*.h>` families: utsname, resource, ioctl, poll, random, sched.
use core::ffi::{c_char, c_int, c_ulong, c_void};

use crate::header::unistd::{bfd, cret};
use crate::thread::area::{fail, set_errno};

/// POSIX `uname` (`struct utsname`: six 65-byte fields).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uname(out: *mut [[c_char; 65]; 6]) -> c_int {
    let u = rustix::system::uname();
    let fields = [u.sysname(), u.nodename(), u.release(), u.version(), u.machine(), u.domainname()];
    for (i, f) in fields.iter().enumerate() {
        let b = f.to_bytes_with_nul();
        let n = b.len().min(65);
        // SAFETY: out has six 65-byte fields.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr() as *const c_char, (*out)[i].as_mut_ptr(), n) };
    }
    0
}

fn resource(r: c_int) -> Option<rustix::process::Resource> {
    use rustix::process::Resource::*;
    Some(match r {
        0 => Cpu,
        1 => Fsize,
        2 => Data,
        3 => Stack,
        4 => Core,
        5 => Rss,
        6 => Nproc,
        7 => Nofile,
        8 => Memlock,
        9 => As,
        10 => Locks,
        11 => Sigpending,
        12 => Msgqueue,
        13 => Nice,
        14 => Rtprio,
        15 => Rttime,
        _ => return None,
    })
}

/// POSIX `getrlimit`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrlimit(r: c_int, out: *mut [u64; 2]) -> c_int {
    let Some(res) = resource(r) else {
        set_errno(22);
        return -1;
    };
    let l = rustix::process::getrlimit(res);
    // SAFETY: out points at a struct rlimit.
    unsafe { *out = [l.current.unwrap_or(u64::MAX), l.maximum.unwrap_or(u64::MAX)] };
    0
}

/// POSIX `setrlimit`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setrlimit(r: c_int, lim: *const [u64; 2]) -> c_int {
    let Some(res) = resource(r) else {
        set_errno(22);
        return -1;
    };
    // SAFETY: lim points at a struct rlimit.
    let [c, m] = unsafe { *lim };
    let conv = |v: u64| if v == u64::MAX { None } else { Some(v) };
    cret(rustix::process::setrlimit(res, rustix::process::Rlimit { current: conv(c), maximum: conv(m) }), |_| 0)
}

/// An ioctl request passed through rustix's generic ioctl interface.
struct RawIoctl {
    op: rustix::ioctl::Opcode,
    arg: *mut c_void,
}

// SAFETY: the C caller vouches that `arg` is what request `op` expects; we
// report the kernel's return value unchanged.
unsafe impl rustix::ioctl::Ioctl for RawIoctl {
    type Output = c_int;
    const IS_MUTATING: bool = true;
    fn opcode(&self) -> rustix::ioctl::Opcode {
        self.op
    }
    fn as_ptr(&mut self) -> *mut c_void {
        self.arg
    }
    unsafe fn output_from_ptr(out: rustix::ioctl::IoctlOutput, _: *mut c_void) -> rustix::io::Result<c_int> {
        Ok(out)
    }
}

/// POSIX `ioctl` (the third argument is taken as a pointer/integer).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ioctl(fd: c_int, req: c_ulong, arg: *mut c_void) -> c_int {
    // SAFETY: see RawIoctl.
    cret(unsafe { rustix::ioctl::ioctl(bfd(fd), RawIoctl { op: req as _, arg }) }, |r| r)
}

/// POSIX `poll`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn poll(fds: *mut c_void, n: c_ulong, timeout: c_int) -> c_int {
    // SAFETY: struct pollfd and rustix's PollFd share the Linux layout.
    let s = unsafe { core::slice::from_raw_parts_mut(fds as *mut rustix::event::PollFd, n as usize) };
    let ts;
    let t = if timeout < 0 {
        None
    } else {
        ts = rustix::time::Timespec { tv_sec: (timeout / 1000) as i64, tv_nsec: (timeout % 1000) as i64 * 1_000_000 };
        Some(&ts)
    };
    cret(crate::thread::cancel::point(|| rustix::event::poll(s, t)), |k| k as c_int)
}

/// POSIX `sched_yield`.
#[unsafe(no_mangle)]
pub extern "C" fn sched_yield() -> c_int {
    rustix::thread::sched_yield();
    0
}

/// Linux `getrandom`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getrandom(buf: *mut c_void, n: usize, flags: u32) -> isize {
    // SAFETY: buf has n bytes.
    let b = unsafe { core::slice::from_raw_parts_mut(buf as *mut core::mem::MaybeUninit<u8>, n) };
    match rustix::rand::getrandom(b, rustix::rand::GetRandomFlags::from_bits_retain(flags)) {
        Ok((a, _)) => a.len() as isize,
        Err(e) => fail(e, -1),
    }
}

/// `getentropy` (at most 256 bytes).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getentropy(buf: *mut c_void, n: usize) -> c_int {
    if n > 256 {
        set_errno(5);
        return -1;
    }
    let mut got = 0;
    while got < n {
        // SAFETY: the remaining part of buf.
        let r = unsafe { getrandom((buf as *mut u8).add(got) as *mut c_void, n - got, 0) };
        if r < 0 {
            if crate::thread::area::errno() == 4 {
                continue;
            }
            return -1;
        }
        got += r as usize;
    }
    0
}

/// POSIX `select`. As on Linux, the timeout is updated with the time left
/// (pselect6 on a timespec copy, written back as a timeval).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn select(nfds: c_int, r: *mut u64, w: *mut u64, e: *mut u64, tv: *mut [i64; 2]) -> c_int {
    let mut ts = [0i64; 2];
    if !tv.is_null() {
        // SAFETY: tv points at a struct timeval.
        let [s, us] = unsafe { *tv };
        if s < 0 || !(0..1_000_000).contains(&us) {
            set_errno(22);
            return -1;
        }
        ts = [s, us * 1000];
    }
    let tp = if tv.is_null() { core::ptr::null_mut() } else { &raw mut ts };
    // SAFETY: the sets are NULL or the caller's fd_sets; the kernel reads nfds bits of each.
    let n = unsafe { super::masked::pselect6(nfds, r.cast(), w.cast(), e.cast(), tp, core::ptr::null()) };
    if !tv.is_null() {
        // SAFETY: as above; the time left, also after EINTR (as Linux).
        unsafe { *tv = [ts[0], ts[1] / 1000] };
    }
    n
}
