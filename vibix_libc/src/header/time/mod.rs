//! `<time.h>` and `<sys/time.h>`: clocks, sleeping, calendar conversion,
//! time zones (`zone`), strftime.
pub mod calendar;
pub mod getdate;
pub mod strftime;
pub mod strptime;
pub mod zone;

use core::ffi::{c_int, c_long};

use crate::thread::area::{fail, set_errno};
use rustix::time::{ClockId, Timespec};

/// `struct timespec`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CTimespec {
    pub tv_sec: i64,
    pub tv_nsec: c_long,
}
static_assertions::const_assert_eq!(core::mem::size_of::<CTimespec>(), 16);

fn clock_id(id: c_int) -> Option<ClockId> {
    Some(match id {
        0 => ClockId::Realtime,
        1 => ClockId::Monotonic,
        2 => ClockId::ProcessCPUTime,
        3 => ClockId::ThreadCPUTime,
        4 => ClockId::MonotonicRaw,
        5 => ClockId::RealtimeCoarse,
        6 => ClockId::MonotonicCoarse,
        7 => ClockId::Boottime,
        _ => return None,
    })
}

/// POSIX `clock_gettime` (vDSO through rustix).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_gettime(id: c_int, out: *mut CTimespec) -> c_int {
    let Some(c) = clock_id(id) else {
        // SAFETY: out is a struct timespec (C contract).
        return unsafe { crate::header::sys_time::cpu_clock(false, id, out.cast()) };
    };
    let t = rustix::time::clock_gettime(c);
    // SAFETY: out is writable.
    unsafe { *out = CTimespec { tv_sec: t.tv_sec, tv_nsec: t.tv_nsec as c_long } };
    0
}

/// POSIX `clock_getres`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_getres(id: c_int, out: *mut CTimespec) -> c_int {
    let Some(c) = clock_id(id) else {
        // SAFETY: out is NULL or a struct timespec (C contract).
        return unsafe { crate::header::sys_time::cpu_clock(true, id, out.cast()) };
    };
    let t = rustix::time::clock_getres(c);
    if !out.is_null() {
        // SAFETY: out is writable.
        unsafe { *out = CTimespec { tv_sec: t.tv_sec, tv_nsec: t.tv_nsec as c_long } };
    }
    0
}

/// C `time`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn time(out: *mut i64) -> i64 {
    let t = rustix::time::clock_gettime(ClockId::Realtime).tv_sec;
    if !out.is_null() {
        // SAFETY: out is writable.
        unsafe { *out = t };
    }
    t
}

/// POSIX `gettimeofday`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gettimeofday(tv: *mut [i64; 2], _tz: *mut core::ffi::c_void) -> c_int {
    if !tv.is_null() {
        let t = rustix::time::clock_gettime(ClockId::Realtime);
        // SAFETY: tv is writable.
        unsafe { *tv = [t.tv_sec, t.tv_nsec / 1000] };
    }
    0
}

/// C `clock`: process CPU time in CLOCKS_PER_SEC (1e6) units.
#[unsafe(no_mangle)]
pub extern "C" fn clock() -> c_long {
    let t = rustix::time::clock_gettime(ClockId::ProcessCPUTime);
    t.tv_sec * 1_000_000 + t.tv_nsec / 1000
}

/// POSIX `nanosleep`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nanosleep(req: *const CTimespec, rem: *mut CTimespec) -> c_int {
    // SAFETY: req is readable.
    let r = unsafe { *req };
    if r.tv_nsec < 0 || r.tv_nsec >= 1_000_000_000 || r.tv_sec < 0 {
        set_errno(22);
        return -1;
    }
    match crate::thread::cancel::point(|| rustix::thread::nanosleep(&Timespec { tv_sec: r.tv_sec, tv_nsec: r.tv_nsec as _ })) {
        rustix::thread::NanosleepRelativeResult::Ok => 0,
        rustix::thread::NanosleepRelativeResult::Interrupted(left) => {
            if !rem.is_null() {
                // SAFETY: rem is writable.
                unsafe { *rem = CTimespec { tv_sec: left.tv_sec, tv_nsec: left.tv_nsec as c_long } };
            }
            set_errno(4);
            -1
        }
        rustix::thread::NanosleepRelativeResult::Err(e) => fail(e, -1),
    }
}

/// POSIX `clock_nanosleep` (returns the error number).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_nanosleep(id: c_int, flags: c_int, req: *const CTimespec, rem: *mut CTimespec) -> c_int {
    let Some(c) = clock_id(id) else { return 22 };
    // SAFETY: req is readable.
    let r = unsafe { *req };
    let ts = Timespec { tv_sec: r.tv_sec, tv_nsec: r.tv_nsec as _ };
    if flags & 1 != 0 {
        return match crate::thread::cancel::point(|| rustix::thread::clock_nanosleep_absolute(c, &ts)) {
            Ok(()) => 0,
            Err(e) => e.raw_os_error(),
        };
    }
    match crate::thread::cancel::point(|| rustix::thread::clock_nanosleep_relative(c, &ts)) {
        rustix::thread::NanosleepRelativeResult::Ok => 0,
        rustix::thread::NanosleepRelativeResult::Interrupted(left) => {
            if !rem.is_null() {
                // SAFETY: rem is writable.
                unsafe { *rem = CTimespec { tv_sec: left.tv_sec, tv_nsec: left.tv_nsec as c_long } };
            }
            4
        }
        rustix::thread::NanosleepRelativeResult::Err(e) => e.raw_os_error(),
    }
}

/// C `difftime`.
#[unsafe(no_mangle)]
pub extern "C" fn difftime(a: i64, b: i64) -> f64 {
    (a - b) as f64
}

/// C11 `timespec_get` (TIME_UTC only).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn timespec_get(ts: *mut CTimespec, base: c_int) -> c_int {
    if base != 1 {
        return 0;
    }
    // SAFETY: forwarded.
    if unsafe { clock_gettime(0, ts) } != 0 {
        return 0;
    }
    base
}
