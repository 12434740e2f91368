//! `<sys/timerfd.h>`: timers as file descriptors through rustix.
use core::ffi::c_int;
use rustix::io::Errno;
use rustix::time::{Itimerspec, Timespec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags};

use crate::header::unistd::{bfd, cret};
use crate::thread::area::fail;

/// `struct itimerspec`: interval, value (each a timespec).
type CItimerspec = [[i64; 2]; 2];

fn to_rustix(t: &CItimerspec) -> Itimerspec {
    let ts = |v: [i64; 2]| Timespec { tv_sec: v[0], tv_nsec: v[1] };
    Itimerspec { it_interval: ts(t[0]), it_value: ts(t[1]) }
}

fn from_rustix(t: &Itimerspec) -> CItimerspec {
    [[t.it_interval.tv_sec, t.it_interval.tv_nsec], [t.it_value.tv_sec, t.it_value.tv_nsec]]
}

/// Linux `timerfd_create`.
#[unsafe(no_mangle)]
pub extern "C" fn timerfd_create(clock: c_int, flags: c_int) -> c_int {
    let id = match clock {
        0 => TimerfdClockId::Realtime,
        1 => TimerfdClockId::Monotonic,
        7 => TimerfdClockId::Boottime,
        8 => TimerfdClockId::RealtimeAlarm,
        9 => TimerfdClockId::BoottimeAlarm,
        _ => return fail(Errno::INVAL, -1),
    };
    cret(rustix::time::timerfd_create(id, TimerfdFlags::from_bits_retain(flags as _)), rustix::fd::IntoRawFd::into_raw_fd)
}

/// Linux `timerfd_settime` (TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timerfd_settime(fd: c_int, flags: c_int, new: *const CItimerspec, old: *mut CItimerspec) -> c_int {
    if new.is_null() {
        return fail(Errno::FAULT, -1);
    }
    // SAFETY: new points at a struct itimerspec.
    let n = to_rustix(unsafe { &*new });
    match rustix::time::timerfd_settime(bfd(fd), TimerfdTimerFlags::from_bits_retain(flags as _), &n) {
        Ok(o) => {
            if !old.is_null() {
                // SAFETY: old is writable.
                unsafe { *old = from_rustix(&o) };
            }
            0
        }
        Err(e) => fail(e, -1),
    }
}

/// Linux `timerfd_gettime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timerfd_gettime(fd: c_int, cur: *mut CItimerspec) -> c_int {
    match rustix::time::timerfd_gettime(bfd(fd)) {
        Ok(t) => {
            // SAFETY: cur is writable.
            unsafe { *cur = from_rustix(&t) };
            0
        }
        Err(e) => fail(e, -1),
    }
}
