//! `__cxa_thread_atexit_impl`: destructors of thread-local objects (Rust
//! `thread_local!` values with `Drop`, C++ `thread_local`).
//!
//! Each thread keeps a LIFO list of (destructor, object) in a pthread key. The
//! list runs when the thread exits (through the key's destructor) and, for the
//! thread calling `exit()`, through [`run_current_thread`] (glibc runs the exiting
//! thread's TLS destructors before the atexit handlers; libc's `exit()` calls
//! this first, and an atexit handler registered on first use covers the rest).
//! Destructors registered while the list runs are run too, newest first.

use core::ffi::{c_int, c_uint, c_void};
use core::sync::atomic::{AtomicU32, Ordering};

type Dtor = unsafe extern "C" fn(*mut c_void);

extern "C" {
    fn malloc(size: usize) -> *mut c_void;
    fn free(p: *mut c_void);
    fn pthread_key_create(key: *mut c_uint, dtor: Option<Dtor>) -> c_int;
    fn pthread_getspecific(key: c_uint) -> *mut c_void;
    fn pthread_setspecific(key: c_uint, value: *const c_void) -> c_int;
    fn atexit(f: extern "C" fn()) -> c_int;
}

#[repr(C)]
struct Entry {
    dtor: Dtor,
    obj: *mut c_void,
    next: *mut Entry,
}

/// The key holding each thread's list head, plus one; 0 = not created yet.
static KEY_PLUS_ONE: AtomicU32 = AtomicU32::new(0);
/// Serialises the one-time creation of the key.
static CREATING: AtomicU32 = AtomicU32::new(0);

fn key() -> Option<c_uint> {
    match KEY_PLUS_ONE.load(Ordering::Acquire) {
        0 => None,
        k => Some(k - 1),
    }
}

/// Creates the key on first use; returns None only if pthread_key_create fails.
fn key_or_create() -> Option<c_uint> {
    if let Some(k) = key() {
        return Some(k);
    }
    while CREATING.swap(1, Ordering::Acquire) != 0 {
        core::hint::spin_loop();
    }
    let result = key().or_else(|| {
        let mut k: c_uint = 0;
        // SAFETY: `k` is a valid out pointer; the destructor matches the C prototype.
        if unsafe { pthread_key_create(&mut k, Some(on_thread_exit)) } != 0 {
            return None;
        }
        KEY_PLUS_ONE.store(k + 1, Ordering::Release);
        // SAFETY: registering a plain function; a failure only loses the
        // exit-time run for a thread that calls exit() (libc's exit calls us too).
        unsafe { atexit(at_exit) };
        Some(k)
    });
    CREATING.store(0, Ordering::Release);
    result
}

/// Registers `dtor(obj)` to run when the calling thread exits. `dso` (the
/// registering object's `__dso_handle`) is not used: vibix's `dlclose` does not
/// unload objects while they may have pending thread destructors.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __cxa_thread_atexit_impl(dtor: Dtor, obj: *mut c_void, _dso: *mut c_void) -> c_int {
    let Some(key) = key_or_create() else { return -1 };
    // SAFETY: plain allocation of a POD entry.
    let entry = unsafe { malloc(core::mem::size_of::<Entry>()) }.cast::<Entry>();
    if entry.is_null() {
        return -1;
    }
    // SAFETY: `entry` is a fresh allocation of the right size and alignment.
    unsafe {
        let next = pthread_getspecific(key).cast::<Entry>();
        entry.write(Entry { dtor, obj, next });
        if pthread_setspecific(key, entry.cast()) != 0 {
            free(entry.cast());
            return -1;
        }
    }
    0
}

/// Runs and frees the calling thread's entries, newest first, until none are left.
fn run_list(key: c_uint) {
    loop {
        // SAFETY: the key holds either NULL or an `Entry` list built above.
        let head = unsafe { pthread_getspecific(key) }.cast::<Entry>();
        if head.is_null() {
            return;
        }
        // SAFETY: `head` is a live entry owned by this thread's list; it is
        // unlinked before its destructor runs, so re-registration is safe.
        unsafe {
            let Entry { dtor, obj, next } = head.read();
            pthread_setspecific(key, next.cast());
            free(head.cast());
            dtor(obj);
        }
    }
}

/// pthread key destructor: the thread is exiting and its value was cleared.
unsafe extern "C" fn on_thread_exit(head: *mut c_void) {
    if let Some(key) = key() {
        // SAFETY: put the list back so `run_list` (and re-registrations) see it.
        unsafe { pthread_setspecific(key, head) };
        run_list(key);
    }
}

extern "C" fn at_exit() {
    run_current_thread();
}

/// Runs the calling thread's pending TLS destructors; for libc's `exit()` (before
/// the atexit handlers, as glibc does). Harmless when there are none.
pub(crate) fn run_current_thread() {
    if let Some(key) = key() {
        run_list(key);
    }
}

