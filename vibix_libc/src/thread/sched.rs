//! Thread scheduling: the scheduling attributes of `pthread_attr_t` (applied
//! by pthread_create for PTHREAD_EXPLICIT_SCHED), the process-wide default
//! attributes, a thread's policy/priority/affinity/CPU-time clock, and the
//! concurrency hint. The kernel schedules threads by tid, so each call is the
//! <sched.h> call on the target's tid, its error returned instead of errno.
use core::ffi::c_int;
use core::sync::atomic::{AtomicI32, Ordering};

use super::area::{current, errno, set_errno, ThreadState};
use super::pthread::Attr;
use crate::header::sched::{SchedParam, sched_get_priority_max, sched_get_priority_min};
use crate::sync::Lock;

const EINVAL: c_int = 22;
const ESRCH: c_int = 3;
const ENOTSUP: c_int = 95;

const SCHED_OTHER: c_int = 0;
const SCHED_FIFO: c_int = 1;
const SCHED_RR: c_int = 2;
const SCHED_RESET_ON_FORK: c_int = 0x4000_0000;
pub const INHERIT_SCHED: c_int = 0;
pub const EXPLICIT_SCHED: c_int = 1;
const SCOPE_SYSTEM: c_int = 0;
const SCOPE_PROCESS: c_int = 1;

/// `ThreadState::start_gate`: the new thread waits while HOLD, ends at ABORT.
pub const GATE_HOLD: i32 = 1;
pub const GATE_ABORT: i32 = 2;

/// Runs a <sched.h>-style call (-1 + errno on failure) and returns its error
/// number instead, leaving the caller's errno as it was.
fn as_error(f: impl FnOnce() -> c_int) -> c_int {
    let saved = errno();
    let r = f();
    let e = if r < 0 { errno() } else { 0 };
    set_errno(saved);
    e
}

/// The kernel tid of `t`, or None once it has ended.
pub fn tid_of(t: *mut ThreadState) -> Option<c_int> {
    if t == current() {
        return Some(super::area::tid());
    }
    // SAFETY: t is a thread of this process not yet joined (caller contract).
    let tid = unsafe { (*t).tid.load(Ordering::Acquire) };
    (tid != 0).then_some(tid)
}

fn valid_policy(p: c_int) -> bool {
    matches!(p, SCHED_OTHER | SCHED_FIFO | SCHED_RR)
}

fn priority_fits(policy: c_int, prio: c_int) -> bool {
    (sched_get_priority_min(policy)..=sched_get_priority_max(policy)).contains(&prio)
}

macro_rules! attr_field {
    ($get:ident, $set:ident, $field:ident, $valid:expr) => {
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $get(a: *const Attr, v: *mut c_int) -> c_int {
            // SAFETY: a is an initialised attr, v writable.
            unsafe { *v = (*a).$field };
            0
        }
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $set(a: *mut Attr, v: c_int) -> c_int {
            let check: fn(c_int) -> c_int = $valid;
            let e = check(v);
            if e == 0 {
                // SAFETY: a is an initialised attr.
                unsafe { (*a).$field = v };
            }
            e
        }
    };
}

attr_field!(pthread_attr_getinheritsched, pthread_attr_setinheritsched, inherit, |v| {
    if v == INHERIT_SCHED || v == EXPLICIT_SCHED { 0 } else { EINVAL }
});
attr_field!(pthread_attr_getschedpolicy, pthread_attr_setschedpolicy, policy, |v| {
    if valid_policy(v) { 0 } else { EINVAL }
});
attr_field!(pthread_attr_getscope, pthread_attr_setscope, scope, |v| match v {
    SCOPE_SYSTEM => 0,
    // Every thread is a kernel thread competing system-wide.
    SCOPE_PROCESS => ENOTSUP,
    _ => EINVAL,
});

/// POSIX `pthread_attr_setschedparam`: the priority must fit the attribute's policy.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setschedparam(a: *mut Attr, p: *const SchedParam) -> c_int {
    // SAFETY: a is an initialised attr, p readable.
    unsafe {
        let prio = (*p).sched_priority;
        if !priority_fits((*a).policy, prio) {
            return EINVAL;
        }
        (*a).priority = prio;
    }
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getschedparam(a: *const Attr, p: *mut SchedParam) -> c_int {
    // SAFETY: a is an initialised attr, p writable.
    unsafe { (*p).sched_priority = (*a).priority };
    0
}

/// What `pthread_create(.., NULL, ..)` and `pthread_attr_init` start from.
static DEFAULTS_LOCK: Lock = Lock::new();
static mut DEFAULTS: Attr = Attr::DEFAULT;

/// A copy of the process-wide default attributes.
pub fn defaults() -> Attr {
    let _g = DEFAULTS_LOCK.guard();
    // SAFETY: DEFAULTS is only touched under DEFAULTS_LOCK.
    unsafe { core::ptr::read(&raw const DEFAULTS) }
}

/// GNU `pthread_getattr_default_np`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getattr_default_np(a: *mut Attr) -> c_int {
    // SAFETY: a writable.
    unsafe { a.write(defaults()) };
    0
}

