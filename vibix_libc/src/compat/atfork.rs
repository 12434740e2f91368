//! `pthread_atfork`: handlers run around `fork()` — prepare handlers newest
//! first before it, parent and child handlers oldest first after it (POSIX).
//! An append-only table: registration takes a small lock, `fork()` reads a
//! published count without one, so handlers may themselves register more.

use core::ffi::c_int;
use core::sync::atomic::{AtomicPtr, AtomicU32, AtomicUsize, Ordering};

type Handler = Option<extern "C" fn()>;

const MAX: usize = 64;
const ENOMEM: c_int = 12;

struct Entry {
    prepare: AtomicPtr<()>,
    parent: AtomicPtr<()>,
    child: AtomicPtr<()>,
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Entry = Entry {
    prepare: AtomicPtr::new(core::ptr::null_mut()),
    parent: AtomicPtr::new(core::ptr::null_mut()),
    child: AtomicPtr::new(core::ptr::null_mut()),
};
static TABLE: [Entry; MAX] = [EMPTY; MAX];
static COUNT: AtomicUsize = AtomicUsize::new(0);
static LOCK: AtomicU32 = AtomicU32::new(0);

fn as_ptr(h: Handler) -> *mut () {
    h.map_or(core::ptr::null_mut(), |f| f as *mut ())
}

fn call(p: *mut ()) {
    if !p.is_null() {
        // SAFETY: only pointers stored from `extern "C" fn()` values get here.
        let f: extern "C" fn() = unsafe { core::mem::transmute(p) };
        f();
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn pthread_atfork(prepare: Handler, parent: Handler, child: Handler) -> c_int {
    while LOCK.swap(1, Ordering::Acquire) != 0 {
        core::hint::spin_loop();
    }
    let n = COUNT.load(Ordering::Relaxed);
    let r = if n == MAX {
        ENOMEM
    } else {
        let e = &TABLE[n];
        e.prepare.store(as_ptr(prepare), Ordering::Relaxed);
        e.parent.store(as_ptr(parent), Ordering::Relaxed);
        e.child.store(as_ptr(child), Ordering::Relaxed);
        COUNT.store(n + 1, Ordering::Release);
        0
    };
    LOCK.store(0, Ordering::Release);
    r
}

/// For `fork()`, before the fork: prepare handlers, newest first.
pub(crate) fn before_fork() {
    let n = COUNT.load(Ordering::Acquire);
    for e in TABLE[..n].iter().rev() {
        call(e.prepare.load(Ordering::Relaxed));
    }
}

/// For `fork()`, after it: parent (`child == false`) or child handlers, oldest first.
pub(crate) fn after_fork(child: bool) {
    let n = COUNT.load(Ordering::Acquire);
    for e in &TABLE[..n] {
        call(if child { e.child.load(Ordering::Relaxed) } else { e.parent.load(Ordering::Relaxed) });
    }
}
