//! pthread mutexes (normal, recursive, error-checking) over the futex lock.
//! Field offsets follow glibc's so its static initializers work.
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use static_assertions::{const_assert_eq};

use super::area::tid;
use crate::sync::Lock;

const RECURSIVE: c_int = 1;
const ERRORCHECK: c_int = 2;
const EBUSY: c_int = 16;
const EDEADLK: c_int = 35;
const EPERM: c_int = 1;
const ETIMEDOUT: c_int = 110;

#[repr(C)]
pub struct Mutex {
    pub lock: Lock,
    pub count: u32,
    pub owner: AtomicI32,
    pub nusers: u32,
    pub kind: c_int,
    pub pad: [u32; 5],
}
const_assert_eq!(core::mem::size_of::<Mutex>(), 40);
const_assert_eq!(core::mem::offset_of!(Mutex, kind), 16);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_init(a: *mut c_int) -> c_int {
    // SAFETY: a is a pthread_mutexattr_t (an int).
    unsafe { *a = 0 };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_destroy(_a: *mut c_int) -> c_int {
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut c_int, t: c_int) -> c_int {
    if !(0..=3).contains(&t) {
        return 22;
    }
    // SAFETY: as above.
    unsafe { *a = t };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_gettype(a: *const c_int, t: *mut c_int) -> c_int {
    // SAFETY: as above.
    unsafe { *t = *a };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(_a: *mut c_int, _s: c_int) -> c_int {
    0
}

/// POSIX `pthread_mutex_init`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_init(m: *mut Mutex, a: *const c_int) -> c_int {
    // SAFETY: m is writable; a NULL or an attr.
    unsafe {
        m.write(Mutex { lock: Lock::new(), count: 0, owner: AtomicI32::new(0), nusers: 0, kind: 0, pad: [0; 5] });
        if !a.is_null() {
            (*m).kind = *a & 3;
        }
    }
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_destroy(_m: *mut Mutex) -> c_int {
    0
}

/// Returns Some(result) when the recursive/errorcheck owner logic decided.
unsafe fn owned_case(m: *mut Mutex) -> Option<c_int> {
    // SAFETY: m is an initialised mutex.
    unsafe {
        let k = (*m).kind & 3;
        if k == RECURSIVE || k == ERRORCHECK {
            if (*m).owner.load(Ordering::Relaxed) == tid() {
                if k == ERRORCHECK {
                    return Some(EDEADLK);
                }
                (*m).count += 1;
                return Some(0);
            }
        }
    }
    None
}

unsafe fn acquired(m: *mut Mutex) {
    // SAFETY: we hold the lock.
    unsafe {
        if (*m).kind & 3 != 0 {
            (*m).owner.store(tid(), Ordering::Relaxed);
            (*m).count = 1;
        }
    }
}

/// POSIX `pthread_mutex_lock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut Mutex) -> c_int {
    // SAFETY: m is an initialised mutex.
    unsafe {
        if let Some(r) = owned_case(m) {
            return r;
        }
        (*m).lock.lock();
        acquired(m);
    }
    0
}

/// POSIX `pthread_mutex_trylock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_trylock(m: *mut Mutex) -> c_int {
    // SAFETY: m is an initialised mutex.
    unsafe {
        if let Some(r) = owned_case(m) {
            return if r == EDEADLK { EBUSY } else { r };
        }
        if !(*m).lock.try_lock() {
            return EBUSY;
        }
        acquired(m);
    }
    0
}

/// POSIX `pthread_mutex_timedlock` (CLOCK_REALTIME deadline).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_timedlock(m: *mut Mutex, abs: *const [i64; 2]) -> c_int {
    loop {
        // SAFETY: forwarded.
        let r = unsafe { pthread_mutex_trylock(m) };
        if r != EBUSY {
            return r;
        }
        // SAFETY: abs is a timespec.
        let Some(rel) = (unsafe { super::cond::relative(abs, 0) }) else { return ETIMEDOUT };
        // SAFETY: m live; sleep until the word changes or the timeout passes.
        let word: &AtomicU32 = unsafe { &(*m).lock.0 };
        let v = word.load(Ordering::Relaxed);
        if v != 0 && !crate::sync::futex_wait_timeout(word, v, &rel) {
            // SAFETY: one last try.
            let r = unsafe { pthread_mutex_trylock(m) };
            return if r == EBUSY { ETIMEDOUT } else { r };
        }
    }
}

/// POSIX `pthread_mutex_unlock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut Mutex) -> c_int {
    // SAFETY: m is an initialised mutex held by us.
    unsafe {
        if (*m).kind & 3 != 0 {
            if (*m).owner.load(Ordering::Relaxed) != tid() {
                return EPERM;
            }
            (*m).count -= 1;
            if (*m).count > 0 {
                return 0;
            }
            (*m).owner.store(0, Ordering::Relaxed);
        }
        (*m).lock.unlock();
    }
    0
}

/// POSIX spin locks (an int): spin then yield.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_init(s: *mut AtomicI32, _p: c_int) -> c_int {
    // SAFETY: s writable.
    unsafe { (*s).store(0, Ordering::Relaxed) };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_destroy(_s: *mut AtomicI32) -> c_int {
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_lock(s: *mut AtomicI32) -> c_int {
    // SAFETY: s is a spinlock.
    while unsafe { (*s).swap(1, Ordering::Acquire) } != 0 {
        rustix::thread::sched_yield();
    }
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_trylock(s: *mut AtomicI32) -> c_int {
    // SAFETY: s is a spinlock.
    if unsafe { (*s).swap(1, Ordering::Acquire) } == 0 { 0 } else { EBUSY }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_spin_unlock(s: *mut AtomicI32) -> c_int {
    // SAFETY: s is a spinlock we hold.
    unsafe { (*s).store(0, Ordering::Release) };
    0
}

#[allow(dead_code)]
fn _v(_: *mut c_void) {}
