//! Thread cancellation (POSIX `pthread_cancel`) and cleanup handlers.
//!
//! `pthread_cancel` marks the target (`ThreadState::cancel`) and sends it
//! SIGCANCEL (33: 32 is SIGTIMER, user real-time signals start at 34). What
//! happens next depends on the target:
//! * deferred (the default): the request is acted on at the next cancellation
//!   point. Each one (the blocking calls: read, write, nanosleep, poll, accept,
//!   waitpid, pthread_join, pthread_cond_wait, sem_wait, ...) runs its system
//!   call inside `point()`, which sets `AT_POINT` and then looks at the request
//!   flag. A request that comes before the flag is seen by that check; one that
//!   comes after finds the signal handler running on top of the point (its
//!   system call interrupted, the handler is installed without SA_RESTART), and
//!   the handler acts right there. Points wrap nothing but the system call, so
//!   no libc lock is held when a thread ends inside one. The window after the
//!   system call returns and before the flag is cleared is where a request can
//!   still end a call whose work was done (a read's data is then lost); it is
//!   a few instructions long.
//! * asynchronous (`PTHREAD_CANCEL_ASYNCHRONOUS`): the handler acts wherever
//!   the thread is.
//! * disabled: the request waits until cancellation is enabled again.
//!
//! Acting means `pthread_exit(PTHREAD_CANCELED)`: cleanup handlers (the chain
//! of `struct __ptcb` that `pthread_cleanup_push` links on the stack, musl's
//! ABI) run newest first, then thread-specific data destructors.
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{compiler_fence, AtomicBool, Ordering};

use super::area::{current, ThreadState};

pub const SIGCANCEL: c_int = 33;
pub const PTHREAD_CANCELED: *mut c_void = !0usize as *mut c_void;

/// `ThreadState::cancel_flags` bits (only the thread itself and its signal
/// handler touch them).
const DISABLED: u32 = 1;
const ASYNC: u32 = 2;
const AT_POINT: u32 = 4;
/// Already acting on a request: cleanup handlers may call cancellation points.
const EXITING: u32 = 8;

const EINVAL: c_int = 22;

/// `struct __ptcb`: one cleanup handler, on the pushing function's stack.
#[repr(C)]
pub struct Ptcb {
    pub f: Option<unsafe extern "C" fn(*mut c_void)>,
    pub x: *mut c_void,
    pub next: *mut Ptcb,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Ptcb>(), 24);

fn flags(t: *mut ThreadState) -> u32 {
    // SAFETY: own thread area; volatile because the signal handler reads it.
    unsafe { core::ptr::read_volatile(&raw const (*t).cancel_flags) }
}
fn set_flags(t: *mut ThreadState, f: u32) {
    compiler_fence(Ordering::SeqCst);
    // SAFETY: as flags().
    unsafe { core::ptr::write_volatile(&raw mut (*t).cancel_flags, f) };
    compiler_fence(Ordering::SeqCst);
}
fn requested(t: *mut ThreadState) -> bool {
    // SAFETY: own or a live thread's area.
    unsafe { (*t).cancel.load(Ordering::Acquire) }
}

/// Ends the calling thread as cancelled.
fn act(t: *mut ThreadState) -> ! {
    set_flags(t, flags(t) | DISABLED | EXITING);
    super::pthread::pthread_exit(PTHREAD_CANCELED)
}

/// Runs `f` (a blocking system call) as a cancellation point.
#[inline]
pub fn point<R>(f: impl FnOnce() -> R) -> R {
    let t = current();
    let before = flags(t);
    if before & DISABLED != 0 {
        return f();
    }
    set_flags(t, before | AT_POINT);
    if requested(t) {
        act(t);
    }
    let r = f();
    set_flags(t, before);
    r
}

/// The SIGCANCEL handler: act now if the thread is at a cancellation point or
/// asynchronously cancellable, else leave the request for the next point.
extern "C" fn on_sigcancel(_sig: c_int, _info: *mut c_void, _ctx: *mut c_void) {
    let t = current();
    let f = flags(t);
    if f & DISABLED == 0 && f & (AT_POINT | ASYNC) != 0 && requested(t) {
        act(t);
    }
}

static HANDLER: AtomicBool = AtomicBool::new(false);

fn install_handler() {
    if HANDLER.load(Ordering::Acquire) {
        return;
    }
    const SA_SIGINFO: usize = 4;
    // SAFETY: on_sigcancel only reads the thread's own area before acting.
    unsafe { crate::header::signal::install_internal(SIGCANCEL, on_sigcancel as extern "C" fn(c_int, *mut c_void, *mut c_void) as usize, SA_SIGINFO) };
    HANDLER.store(true, Ordering::Release);
}

