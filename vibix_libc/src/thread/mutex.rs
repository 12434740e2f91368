//! pthread mutexes over futexes. Field offsets follow glibc's so its static
//! initializers work. Two kinds of lock word:
//! * plain mutexes (normal, recursive, error-checking): `sync::Lock`'s
//!   0/1/2 states, the owner's tid in `owner` for the recursive and
//!   error-checking types;
//! * robust and priority-inheritance mutexes: the kernel's word, the owner's
//!   tid | FUTEX_WAITERS | FUTEX_OWNER_DIED. A robust mutex is on its owner's
//!   robust list (robust.rs) so its owner's death is seen; a PI mutex blocks in
//!   FUTEX_LOCK_PI, which lends the waiter's priority to the owner.
//! Process-shared mutexes (in MAP_SHARED memory) use shared futex operations.
use core::ffi::c_int;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use static_assertions::const_assert_eq;

use super::area::tid;
use super::robust::{self, RobustLink};
use crate::sync::Lock;

const RECURSIVE: c_int = 1;
const ERRORCHECK: c_int = 2;
const EINVAL: c_int = 22;
const EBUSY: c_int = 16;
const EAGAIN: c_int = 11;
const EDEADLK: c_int = 35;
const EPERM: c_int = 1;
const ETIMEDOUT: c_int = 110;
const ENOTSUP: c_int = 95;
const EOWNERDEAD: c_int = 130;
const ENOTRECOVERABLE: c_int = 131;

/// `Mutex::kind` and `pthread_mutexattr_t` bits (glibc's values).
const TYPE_MASK: c_int = 3;
pub const ROBUST: c_int = 16;
pub const PRIO_INHERIT: c_int = 32;
pub const PSHARED: c_int = 128;
const ATTR_MASK: c_int = TYPE_MASK | ROBUST | PRIO_INHERIT | PSHARED;

pub const FUTEX_WAITERS: u32 = 0x8000_0000;
pub const FUTEX_OWNER_DIED: u32 = 0x4000_0000;
const TID_MASK: u32 = 0x3fff_ffff;

/// `Mutex::state` of a robust mutex.
const CONSISTENT: u32 = 0;
/// The owner ended in pthread_exit holding it (the word's FUTEX_OWNER_DIED
/// says the same for deaths the kernel saw).
pub const DIED: u32 = 1;
/// Locked after the owner died; pthread_mutex_consistent not called yet.
const INCONSISTENT: u32 = 2;
/// Unlocked while inconsistent: every lock fails with ENOTRECOVERABLE.
const NOTRECOVERABLE: u32 = 3;

#[repr(C)]
pub struct Mutex {
    pub lock: Lock,
    pub count: u32,
    pub owner: AtomicI32,
    pub nusers: u32,
    pub kind: c_int,
    pub state: u32,
    /// Robust list links (robust.rs): the previous link, and ours.
    pub prev: *mut RobustLink,
    pub link: RobustLink,
}
const_assert_eq!(core::mem::size_of::<Mutex>(), 40);
const_assert_eq!(core::mem::offset_of!(Mutex, kind), 16);
const_assert_eq!(core::mem::offset_of!(Mutex, link), 32);

/// `pthread_mutexattr_t` is one int of the kind bits above.
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

