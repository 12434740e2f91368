//! `<threads.h>`: C11 threads as a thin layer over our POSIX threads
//! (`thrd_t` is `pthread_t`, `mtx_t`/`cnd_t` are the pthread objects,
//! `tss_t` a pthread key, `once_flag` a pthread_once_t).
use alloc::boxed::Box;
use core::ffi::{c_int, c_uint, c_void};

use crate::thread::area::ThreadState;
use crate::thread::pthread::{pthread_create, pthread_detach, pthread_exit, pthread_join, pthread_self};

const THRD_SUCCESS: c_int = 0;
const THRD_BUSY: c_int = 1;
const THRD_ERROR: c_int = 2;
const THRD_NOMEM: c_int = 3;
const THRD_TIMEDOUT: c_int = 4;
const MTX_RECURSIVE: c_int = 1;
const MTX_TIMED: c_int = 2;
const EBUSY: c_int = 16;
const ENOMEM: c_int = 12;
const EAGAIN: c_int = 11;
const ETIMEDOUT: c_int = 110;
const PTHREAD_MUTEX_RECURSIVE: c_int = 1;

type Opaque = c_void;
type ThrdStart = unsafe extern "C" fn(*mut c_void) -> c_int;

unsafe extern "C" {
    fn pthread_mutex_init(m: *mut Opaque, a: *const c_int) -> c_int;
    fn pthread_mutex_destroy(m: *mut Opaque) -> c_int;
    fn pthread_mutex_lock(m: *mut Opaque) -> c_int;
    fn pthread_mutex_trylock(m: *mut Opaque) -> c_int;
    fn pthread_mutex_timedlock(m: *mut Opaque, ts: *const Opaque) -> c_int;
    fn pthread_mutex_unlock(m: *mut Opaque) -> c_int;
    fn pthread_mutexattr_init(a: *mut c_int) -> c_int;
    fn pthread_mutexattr_settype(a: *mut c_int, t: c_int) -> c_int;
    fn pthread_cond_init(c: *mut Opaque, a: *const Opaque) -> c_int;
    fn pthread_cond_destroy(c: *mut Opaque) -> c_int;
    fn pthread_cond_signal(c: *mut Opaque) -> c_int;
    fn pthread_cond_broadcast(c: *mut Opaque) -> c_int;
    fn pthread_cond_wait(c: *mut Opaque, m: *mut Opaque) -> c_int;
    fn pthread_cond_timedwait(c: *mut Opaque, m: *mut Opaque, ts: *const Opaque) -> c_int;
    fn pthread_key_create(k: *mut c_uint, d: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int;
    fn pthread_key_delete(k: c_uint) -> c_int;
    fn pthread_getspecific(k: c_uint) -> *mut c_void;
    fn pthread_setspecific(k: c_uint, v: *const c_void) -> c_int;
    fn pthread_once(o: *mut c_int, f: unsafe extern "C" fn()) -> c_int;
    fn nanosleep(req: *const Opaque, rem: *mut Opaque) -> c_int;
    fn sched_yield() -> c_int;
}

/// pthread error number -> thrd_* result.
fn res(e: c_int) -> c_int {
    match e {
        0 => THRD_SUCCESS,
        EBUSY => THRD_BUSY,
        ENOMEM | EAGAIN => THRD_NOMEM,
        ETIMEDOUT => THRD_TIMEDOUT,
        _ => THRD_ERROR,
    }
}

struct Start {
    f: ThrdStart,
    arg: *mut c_void,
}

unsafe extern "C" fn trampoline(p: *mut c_void) -> *mut c_void {
    // SAFETY: p is the Box<Start> thrd_create leaked for this thread.
    let s = unsafe { Box::from_raw(p.cast::<Start>()) };
    // SAFETY: the caller's start function and argument.
    let r = unsafe { (s.f)(s.arg) };
    r as isize as *mut c_void
}

/// C11 `thrd_create`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_create(t: *mut usize, f: ThrdStart, arg: *mut c_void) -> c_int {
    let s = Box::into_raw(Box::new(Start { f, arg }));
    // SAFETY: t is writable; s lives until the trampoline takes it back.
    let e = unsafe { pthread_create(t.cast::<*mut ThreadState>(), core::ptr::null(), trampoline, s.cast()) };
    if e != 0 {
        // SAFETY: the thread was not created, so s is still ours.
        drop(unsafe { Box::from_raw(s) });
    }
    res(e)
}

/// C11 `thrd_exit`.
#[unsafe(no_mangle)]
pub extern "C" fn thrd_exit(r: c_int) -> ! {
    pthread_exit(r as isize as *mut c_void)
}

/// C11 `thrd_join`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_join(t: usize, r: *mut c_int) -> c_int {
    let mut v: *mut c_void = core::ptr::null_mut();
    // SAFETY: t is a joinable thread (C contract).
    let e = unsafe { pthread_join(t as *mut ThreadState, &mut v) };
    if e == 0 && !r.is_null() {
        // SAFETY: r is writable.
        unsafe { *r = v as isize as c_int };
    }
    res(e)
}

