//! `<aio.h>`: POSIX asynchronous I/O with one detached thread per request
//! (the header's design). The request's state lives in the caller's aiocb
//! (`__error_code` is EINPROGRESS until the thread stores the result); a
//! global sequence futex wakes `aio_suspend`/`lio_listio` waiters. Running
//! requests cannot be cancelled (`aio_cancel` says AIO_NOTCANCELED), as POSIX
//! allows. Written by libc-net: nix's test suite needs it.

use alloc::vec::Vec;
use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicI32, AtomicU32, Ordering};

use static_assertions::const_assert_eq;

use crate::sync::Lock;
use crate::thread::area::set_errno;
use crate::thread::pthread::{pthread_create, pthread_detach};

const EINPROGRESS: c_int = 115;
const EINVAL: c_int = 22;
const EAGAIN: c_int = 11;
const EINTR: c_int = 4;
const EIO: c_int = 5;
const EBADF: c_int = 9;
const AIO_NOTCANCELED: c_int = 1;
const AIO_ALLDONE: c_int = 2;
const LIO_READ: c_int = 0;
const LIO_WRITE: c_int = 1;
const LIO_NOP: c_int = 2;
const LIO_WAIT: c_int = 0;
const LIO_NOWAIT: c_int = 1;
const O_DSYNC: c_int = 0o10000;
const O_SYNC: c_int = 0o4010000;
const O_APPEND: u32 = 0o2000;
const SIGEV_SIGNAL: c_int = 0;
const SIGEV_THREAD: c_int = 2;
const SIGEV_THREAD_ID: c_int = 4;
/// Internal opcode for aio_fsync requests (not an LIO_* value).
const OP_FSYNC: c_int = 100;
const OP_FDATASYNC: c_int = 101;

/// `struct sigevent`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Sigevent {
    value: usize,
    signo: c_int,
    notify: c_int,
    /// `_tid`, or `{function, attributes}` for SIGEV_THREAD.
    un: [usize; 6],
}
const_assert_eq!(core::mem::size_of::<Sigevent>(), 64);

/// glibc's `struct aiocb` (x86_64).
#[repr(C)]
pub struct Aiocb {
    fildes: c_int,
    lio_opcode: c_int,
    reqprio: c_int,
    buf: *mut u8,
    nbytes: usize,
    sigevent: Sigevent,
    next_prio: *mut Aiocb,
    abs_prio: c_int,
    policy: c_int,
    error_code: c_int,
    return_value: isize,
    offset: i64,
    pad: [u8; 32],
}
const_assert_eq!(core::mem::size_of::<Aiocb>(), 168);
const_assert_eq!(core::mem::offset_of!(Aiocb, error_code), 112);
const_assert_eq!(core::mem::offset_of!(Aiocb, offset), 128);

extern "C" {
    fn sigqueue(pid: c_int, sig: c_int, value: usize) -> c_int;
}

/// Bumped (and waited on) whenever a request completes.
static DONE_SEQ: AtomicU32 = AtomicU32::new(0);
/// Requests in flight: (fd, aiocb address).
static IN_FLIGHT: Lock = Lock::new();
static mut FLIGHT: Vec<(c_int, usize)> = Vec::new();

fn with_flight<R>(f: impl FnOnce(&mut Vec<(c_int, usize)>) -> R) -> R {
    let _g = IN_FLIGHT.guard();
    // SAFETY: FLIGHT is only touched under IN_FLIGHT.
    f(unsafe { &mut *core::ptr::addr_of_mut!(FLIGHT) })
}

fn error_word(cb: *const Aiocb) -> &'static AtomicI32 {
    // SAFETY: the caller's aiocb stays valid while the request runs (POSIX);
    // the field is an aligned int used atomically by the worker and callers.
    unsafe { AtomicI32::from_ptr(core::ptr::addr_of!((*cb).error_code) as *mut i32) }
}

fn notify(ev: &Sigevent) {
    match ev.notify {
        SIGEV_SIGNAL => {
            // SAFETY: plain signal delivery to this process.
            unsafe { sigqueue(rustix::process::getpid().as_raw_nonzero().get(), ev.signo, ev.value) };
        }
        SIGEV_THREAD_ID => {
            let tid = ev.un[0] as i32;
            if let Some(t) = rustix::thread::Pid::from_raw(tid) {
                if let Some(sig) = rustix::process::Signal::from_named_raw(ev.signo) {
                    // SAFETY: sending a signal to a thread of this process.
                    let _ = unsafe { crate::rt::tkill(t, sig) };
                }
            }
        }
        SIGEV_THREAD => {
            // POSIX: run as if in a new thread; this worker thread is one.
            // SAFETY: the caller's function pointer, called with its value.
            let f: extern "C" fn(usize) = unsafe { core::mem::transmute(ev.un[0]) };
            f(ev.value);
        }
        _ => {}
    }
}