/// Sets the bits `mask` of the attribute to `bits` (all attr setters).
unsafe fn attr_set(a: *mut c_int, mask: c_int, bits: c_int) -> c_int {
    // SAFETY: a is an initialised attr.
    unsafe { *a = (*a & !mask) | bits };
    0
}
unsafe fn attr_get(a: *const c_int, out: *mut c_int, f: impl FnOnce(c_int) -> c_int) -> c_int {
    // SAFETY: a is an initialised attr, out writable.
    unsafe { *out = f(*a) };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_settype(a: *mut c_int, t: c_int) -> c_int {
    if !(0..=3).contains(&t) {
        return EINVAL;
    }
    // SAFETY: forwarded.
    unsafe { attr_set(a, TYPE_MASK, t) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_gettype(a: *const c_int, t: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { attr_get(a, t, |k| k & TYPE_MASK) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setpshared(a: *mut c_int, s: c_int) -> c_int {
    if s != 0 && s != 1 {
        return EINVAL;
    }
    // SAFETY: forwarded.
    unsafe { attr_set(a, PSHARED, if s == 1 { PSHARED } else { 0 }) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getpshared(a: *const c_int, s: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { attr_get(a, s, |k| (k & PSHARED != 0) as c_int) }
}
/// POSIX `pthread_mutexattr_setrobust`: PTHREAD_MUTEX_STALLED (0) or _ROBUST (1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setrobust(a: *mut c_int, r: c_int) -> c_int {
    if r != 0 && r != 1 {
        return EINVAL;
    }
    // SAFETY: forwarded.
    unsafe { attr_set(a, ROBUST, if r == 1 { ROBUST } else { 0 }) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getrobust(a: *const c_int, r: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { attr_get(a, r, |k| (k & ROBUST != 0) as c_int) }
}
/// POSIX `pthread_mutexattr_setprotocol`: PTHREAD_PRIO_NONE (0) and
/// PTHREAD_PRIO_INHERIT (1); PTHREAD_PRIO_PROTECT (2) is ENOTSUP
/// (docs/unsupported.md).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_setprotocol(a: *mut c_int, p: c_int) -> c_int {
    match p {
        // SAFETY: forwarded.
        0 | 1 => unsafe { attr_set(a, PRIO_INHERIT, if p == 1 { PRIO_INHERIT } else { 0 }) },
        2 => ENOTSUP,
        _ => EINVAL,
    }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutexattr_getprotocol(a: *const c_int, p: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { attr_get(a, p, |k| (k & PRIO_INHERIT != 0) as c_int) }
}

/// POSIX `pthread_mutex_getprioceiling`: only priority-protect mutexes have a
/// ceiling, and vibix has none (EINVAL, as glibc for other mutexes).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_getprioceiling(_m: *const Mutex, _c: *mut c_int) -> c_int {
    EINVAL
}
/// POSIX `pthread_mutex_setprioceiling`: as above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_setprioceiling(_m: *mut Mutex, _c: c_int, _old: *mut c_int) -> c_int {
    EINVAL
}

/// POSIX `pthread_mutex_init`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_init(m: *mut Mutex, a: *const c_int) -> c_int {
    // SAFETY: m is writable; a NULL or an attr.
    unsafe {
        let kind = if a.is_null() { 0 } else { *a & ATTR_MASK };
        m.write(Mutex {
            lock: Lock::new(),
            count: 0,
            owner: AtomicI32::new(0),
            nusers: 0,
            kind,
            state: CONSISTENT,
            prev: null_mut(),
            link: RobustLink { next: null_mut() },
        });
    }
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_destroy(_m: *mut Mutex) -> c_int {
    0
}

fn kind(m: *const Mutex) -> c_int {
    // SAFETY: m is an initialised mutex (kind never changes after init).
    unsafe { (*m).kind }
}
fn shared(m: *const Mutex) -> bool {
    kind(m) & PSHARED != 0
}
/// Robust and PI mutexes keep the owner's tid in the lock word.
fn tid_word(m: *const Mutex) -> bool {
    kind(m) & (ROBUST | PRIO_INHERIT) != 0
}
fn word<'a>(m: *const Mutex) -> &'a AtomicU32 {
    // SAFETY: m is an initialised mutex, live while the caller uses it.
    unsafe { &(*m).lock.0 }
}
fn owner_tid(m: *const Mutex) -> i32 {
    if tid_word(m) {
        (word(m).load(Ordering::Relaxed) & TID_MASK) as i32
    } else {
        // SAFETY: as word().
        unsafe { (*m).owner.load(Ordering::Relaxed) }
    }
}

/// Returns Some(result) when the caller already owns the mutex.
unsafe fn owned_case(m: *mut Mutex) -> Option<c_int> {
    let k = kind(m) & TYPE_MASK;
    if (k == RECURSIVE || k == ERRORCHECK || tid_word(m)) && owner_tid(m) == tid() {
        if k != RECURSIVE {
            return Some(EDEADLK);
        }
        // SAFETY: we own m.
        unsafe {
            if (*m).count == u32::MAX {
                return Some(EAGAIN);
            }
            (*m).count += 1;
        }
        return Some(0);
    }
    None
}

unsafe fn acquired(m: *mut Mutex) {
    // SAFETY: we hold the lock.
    unsafe {
        if kind(m) & TYPE_MASK != 0 {
            (*m).owner.store(tid(), Ordering::Relaxed);
        }
        (*m).count = 1;
    }
}

/// How long a lock may wait.
#[derive(Clone, Copy)]
enum Wait {
    Try,
    Forever,
    Until(*const [i64; 2]),
}

/// Takes a robust non-PI word; Ok(true) when its previous owner died.
fn take_robust(m: *mut Mutex, wait: Wait) -> Result<bool, c_int> {
    let w = word(m);
    let me = tid() as u32;
    let mut waited = 0;
    loop {
        let v = w.load(Ordering::Relaxed);
        if v & TID_MASK == 0 {
            if w.compare_exchange(v, me | (v & FUTEX_WAITERS) | waited, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return Ok(v & FUTEX_OWNER_DIED != 0);
            }
            continue;
        }
        let rel = match wait {
            Wait::Try => return Err(EBUSY),
            Wait::Forever => None,
            // SAFETY: a timespec (caller contract).
            Wait::Until(abs) => match unsafe { super::cond::relative(abs, 0) } {
                Some(r) => Some(r),
                None => return Err(ETIMEDOUT),
            },
        };
        if v & FUTEX_WAITERS == 0 && w.compare_exchange(v, v | FUTEX_WAITERS, Ordering::Relaxed, Ordering::Relaxed).is_err() {
            continue;
        }
        // Shared even for private mutexes: the kernel's owner-died wake-up is.
        crate::sync::futex_wait_in(w, v | FUTEX_WAITERS, true, rel.as_ref());
        waited = FUTEX_WAITERS;
    }
}

/// Takes a PI word (blocking in the kernel); Ok(true) when its owner died.
fn take_pi(m: *mut Mutex, wait: Wait) -> Result<bool, c_int> {
    use rustix::thread::futex;
    let w = word(m);
    let me = tid() as u32;
    let flags = crate::sync::scope(shared(m));
    let v = w.load(Ordering::Relaxed);
    if v & (TID_MASK | FUTEX_WAITERS) == 0 && w.compare_exchange(v, me | (v & FUTEX_OWNER_DIED), Ordering::Acquire, Ordering::Relaxed).is_ok() {
        return Ok(v & FUTEX_OWNER_DIED != 0);
    }
    let r = match wait {
        Wait::Try => match futex::trylock_pi(w, flags) {
            Ok(true) => Ok(()),
            Ok(false) | Err(rustix::io::Errno::AGAIN) => return Err(EBUSY),
            Err(e) => Err(e),
        },
        Wait::Forever => futex::lock_pi(w, flags, None),
        Wait::Until(abs) => {
            // SAFETY: a timespec (caller contract); FUTEX_LOCK_PI takes it as
            // an absolute CLOCK_REALTIME time, as timedlock's deadline is.
            let [s, ns] = unsafe { *abs };
            if !(0..1_000_000_000).contains(&ns) {
                return Err(EINVAL);
            }
            futex::lock_pi(w, flags, Some(&rustix::time::Timespec { tv_sec: s, tv_nsec: ns }))
        }
    };
    match r {
        Ok(()) => Ok(w.fetch_and(!FUTEX_OWNER_DIED, Ordering::Acquire) & FUTEX_OWNER_DIED != 0),
        Err(e) => Err(e.raw_os_error()),
    }
}

/// Locks a robust or PI mutex, with the owner-died protocol.
fn lock_tid_word(m: *mut Mutex, wait: Wait) -> c_int {
    // SAFETY: m is an initialised mutex; state/count are ours once we hold it.
    unsafe {
        if core::ptr::read_volatile(&raw const (*m).state) == NOTRECOVERABLE {
            return ENOTRECOVERABLE;
        }
        let robust = kind(m) & ROBUST != 0;
        if robust {
            robust::set_pending(m);
        }
        let r = if kind(m) & PRIO_INHERIT != 0 { take_pi(m, wait) } else { take_robust(m, wait) };
        let died = match r {
            Ok(d) => d,
            Err(e) => {
                if robust {
                    robust::set_pending(null_mut());
                }
                return e;
            }
        };
        if robust {
            robust::push(m);
            robust::set_pending(null_mut());
        }
        (*m).count = 1;
        match (*m).state {
            NOTRECOVERABLE => {
                unlock_tid_word(m);
                ENOTRECOVERABLE
            }
            DIED => {
                (*m).state = INCONSISTENT;
                EOWNERDEAD
            }
            _ if died && robust => {
                (*m).state = INCONSISTENT;
                EOWNERDEAD
            }
            _ => 0,
        }
    }
}

fn unlock_tid_word(m: *mut Mutex) -> c_int {
    let w = word(m);
    let me = tid() as u32;
    if w.load(Ordering::Relaxed) & TID_MASK != me {
        return EPERM;
    }
    // SAFETY: we own m.
    unsafe {
        if kind(m) & TYPE_MASK == RECURSIVE && (*m).count > 1 {
            (*m).count -= 1;
            return 0;
        }
        (*m).count = 0;
        if (*m).state == INCONSISTENT {
            (*m).state = NOTRECOVERABLE;
        }
        let robust = kind(m) & ROBUST != 0;
        if robust {
            robust::set_pending(m);
            robust::remove(m);
        }
        let dead = (*m).state == NOTRECOVERABLE;
        if kind(m) & PRIO_INHERIT != 0 {
            if w.compare_exchange(me, 0, Ordering::Release, Ordering::Relaxed).is_err() {
                let _ = rustix::thread::futex::unlock_pi(w, crate::sync::scope(shared(m)));
            }
        } else {
            let old = w.swap(0, Ordering::Release);
            if dead {
                crate::sync::futex_wake_in(w, i32::MAX as u32, true);
            } else if old & FUTEX_WAITERS != 0 {
                crate::sync::futex_wake_in(w, 1, true);
            }
        }
        if robust {
            robust::set_pending(null_mut());
        }
    }
    0
}

/// POSIX `pthread_mutex_lock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_lock(m: *mut Mutex) -> c_int {
    // SAFETY: m is an initialised mutex.
    unsafe {
        if let Some(r) = owned_case(m) {
            return r;
        }
        if tid_word(m) {
            return lock_tid_word(m, Wait::Forever);
        }
        (*m).lock.lock_in(shared(m));
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
            // glibc: EDEADLK only for robust/PI error-checking mutexes.
            let deadlk = tid_word(m) && kind(m) & TYPE_MASK == ERRORCHECK;
            return if r == EDEADLK && !deadlk { EBUSY } else { r };
        }
        if tid_word(m) {
            return lock_tid_word(m, Wait::Try);
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
    // SAFETY: m is an initialised mutex.
    if let Some(r) = unsafe { owned_case(m) } {
        return r;
    }
    if tid_word(m) {
        return lock_tid_word(m, Wait::Until(abs));
    }
    loop {
        // SAFETY: forwarded.
        let r = unsafe { pthread_mutex_trylock(m) };
        if r != EBUSY {
            return r;
        }
        // SAFETY: abs is a timespec.
        let Some(rel) = (unsafe { super::cond::relative(abs, 0) }) else { return ETIMEDOUT };
        let w = word(m);
        let v = w.load(Ordering::Relaxed);
        if v != 0 && !crate::sync::futex_wait_in(w, v, shared(m), Some(&rel)) {
            // SAFETY: one last try.
            let r = unsafe { pthread_mutex_trylock(m) };
            return if r == EBUSY { ETIMEDOUT } else { r };
        }
    }
}

/// POSIX `pthread_mutex_unlock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_unlock(m: *mut Mutex) -> c_int {
    if tid_word(m) {
        return unlock_tid_word(m);
    }
    // SAFETY: m is an initialised mutex held by us.
    unsafe {
        if (*m).kind & TYPE_MASK != 0 {
            if (*m).owner.load(Ordering::Relaxed) != tid() {
                return EPERM;
            }
            (*m).count -= 1;
            if (*m).count > 0 {
                return 0;
            }
            (*m).owner.store(0, Ordering::Relaxed);
        }
        (*m).lock.unlock_in(shared(m));
    }
    0
}

/// POSIX `pthread_mutex_consistent`: a robust mutex locked with EOWNERDEAD
/// becomes usable again.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_mutex_consistent(m: *mut Mutex) -> c_int {
    // SAFETY: m is an initialised mutex.
    unsafe {
        if kind(m) & ROBUST == 0 || (*m).state != INCONSISTENT {
            return EINVAL;
        }
        if owner_tid(m) != tid() {
            return EPERM;
        }
        (*m).state = CONSISTENT;
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
