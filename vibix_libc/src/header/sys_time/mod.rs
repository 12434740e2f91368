//! Interval timers and process times: `alarm`, `ualarm`, `getitimer`,
//! `setitimer` (`<sys/time.h>`, `<unistd.h>`), `times` (`<sys/times.h>`),
//! `ftime` (`<sys/timeb.h>`), setting the clock, and timeval-based utimes.
//! rustix has no itimer/alarm/times/settimeofday calls: those are raw
//! (header/sys/raw.rs).
use core::ffi::{c_char, c_int, c_long, c_uint};
use rustix::fs::{AtFlags, Timestamps};
use rustix::io::Errno;
use rustix::time::Timespec;

use crate::header::sys::raw;
use crate::header::unistd::{cret, dirfd};
use crate::thread::area::fail;

const NR_GETITIMER: c_long = 36;
const NR_ALARM: c_long = 37;
const NR_SETITIMER: c_long = 38;
const NR_TIMES: c_long = 100;
const NR_SETTIMEOFDAY: c_long = 164;
const NR_CLOCK_GETRES: c_long = 229;
const ITIMER_REAL: c_int = 0;

type Timeval = [i64; 2];
/// `struct itimerval`: interval, then value.
type Itimerval = [Timeval; 2];

/// POSIX `getitimer`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getitimer(which: c_int, cur: *mut Itimerval) -> c_int {
    // SAFETY: cur points at a struct itimerval.
    unsafe { raw::ret(raw::syscall6(NR_GETITIMER, [which as usize, cur as usize, 0, 0, 0, 0])) as c_int }
}

/// POSIX `setitimer`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setitimer(which: c_int, new: *const Itimerval, old: *mut Itimerval) -> c_int {
    // SAFETY: new points at a struct itimerval, old is NULL or one.
    unsafe { raw::ret(raw::syscall6(NR_SETITIMER, [which as usize, new as usize, old as usize, 0, 0, 0])) as c_int }
}

/// POSIX `alarm`: seconds left on the previous alarm.
#[unsafe(no_mangle)]
pub extern "C" fn alarm(secs: c_uint) -> c_uint {
    // SAFETY: alarm takes no pointers.
    unsafe { raw::syscall6(NR_ALARM, [secs as usize, 0, 0, 0, 0, 0]) as c_uint }
}

/// XSI `ualarm`: microsecond alarm (and repeat interval); returns what was left.
#[unsafe(no_mangle)]
pub extern "C" fn ualarm(usecs: c_uint, interval: c_uint) -> c_uint {
    let tv = |u: c_uint| [(u / 1_000_000) as i64, (u % 1_000_000) as i64];
    let new: Itimerval = [tv(interval), tv(usecs)];
    let mut old: Itimerval = [[0; 2]; 2];
    // SAFETY: both structs are ours.
    if unsafe { setitimer(ITIMER_REAL, &new, &mut old) } < 0 {
        return c_uint::MAX;
    }
    (old[1][0] * 1_000_000 + old[1][1]) as c_uint
}

/// POSIX `times`: clock ticks since an arbitrary point, and the process times.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn times(buf: *mut [c_long; 4]) -> c_long {
    // SAFETY: buf points at a struct tms.
    let r = unsafe { raw::syscall6(NR_TIMES, [buf as usize, 0, 0, 0, 0, 0]) };
    // The tick count may be "negative" near boot; only EFAULT is an error.
    if r == -(Errno::FAULT.raw_os_error() as isize) {
        return fail(Errno::FAULT, -1);
    }
    r as c_long
}

/// `struct timeb` (`<sys/timeb.h>`).
#[repr(C)]
pub struct Timeb {
    time: i64,
    millitm: u16,
    timezone: i16,
    dstflag: i16,
}

/// Obsolete `ftime`: the time in seconds and milliseconds (UTC, no zone).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftime(tb: *mut Timeb) -> c_int {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Realtime);
    // SAFETY: tb points at a struct timeb.
    unsafe { tb.write(Timeb { time: t.tv_sec, millitm: (t.tv_nsec / 1_000_000) as u16, timezone: 0, dstflag: 0 }) };
    0
}

/// `settimeofday` (the time-zone argument is obsolete; Linux rejects most uses).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn settimeofday(tv: *const Timeval, tz: *const [c_int; 2]) -> c_int {
    // SAFETY: tv/tz are NULL or valid structs (C contract).
    unsafe { raw::ret(raw::syscall6(NR_SETTIMEOFDAY, [tv as usize, tz as usize, 0, 0, 0, 0])) as c_int }
}

/// `stime`: sets the time in seconds.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stime(t: *const i64) -> c_int {
    // SAFETY: t points at a time_t.
    let tv = [unsafe { *t }, 0];
    // SAFETY: tv is ours.
    unsafe { settimeofday(&tv, core::ptr::null()) }
}