fn perform(cb: &mut Aiocb) -> Result<isize, rustix::io::Errno> {
    let fd = crate::header::unistd::bfd(cb.fildes);
    match cb.lio_opcode {
        LIO_READ => {
            // SAFETY: the caller's buffer of nbytes (aio contract).
            let b = unsafe { core::slice::from_raw_parts_mut(cb.buf, cb.nbytes) };
            rustix::io::pread(fd, b, cb.offset as u64).map(|n| n as isize)
        }
        LIO_WRITE => {
            // SAFETY: the caller's buffer of nbytes (aio contract).
            let b = unsafe { core::slice::from_raw_parts(cb.buf, cb.nbytes) };
            // With O_APPEND the offset is ignored (POSIX).
            let append = rustix::fs::fcntl_getfl(fd).is_ok_and(|f| f.bits() & O_APPEND != 0);
            if append { rustix::io::write(fd, b) } else { rustix::io::pwrite(fd, b, cb.offset as u64) }.map(|n| n as isize)
        }
        OP_FSYNC => rustix::fs::fsync(fd).map(|()| 0),
        _ => rustix::fs::fdatasync(fd).map(|()| 0),
    }
}

extern "C" fn worker(arg: *mut c_void) -> *mut c_void {
    let cb = arg.cast::<Aiocb>();
    // SAFETY: the aiocb stays valid until aio_return (POSIX).
    let c = unsafe { &mut *cb };
    let (ret, err) = match perform(c) {
        Ok(n) => (n, 0),
        Err(e) => (-1, e.raw_os_error()),
    };
    let ev = c.sigevent;
    c.return_value = ret;
    with_flight(|v| v.retain(|&(_, p)| p != cb as usize));
    error_word(cb).store(err, Ordering::Release);
    DONE_SEQ.fetch_add(1, Ordering::Release);
    crate::sync::futex_wake(&DONE_SEQ, u32::MAX);
    notify(&ev);
    core::ptr::null_mut()
}

