//! `<signal.h>`: sigaction (with our own `__restore_rt` restorer), signal,
//! raise/kill, masks and signal sets.
use core::ffi::{c_char, c_int, c_ulong, c_void};
use static_assertions::const_assert_eq;

use crate::thread::area::{fail, set_errno};
use crate::rt::{How, KernelSigSet, KernelSigaction, KernelSigactionFlags, Signal};

mod bsd;
pub mod wait;

pub const SIGABRT: c_int = 6;
const NSIG: c_int = 65;
const SA_RESTORER: c_ulong = 0x0400_0000;
const SA_SIGINFO: c_ulong = 4;

/// glibc's `sigset_t`: 1024 bits, of which the kernel uses 64.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SigSet {
    pub bits: [u64; 16],
}
const_assert_eq!(core::mem::size_of::<SigSet>(), 128);

/// glibc's x86_64 `struct sigaction`.
#[repr(C)]
pub struct SigAction {
    pub handler: usize,
    pub mask: SigSet,
    pub flags: c_int,
    pub restorer: usize,
}
const_assert_eq!(core::mem::size_of::<SigAction>(), 152);
const_assert_eq!(core::mem::offset_of!(SigAction, mask), 8);
const_assert_eq!(core::mem::offset_of!(SigAction, flags), 136);
const_assert_eq!(core::mem::offset_of!(SigAction, restorer), 144);

pub(crate) fn kset(bits: u64) -> KernelSigSet {
    // SAFETY: KernelSigSet is a transparent wrapper of the kernel's 64-bit sigset.
    unsafe { core::mem::transmute::<u64, KernelSigSet>(bits) }
}
fn kbits(s: &KernelSigSet) -> u64 {
    // SAFETY: as above.
    unsafe { core::mem::transmute_copy::<KernelSigSet, u64>(s) }
}

pub(crate) fn signal_of(sig: c_int) -> Option<Signal> {
    if sig <= 0 || sig >= NSIG {
        return None;
    }
    // SAFETY: 1..=64 are valid Linux signal numbers (raw use is allowed).
    Some(unsafe { Signal::from_raw_unchecked(sig) })
}

/// The signal-return trampoline the kernel jumps to after a handler.
#[unsafe(naked)]
unsafe extern "C" fn __restore_rt() {
    core::arch::naked_asm!("mov eax, 15", "syscall", "ud2");
}

/// Installs one of libc's own handlers (SIGCANCEL) with our restorer and
/// an empty mask; `flags` are SA_* bits (never SA_RESTART here).
pub(crate) unsafe fn install_internal(sig: c_int, handler: usize, flags: usize) {
    let Some(s) = signal_of(sig) else { return };
    let act = KernelSigaction {
        // SAFETY: a handler address as the kernel expects.
        sa_handler_kernel: unsafe { core::mem::transmute::<usize, crate::rt::KernelSighandler>(handler) },
        sa_flags: KernelSigactionFlags::from_bits_retain(flags as c_ulong | SA_RESTORER),
        sa_restorer: Some(__restore_rt),
        sa_mask: kset(0),
    };
    // SAFETY: the caller's handler is async-signal-safe for its purpose.
    let _ = unsafe { crate::rt::kernel_sigaction(s, Some(act)) };
}

/// Signals libc keeps for itself: not blockable, no user handlers (glibc
/// refuses its SIGCANCEL the same way).
const RESERVED_MASK: u64 = 1 << (crate::thread::cancel::SIGCANCEL - 1);

/// POSIX `sigaction`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaction(sig: c_int, act: *const SigAction, old: *mut SigAction) -> c_int {
    let Some(s) = signal_of(sig).filter(|_| sig != crate::thread::cancel::SIGCANCEL) else {
        set_errno(22);
        return -1;
    };
    let new = if act.is_null() {
        None
    } else {
        // SAFETY: act is readable.
        let a = unsafe { &*act };
        let flags = a.flags as c_ulong | SA_RESTORER;
        Some(KernelSigaction {
            // SAFETY: a handler address (or SIG_DFL/SIG_IGN) as the kernel expects.
            sa_handler_kernel: unsafe { core::mem::transmute::<usize, crate::rt::KernelSighandler>(a.handler) },
            sa_flags: KernelSigactionFlags::from_bits_retain(flags),
            sa_restorer: Some(__restore_rt),
            sa_mask: kset(a.mask.bits[0]),
        })
    };
    // SAFETY: installing a handler is the caller's intent.
    match unsafe { crate::rt::kernel_sigaction(s, new) } {
        Ok(prev) => {
            if !old.is_null() {
                // SAFETY: old is writable.
                unsafe {
                    let mut m = SigSet { bits: [0; 16] };
                    m.bits[0] = kbits(&prev.sa_mask);
                    (*old).handler = core::mem::transmute::<crate::rt::KernelSighandler, usize>(prev.sa_handler_kernel);
                    (*old).mask = m;
                    (*old).flags = (prev.sa_flags.bits() & !SA_RESTORER) as c_int;
                    (*old).restorer = 0;
                }
            }
            0
        }
        Err(e) => fail(e, -1),
    }
}

