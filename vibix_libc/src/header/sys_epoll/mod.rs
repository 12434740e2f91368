//! `<sys/epoll.h>`: epoll instances through rustix (the C `struct
//! epoll_event` is the kernel's packed 12-byte record, as is rustix's Event).
use core::ffi::c_int;
use core::mem::MaybeUninit;
use rustix::event::epoll::{self, CreateFlags, Event, EventData, EventFlags};
use rustix::io::Errno;

use crate::header::signal::SigSet;
use crate::header::sys::raw;
use crate::header::unistd::{bfd, cret};
use crate::thread::area::fail;

const EPOLL_CTL_ADD: c_int = 1;
const EPOLL_CTL_DEL: c_int = 2;
const EPOLL_CTL_MOD: c_int = 3;

/// `struct epoll_event`.
#[repr(C, packed)]
pub struct EpollEvent {
    events: u32,
    data: u64,
}
static_assertions::const_assert_eq!(core::mem::size_of::<EpollEvent>(), 12);
static_assertions::const_assert_eq!(core::mem::size_of::<Event>(), 12);

fn fd_ret(r: rustix::io::Result<rustix::fd::OwnedFd>) -> c_int {
    cret(r, |fd| rustix::fd::IntoRawFd::into_raw_fd(fd))
}

/// Linux `epoll_create`: `size` only has to be positive.
#[unsafe(no_mangle)]
pub extern "C" fn epoll_create(size: c_int) -> c_int {
    if size <= 0 {
        return fail(Errno::INVAL, -1);
    }
    fd_ret(epoll::create(CreateFlags::empty()))
}

/// Linux `epoll_create1` (EPOLL_CLOEXEC).
#[unsafe(no_mangle)]
pub extern "C" fn epoll_create1(flags: c_int) -> c_int {
    if flags & !0o2000000 != 0 {
        return fail(Errno::INVAL, -1);
    }
    fd_ret(epoll::create(CreateFlags::from_bits_retain(flags as u32)))
}

/// Linux `epoll_ctl`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_ctl(epfd: c_int, op: c_int, fd: c_int, ev: *mut EpollEvent) -> c_int {
    let (ep, src) = (bfd(epfd), bfd(fd));
    let read = || {
        if ev.is_null() {
            return None;
        }
        // SAFETY: ev points at a struct epoll_event (read unaligned: it is packed).
        let e = unsafe { ev.read_unaligned() };
        Some((EventData::new_u64(e.data), EventFlags::from_bits_retain(e.events)))
    };
    let r = match op {
        EPOLL_CTL_DEL => epoll::delete(ep, src),
        EPOLL_CTL_ADD | EPOLL_CTL_MOD => match read() {
            None => Err(Errno::FAULT),
            Some((d, f)) if op == EPOLL_CTL_ADD => epoll::add(ep, src, d, f),
            Some((d, f)) => epoll::modify(ep, src, d, f),
        },
        _ => Err(Errno::INVAL),
    };
    cret(r, |_| 0)
}

/// Linux `epoll_wait` (timeout in milliseconds, -1 forever).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_wait(epfd: c_int, evs: *mut EpollEvent, max: c_int, timeout: c_int) -> c_int {
    if max <= 0 {
        return fail(Errno::INVAL, -1);
    }
    // SAFETY: evs has room for `max` events (C contract); the layouts match.
    let buf = unsafe { core::slice::from_raw_parts_mut(evs.cast::<MaybeUninit<Event>>(), max as usize) };
    let ts;
    let t = if timeout < 0 {
        None
    } else {
        ts = rustix::time::Timespec { tv_sec: (timeout / 1000) as i64, tv_nsec: (timeout % 1000) as i64 * 1_000_000 };
        Some(&ts)
    };
    cret(crate::thread::cancel::point(|| epoll::wait(bfd(epfd), buf, t)), |(got, _)| got.len() as c_int)
}

/// Linux `epoll_pwait`: epoll_wait with a signal mask for the wait (raw:
/// rustix has no epoll_pwait; header/sys/raw.rs).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epoll_pwait(epfd: c_int, evs: *mut EpollEvent, max: c_int, timeout: c_int, mask: *const SigSet) -> c_int {
    if mask.is_null() {
        // SAFETY: same contract.
        return unsafe { epoll_wait(epfd, evs, max, timeout) };
    }
    const NR_EPOLL_PWAIT: core::ffi::c_long = 281;
    // SAFETY: evs holds max events; mask is a sigset_t whose first 8 bytes the kernel reads.
    let r = crate::thread::cancel::point(|| unsafe { raw::syscall6(NR_EPOLL_PWAIT, [epfd as usize, evs as usize, max as usize, timeout as isize as usize, mask as usize, 8]) });
    raw::ret(r) as c_int
}
