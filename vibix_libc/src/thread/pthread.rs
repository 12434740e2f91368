//! POSIX threads on clone + futex.
//!
//! A thread's memory is one mapping: `[guard][stack][static TLS][thread area]`.
//! ld-vibix fills the TLS part (`__vibix_thread_init`); `pthread_t` is the
//! thread pointer. The kernel clears `ThreadState::tid` and wakes its futex when
//! the thread dies (CLONE_CHILD_CLEARTID), which is what `pthread_join` waits for.
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};

use super::area::{current, StartFn, ThreadState};
use static_assertions::const_assert;
use vibix_abi::{TlsLayout, THREAD_AREA_SIZE};

const EINVAL: c_int = 22;
const EAGAIN: c_int = 11;
const ESRCH: c_int = 3;
const EDEADLK: c_int = 35;
const EBUSY: c_int = 16;
const ETIMEDOUT: c_int = 110;

const JOINABLE: i32 = 0;
const DETACHED: i32 = 1;
const EXITED: i32 = 2;

const DEFAULT_STACK: usize = 8 << 20;
const PAGE: usize = 4096;

extern "C" {
    fn __vibix_tls_layout(out: *mut TlsLayout);
    fn __vibix_thread_init(tp: *mut ThreadState) -> c_int;
    fn __vibix_thread_exit(tp: *mut ThreadState);
}

static THREADED: AtomicBool = AtomicBool::new(false);
/// Threads alive (the main thread included): the last one to call
/// pthread_exit ends the process with exit(0), as POSIX says.
static LIVE: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(1);

/// True once a second thread has ever been started (locks are skipped before).
#[inline]
pub fn threaded() -> bool {
    THREADED.load(Ordering::Relaxed)
}

/// `pthread_attr_t` (56 bytes, as glibc's).
#[repr(C)]
pub struct Attr {
    pub stack_size: usize,
    pub guard_size: usize,
    pub stack_addr: *mut c_void,
    pub detach: c_int,
    pub init: c_int,
    /// Scheduling (sched.rs): policy, priority, PTHREAD_{INHERIT,EXPLICIT}_SCHED, scope.
    pub policy: c_int,
    pub priority: c_int,
    pub inherit: c_int,
    pub scope: c_int,
    pub pad: usize,
}
const_assert!(core::mem::size_of::<Attr>() == 56);

impl Attr {
    /// The built-in defaults (pthread_setattr_default_np changes the live ones).
    pub const DEFAULT: Attr = Attr {
        stack_size: DEFAULT_STACK,
        guard_size: PAGE,
        stack_addr: null_mut(),
        detach: 0,
        init: 1,
        policy: 0,
        priority: 0,
        inherit: 0,
        scope: 0,
        pad: 0,
    };
}

