//! POSIX unnamed semaphores (`sem_t`, 32 bytes as glibc's) and barriers.
use core::ffi::{c_int, c_uint};
use core::sync::atomic::{AtomicU32, Ordering};
use static_assertions::const_assert_eq;

use crate::thread::area::set_errno;

/// `sem_t`: the count and a waiter count (no syscall to post to nobody).
#[repr(C)]
pub struct Sem {
    pub value: AtomicU32,
    pub waiters: AtomicU32,
    pub pad: [u32; 6],
}
const_assert_eq!(core::mem::size_of::<Sem>(), 32);

/// POSIX `sem_init` (process-shared semaphores work too: the futex is then shared).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_init(s: *mut Sem, _pshared: c_int, value: c_uint) -> c_int {
    if value > i32::MAX as c_uint {
        set_errno(22);
        return -1;
    }
    // SAFETY: s is writable.
    unsafe { s.write(Sem { value: AtomicU32::new(value), waiters: AtomicU32::new(0), pad: [0; 6] }) };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_destroy(_s: *mut Sem) -> c_int {
    0
}

fn try_take(s: &Sem) -> bool {
    let mut v = s.value.load(Ordering::Relaxed);
    while v > 0 {
        match s.value.compare_exchange_weak(v, v - 1, Ordering::Acquire, Ordering::Relaxed) {
            Ok(_) => return true,
            Err(cur) => v = cur,
        }
    }
    false
}

unsafe extern "C" fn cancelled_wait(s: *mut core::ffi::c_void) {
    // SAFETY: s is the semaphore the cancelled sem_wait was waiting on.
    unsafe { (*(s as *const Sem)).waiters.fetch_sub(1, Ordering::AcqRel) };
}

/// One futex wait of sem_wait/sem_timedwait as a cancellation point; the
/// waiter count is dropped again also when the thread is cancelled in it.
fn waiting<R>(s: &Sem, f: impl FnOnce() -> R) -> R {
    use crate::thread::cancel::{_pthread_cleanup_pop, _pthread_cleanup_push, point, Ptcb};
    let mut cb = Ptcb { f: None, x: core::ptr::null_mut(), next: core::ptr::null_mut() };
    // SAFETY: cb lives on this frame until the pop below.
    unsafe { _pthread_cleanup_push(&mut cb, Some(cancelled_wait), s as *const Sem as *mut core::ffi::c_void) };
    let r = point(f);
    // SAFETY: the record pushed above; popping runs it (the count goes down).
    unsafe { _pthread_cleanup_pop(&mut cb, 1) };
    r
}

/// POSIX `sem_wait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_wait(s: *mut Sem) -> c_int {
    // SAFETY: s is an initialised semaphore.
    let s = unsafe { &*s };
    crate::thread::cancel::pthread_testcancel();
    while !try_take(s) {
        s.waiters.fetch_add(1, Ordering::AcqRel);
        let _ = waiting(s, || rustix::thread::futex::wait(&s.value, rustix::thread::futex::Flags::empty(), 0, None));
    }
    0
}

/// POSIX `sem_trywait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_trywait(s: *mut Sem) -> c_int {
    // SAFETY: s is an initialised semaphore.
    if try_take(unsafe { &*s }) {
        0
    } else {
        set_errno(11);
        -1
    }
}

/// POSIX `sem_timedwait` (CLOCK_REALTIME deadline).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_timedwait(s: *mut Sem, abs: *const [i64; 2]) -> c_int {
    // SAFETY: s is an initialised semaphore; abs a timespec.
    let s = unsafe { &*s };
    loop {
        if try_take(s) {
            return 0;
        }
        // SAFETY: abs is a timespec.
        let Some(rel) = (unsafe { super::cond::relative(abs, 0) }) else {
            set_errno(110);
            return -1;
        };
        s.waiters.fetch_add(1, Ordering::AcqRel);
        let r = waiting(s, || rustix::thread::futex::wait(&s.value, rustix::thread::futex::Flags::empty(), 0, Some(&rel)));
        if r == Err(rustix::io::Errno::TIMEDOUT) && !try_take(s) {
            set_errno(110);
            return -1;
        }
    }
}

/// POSIX `sem_post`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_post(s: *mut Sem) -> c_int {
    // SAFETY: s is an initialised semaphore.
    let s = unsafe { &*s };
    s.value.fetch_add(1, Ordering::Release);
    if s.waiters.load(Ordering::Acquire) > 0 {
        let _ = rustix::thread::futex::wake(&s.value, rustix::thread::futex::Flags::empty(), 1);
    }
    0
}

/// POSIX `sem_getvalue`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_getvalue(s: *mut Sem, out: *mut c_int) -> c_int {
    // SAFETY: s initialised, out writable.
    unsafe { *out = (*s).value.load(Ordering::Relaxed) as c_int };
    0
}

/// `pthread_barrier_t`: threads needed, arrivals in this round, round number,
/// and whether it is process-shared.
#[repr(C)]
pub struct Barrier {
    pub count: u32,
    pub arrived: AtomicU32,
    pub round: AtomicU32,
    pub shared: u32,
    pub pad: [u32; 4],
}
const_assert_eq!(core::mem::size_of::<Barrier>(), 32);

/// POSIX `pthread_barrier_init`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_init(b: *mut Barrier, a: *const c_int, count: c_uint) -> c_int {
    if count == 0 || count > i32::MAX as c_uint {
        return 22;
    }
    // SAFETY: a is NULL or an attr (an int: PTHREAD_PROCESS_SHARED or not).
    let shared = if a.is_null() { 0 } else { unsafe { *a as u32 } };
    // SAFETY: b writable.
    unsafe { b.write(Barrier { count, arrived: AtomicU32::new(0), round: AtomicU32::new(0), shared, pad: [0; 4] }) };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_destroy(_b: *mut Barrier) -> c_int {
    0
}

/// POSIX `pthread_barrier_wait`: the last arrival starts a new round and wakes
/// everyone; it gets PTHREAD_BARRIER_SERIAL_THREAD (-1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrier_wait(b: *mut Barrier) -> c_int {
    // SAFETY: b is initialised.
    let b = unsafe { &*b };
    let round = b.round.load(Ordering::Acquire);
    if b.arrived.fetch_add(1, Ordering::AcqRel) + 1 == b.count {
        b.arrived.store(0, Ordering::Relaxed);
        b.round.fetch_add(1, Ordering::Release);
        crate::sync::futex_wake_in(&b.round, i32::MAX as u32, b.shared != 0);
        return -1;
    }
    while b.round.load(Ordering::Acquire) == round {
        crate::sync::futex_wait_in(&b.round, round, b.shared != 0, None);
    }
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_init(a: *mut c_int) -> c_int {
    // SAFETY: a writable.
    unsafe { *a = 0 };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_destroy(_a: *mut c_int) -> c_int {
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_setpshared(a: *mut c_int, s: c_int) -> c_int {
    if s != 0 && s != 1 {
        return 22;
    }
    // SAFETY: a writable.
    unsafe { *a = s };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_barrierattr_getpshared(a: *const c_int, s: *mut c_int) -> c_int {
    // SAFETY: a readable, s writable.
    unsafe { *s = *a };
    0
}
