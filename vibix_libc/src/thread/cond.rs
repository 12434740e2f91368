//! Condition variables: a sequence counter futex; waiters sleep until it changes.
use core::ffi::c_int;
use core::sync::atomic::{AtomicU32, Ordering};
use static_assertions::const_assert_eq;

use core::ffi::c_void;
use core::ptr::null_mut;

use super::cancel::{_pthread_cleanup_pop, _pthread_cleanup_push, point, Ptcb};
use super::mutex::{pthread_mutex_lock, pthread_mutex_unlock, Mutex};

const ETIMEDOUT: c_int = 110;

#[repr(C)]
pub struct Cond {
    pub seq: AtomicU32,
    pub waiters: AtomicU32,
    /// 0 = CLOCK_REALTIME, 1 = CLOCK_MONOTONIC (for timedwait).
    pub clock: u32,
    /// 1 if process-shared (shared futex operations).
    pub shared: u32,
    pub pad: [u32; 8],
}
const_assert_eq!(core::mem::size_of::<Cond>(), 48);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_init(a: *mut c_int) -> c_int {
    // SAFETY: a is a pthread_condattr_t (an int).
    unsafe { *a = 0 };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_destroy(_a: *mut c_int) -> c_int {
    0
}
/// `pthread_condattr_t` (an int): the clock in bits 0-7, PSHARED above.
const ATTR_CLOCK: c_int = 0xff;
const ATTR_PSHARED: c_int = 0x100;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setclock(a: *mut c_int, c: c_int) -> c_int {
    if c != 0 && c != 1 {
        return 22;
    }
    // SAFETY: as above.
    unsafe { *a = (*a & !ATTR_CLOCK) | c };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getclock(a: *const c_int, c: *mut c_int) -> c_int {
    // SAFETY: a is an initialised attr, c writable.
    unsafe { *c = *a & ATTR_CLOCK };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_setpshared(a: *mut c_int, s: c_int) -> c_int {
    if s != 0 && s != 1 {
        return 22;
    }
    // SAFETY: a is an initialised attr.
    unsafe { *a = (*a & !ATTR_PSHARED) | if s == 1 { ATTR_PSHARED } else { 0 } };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_condattr_getpshared(a: *const c_int, s: *mut c_int) -> c_int {
    // SAFETY: a is an initialised attr, s writable.
    unsafe { *s = (*a & ATTR_PSHARED != 0) as c_int };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_init(c: *mut Cond, a: *const c_int) -> c_int {
    // SAFETY: c writable; a NULL or an attr.
    unsafe {
        c.write(Cond { seq: AtomicU32::new(0), waiters: AtomicU32::new(0), clock: 0, shared: 0, pad: [0; 8] });
        if !a.is_null() {
            (*c).clock = (*a & ATTR_CLOCK) as u32;
            (*c).shared = (*a & ATTR_PSHARED != 0) as u32;
        }
    }
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_destroy(_c: *mut Cond) -> c_int {
    0
}

/// Time left until the absolute `abs` on `clock`, or None if it has passed.
pub unsafe fn relative(abs: *const [i64; 2], clock: u32) -> Option<rustix::time::Timespec> {
    use rustix::time::{clock_gettime, ClockId};
    let now = clock_gettime(if clock == 1 { ClockId::Monotonic } else { ClockId::Realtime });
    // SAFETY: abs is a timespec.
    let [s, ns] = unsafe { *abs };
    let mut ds = s - now.tv_sec;
    let mut dn = ns - now.tv_nsec;
    if dn < 0 {
        dn += 1_000_000_000;
        ds -= 1;
    }
    if ds < 0 {
        return None;
    }
    Some(rustix::time::Timespec { tv_sec: ds, tv_nsec: dn })
}

/// What a wait cancelled in its futex wait still owes: the waiter count and
/// the mutex (POSIX: cleanup handlers run with the mutex held again).
struct Waiting {
    c: *mut Cond,
    m: *mut Mutex,
}

unsafe extern "C" fn cancelled_wait(w: *mut c_void) {
    // SAFETY: w is the cancelled wait's `Waiting`, still on its stack.
    unsafe {
        let w = &*(w as *const Waiting);
        (*w.c).waiters.fetch_sub(1, Ordering::AcqRel);
        pthread_mutex_lock(w.m);
    }
}

unsafe fn wait(c: *mut Cond, m: *mut Mutex, abs: *const [i64; 2]) -> c_int {
    let mut w = Waiting { c, m };
    let mut cb = Ptcb { f: None, x: null_mut(), next: null_mut() };
    // SAFETY: c and m are initialised; we hold m; cb and w outlive the wait.
    unsafe {
        let seq = (*c).seq.load(Ordering::Acquire);
        (*c).waiters.fetch_add(1, Ordering::AcqRel);
        _pthread_cleanup_push(&mut cb, Some(cancelled_wait), &raw mut w as *mut c_void);
        pthread_mutex_unlock(m);
        let mut r = 0;
        if abs.is_null() {
            point(|| crate::sync::futex_wait_in(&(*c).seq, seq, (*c).shared != 0, None));
        } else {
            match relative(abs, (*c).clock) {
                None => r = ETIMEDOUT,
                Some(rel) => {
                    if !point(|| crate::sync::futex_wait_in(&(*c).seq, seq, (*c).shared != 0, Some(&rel))) {
                        r = ETIMEDOUT;
                    }
                }
            }
        }
        // The mutex again (its EOWNERDEAD, if robust, is the wait's result).
        _pthread_cleanup_pop(&mut cb, 0);
        (*c).waiters.fetch_sub(1, Ordering::AcqRel);
        let relock = pthread_mutex_lock(m);
        if relock != 0 { relock } else { r }
    }
}

/// POSIX `pthread_cond_wait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_wait(c: *mut Cond, m: *mut Mutex) -> c_int {
    // SAFETY: forwarded.
    unsafe { wait(c, m, core::ptr::null()) }
}

/// POSIX `pthread_cond_timedwait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_timedwait(c: *mut Cond, m: *mut Mutex, abs: *const [i64; 2]) -> c_int {
    // SAFETY: forwarded.
    unsafe { wait(c, m, abs) }
}

/// POSIX `pthread_cond_signal`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_signal(c: *mut Cond) -> c_int {
    // SAFETY: c is initialised.
    unsafe {
        (*c).seq.fetch_add(1, Ordering::AcqRel);
        if (*c).waiters.load(Ordering::Acquire) > 0 {
            crate::sync::futex_wake_in(&(*c).seq, 1, (*c).shared != 0);
        }
    }
    0
}

/// POSIX `pthread_cond_broadcast`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cond_broadcast(c: *mut Cond) -> c_int {
    // SAFETY: c is initialised.
    unsafe {
        (*c).seq.fetch_add(1, Ordering::AcqRel);
        if (*c).waiters.load(Ordering::Acquire) > 0 {
            crate::sync::futex_wake_in(&(*c).seq, i32::MAX as u32, (*c).shared != 0);
        }
    }
    0
}