/// C11 `thrd_detach`.
#[unsafe(no_mangle)]
pub extern "C" fn thrd_detach(t: usize) -> c_int {
    // SAFETY: t is a thread (C contract).
    res(unsafe { pthread_detach(t as *mut ThreadState) })
}

/// C11 `thrd_current`.
#[unsafe(no_mangle)]
pub extern "C" fn thrd_current() -> usize {
    pthread_self() as usize
}

/// C11 `thrd_equal`.
#[unsafe(no_mangle)]
pub extern "C" fn thrd_equal(a: usize, b: usize) -> c_int {
    (a == b) as c_int
}

/// C11 `thrd_sleep`: 0, -1 if interrupted (remaining time in `rem`), -2 on error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn thrd_sleep(d: *const Opaque, rem: *mut Opaque) -> c_int {
    // SAFETY: d/rem are timespecs (C contract).
    if unsafe { nanosleep(d, rem) } == 0 {
        return 0;
    }
    if crate::thread::area::errno() == 4 { -1 } else { -2 }
}

/// C11 `thrd_yield`.
#[unsafe(no_mangle)]
pub extern "C" fn thrd_yield() {
    // SAFETY: no preconditions.
    unsafe { sched_yield() };
}

/// C11 `mtx_init` (mtx_plain or mtx_timed, optionally | mtx_recursive).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_init(m: *mut Opaque, ty: c_int) -> c_int {
    if ty & !(MTX_RECURSIVE | MTX_TIMED) != 0 {
        return THRD_ERROR;
    }
    let mut attr: [c_int; 1] = [0];
    // SAFETY: attr is a pthread_mutexattr_t (one int), m a mtx_t.
    unsafe {
        pthread_mutexattr_init(attr.as_mut_ptr());
        if ty & MTX_RECURSIVE != 0 {
            pthread_mutexattr_settype(attr.as_mut_ptr(), PTHREAD_MUTEX_RECURSIVE);
        }
        res(pthread_mutex_init(m, attr.as_ptr()))
    }
}

macro_rules! forward {
    ($($(#[$doc:meta])* $name:ident($($a:ident: $t:ty),*) => $target:ident;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> c_int {
            // SAFETY: the C11 object is the pthread object (C contract).
            res(unsafe { $target($($a),*) })
        }
    )*};
}
forward! {
    /// C11 `mtx_lock`.
    mtx_lock(m: *mut Opaque) => pthread_mutex_lock;
    /// C11 `mtx_trylock` (thrd_busy if held).
    mtx_trylock(m: *mut Opaque) => pthread_mutex_trylock;
    /// C11 `mtx_timedlock` (absolute TIME_UTC deadline).
    mtx_timedlock(m: *mut Opaque, ts: *const Opaque) => pthread_mutex_timedlock;
    /// C11 `mtx_unlock`.
    mtx_unlock(m: *mut Opaque) => pthread_mutex_unlock;
    /// C11 `cnd_signal`.
    cnd_signal(c: *mut Opaque) => pthread_cond_signal;
    /// C11 `cnd_broadcast`.
    cnd_broadcast(c: *mut Opaque) => pthread_cond_broadcast;
    /// C11 `cnd_wait`.
    cnd_wait(c: *mut Opaque, m: *mut Opaque) => pthread_cond_wait;
    /// C11 `cnd_timedwait`.
    cnd_timedwait(c: *mut Opaque, m: *mut Opaque, ts: *const Opaque) => pthread_cond_timedwait;
}

/// C11 `mtx_destroy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mtx_destroy(m: *mut Opaque) {
    // SAFETY: m is an initialised, unlocked mtx_t.
    unsafe { pthread_mutex_destroy(m) };
}

/// C11 `cnd_init`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_init(c: *mut Opaque) -> c_int {
    // SAFETY: c is a cnd_t.
    res(unsafe { pthread_cond_init(c, core::ptr::null()) })
}

/// C11 `cnd_destroy`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cnd_destroy(c: *mut Opaque) {
    // SAFETY: c is an initialised cnd_t nobody waits on.
    unsafe { pthread_cond_destroy(c) };
}

/// C11 `tss_create`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tss_create(k: *mut c_uint, d: Option<unsafe extern "C" fn(*mut c_void)>) -> c_int {
    // SAFETY: k is writable.
    res(unsafe { pthread_key_create(k, d) })
}

/// C11 `tss_delete`.
#[unsafe(no_mangle)]
pub extern "C" fn tss_delete(k: c_uint) {
    // SAFETY: k is a key (C contract).
    unsafe { pthread_key_delete(k) };
}

/// C11 `tss_get`.
#[unsafe(no_mangle)]
pub extern "C" fn tss_get(k: c_uint) -> *mut c_void {
    // SAFETY: k is a key.
    unsafe { pthread_getspecific(k) }
}

/// C11 `tss_set`.
#[unsafe(no_mangle)]
pub extern "C" fn tss_set(k: c_uint, v: *mut c_void) -> c_int {
    // SAFETY: k is a key.
    res(unsafe { pthread_setspecific(k, v) })
}

/// C11 `call_once`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn call_once(flag: *mut c_int, f: unsafe extern "C" fn()) {
    // SAFETY: once_flag is a pthread_once_t (one int).
    unsafe { pthread_once(flag, f) };
}
