//! The thread area: `ThreadHeader` (vibix-abi, filled by ld-vibix) followed by
//! libc's per-thread state. `%fs:0` holds its address, so every thread finds its
//! own state without ELF TLS inside libc.
use core::ffi::{c_int, c_void};
use core::sync::atomic::AtomicI32;
use static_assertions::const_assert;
use vibix_abi::{ThreadHeader, THREAD_AREA_SIZE};

/// Start routine of a thread created by `pthread_create`.
pub type StartFn = unsafe extern "C" fn(*mut c_void) -> *mut c_void;

#[repr(C)]
pub struct ThreadState {
    pub header: ThreadHeader,
    /// `errno`; `__errno_location()` returns its address.
    pub errno: c_int,
    /// Kernel thread id; cleared by the kernel on exit (CLONE_CHILD_CLEARTID)
    /// and woken with a futex, which is what `pthread_join` waits on.
    pub tid: AtomicI32,
    /// `DETACH_*` state, see `pthread.rs`.
    pub detach: AtomicI32,
    /// Cancellation state/type bits, see `cancel.rs`.
    pub cancel_flags: u32,
    pub start: Option<StartFn>,
    pub arg: *mut c_void,
    pub result: *mut c_void,
    /// The whole mapping (stack + guard + TLS + this area) for threads we created.
    pub map_base: *mut u8,
    pub map_len: usize,
    /// User stack bounds (for pthread_getattr_np).
    pub stack_lo: *mut u8,
    pub stack_size: usize,
    pub guard_size: usize,
    /// `pthread_setspecific` values, allocated on first use.
    pub tsd: *mut *mut c_void,
    pub name: [u8; 16],
    /// `uselocale`'s per-thread locale (null: the global locale).
    pub locale: *mut c_void,
    /// `h_errno` of threads other than the main one (netdb).
    pub h_errno: c_int,
    /// A `pthread_cancel` request is pending.
    pub cancel: core::sync::atomic::AtomicBool,
    /// Newest `pthread_cleanup_push` record (they live on the stack).
    pub cleanup: *mut super::cancel::Ptcb,
    /// Robust mutexes held (robust.rs); registered with the kernel on first use.
    pub robust: super::robust::RobustHead,
    pub robust_on: bool,
    /// pthread_create's go-ahead for a thread with explicit scheduling
    /// (sched.rs): GATE_* values, 0 for every other thread.
    pub start_gate: AtomicI32,
    /// malloc's per-thread cache of free blocks.
    pub mcache: crate::header::stdlib::malloc::ThreadCache,
}
const_assert!(core::mem::size_of::<ThreadState>() <= THREAD_AREA_SIZE);

/// The calling thread's area.
#[inline(always)]
pub fn current() -> *mut ThreadState {
    let tp: *mut ThreadState;
    // SAFETY: %fs:0 always holds the thread pointer (set by ld-vibix or by
    // pthread_create before the thread runs any code of ours).
    unsafe { core::arch::asm!("mov {}, qword ptr fs:0", out(reg) tp, options(nostack, readonly, preserves_flags, pure)) };
    tp
}

/// `int *__errno_location(void)`: the calling thread's errno.
#[unsafe(no_mangle)]
pub extern "C" fn __errno_location() -> *mut c_int {
    // SAFETY: `current()` is valid for the thread's lifetime; we only form a pointer.
    unsafe { &raw mut (*current()).errno }
}

#[inline]
pub fn set_errno(e: c_int) {
    // SAFETY: the calling thread's own errno slot.
    unsafe { *__errno_location() = e };
}

#[inline]
pub fn errno() -> c_int {
    // SAFETY: as above.
    unsafe { *__errno_location() }
}

/// Store a rustix error in errno and return `ret` (usually -1).
#[inline]
pub fn fail<T>(e: rustix::io::Errno, ret: T) -> T {
    set_errno(e.raw_os_error());
    ret
}

/// The calling thread's kernel tid, fetched lazily (the main thread's is not
/// known until someone asks: keeps start-up free of syscalls).
pub fn tid() -> i32 {
    let t = current();
    // SAFETY: own thread area.
    let cur = unsafe { (*t).tid.load(core::sync::atomic::Ordering::Relaxed) };
    if cur != 0 {
        return cur;
    }
    let id = rustix::thread::gettid().as_raw_nonzero().get();
    // SAFETY: own thread area.
    unsafe { (*t).tid.store(id, core::sync::atomic::Ordering::Relaxed) };
    id
}
