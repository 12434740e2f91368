//! POSIX per-process timers (`<time.h>` via bits/timer.h): the kernel's
//! timer_* system calls (rustix has none; the raw path of header/sys/raw.rs).
//! A `timer_t` holds the kernel's timer id. SIGEV_SIGNAL, SIGEV_NONE and
//! SIGEV_THREAD_ID go to the kernel as given; SIGEV_THREAD timers have a
//! helper thread (`thread.rs`, shared with mq_notify) and a timer_t that
//! encodes their record.
//! Written by libc-net for the nix crate's test suite (test_timer).
pub mod thread;

use core::ffi::{c_int, c_long, c_void};

use crate::header::sys::raw::{ret, syscall6};

const SYS_TIMER_CREATE: c_long = 222;
const SYS_TIMER_SETTIME: c_long = 223;
const SYS_TIMER_GETTIME: c_long = 224;
const SYS_TIMER_GETOVERRUN: c_long = 225;
const SYS_TIMER_DELETE: c_long = 226;
const SIGEV_THREAD: c_int = 2;

fn call(n: c_long, a: [usize; 6]) -> isize {
    // SAFETY: callers pass the C caller's arguments for syscall `n`; the
    // kernel checks the pointers among them.
    ret(unsafe { syscall6(n, a) })
}

/// The kernel timer id behind a timer_t.
fn id(t: *mut c_void) -> usize {
    match thread::thread_timer(t) {
        // SAFETY: the caller's live thread timer.
        Some(tt) => unsafe { (*tt).kid as usize },
        None => t as usize as c_int as usize,
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_create(clock: c_int, ev: *const c_void, out: *mut *mut c_void) -> c_int {
    // struct sigevent: sigev_value (8 bytes), sigev_signo, sigev_notify.
    // SAFETY: NULL or the caller's sigevent.
    if !ev.is_null() && unsafe { *ev.cast::<c_int>().add(3) } == SIGEV_THREAD {
        let create = |clock: c_int, kev: &thread::Sigevent| {
            let mut kid: c_int = 0;
            let r = call(SYS_TIMER_CREATE, [clock as usize, kev as *const _ as usize, &mut kid as *mut c_int as usize, 0, 0, 0]);
            if r < 0 { Err(()) } else { Ok(kid) }
        };
        // SAFETY: the caller's sigevent, read as the struct it is.
        return unsafe { thread::create_timer(clock, &*ev.cast::<thread::Sigevent>(), out, create) };
    }
    let mut kid: c_int = 0;
    if call(SYS_TIMER_CREATE, [clock as usize, ev as usize, &mut kid as *mut c_int as usize, 0, 0, 0]) < 0 {
        return -1;
    }
    // SAFETY: the caller's timer_t.
    unsafe { *out = kid as isize as *mut c_void };
    0
}

#[unsafe(no_mangle)]
pub extern "C" fn timer_delete(t: *mut c_void) -> c_int {
    let r = call(SYS_TIMER_DELETE, [id(t), 0, 0, 0, 0, 0]) as c_int;
    if let (0, Some(tt)) = (r, thread::thread_timer(t)) {
        // SAFETY: the caller's live thread timer; its kernel timer is gone.
        unsafe { thread::delete_timer(tt) };
    }
    r
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_settime(t: *mut c_void, flags: c_int, new: *const c_void, old: *mut c_void) -> c_int {
    call(SYS_TIMER_SETTIME, [id(t), flags as usize, new as usize, old as usize, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn timer_gettime(t: *mut c_void, cur: *mut c_void) -> c_int {
    call(SYS_TIMER_GETTIME, [id(t), cur as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn timer_getoverrun(t: *mut c_void) -> c_int {
    call(SYS_TIMER_GETOVERRUN, [id(t), 0, 0, 0, 0, 0]) as c_int
}