/// POSIX `pthread_cancel`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_cancel(t: *mut ThreadState) -> c_int {
    install_handler();
    // SAFETY: t is a thread of this process that has not been joined (caller contract).
    if unsafe { (*t).cancel.swap(true, Ordering::AcqRel) } {
        return 0;
    }
    if t == current() {
        let f = flags(t);
        if f & (DISABLED | ASYNC) == ASYNC {
            act(t);
        }
        return 0;
    }
    // SAFETY: as above.
    let tid = unsafe { (*t).tid.load(Ordering::Acquire) };
    if tid == 0 {
        // Already finished: nothing to act on (glibc returns 0 as well).
        return 0;
    }
    // SAFETY: signalling a thread of our own process.
    match unsafe { crate::rt::tkill(rustix::process::Pid::from_raw_unchecked(tid), crate::rt::Signal::from_raw_unchecked(SIGCANCEL)) } {
        // Gone meanwhile: as above.
        Ok(()) | Err(rustix::io::Errno::SRCH) => 0,
        Err(e) => e.raw_os_error(),
    }
}

/// POSIX `pthread_testcancel`.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_testcancel() {
    let t = current();
    if flags(t) & DISABLED == 0 && requested(t) {
        act(t);
    }
}

/// POSIX `pthread_setcancelstate` (not a cancellation point).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setcancelstate(state: c_int, old: *mut c_int) -> c_int {
    if state != 0 && state != 1 {
        return EINVAL;
    }
    let t = current();
    let f = flags(t);
    if !old.is_null() {
        // SAFETY: old writable.
        unsafe { *old = (f & DISABLED != 0) as c_int };
    }
    if f & EXITING != 0 {
        return 0;
    }
    let nf = if state == 1 { f | DISABLED } else { f & !DISABLED };
    set_flags(t, nf);
    if nf & (DISABLED | ASYNC) == ASYNC && requested(t) {
        act(t);
    }
    0
}

/// POSIX `pthread_setcanceltype` (switching to asynchronous acts on a pending request).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setcanceltype(ty: c_int, old: *mut c_int) -> c_int {
    if ty != 0 && ty != 1 {
        return EINVAL;
    }
    let t = current();
    let f = flags(t);
    if !old.is_null() {
        // SAFETY: old writable.
        unsafe { *old = (f & ASYNC != 0) as c_int };
    }
    let nf = if ty == 1 { f | ASYNC } else { f & !ASYNC };
    set_flags(t, nf);
    if nf & (DISABLED | ASYNC) == ASYNC && requested(t) {
        act(t);
    }
    0
}

fn chain(t: *mut ThreadState) -> *mut Ptcb {
    // SAFETY: own thread area; volatile for the signal handler's sake.
    unsafe { core::ptr::read_volatile(&raw const (*t).cleanup) }
}
fn set_chain(t: *mut ThreadState, c: *mut Ptcb) {
    compiler_fence(Ordering::SeqCst);
    // SAFETY: as chain().
    unsafe { core::ptr::write_volatile(&raw mut (*t).cleanup, c) };
    compiler_fence(Ordering::SeqCst);
}

/// Links `cb` as the newest cleanup handler (what `pthread_cleanup_push` expands to).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_push(cb: *mut Ptcb, f: Option<unsafe extern "C" fn(*mut c_void)>, x: *mut c_void) {
    let t = current();
    // SAFETY: cb is the caller's frame-local record, live until the matching pop.
    unsafe {
        (*cb).f = f;
        (*cb).x = x;
        (*cb).next = chain(t);
    }
    set_chain(t, cb);
}

/// Unlinks `cb` and runs it if `run` (what `pthread_cleanup_pop` expands to).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _pthread_cleanup_pop(cb: *mut Ptcb, run: c_int) {
    // SAFETY: cb was pushed by _pthread_cleanup_push and is still live.
    unsafe {
        set_chain(current(), (*cb).next);
        if run != 0 {
            if let Some(f) = (*cb).f {
                f((*cb).x);
            }
        }
    }
}

/// pthread_exit: pops and runs every cleanup handler, newest first.
pub fn run_cleanup() {
    let t = current();
    loop {
        let cb = chain(t);
        if cb.is_null() {
            break;
        }
        // SAFETY: records on the chain live in frames that have not returned.
        unsafe {
            set_chain(t, (*cb).next);
            if let Some(f) = (*cb).f {
                f((*cb).x);
            }
        }
    }
    set_chain(t, null_mut());
}
