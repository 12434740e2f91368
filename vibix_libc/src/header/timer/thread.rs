//! SIGEV_THREAD notification for `timer_create` and `mq_notify`: a helper
//! thread per timer or per registration, created with the caller's
//! `sigev_notify_attributes` and all signals blocked, runs
//! `sigev_notify_function(sigev_value)`.
//! * timers: the kernel timer is a SIGEV_THREAD_ID one aimed at the helper
//!   with the internal signal SIGTIMER (32, below SIGRTMIN, as in glibc); the
//!   helper waits for it with sigwaitinfo and calls the function once per
//!   expiry. `timer_delete` marks the timer deleted and wakes the helper,
//!   which frees it and exits.
//! * message queues: Linux delivers SIGEV_THREAD notifications as a message
//!   on a netlink socket (the 32-byte cookie, its last byte 1 for "message
//!   arrived", 2 for "registration removed"); the helper receives it, calls
//!   the function for 1, and exits (the registration is one-shot).
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicBool, Ordering};

use crate::header::signal::wait::sigwaitinfo;
use crate::header::signal::{pthread_sigmask, SigSet};
use crate::header::stdlib::malloc::{free, malloc};
use crate::thread::area::{set_errno, ThreadState};
use crate::thread::pthread::{pthread_create, pthread_detach, Attr};

/// The signal thread timers use (glibc's SIGTIMER).
pub const SIGTIMER: c_int = 32;
const SIG_SETMASK: c_int = 2;

/// `struct sigevent` (64 bytes).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Sigevent {
    pub value: usize,
    pub signo: c_int,
    pub notify: c_int,
    /// `_tid`, or `{function, attributes}` for SIGEV_THREAD.
    pub un: [usize; 6],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Sigevent>(), 64);

/// What a helper thread calls.
struct Job {
    func: extern "C" fn(usize),
    value: usize,
}

fn set_of(sig: c_int) -> SigSet {
    let mut s = SigSet { bits: [0; 16] };
    s.bits[0] = 1 << (sig - 1);
    s
}

/// Starts `f(arg)` on a new detached thread with `ev`'s attributes and every
/// signal blocked. Returns the thread's kernel tid, or the error number.
unsafe fn spawn(ev: &Sigevent, f: unsafe extern "C" fn(*mut c_void) -> *mut c_void, arg: *mut c_void) -> Result<c_int, c_int> {
    let all = SigSet { bits: [!0; 16] };
    let mut old = SigSet { bits: [0; 16] };
    let mut t: *mut ThreadState = core::ptr::null_mut();
    // SAFETY: our own sets; the attribute pointer is the caller's (or NULL);
    // the new thread inherits the blocked mask and we restore ours.
    let e = unsafe {
        pthread_sigmask(SIG_SETMASK, &all, &mut old);
        let e = pthread_create(&mut t, ev.un[1] as *const Attr, f, arg);
        pthread_sigmask(SIG_SETMASK, &old, core::ptr::null_mut());
        e
    };
    if e != 0 {
        return Err(e);
    }
    // SAFETY: CLONE_PARENT_SETTID filled tid before pthread_create returned, and
    // the helper cannot exit before we tell it to; detaching an already detached
    // thread (the caller's attributes) is a harmless EINVAL.
    unsafe {
        let tid = (*t).tid.load(Ordering::Acquire);
        pthread_detach(t);
        Ok(tid)
    }
}

// ---- timers

/// A SIGEV_THREAD timer (timer_t encodes its address, see `handle`).
pub struct ThreadTimer {
    pub kid: c_int,
    tid: c_int,
    deleted: AtomicBool,
    job: Job,
}

const THREAD_BIT: usize = 1 << 63;

/// The timer_t of a thread timer: its address / 16 with the top bit set
/// (kernel timer ids are small non-negative ints).
fn handle(t: *mut ThreadTimer) -> *mut c_void {
    ((t as usize >> 4) | THREAD_BIT) as *mut c_void
}

/// The thread timer behind a timer_t, if it is one.
pub fn thread_timer(t: *mut c_void) -> Option<*mut ThreadTimer> {
    let v = t as usize;
    (v & THREAD_BIT != 0).then(|| ((v & !THREAD_BIT) << 4) as *mut ThreadTimer)
}

unsafe extern "C" fn timer_helper(arg: *mut c_void) -> *mut c_void {
    let t = arg as *mut ThreadTimer;
    let set = set_of(SIGTIMER);
    loop {
        let mut info = [0u64; 16];
        // SAFETY: our set and a siginfo-sized buffer.
        if unsafe { sigwaitinfo(&set, info.as_mut_ptr().cast()) } != SIGTIMER {
            continue; // EINTR
        }
        // SAFETY: t lives until this thread frees it below.
        unsafe {
            if (*t).deleted.load(Ordering::Acquire) {
                free(t.cast());
                return core::ptr::null_mut();
            }
            ((*t).job.func)((*t).job.value);
        }
    }
}