fn submit(cb: *mut Aiocb, op: c_int) -> c_int {
    if cb.is_null() {
        set_errno(EINVAL);
        return -1;
    }
    // SAFETY: the caller's aiocb.
    let c = unsafe { &mut *cb };
    // A bad descriptor or offset is reported through aio_error, as glibc does.
    c.lio_opcode = op;
    c.return_value = -1;
    error_word(cb).store(EINPROGRESS, Ordering::Release);
    with_flight(|v| v.push((c.fildes, cb as usize)));
    let mut t = core::ptr::null_mut();
    // SAFETY: a detached thread owns the request until it completes.
    if unsafe { pthread_create(&mut t, core::ptr::null(), worker, cb.cast()) } != 0 {
        with_flight(|v| v.retain(|&(_, p)| p != cb as usize));
        error_word(cb).store(EAGAIN, Ordering::Release);
        set_errno(EAGAIN);
        return -1;
    }
    // SAFETY: `t` is the thread just created.
    unsafe { pthread_detach(t) };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_read(cb: *mut Aiocb) -> c_int {
    submit(cb, LIO_READ)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_write(cb: *mut Aiocb) -> c_int {
    submit(cb, LIO_WRITE)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_fsync(op: c_int, cb: *mut Aiocb) -> c_int {
    match op {
        O_SYNC => submit(cb, OP_FSYNC),
        O_DSYNC => submit(cb, OP_FDATASYNC),
        _ => {
            set_errno(EINVAL);
            -1
        }
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_error(cb: *const Aiocb) -> c_int {
    error_word(cb).load(Ordering::Acquire)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_return(cb: *mut Aiocb) -> isize {
    let e = error_word(cb).load(Ordering::Acquire);
    if e == EINPROGRESS {
        set_errno(EINVAL);
        return -1;
    }
    if e != 0 {
        set_errno(e);
    }
    // SAFETY: the request is complete; the worker wrote the value before the error word.
    unsafe { (*cb).return_value }
}

/// Waits until one of `list` is complete; EAGAIN on timeout, EINTR on a signal.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_suspend(list: *const *const Aiocb, n: c_int, timeout: *const rustix::time::Timespec) -> c_int {
    let deadline = (!timeout.is_null()).then(|| {
        // SAFETY: the caller's timespec.
        let t = unsafe { *timeout };
        let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
        now.tv_sec as i128 * 1_000_000_000 + now.tv_nsec as i128 + t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128
    });
    loop {
        let seq = DONE_SEQ.load(Ordering::Acquire);
        let mut running = false;
        for i in 0..n.max(0) as usize {
            // SAFETY: `n` entries, NULL ones ignored (POSIX).
            let cb = unsafe { *list.add(i) };
            if cb.is_null() {
                continue;
            }
            if error_word(cb).load(Ordering::Acquire) != EINPROGRESS {
                return 0;
            }
            running = true;
        }
        // Nothing to wait for (glibc returns at once too).
        if !running {
            return 0;
        }
        let rel = match deadline {
            None => None,
            Some(d) => {
                let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
                let left = d - (now.tv_sec as i128 * 1_000_000_000 + now.tv_nsec as i128);
                if left <= 0 {
                    set_errno(EAGAIN);
                    return -1;
                }
                Some(rustix::time::Timespec { tv_sec: (left / 1_000_000_000) as i64, tv_nsec: (left % 1_000_000_000) as i64 })
            }
        };
        match rustix::thread::futex::wait(&DONE_SEQ, rustix::thread::futex::Flags::PRIVATE, seq, rel.as_ref()) {
            Err(rustix::io::Errno::INTR) => {
                set_errno(EINTR);
                return -1;
            }
            _ => {}
        }
    }
}

/// Requests already running are not interrupted: AIO_NOTCANCELED while any
/// selected one runs, else AIO_ALLDONE.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_cancel(fd: c_int, cb: *mut Aiocb) -> c_int {
    if rustix::io::fcntl_getfd(crate::header::unistd::bfd(fd)).is_err() {
        set_errno(EBADF);
        return -1;
    }
    if !cb.is_null() {
        // SAFETY: the caller's aiocb.
        if unsafe { (*cb).fildes } != fd {
            set_errno(EINVAL);
            return -1;
        }
        return if error_word(cb).load(Ordering::Acquire) == EINPROGRESS { AIO_NOTCANCELED } else { AIO_ALLDONE };
    }
    if with_flight(|v| v.iter().any(|&(f, _)| f == fd)) { AIO_NOTCANCELED } else { AIO_ALLDONE }
}

struct Batch {
    list: Vec<usize>,
    ev: Sigevent,
}

fn wait_all(list: &[usize]) {
    loop {
        let seq = DONE_SEQ.load(Ordering::Acquire);
        if list.iter().all(|&cb| error_word(cb as *const Aiocb).load(Ordering::Acquire) != EINPROGRESS) {
            return;
        }
        crate::sync::futex_wait(&DONE_SEQ, seq);
    }
}

extern "C" fn batch_waiter(arg: *mut c_void) -> *mut c_void {
    // SAFETY: lio_listio leaked this Box for us.
    let b = unsafe { alloc::boxed::Box::from_raw(arg.cast::<Batch>()) };
    wait_all(&b.list);
    notify(&b.ev);
    core::ptr::null_mut()
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn lio_listio(mode: c_int, list: *const *mut Aiocb, n: c_int, ev: *const Sigevent) -> c_int {
    if (mode != LIO_WAIT && mode != LIO_NOWAIT) || n < 0 {
        set_errno(EINVAL);
        return -1;
    }
    let mut started = Vec::new();
    let mut failed = false;
    for i in 0..n as usize {
        // SAFETY: `n` entries (C contract).
        let cb = unsafe { *list.add(i) };
        if cb.is_null() {
            continue;
        }
        // SAFETY: the caller's aiocb.
        let op = unsafe { (*cb).lio_opcode };
        if op == LIO_NOP {
            continue;
        }
        if (op != LIO_READ && op != LIO_WRITE) || submit(cb, op) != 0 {
            failed = true;
            continue;
        }
        started.push(cb as usize);
    }
    if mode == LIO_WAIT {
        wait_all(&started);
        if failed || started.iter().any(|&cb| error_word(cb as *const Aiocb).load(Ordering::Acquire) != 0) {
            set_errno(EIO);
            return -1;
        }
        return 0;
    }
    if !ev.is_null() {
        // SAFETY: the caller's sigevent, copied.
        let b = alloc::boxed::Box::new(Batch { list: started, ev: unsafe { *ev } });
        let p = alloc::boxed::Box::into_raw(b);
        let mut t = core::ptr::null_mut();
        // SAFETY: the thread takes ownership of the batch.
        if unsafe { pthread_create(&mut t, core::ptr::null(), batch_waiter, p.cast()) } == 0 {
            // SAFETY: the thread just created.
            unsafe { pthread_detach(t) };
        } else {
            // SAFETY: not handed over.
            drop(unsafe { alloc::boxed::Box::from_raw(p) });
            set_errno(EAGAIN);
            return -1;
        }
    }
    if failed {
        set_errno(EIO);
        return -1;
    }
    0
}

// The large-file names (the same struct aiocb on x86_64).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_read64(cb: *mut Aiocb) -> c_int {
    submit(cb, LIO_READ)
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_write64(cb: *mut Aiocb) -> c_int {
    submit(cb, LIO_WRITE)
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_fsync64(op: c_int, cb: *mut Aiocb) -> c_int {
    // SAFETY: same contract.
    unsafe { aio_fsync(op, cb) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_error64(cb: *const Aiocb) -> c_int {
    error_word(cb).load(Ordering::Acquire)
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_return64(cb: *mut Aiocb) -> isize {
    // SAFETY: same contract.
    unsafe { aio_return(cb) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_suspend64(list: *const *const Aiocb, n: c_int, timeout: *const rustix::time::Timespec) -> c_int {
    // SAFETY: same contract.
    unsafe { aio_suspend(list, n, timeout) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn aio_cancel64(fd: c_int, cb: *mut Aiocb) -> c_int {
    // SAFETY: same contract.
    unsafe { aio_cancel(fd, cb) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lio_listio64(mode: c_int, list: *const *mut Aiocb, n: c_int, ev: *const Sigevent) -> c_int {
    // SAFETY: same contract.
    unsafe { lio_listio(mode, list, n, ev) }
}