/// POSIX `clock_settime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_settime(clk: c_int, ts: *const [i64; 2]) -> c_int {
    use rustix::time::ClockId;
    let id = match clk {
        0 => ClockId::Realtime,
        1 => ClockId::Monotonic,
        _ => return fail(Errno::INVAL, -1),
    };
    // SAFETY: ts points at a struct timespec.
    let [s, ns] = unsafe { *ts };
    cret(rustix::time::clock_settime(id, Timespec { tv_sec: s, tv_nsec: ns }), |_| 0)
}

/// POSIX `clock_getcpuclockid`: the CPU-time clock of process `pid` (Linux
/// encodes it as `~pid << 3 | CPUCLOCK_SCHED`); ESRCH if there is no such process.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_getcpuclockid(pid: c_int, clk: *mut c_int) -> c_int {
    let id = if pid == 0 { 2 } else { ((!pid) << 3) | 2 };
    let mut ts = [0i64; 2];
    // SAFETY: ts is ours (clock_getres only checks the clock exists).
    if unsafe { raw::syscall6(NR_CLOCK_GETRES, [id as usize, ts.as_mut_ptr() as usize, 0, 0, 0, 0]) } < 0 {
        return Errno::SRCH.raw_os_error();
    }
    // SAFETY: clk is writable.
    unsafe { *clk = id };
    0
}

/// clock_gettime/clock_getres of the clocks rustix cannot name: another
/// process's or thread's CPU clock (negative ids, from clock_getcpuclockid or
/// pthread_getcpuclockid). Other unknown ids are EINVAL.
pub(crate) unsafe fn cpu_clock(res: bool, id: c_int, out: *mut [i64; 2]) -> c_int {
    const NR_CLOCK_GETTIME: c_long = 228;
    if id >= 0 {
        return fail(Errno::INVAL, -1);
    }
    let nr = if res { NR_CLOCK_GETRES } else { NR_CLOCK_GETTIME };
    // SAFETY: out is NULL (getres only) or a struct timespec.
    unsafe { raw::ret(raw::syscall6(nr, [id as usize, out as usize, 0, 0, 0, 0])) as c_int }
}

/// Converts a C `struct timeval[2]` (or NULL: now) to rustix timestamps.
unsafe fn stamps(tv: *const [Timeval; 2]) -> Option<Timestamps> {
    const UTIME_NOW: i64 = (1 << 30) - 1;
    let conv = |t: Timeval| Timespec { tv_sec: t[0], tv_nsec: t[1] * 1000 };
    if tv.is_null() {
        let now = Timespec { tv_sec: 0, tv_nsec: UTIME_NOW };
        return Some(Timestamps { last_access: now, last_modification: now });
    }
    // SAFETY: tv points at two struct timevals.
    let [a, m] = unsafe { *tv };
    if [a, m].iter().any(|t| !(0..1_000_000).contains(&t[1])) {
        return None;
    }
    Some(Timestamps { last_access: conv(a), last_modification: conv(m) })
}

unsafe fn utimes_at(fd: c_int, path: *const c_char, tv: *const [Timeval; 2], flags: AtFlags) -> c_int {
    // SAFETY: tv is NULL or two timevals.
    let Some(ts) = (unsafe { stamps(tv) }) else { return fail(Errno::INVAL, -1) };
    if path.is_null() {
        return cret(rustix::fs::futimens(crate::header::unistd::bfd(fd), &ts), |_| 0);
    }
    // SAFETY: path is a C string.
    let p = unsafe { core::ffi::CStr::from_ptr(path) };
    cret(rustix::fs::utimensat(dirfd(fd), p, &ts, flags), |_| 0)
}

/// BSD `futimes`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn futimes(fd: c_int, tv: *const [Timeval; 2]) -> c_int {
    // SAFETY: forwards the caller's pointers.
    unsafe { utimes_at(fd, core::ptr::null(), tv, AtFlags::empty()) }
}

/// BSD `lutimes`: like utimes, on a symbolic link itself.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lutimes(path: *const c_char, tv: *const [Timeval; 2]) -> c_int {
    // SAFETY: forwards the caller's pointers.
    unsafe { utimes_at(-100, path, tv, AtFlags::SYMLINK_NOFOLLOW) }
}

/// `futimesat`: utimes relative to a directory descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn futimesat(fd: c_int, path: *const c_char, tv: *const [Timeval; 2]) -> c_int {
    if path.is_null() {
        // SAFETY: forwards the caller's pointers.
        return unsafe { futimes(fd, tv) };
    }
    // SAFETY: forwards the caller's pointers.
    unsafe { utimes_at(fd, path, tv, AtFlags::empty()) }
}