/// GNU `pthread_setattr_default_np`: a stack address cannot be a default; the
/// policy, priority and stack size are checked as their own setters do.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setattr_default_np(a: *const Attr) -> c_int {
    // SAFETY: a is an initialised attr.
    let new = unsafe { core::ptr::read(a) };
    if !new.stack_addr.is_null()
        || !valid_policy(new.policy)
        || !priority_fits(new.policy, new.priority)
        || (new.stack_size != 0 && new.stack_size < 16384)
    {
        return EINVAL;
    }
    let _g = DEFAULTS_LOCK.guard();
    // SAFETY: under DEFAULTS_LOCK.
    unsafe {
        let d = &raw mut DEFAULTS;
        if new.stack_size != 0 {
            (*d).stack_size = new.stack_size;
        }
        (*d).guard_size = new.guard_size;
        (*d).policy = new.policy;
        (*d).priority = new.priority;
        (*d).inherit = new.inherit;
        (*d).scope = new.scope;
        (*d).detach = new.detach;
    }
    0
}

/// pthread_create, PTHREAD_EXPLICIT_SCHED: the new thread (held at its start
/// gate) gets the attribute's policy and priority; the error number if not.
pub fn apply_explicit(tid: c_int, a: &Attr) -> c_int {
    let p = SchedParam { sched_priority: a.priority };
    // SAFETY: p is a valid sched_param for the call.
    as_error(|| unsafe { crate::header::sched::sched_setscheduler(tid, a.policy, &p) })
}

/// The new thread's side of the gate: wait for pthread_create's verdict.
pub fn wait_at_gate(t: *mut ThreadState) -> bool {
    // SAFETY: own thread area; pthread_create writes the gate and wakes us.
    let gate = unsafe { &*((*t).start_gate.as_ptr() as *const core::sync::atomic::AtomicU32) };
    loop {
        let v = gate.load(Ordering::Acquire);
        if v != GATE_HOLD as u32 {
            return v != GATE_ABORT as u32;
        }
        crate::sync::futex_wait(gate, v);
    }
}

/// pthread_create's side: open the gate (`go`) or tell the thread to end.
pub fn open_gate(t: *mut ThreadState, go: bool) {
    // SAFETY: the new thread's area, alive until it is joined.
    let gate = unsafe { &*((*t).start_gate.as_ptr() as *const core::sync::atomic::AtomicU32) };
    gate.store(if go { 0 } else { GATE_ABORT as u32 }, Ordering::Release);
    crate::sync::futex_wake(gate, 1);
}

/// POSIX `pthread_getschedparam`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getschedparam(t: *mut ThreadState, policy: *mut c_int, p: *mut SchedParam) -> c_int {
    let Some(tid) = tid_of(t) else { return ESRCH };
    let mut pol = 0;
    // SAFETY: p writable (caller contract).
    let e = as_error(|| {
        pol = crate::header::sched::sched_getscheduler(tid);
        if pol < 0 { pol } else { unsafe { crate::header::sched::sched_getparam(tid, p) } }
    });
    if e == 0 {
        // SAFETY: policy writable.
        unsafe { *policy = pol & !SCHED_RESET_ON_FORK };
    }
    e
}

/// POSIX `pthread_setschedparam`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setschedparam(t: *mut ThreadState, policy: c_int, p: *const SchedParam) -> c_int {
    let Some(tid) = tid_of(t) else { return ESRCH };
    // SAFETY: p readable (caller contract).
    as_error(|| unsafe { crate::header::sched::sched_setscheduler(tid, policy, p) })
}

/// POSIX `pthread_setschedprio`: the priority, keeping the policy.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setschedprio(t: *mut ThreadState, prio: c_int) -> c_int {
    let Some(tid) = tid_of(t) else { return ESRCH };
    let p = SchedParam { sched_priority: prio };
    // SAFETY: p is a valid sched_param.
    as_error(|| unsafe { crate::header::sched::sched_setparam(tid, &p) })
}

unsafe extern "C" {
    fn sched_getaffinity(pid: c_int, size: usize, mask: *mut u8) -> c_int;
    fn sched_setaffinity(pid: c_int, size: usize, mask: *const u8) -> c_int;
}

/// GNU `pthread_setaffinity_np`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setaffinity_np(t: *mut ThreadState, size: usize, set: *const u8) -> c_int {
    let Some(tid) = tid_of(t) else { return ESRCH };
    // SAFETY: `size` readable bytes at set (caller contract).
    as_error(|| unsafe { sched_setaffinity(tid, size, set) })
}

/// GNU `pthread_getaffinity_np` (bits past the kernel's CPUs are zero).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getaffinity_np(t: *mut ThreadState, size: usize, set: *mut u8) -> c_int {
    let Some(tid) = tid_of(t) else { return ESRCH };
    // SAFETY: `size` writable bytes at set (caller contract).
    as_error(|| unsafe { sched_getaffinity(tid, size, set) })
}

/// POSIX `pthread_getcpuclockid`: Linux's per-thread CPU-time clock of the
/// thread's tid (CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD, the tid inverted above).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getcpuclockid(t: *mut ThreadState, clock: *mut c_int) -> c_int {
    let Some(tid) = tid_of(t) else { return ESRCH };
    // SAFETY: clock writable.
    unsafe { *clock = ((!tid) << 3) | 6 };
    0
}

/// The concurrency hint: threads are kernel threads, so it is only remembered.
static CONCURRENCY: AtomicI32 = AtomicI32::new(0);

#[unsafe(no_mangle)]
pub extern "C" fn pthread_getconcurrency() -> c_int {
    CONCURRENCY.load(Ordering::Relaxed)
}

#[unsafe(no_mangle)]
pub extern "C" fn pthread_setconcurrency(n: c_int) -> c_int {
    if n < 0 {
        return EINVAL;
    }
    CONCURRENCY.store(n, Ordering::Relaxed);
    0
}
