//! atexit/__cxa_atexit, exit, _Exit, at_quick_exit/quick_exit, abort.
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::sync::Lock;

#[derive(Clone, Copy)]
struct Handler {
    f: usize,
    arg: *mut c_void,
    dso: *mut c_void,
    /// true: `f(arg)` (__cxa_atexit); false: `f()` (atexit).
    with_arg: bool,
}

const NONE: Handler = Handler { f: 0, arg: null_mut(), dso: null_mut(), with_arg: false };
const STATIC_SLOTS: usize = 64;

/// The first 64 handlers need no allocation; more live in a malloc'd array.
struct Handlers {
    fixed: [Handler; STATIC_SLOTS],
    extra: *mut Handler,
    extra_cap: usize,
    len: usize,
}

static LOCK: Lock = Lock::new();
static mut LIST: Handlers = Handlers { fixed: [NONE; STATIC_SLOTS], extra: null_mut(), extra_cap: 0, len: 0 };

fn slot(l: &mut Handlers, i: usize) -> &mut Handler {
    if i < STATIC_SLOTS {
        &mut l.fixed[i]
    } else {
        // SAFETY: i - STATIC_SLOTS < extra_cap (push grows extra first).
        unsafe { &mut *l.extra.add(i - STATIC_SLOTS) }
    }
}

fn push(h: Handler) -> c_int {
    let _g = LOCK.guard();
    // SAFETY: LIST is only touched under LOCK.
    let l = unsafe { &mut *(&raw mut LIST) };
    if l.len >= STATIC_SLOTS + l.extra_cap {
        let cap = (l.extra_cap * 2).max(32);
        // SAFETY: growing our own malloc'd array.
        let n = unsafe { super::malloc::realloc(l.extra as *mut c_void, cap * core::mem::size_of::<Handler>()) };
        if n.is_null() {
            return -1;
        }
        l.extra = n as *mut Handler;
        l.extra_cap = cap;
    }
    let i = l.len;
    *slot(l, i) = h;
    l.len += 1;
    0
}

/// C `atexit`.
#[unsafe(no_mangle)]
pub extern "C" fn atexit(f: extern "C" fn()) -> c_int {
    push(Handler { f: f as usize, arg: null_mut(), dso: null_mut(), with_arg: false })
}

/// Itanium C++ ABI `__cxa_atexit`.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_atexit(f: extern "C" fn(*mut c_void), arg: *mut c_void, dso: *mut c_void) -> c_int {
    push(Handler { f: f as usize, arg, dso, with_arg: true })
}

/// Runs (newest first) and removes the handlers registered for `dso`, or all
/// of them when `dso` is NULL. Handlers may register more handlers meanwhile.
#[unsafe(no_mangle)]
pub extern "C" fn __cxa_finalize(dso: *mut c_void) {
    loop {
        let h = {
            let _g = LOCK.guard();
            // SAFETY: under LOCK.
            let l = unsafe { &mut *(&raw mut LIST) };
            let mut found = None;
            let mut i = l.len;
            while i > 0 {
                i -= 1;
                let s = slot(l, i);
                if s.f != 0 && (dso.is_null() || s.dso == dso) {
                    found = Some(*s);
                    s.f = 0;
                    break;
                }
            }
            if dso.is_null() {
                while l.len > 0 && slot(l, l.len - 1).f == 0 {
                    l.len -= 1;
                }
            }
            found
        };
        let Some(h) = h else { return };
        // SAFETY: f was registered with the matching signature.
        unsafe {
            if h.with_arg {
                let f: extern "C" fn(*mut c_void) = core::mem::transmute(h.f);
                f(h.arg);
            } else {
                let f: extern "C" fn() = core::mem::transmute(h.f);
                f();
            }
        }
    }
}

/// C `exit`: thread-local destructors of this thread, atexit handlers (the
/// loader's finalizer, registered first, runs last), stdio flush, `_exit`.
#[unsafe(no_mangle)]
pub extern "C" fn exit(status: c_int) -> ! {
    crate::compat::thread_dtors::run_current_thread();
    __cxa_finalize(null_mut());
    crate::header::stdio::file::flush_all_at_exit();
    _exit(status)
}

/// POSIX `_exit`.
#[unsafe(no_mangle)]
pub extern "C" fn _exit(status: c_int) -> ! {
    crate::rt::exit_group(status)
}

/// C `_Exit`.
#[unsafe(no_mangle)]
pub extern "C" fn _Exit(status: c_int) -> ! {
    _exit(status)
}

/// `at_quick_exit` handlers: C11 asks for at least 32; a fixed table needs no malloc.
const QUICK_SLOTS: usize = 32;
static QUICK_LOCK: Lock = Lock::new();
static mut QUICK: ([usize; QUICK_SLOTS], usize) = ([0; QUICK_SLOTS], 0);

/// C `at_quick_exit`: registers `f` for `quick_exit`; non-zero when the table is full.
#[unsafe(no_mangle)]
pub extern "C" fn at_quick_exit(f: extern "C" fn()) -> c_int {
    let _g = QUICK_LOCK.guard();
    // SAFETY: QUICK is only touched under QUICK_LOCK.
    let q = unsafe { &mut *(&raw mut QUICK) };
    if q.1 == QUICK_SLOTS {
        return -1;
    }
    q.0[q.1] = f as usize;
    q.1 += 1;
    0
}

/// C `quick_exit`: the `at_quick_exit` handlers newest first, then `_Exit`
/// (no atexit handlers, no stdio flush).
#[unsafe(no_mangle)]
pub extern "C" fn quick_exit(status: c_int) -> ! {
    loop {
        let f = {
            let _g = QUICK_LOCK.guard();
            // SAFETY: as in at_quick_exit.
            let q = unsafe { &mut *(&raw mut QUICK) };
            if q.1 == 0 {
                break;
            }
            q.1 -= 1;
            q.0[q.1]
        };
        // SAFETY: only at_quick_exit stores entries, each an `extern "C" fn()`.
        let f: extern "C" fn() = unsafe { core::mem::transmute(f) };
        f();
    }
    _exit(status)
}

/// C `abort`: raises SIGABRT (unblocked); if a handler returns, restores the
/// default action and raises again; the process never survives.
#[unsafe(no_mangle)]
pub extern "C" fn abort() -> ! {
    use crate::header::signal::{raw_raise, set_default_and_unblock, SIGABRT};
    raw_raise(SIGABRT);
    set_default_and_unblock(SIGABRT);
    raw_raise(SIGABRT);
    _exit(127)
}

/// gcc's `-fstack-protector` failure hook: report and abort.
#[unsafe(no_mangle)]
pub extern "C" fn __stack_chk_fail() -> ! {
    crate::header::unistd::write_all(2, b"*** stack smashing detected ***: terminated\n");
    abort()
}