/// timer_create with SIGEV_THREAD.
pub unsafe fn create_timer(clock: c_int, ev: &Sigevent, out: *mut *mut c_void, create: impl Fn(c_int, &Sigevent) -> Result<c_int, ()>) -> c_int {
    // malloc aligns to 16 (the handle encoding relies on it).
    let t = malloc(core::mem::size_of::<ThreadTimer>()) as *mut ThreadTimer;
    if t.is_null() {
        set_errno(11);
        return -1;
    }
    // SAFETY: the function pointer is the caller's sigev_notify_function.
    let func: extern "C" fn(usize) = unsafe { core::mem::transmute(ev.un[0]) };
    // SAFETY: t is ours until the helper starts.
    unsafe { t.write(ThreadTimer { kid: -1, tid: 0, deleted: AtomicBool::new(false), job: Job { func, value: ev.value } }) };
    // SAFETY: t stays valid for the helper (it frees it).
    let tid = match unsafe { spawn(ev, timer_helper, t.cast()) } {
        Ok(tid) => tid,
        Err(e) => {
            // SAFETY: no helper owns it.
            unsafe { free(t.cast()) };
            set_errno(e);
            return -1;
        }
    };
    let kev = Sigevent { value: t as usize, signo: SIGTIMER, notify: 4, un: [tid as usize, 0, 0, 0, 0, 0] };
    match create(clock, &kev) {
        Ok(kid) => {
            // SAFETY: the helper only reads kid/tid after deleted is set; the
            // caller gets the handle after this write.
            unsafe {
                (*t).kid = kid;
                (*t).tid = tid;
                *out = handle(t);
            }
            0
        }
        Err(()) => {
            let e = crate::thread::area::errno();
            // SAFETY: wake the helper to free t and exit.
            unsafe { stop(t, tid) };
            set_errno(e);
            -1
        }
    }
}

unsafe fn stop(t: *mut ThreadTimer, tid: c_int) {
    // SAFETY: t is live until the helper sees `deleted`.
    unsafe { (*t).deleted.store(true, Ordering::Release) };
    if let (Some(p), Some(s)) = (rustix::thread::Pid::from_raw(tid), crate::header::signal::signal_of(SIGTIMER)) {
        // SAFETY: a signal to our own helper thread.
        let _ = unsafe { crate::rt::tkill(p, s) };
    }
}

/// timer_delete of a thread timer, after the kernel timer is gone.
pub unsafe fn delete_timer(t: *mut ThreadTimer) {
    // SAFETY: a live thread timer (the caller's timer_t).
    unsafe { stop(t, (*t).tid) }
}

// ---- message queue notification

struct MqJob {
    sock: c_int,
    job: Job,
}

const NOTIFY_COOKIE_LEN: usize = 32;
const NOTIFY_WOKENUP: u8 = 1;

unsafe extern "C" fn mq_helper(arg: *mut c_void) -> *mut c_void {
    let j = arg as *mut MqJob;
    let mut buf = [0u8; NOTIFY_COOKIE_LEN];
    // SAFETY: j is ours (freed below); the socket fd is ours and closed here.
    unsafe {
        let fd = rustix::fd::BorrowedFd::borrow_raw((*j).sock);
        let r = rustix::net::recv(fd, &mut buf, rustix::net::RecvFlags::WAITALL);
        let _ = crate::header::unistd::close((*j).sock);
        if matches!(r, Ok((n, _)) if n == NOTIFY_COOKIE_LEN) && buf[NOTIFY_COOKIE_LEN - 1] == NOTIFY_WOKENUP {
            ((*j).job.func)((*j).job.value);
        }
        free(j.cast());
    }
    core::ptr::null_mut()
}

/// mq_notify with SIGEV_THREAD. `register(Some(ev))` makes the kernel call
/// with the netlink form of the sigevent, `register(None)` undoes it. The
/// registration comes first: a notification waits in the socket until the
/// helper reads it.
pub unsafe fn mq_notify_thread(ev: &Sigevent, register: impl Fn(Option<&Sigevent>) -> isize) -> c_int {
    use rustix::net::{AddressFamily, SocketFlags, SocketType};
    static COOKIE: [u8; NOTIFY_COOKIE_LEN] = [0; NOTIFY_COOKIE_LEN];
    let sock = match rustix::net::socket_with(AddressFamily::NETLINK, SocketType::RAW, SocketFlags::CLOEXEC, None) {
        Ok(s) => rustix::fd::IntoRawFd::into_raw_fd(s),
        Err(e) => return crate::thread::area::fail(e, -1),
    };
    let kev = Sigevent { value: COOKIE.as_ptr() as usize, signo: sock, notify: 2, un: [0; 6] };
    if register(Some(&kev)) < 0 {
        let e = crate::thread::area::errno();
        let _ = crate::header::unistd::close(sock);
        set_errno(e);
        return -1;
    }
    let undo = |e: c_int| {
        register(None);
        let _ = crate::header::unistd::close(sock);
        set_errno(e);
        -1
    };
    let j = malloc(core::mem::size_of::<MqJob>()) as *mut MqJob;
    if j.is_null() {
        return undo(11);
    }
    // SAFETY: the caller's sigev_notify_function; j is ours until the helper starts.
    unsafe {
        let func: extern "C" fn(usize) = core::mem::transmute(ev.un[0]);
        j.write(MqJob { sock, job: Job { func, value: ev.value } });
    }
    // SAFETY: j stays valid for the helper (it frees it).
    if let Err(e) = unsafe { spawn(ev, mq_helper, j.cast()) } {
        // SAFETY: no helper owns j.
        unsafe { free(j.cast()) };
        return undo(e);
    }
    0
}