/// `pthread_attr_init`: the process's default attributes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_init(a: *mut Attr) -> c_int {
    // SAFETY: a is writable.
    unsafe { a.write(Attr { detach: 0, ..super::sched::defaults() }) };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_destroy(_a: *mut Attr) -> c_int {
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstacksize(a: *mut Attr, s: usize) -> c_int {
    if s < 16384 {
        return EINVAL;
    }
    // SAFETY: a is an initialised attr.
    unsafe { (*a).stack_size = s };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstacksize(a: *const Attr, s: *mut usize) -> c_int {
    // SAFETY: a readable, s writable.
    unsafe { *s = (*a).stack_size };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setguardsize(a: *mut Attr, s: usize) -> c_int {
    // SAFETY: a is an initialised attr.
    unsafe { (*a).guard_size = s };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getguardsize(a: *const Attr, s: *mut usize) -> c_int {
    // SAFETY: a readable, s writable.
    unsafe { *s = (*a).guard_size };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setdetachstate(a: *mut Attr, d: c_int) -> c_int {
    if d != 0 && d != 1 {
        return EINVAL;
    }
    // SAFETY: a is an initialised attr.
    unsafe { (*a).detach = d };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getdetachstate(a: *const Attr, d: *mut c_int) -> c_int {
    // SAFETY: a readable, d writable.
    unsafe { *d = (*a).detach };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_setstack(a: *mut Attr, addr: *mut c_void, s: usize) -> c_int {
    // SAFETY: a is an initialised attr.
    unsafe {
        (*a).stack_addr = addr;
        (*a).stack_size = s;
    }
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_attr_getstack(a: *const Attr, addr: *mut *mut c_void, s: *mut usize) -> c_int {
    // SAFETY: a readable; outputs writable.
    unsafe {
        *addr = (*a).stack_addr;
        *s = (*a).stack_size;
    }
    0
}

/// The main thread's stack top, recorded by __libc_start_main.
pub static mut MAIN_STACK_END: usize = 0;

/// GNU `pthread_getattr_np`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getattr_np(t: *mut ThreadState, a: *mut Attr) -> c_int {
    // SAFETY: a writable; t a live thread.
    unsafe {
        pthread_attr_init(a);
        // The thread's own policy and priority (glibc reports them too).
        let mut policy = 0;
        let mut p = crate::header::sched::SchedParam { sched_priority: 0 };
        if super::sched::pthread_getschedparam(t, &mut policy, &mut p) == 0 {
            (*a).policy = policy;
            (*a).priority = p.sched_priority;
        }
        if (*t).map_base.is_null() {
            // Main thread: the stack mapping's top, RLIMIT_STACK deep.
            let lim = rustix::process::getrlimit(rustix::process::Resource::Stack);
            let size = lim.current.unwrap_or(DEFAULT_STACK as u64).min(1 << 30) as usize;
            let here = 0u8;
            let sp = if MAIN_STACK_END != 0 { MAIN_STACK_END } else { &here as *const u8 as usize };
            let Some((lo, sz)) = super::mainstack::bounds(sp, size) else { return ESRCH };
            (*a).stack_addr = lo as *mut c_void;
            (*a).stack_size = sz;
            (*a).guard_size = 0;
        } else {
            (*a).stack_addr = (*t).stack_lo as *mut c_void;
            (*a).stack_size = (*t).stack_size;
            (*a).guard_size = (*t).guard_size;
            (*a).detach = ((*t).detach.load(Ordering::Relaxed) == DETACHED) as c_int;
        }
    }
    0
}

/// POSIX `pthread_self`.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_self() -> *mut ThreadState {
    current()
}

/// POSIX `pthread_equal`.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_equal(a: *mut ThreadState, b: *mut ThreadState) -> c_int {
    (a == b) as c_int
}

/// clone(2) for a new thread: the child starts on `stack` with nothing but
/// the thread pointer set, so this must be assembly; it calls `thread_main`.
#[unsafe(naked)]
unsafe extern "C" fn clone_thread(flags: usize, stack: *mut u8, ptid: *mut i32, ctid: *mut i32, tls: *mut ThreadState) -> c_int {
    core::arch::naked_asm!(
        // rdi=flags rsi=stack rdx=ptid rcx=ctid r8=tls -> clone(flags, stack, ptid, ctid, tls)
        "mov r10, rcx",
        "mov eax, 56",
        "syscall",
        "test eax, eax",
        "jnz 2f",
        // Child: fresh frame, 16-byte aligned stack.
        "xor ebp, ebp",
        "and rsp, -16",
        "call {main}",
        "ud2",
        "2:",
        "ret",
        main = sym thread_main,
    )
}

extern "C" fn thread_main() -> ! {
    let t = current();
    // SAFETY: own thread area.
    if unsafe { (*t).start_gate.load(Ordering::Acquire) } != 0 && !super::sched::wait_at_gate(t) {
        // pthread_create could not give us the asked-for scheduling: end
        // unseen (it waits for our tid to clear and frees our memory).
        // SAFETY: nothing of ours runs on this thread after this.
        unsafe { crate::rt::exit_thread(0) }
    }
    // SAFETY: pthread_create filled start/arg before clone.
    let r = unsafe { ((*t).start.unwrap())((*t).arg) };
    pthread_exit(r)
}

/// Unmaps the thread's own memory (stack included) and exits: no stack use
/// after the munmap, so it is assembly.
#[unsafe(naked)]
unsafe extern "C" fn unmap_and_exit(base: *mut u8, len: usize) -> ! {
    core::arch::naked_asm!(
        "mov eax, 11",
        "syscall",
        "xor edi, edi",
        "mov eax, 60",
        "syscall",
        "ud2",
    )
}

/// POSIX `pthread_create`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_create(out: *mut *mut ThreadState, attr: *const Attr, start: StartFn, arg: *mut c_void) -> c_int {
    let mut layout = TlsLayout::default();
    // SAFETY: ld-vibix fills the layout.
    unsafe { __vibix_tls_layout(&mut layout) };
    let align = layout.align.max(vibix_abi::THREAD_AREA_ALIGN);
    // SAFETY: attr is NULL or initialised.
    let a = if attr.is_null() { super::sched::defaults() } else { unsafe { core::ptr::read(attr) } };
    let (stack_size, guard, user_stack, detach) = (a.stack_size, a.guard_size, a.stack_addr, a.detach);
    let explicit = a.inherit == super::sched::EXPLICIT_SCHED;
    let round = |x: usize| (x + PAGE - 1) & !(PAGE - 1);
    let guard = round(guard);
    let tls_part = round(layout.static_size + THREAD_AREA_SIZE + align);
    let (stack_part, guard) = if user_stack.is_null() { (round(stack_size), guard) } else { (0, 0) };
    let len = guard + stack_part + tls_part;
    use rustix::mm::{mmap_anonymous, mprotect, MapFlags, MprotectFlags, ProtFlags};
    // SAFETY: a fresh private mapping.
    let base = match unsafe { mmap_anonymous(null_mut(), len, ProtFlags::READ | ProtFlags::WRITE, MapFlags::PRIVATE | MapFlags::NORESERVE) } {
        Ok(p) => p as *mut u8,
        Err(_) => return EAGAIN,
    };
    if guard > 0 {
        // SAFETY: the first `guard` bytes of our mapping.
        let _ = unsafe { mprotect(base as *mut c_void, guard, MprotectFlags::empty()) };
    }
    let tp_addr = (base as usize + len - THREAD_AREA_SIZE) & !(align - 1);
    let tp = tp_addr as *mut ThreadState;
    // SAFETY: tp has static_size bytes below it and THREAD_AREA_SIZE above, zeroed.
    if unsafe { __vibix_thread_init(tp) } != 0 {
        // SAFETY: our mapping.
        let _ = unsafe { rustix::mm::munmap(base as *mut c_void, len) };
        return EAGAIN;
    }
    let (stack_lo, stack_top, ssize) = if user_stack.is_null() {
        // SAFETY: inside the mapping.
        unsafe { (base.add(guard), base.add(guard + stack_part), stack_part) }
    } else {
        // SAFETY: the caller's stack of stack_size bytes.
        unsafe { (user_stack as *mut u8, (user_stack as *mut u8).add(stack_size), stack_size) }
    };
    // SAFETY: the thread area is ours until the thread starts.
    unsafe {
        (*tp).start = Some(start);
        (*tp).arg = arg;
        (*tp).map_base = base;
        (*tp).map_len = len;
        (*tp).stack_lo = stack_lo;
        (*tp).stack_size = ssize;
        (*tp).guard_size = guard;
        (*tp).detach = AtomicI32::new(if detach != 0 { DETACHED } else { JOINABLE });
        (*tp).start_gate = AtomicI32::new(if explicit { super::sched::GATE_HOLD } else { 0 });
    }
    THREADED.store(true, Ordering::SeqCst);
    LIVE.fetch_add(1, Ordering::AcqRel);
    // The main thread's tid is needed for recursive locks from now on.
    super::area::tid();
    const FLAGS: usize = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x80000 | 0x100000 | 0x200000;
    // CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID
    let top = ((stack_top as usize) & !15) as *mut u8;
    // SAFETY: the new thread runs thread_main on its own stack with tp as %fs.
    let r = unsafe {
        let tidp = (*tp).tid.as_ptr();
        clone_thread(FLAGS, top, tidp, tidp, tp)
    };
    if r < 0 {
        LIVE.fetch_sub(1, Ordering::AcqRel);
        // SAFETY: the thread never started; free its memory.
        unsafe {
            __vibix_thread_exit(tp);
            let _ = rustix::mm::munmap(base as *mut c_void, len);
        }
        return EAGAIN;
    }
    if explicit {
        let e = super::sched::apply_explicit(r, &a);
        super::sched::open_gate(tp, e == 0);
        if e != 0 {
            // The thread ends at its gate without running anything of the caller's.
            wait_dead(tp);
            LIVE.fetch_sub(1, Ordering::AcqRel);
            // SAFETY: the thread has ended; its memory is ours again.
            unsafe {
                __vibix_thread_exit(tp);
                let _ = rustix::mm::munmap(base as *mut c_void, len);
            }
            return e;
        }
    }
    // SAFETY: out is writable.
    unsafe { *out = tp };
    0
}

/// POSIX `pthread_exit`.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_exit(ret: *mut c_void) -> ! {
    let t = current();
    // Kept first: a glibc-ABI cleanup record longjmps out of run_cleanup and
    // comes back through __pthread_unwind_next (glibc_cancel.rs) with it.
    // SAFETY: our own thread area.
    unsafe { (*t).result = ret };
    super::cancel::run_cleanup();
    super::keys::run_destructors();
    super::robust::release_all_on_exit();
    crate::header::stdlib::malloc::thread_exit();
    if LIVE.fetch_sub(1, Ordering::AcqRel) == 1 {
        // The last thread: the process ends as if by exit(0) (atexit, stdio flush).
        crate::header::stdlib::exit::exit(0);
    }
    // SAFETY: our own thread area.
    unsafe {
        (*t).result = ret;
        if (*t).map_base.is_null() {
            // The main thread: just this thread ends (the process lives on).
            crate::rt::exit_thread(0);
        }
        let prev = (*t).detach.swap(EXITED, Ordering::AcqRel);
        __vibix_thread_exit(t);
        if prev == DETACHED {
            // Nobody joins: free our own memory. No more tid write-back into it.
            crate::rt::set_tid_address(null_mut());
            unmap_and_exit((*t).map_base, (*t).map_len);
        }
        crate::rt::exit_thread(0)
    }
}

fn wait_dead(t: *mut ThreadState) {
    // SAFETY: t is a live (or finished, not yet freed) thread.
    let tid: &AtomicU32 = unsafe { &*((*t).tid.as_ptr() as *const AtomicU32) };
    loop {
        let v = tid.load(Ordering::Acquire);
        if v == 0 {
            return;
        }
        // Shared (not PRIVATE): the kernel's CLONE_CHILD_CLEARTID wake-up is a
        // shared FUTEX_WAKE, which does not wake private waiters.
        super::cancel::point(|| crate::sync::futex_wait_shared(tid, v));
    }
}

/// POSIX `pthread_join`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_join(t: *mut ThreadState, ret: *mut *mut c_void) -> c_int {
    if t == current() {
        return EDEADLK;
    }
    super::cancel::pthread_testcancel();
    // SAFETY: t is a joinable thread (caller contract).
    unsafe {
        if (*t).detach.load(Ordering::Relaxed) == DETACHED {
            return EINVAL;
        }
        wait_dead(t);
        if !ret.is_null() {
            *ret = (*t).result;
        }
        let _ = rustix::mm::munmap((*t).map_base as *mut c_void, (*t).map_len);
    }
    0
}

/// GNU `pthread_tryjoin_np`: joins `t` if it has ended, else EBUSY.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_tryjoin_np(t: *mut ThreadState, ret: *mut *mut c_void) -> c_int {
    // SAFETY: t is a joinable thread (caller contract).
    if unsafe { (*t).tid.load(Ordering::Acquire) } != 0 {
        return EBUSY;
    }
    // SAFETY: forwarded; it has ended, so this does not wait.
    unsafe { pthread_join(t, ret) }
}

/// GNU `pthread_timedjoin_np`: `pthread_join` until the CLOCK_REALTIME time
/// `abs` (no limit if NULL), then ETIMEDOUT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_timedjoin_np(t: *mut ThreadState, ret: *mut *mut c_void, abs: *const [i64; 2]) -> c_int {
    if abs.is_null() {
        // SAFETY: forwarded.
        return unsafe { pthread_join(t, ret) };
    }
    if t == current() {
        return EDEADLK;
    }
    // SAFETY: abs is a timespec (caller contract).
    if !(0..1_000_000_000).contains(&unsafe { (*abs)[1] }) {
        return EINVAL;
    }
    super::cancel::pthread_testcancel();
    // SAFETY: t is a joinable thread (caller contract).
    unsafe {
        if (*t).detach.load(Ordering::Relaxed) == DETACHED {
            return EINVAL;
        }
        let tid: &AtomicU32 = &*((*t).tid.as_ptr() as *const AtomicU32);
        loop {
            let v = tid.load(Ordering::Acquire);
            if v == 0 {
                break;
            }
            let Some(rel) = super::cond::relative(abs, 0) else { return ETIMEDOUT };
            // Shared: see wait_dead.
            super::cancel::point(|| crate::sync::futex_wait_in(tid, v, true, Some(&rel)));
        }
        pthread_join(t, ret)
    }
}

