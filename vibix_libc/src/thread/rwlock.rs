//! Reader-writer locks: one futex word (reader count, or WRITER) plus a
//! waiter count so unlocks without waiters make no syscall.
use core::ffi::c_int;
use core::sync::atomic::{AtomicU32, Ordering};
use static_assertions::const_assert_eq;

const WRITER: u32 = 1 << 31;
const EBUSY: c_int = 16;

#[repr(C)]
pub struct RwLock {
    pub state: AtomicU32,
    pub waiters: AtomicU32,
    pub pad: [u32; 12],
}
const_assert_eq!(core::mem::size_of::<RwLock>(), 56);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_init(l: *mut RwLock, _a: *const c_int) -> c_int {
    // SAFETY: l writable.
    unsafe { l.write(RwLock { state: AtomicU32::new(0), waiters: AtomicU32::new(0), pad: [0; 12] }) };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_destroy(_l: *mut RwLock) -> c_int {
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_init(a: *mut u64) -> c_int {
    // SAFETY: a writable.
    unsafe { *a = 0 };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_destroy(_a: *mut u64) -> c_int {
    0
}

unsafe fn acquire(l: *mut RwLock, write: bool, try_only: bool) -> c_int {
    // SAFETY: l is initialised.
    let l = unsafe { &*l };
    loop {
        let s = l.state.load(Ordering::Relaxed);
        let free = if write { s == 0 } else { s & WRITER == 0 && s < WRITER - 1 };
        if free {
            let n = if write { WRITER } else { s + 1 };
            if l.state.compare_exchange_weak(s, n, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return 0;
            }
            continue;
        }
        if try_only {
            return EBUSY;
        }
        l.waiters.fetch_add(1, Ordering::AcqRel);
        crate::sync::futex_wait(&l.state, s);
        l.waiters.fetch_sub(1, Ordering::AcqRel);
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, false, false) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, false, true) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, true, false) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, true, true) }
}

/// POSIX `pthread_rwlock_unlock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_unlock(l: *mut RwLock) -> c_int {
    // SAFETY: l is initialised and held by us.
    let l = unsafe { &*l };
    let s = l.state.load(Ordering::Relaxed);
    if s == WRITER {
        l.state.store(0, Ordering::Release);
    } else {
        l.state.fetch_sub(1, Ordering::Release);
    }
    if l.waiters.load(Ordering::Acquire) > 0 {
        crate::sync::futex_wake(&l.state, i32::MAX as u32);
    }
    0
}
