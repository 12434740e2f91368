//! Reader-writer locks: one futex word (reader count, or WRITER) plus a
//! waiter count so unlocks without waiters make no syscall. Process-shared
//! ones (`pthread_rwlockattr_setpshared`) use shared futex operations.
use core::ffi::c_int;
use core::sync::atomic::{AtomicU32, Ordering};
use static_assertions::const_assert_eq;

const WRITER: u32 = 1 << 31;
const EBUSY: c_int = 16;
const EINVAL: c_int = 22;
const ETIMEDOUT: c_int = 110;

#[repr(C)]
pub struct RwLock {
    pub state: AtomicU32,
    pub waiters: AtomicU32,
    /// 1 if process-shared.
    pub shared: u32,
    pub pad: [u32; 11],
}
const_assert_eq!(core::mem::size_of::<RwLock>(), 56);

/// `pthread_rwlockattr_t` (8 bytes): bit 0 is PTHREAD_PROCESS_SHARED.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_init(l: *mut RwLock, a: *const u64) -> c_int {
    // SAFETY: l writable; a NULL or an attr.
    unsafe {
        let shared = if a.is_null() { 0 } else { (*a & 1) as u32 };
        l.write(RwLock { state: AtomicU32::new(0), waiters: AtomicU32::new(0), shared, pad: [0; 11] })
    };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_setpshared(a: *mut u64, s: c_int) -> c_int {
    if s != 0 && s != 1 {
        return EINVAL;
    }
    // SAFETY: a is an initialised attr.
    unsafe { *a = (*a & !1) | s as u64 };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlockattr_getpshared(a: *const u64, s: *mut c_int) -> c_int {
    // SAFETY: a is an initialised attr, s writable.
    unsafe { *s = (*a & 1) as c_int };
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

/// Takes the lock; `try_only` gives up at once, `abs` (CLOCK_REALTIME) later.
unsafe fn acquire(l: *mut RwLock, write: bool, try_only: bool, abs: *const [i64; 2]) -> c_int {
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
        let rel = if abs.is_null() {
            None
        // SAFETY: abs is a timespec.
        } else if !(0..1_000_000_000).contains(&unsafe { (*abs)[1] }) {
            return EINVAL;
        } else {
            // SAFETY: abs is a timespec.
            match unsafe { super::cond::relative(abs, 0) } {
                Some(r) => Some(r),
                None => return ETIMEDOUT,
            }
        };
        l.waiters.fetch_add(1, Ordering::AcqRel);
        crate::sync::futex_wait_in(&l.state, s, l.shared != 0, rel.as_ref());
        l.waiters.fetch_sub(1, Ordering::AcqRel);
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_rdlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, false, false, core::ptr::null()) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_tryrdlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, false, true, core::ptr::null()) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_wrlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, true, false, core::ptr::null()) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_trywrlock(l: *mut RwLock) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, true, true, core::ptr::null()) }
}

/// POSIX `pthread_rwlock_timedrdlock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedrdlock(l: *mut RwLock, abs: *const [i64; 2]) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, false, false, abs) }
}
/// POSIX `pthread_rwlock_timedwrlock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_rwlock_timedwrlock(l: *mut RwLock, abs: *const [i64; 2]) -> c_int {
    // SAFETY: forwarded.
    unsafe { acquire(l, true, false, abs) }
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
        crate::sync::futex_wake_in(&l.state, i32::MAX as u32, l.shared != 0);
    }
    0
}
