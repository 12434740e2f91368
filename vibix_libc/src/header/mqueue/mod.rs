//! `<mqueue.h>`: POSIX message queues, the kernel's mq_* system calls (rustix
//! has none, so the raw path of header/sys/raw.rs). Queue names must start
//! with '/', which the kernel does not take. `mq_notify` passes the caller's
//! sigevent unchanged except SIGEV_THREAD, which gets a helper thread fed by
//! the kernel's netlink notification (header/timer/thread.rs).
//! Written by libc-net for the nix crate's test suite (test_mq).

use core::ffi::{c_char, c_int, c_long, c_uint, c_void};

use static_assertions::const_assert_eq;

use crate::header::sys::raw::{ret, syscall6};
use crate::thread::area::set_errno;

const SYS_MQ_OPEN: c_long = 240;
const SYS_MQ_UNLINK: c_long = 241;
const SYS_MQ_TIMEDSEND: c_long = 242;
const SYS_MQ_TIMEDRECEIVE: c_long = 243;
const SYS_MQ_NOTIFY: c_long = 244;
const SYS_MQ_GETSETATTR: c_long = 245;
const EINVAL: c_int = 22;
const EACCES: c_int = 13;
const O_CREAT: c_int = 0o100;
const O_NONBLOCK: c_long = 0o4000;
const SIGEV_THREAD: c_int = 2;

/// `struct mq_attr`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct MqAttr {
    mq_flags: c_long,
    mq_maxmsg: c_long,
    mq_msgsize: c_long,
    mq_curmsgs: c_long,
    reserved: [c_long; 4],
}
const_assert_eq!(core::mem::size_of::<MqAttr>(), 64);

fn call(n: c_long, a: [usize; 6]) -> isize {
    // SAFETY: callers pass the C caller's arguments for syscall `n`; the
    // kernel checks the pointers among them.
    ret(unsafe { syscall6(n, a) })
}

/// The name without its leading '/', as the kernel wants it.
unsafe fn kernel_name(name: *const c_char) -> Option<*const c_char> {
    // SAFETY: a C string from the caller.
    if name.is_null() || unsafe { *name } != b'/' as c_char {
        set_errno(EINVAL);
        return None;
    }
    // SAFETY: the string has at least the '/' and its NUL.
    Some(unsafe { name.add(1) })
}

/// `mqd_t mq_open(const char *name, int oflag, ...)`: `mode` and `attr` are
/// read only with O_CREAT (reading the unused argument registers is harmless).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_open(name: *const c_char, oflag: c_int, mode: c_uint, attr: *const MqAttr) -> c_int {
    // SAFETY: the caller's name.
    let Some(k) = (unsafe { kernel_name(name) }) else { return -1 };
    let (mode, attr) = if oflag & O_CREAT != 0 { (mode, attr) } else { (0, core::ptr::null()) };
    call(SYS_MQ_OPEN, [k as usize, oflag as usize, mode as usize, attr as usize, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn mq_close(q: c_int) -> c_int {
    crate::header::unistd::close(q)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_unlink(name: *const c_char) -> c_int {
    // SAFETY: the caller's name.
    let Some(k) = (unsafe { kernel_name(name) }) else { return -1 };
    let r = call(SYS_MQ_UNLINK, [k as usize, 0, 0, 0, 0, 0]);
    // The kernel reports EPERM where POSIX says EACCES.
    if r < 0 && crate::thread::area::errno() == 1 {
        set_errno(EACCES);
    }
    r as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_timedsend(q: c_int, msg: *const c_char, len: usize, prio: c_uint, timeout: *const c_void) -> c_int {
    crate::thread::cancel::point(|| call(SYS_MQ_TIMEDSEND, [q as usize, msg as usize, len, prio as usize, timeout as usize, 0])) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_send(q: c_int, msg: *const c_char, len: usize, prio: c_uint) -> c_int {
    // SAFETY: same contract, no timeout.
    unsafe { mq_timedsend(q, msg, len, prio, core::ptr::null()) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_timedreceive(q: c_int, msg: *mut c_char, len: usize, prio: *mut c_uint, timeout: *const c_void) -> isize {
    crate::thread::cancel::point(|| call(SYS_MQ_TIMEDRECEIVE, [q as usize, msg as usize, len, prio as usize, timeout as usize, 0]))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_receive(q: c_int, msg: *mut c_char, len: usize, prio: *mut c_uint) -> isize {
    // SAFETY: same contract, no timeout.
    unsafe { mq_timedreceive(q, msg, len, prio, core::ptr::null()) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_getattr(q: c_int, attr: *mut MqAttr) -> c_int {
    call(SYS_MQ_GETSETATTR, [q as usize, 0, attr as usize, 0, 0, 0]) as c_int
}

/// Only O_NONBLOCK of `mq_flags` can change (the kernel ignores the rest).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_setattr(q: c_int, new: *const MqAttr, old: *mut MqAttr) -> c_int {
    if new.is_null() {
        set_errno(EINVAL);
        return -1;
    }
    // SAFETY: the caller's attribute struct.
    let flags = unsafe { (*new).mq_flags } & O_NONBLOCK;
    let attr = MqAttr { mq_flags: flags, ..MqAttr::default() };
    call(SYS_MQ_GETSETATTR, [q as usize, &attr as *const MqAttr as usize, old as usize, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mq_notify(q: c_int, ev: *const c_void) -> c_int {
    // struct sigevent: sigev_value (8 bytes), sigev_signo, sigev_notify.
    // SAFETY: NULL or the caller's sigevent.
    if !ev.is_null() && unsafe { *ev.cast::<c_int>().add(3) } == SIGEV_THREAD {
        use crate::header::timer::thread::{mq_notify_thread, Sigevent};
        let register = |kev: Option<&Sigevent>| {
            let p = kev.map_or(0, |k| k as *const Sigevent as usize);
            call(SYS_MQ_NOTIFY, [q as usize, p, 0, 0, 0, 0])
        };
        // SAFETY: the caller's sigevent, read as the struct it is.
        return unsafe { mq_notify_thread(&*ev.cast::<Sigevent>(), register) };
    }
    call(SYS_MQ_NOTIFY, [q as usize, ev as usize, 0, 0, 0, 0]) as c_int
}