/// C `signal` (BSD semantics: SA_RESTART, handler stays installed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn signal(sig: c_int, handler: usize) -> usize {
    let act = SigAction { handler, mask: SigSet { bits: [0; 16] }, flags: 0x1000_0000, restorer: 0 };
    let mut old = SigAction { handler: 0, mask: SigSet { bits: [0; 16] }, flags: 0, restorer: 0 };
    // SAFETY: both structs are ours.
    if unsafe { sigaction(sig, &act, &mut old) } < 0 {
        return !0; // SIG_ERR
    }
    old.handler
}

/// Sends `sig` to the calling thread; returns 0 or -1.
pub fn raw_raise(sig: c_int) -> c_int {
    let Some(s) = signal_of(sig) else {
        set_errno(22);
        return -1;
    };
    let tid = crate::thread::area::tid();
    // SAFETY: signalling ourselves; tid is our own.
    let r = unsafe { crate::rt::tkill(rustix::process::Pid::from_raw_unchecked(tid), s) };
    match r {
        Ok(()) => 0,
        Err(e) => fail(e, -1),
    }
}

/// For abort(): default action for `sig`, and `sig` unblocked.
pub fn set_default_and_unblock(sig: c_int) {
    if let Some(s) = signal_of(sig) {
        let act = KernelSigaction::default();
        // SAFETY: resetting to SIG_DFL; unblocking one signal.
        unsafe {
            let _ = crate::rt::kernel_sigaction(s, Some(act));
            let _ = crate::rt::kernel_sigprocmask(How::UNBLOCK, Some(&kset(1u64 << (sig - 1))));
        }
    }
}

/// C `raise`.
#[unsafe(no_mangle)]
pub extern "C" fn raise(sig: c_int) -> c_int {
    raw_raise(sig)
}

/// kill(2) through rustix.
pub fn kill_raw(pid: c_int, sig: c_int) -> c_int {
    use rustix::process::{kill_current_process_group, kill_process, kill_process_group, test_kill_process, Pid};
    if pid == -1 {
        // "Every process we may signal": rustix has no such call, so the raw
        // kill system call (header/sys/raw.rs).
        const SYS_KILL: core::ffi::c_long = 62;
        // SAFETY: kill takes two integers.
        let r = unsafe { crate::header::sys::raw::syscall6(SYS_KILL, [-1isize as usize, sig as usize, 0, 0, 0, 0]) };
        return crate::header::sys::raw::ret(r) as c_int;
    }
    let r = if sig == 0 {
        match Pid::from_raw(pid.abs()) {
            Some(p) => test_kill_process(p),
            None => Ok(()),
        }
    } else {
        let Some(s) = signal_of(sig) else {
            set_errno(22);
            return -1;
        };
        if pid > 0 {
            kill_process(Pid::from_raw(pid).unwrap(), s)
        } else if pid == 0 {
            kill_current_process_group(s)
        } else {
            kill_process_group(Pid::from_raw(-pid).unwrap(), s)
        }
    };
    match r {
        Ok(()) => 0,
        Err(e) => fail(e, -1),
    }
}

/// POSIX `pthread_sigmask` (returns the error number).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_sigmask(how: c_int, set: *const SigSet, old: *mut SigSet) -> c_int {
    let unblock = how == 1;
    let h = match how {
        0 => How::BLOCK,
        1 => How::UNBLOCK,
        2 => How::SETMASK,
        _ => return 22,
    };
    // SAFETY: set readable when not NULL.
    // SIGCANCEL stays deliverable (a blocked read must stay cancellable).
    let k = if set.is_null() {
        None
    } else {
        // SAFETY: as above.
        let b = unsafe { (*set).bits[0] };
        Some(kset(if unblock { b } else { b & !RESERVED_MASK }))
    };
    // SAFETY: changing our own mask.
    let r = unsafe {
        match &k {
            Some(k) => crate::rt::kernel_sigprocmask(h, Some(k)),
            None => crate::rt::kernel_sigprocmask(How::BLOCK, None),
        }
    };
    match r {
        Ok(prev) => {
            if !old.is_null() {
                // SAFETY: old writable.
                unsafe {
                    (*old).bits = [0; 16];
                    (*old).bits[0] = kbits(&prev);
                }
            }
            0
        }
        Err(e) => e.raw_os_error(),
    }
}

/// POSIX `sigprocmask`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigprocmask(how: c_int, set: *const SigSet, old: *mut SigSet) -> c_int {
    // SAFETY: forwarded.
    let e = unsafe { pthread_sigmask(how, set, old) };
    if e != 0 {
        set_errno(e);
        return -1;
    }
    0
}

/// POSIX `sigsuspend`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigsuspend(set: *const SigSet) -> c_int {
    // SAFETY: set readable.
    let k = kset(unsafe { (*set).bits[0] });
    match crate::thread::cancel::point(|| crate::rt::kernel_sigsuspend(&k)) {
        Ok(()) => 0,
        Err(e) => fail(e, -1),
    }
}