/// POSIX `pthread_detach`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_detach(t: *mut ThreadState) -> c_int {
    // SAFETY: t is a live thread.
    unsafe {
        match (*t).detach.compare_exchange(JOINABLE, DETACHED, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => 0,
            Err(EXITED) => pthread_join(t, null_mut()),
            Err(_) => EINVAL,
        }
    }
}

/// GNU `pthread_setname_np` (the kernel's comm name; only for the caller itself
/// or recorded for others).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_setname_np(t: *mut ThreadState, name: *const c_char) -> c_int {
    // SAFETY: name is a C string.
    let n = unsafe { core::ffi::CStr::from_ptr(name) };
    if n.to_bytes().len() > 15 {
        return 34;
    }
    // SAFETY: t is live; name fits its 16-byte slot.
    unsafe {
        let b = n.to_bytes_with_nul();
        (&mut (*t).name)[..b.len()].copy_from_slice(b);
    }
    if t == current() {
        return match rustix::thread::set_name(n) {
            Ok(()) => 0,
            Err(e) => e.raw_os_error(),
        };
    }
    0
}

/// GNU `pthread_getname_np`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_getname_np(t: *mut ThreadState, buf: *mut c_char, n: usize) -> c_int {
    // SAFETY: t live; buf has n bytes.
    unsafe {
        let name = &(*t).name;
        let len = name.iter().position(|&c| c == 0).unwrap_or(0);
        if n <= len {
            return 34;
        }
        core::ptr::copy_nonoverlapping(name.as_ptr() as *const c_char, buf, len);
        *buf.add(len) = 0;
    }
    0
}

/// POSIX `pthread_once`: 0 = not run, 1 = running, 2 = done.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_once(once: *mut AtomicU32, f: extern "C" fn()) -> c_int {
    // SAFETY: once is a pthread_once_t (an int).
    let o = unsafe { &*once };
    loop {
        match o.compare_exchange(0, 1, Ordering::Acquire, Ordering::Acquire) {
            Ok(_) => {
                f();
                o.store(2, Ordering::Release);
                crate::sync::futex_wake(o, u32::MAX >> 1);
                return 0;
            }
            Err(2) => return 0,
            Err(v) => crate::sync::futex_wait(o, v),
        }
    }
}

/// POSIX `pthread_kill`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_kill(t: *mut ThreadState, sig: c_int) -> c_int {
    // SAFETY: t is a live thread.
    let tid = if t == current() { super::area::tid() } else { unsafe { (*t).tid.load(Ordering::Relaxed) } };
    if tid == 0 {
        return ESRCH;
    }
    if sig == 0 {
        return 0;
    }
    // SAFETY: signalling a thread of our process.
    let r = unsafe {
        crate::rt::tkill(rustix::process::Pid::from_raw_unchecked(tid), crate::rt::Signal::from_raw_unchecked(sig))
    };
    match r {
        Ok(()) => 0,
        Err(e) => e.raw_os_error(),
    }
}