/// POSIX `sigpending`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigpending(set: *mut SigSet) -> c_int {
    let p = crate::rt::kernel_sigpending();
    // SAFETY: set writable.
    unsafe {
        (*set).bits = [0; 16];
        (*set).bits[0] = kbits(&p);
    }
    0
}

/// POSIX `sigaltstack`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaltstack(new: *const crate::rt::Stack, old: *mut crate::rt::Stack) -> c_int {
    // SAFETY: new readable if not NULL; stack_t is the kernel's layout.
    let n = if new.is_null() { None } else { Some(unsafe { core::ptr::read(new) }) };
    // SAFETY: installing an alternate stack is the caller's intent.
    match unsafe { crate::rt::kernel_sigaltstack(n) } {
        Ok(prev) => {
            if !old.is_null() {
                // SAFETY: old writable.
                unsafe { core::ptr::write(old, prev) };
            }
            0
        }
        Err(e) => fail(e, -1),
    }
}

fn bit(sig: c_int) -> Option<(usize, u64)> {
    if sig <= 0 || sig >= NSIG {
        set_errno(22);
        return None;
    }
    let i = (sig - 1) as usize;
    Some((i / 64, 1u64 << (i % 64)))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigemptyset(s: *mut SigSet) -> c_int {
    // SAFETY: s writable.
    unsafe { (*s).bits = [0; 16] };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigfillset(s: *mut SigSet) -> c_int {
    // SAFETY: s writable.
    unsafe {
        (*s).bits = [0; 16];
        (*s).bits[0] = !0;
    }
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigaddset(s: *mut SigSet, sig: c_int) -> c_int {
    let Some((w, b)) = bit(sig) else { return -1 };
    // SAFETY: s writable.
    unsafe { (*s).bits[w] |= b };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigdelset(s: *mut SigSet, sig: c_int) -> c_int {
    let Some((w, b)) = bit(sig) else { return -1 };
    // SAFETY: s writable.
    unsafe { (*s).bits[w] &= !b };
    0
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigismember(s: *const SigSet, sig: c_int) -> c_int {
    let Some((w, b)) = bit(sig) else { return -1 };
    // SAFETY: s readable.
    unsafe { ((*s).bits[w] & b != 0) as c_int }
}

static SIGNAMES: [&core::ffi::CStr; 32] = [
    c"Unknown signal 0", c"Hangup", c"Interrupt", c"Quit", c"Illegal instruction", c"Trace/breakpoint trap", c"Aborted",
    c"Bus error", c"Floating point exception", c"Killed", c"User defined signal 1", c"Segmentation fault",
    c"User defined signal 2", c"Broken pipe", c"Alarm clock", c"Terminated", c"Stack fault", c"Child exited",
    c"Continued", c"Stopped (signal)", c"Stopped", c"Stopped (tty input)", c"Stopped (tty output)",
    c"Urgent I/O condition", c"CPU time limit exceeded", c"File size limit exceeded", c"Virtual timer expired",
    c"Profiling timer expired", c"Window changed", c"I/O possible", c"Power failure", c"Bad system call",
];
static mut SIGNAME_BUF: [u8; 32] = [0; 32];

/// POSIX `strsignal` (glibc's texts, including "Real-time signal N").
#[unsafe(no_mangle)]
pub extern "C" fn strsignal(sig: c_int) -> *mut c_char {
    let mut text = [0u8; 32];
    let mut n = 0;
    let mut put = |b: &[u8]| {
        let m = b.len().min(31 - n);
        text[n..n + m].copy_from_slice(&b[..m]);
        n += m;
    };
    let num = |put: &mut dyn FnMut(&[u8]), v: c_int| {
        let mut d = [0u8; 12];
        let mut i = d.len();
        let mut u = v.unsigned_abs();
        loop {
            i -= 1;
            d[i] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        if v < 0 {
            i -= 1;
            d[i] = b'-';
        }
        put(&d[i..]);
    };
    match SIGNAMES.get(sig as usize) {
        // The fixed texts are constant strings (as glibc): only the numbered
        // ones share the buffer the next call overwrites.
        Some(s) if sig > 0 => return s.as_ptr() as *mut c_char,
        _ if (bsd::SIGRTMIN..=bsd::SIGRTMAX).contains(&sig) => {
            put(b"Real-time signal ");
            num(&mut put, sig - bsd::SIGRTMIN);
        }
        _ => {
            put(b"Unknown signal ");
            num(&mut put, sig);
        }
    }
    // SAFETY: a static buffer (strsignal's result may be overwritten by the next call).
    unsafe {
        let b = &raw mut SIGNAME_BUF as *mut u8;
        core::ptr::copy_nonoverlapping(text.as_ptr(), b, n);
        *b.add(n) = 0;
        b as *mut c_char
    }
}

#[allow(dead_code)]
fn _u(_: *mut c_void, _: c_ulong) -> c_ulong {
    SA_SIGINFO
}
