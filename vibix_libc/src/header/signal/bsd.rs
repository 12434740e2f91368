//! Process-group signals, the System V/BSD signal calls (`sighold`, `sigset`,
//! `siginterrupt`, ...), glibc's signal-set operations and messages.
use core::ffi::{c_char, c_int, CStr};
use rustix::io::Errno;

use super::{sigaction, sigprocmask, SigAction, SigSet};
use crate::thread::area::fail;

/// First and last real-time signal. glibc keeps 32 and 33 for itself and
/// programs compare against its numbers, so ours start at 34 too.
pub const SIGRTMIN: c_int = 34;
pub const SIGRTMAX: c_int = 64;
const SA_RESTART: c_int = 0x1000_0000;
const SIG_HOLD: usize = 2;
const SIG_ERR: usize = !0;

#[unsafe(no_mangle)]
pub extern "C" fn __libc_current_sigrtmin() -> c_int {
    SIGRTMIN
}
#[unsafe(no_mangle)]
pub extern "C" fn __libc_current_sigrtmax() -> c_int {
    SIGRTMAX
}

/// POSIX `killpg`: `sig` to every process of group `pgrp` (0: our own).
#[unsafe(no_mangle)]
pub extern "C" fn killpg(pgrp: c_int, sig: c_int) -> c_int {
    if pgrp < 0 {
        return fail(Errno::INVAL, -1);
    }
    super::kill_raw(-pgrp, sig)
}

fn empty() -> SigSet {
    SigSet { bits: [0; 16] }
}

fn one(sig: c_int) -> Option<SigSet> {
    let mut s = empty();
    // SAFETY: s is ours.
    (unsafe { super::sigaddset(&mut s, sig) } == 0).then_some(s)
}

fn mask_one(how: c_int, sig: c_int) -> c_int {
    let Some(s) = one(sig) else { return -1 };
    // SAFETY: s is ours; no old mask wanted.
    unsafe { sigprocmask(how, &s, core::ptr::null_mut()) }
}

/// XSI `sighold`: adds `sig` to the signal mask.
#[unsafe(no_mangle)]
pub extern "C" fn sighold(sig: c_int) -> c_int {
    mask_one(0, sig)
}

/// XSI `sigrelse`: removes `sig` from the signal mask.
#[unsafe(no_mangle)]
pub extern "C" fn sigrelse(sig: c_int) -> c_int {
    mask_one(1, sig)
}

fn set_handler(sig: c_int, handler: usize, flags: c_int, old: Option<&mut SigAction>) -> c_int {
    let act = SigAction { handler, mask: empty(), flags, restorer: 0 };
    let old = old.map_or(core::ptr::null_mut(), |o| o as *mut SigAction);
    // SAFETY: act is ours, old is NULL or ours.
    unsafe { sigaction(sig, &act, old) }
}

/// XSI `sigignore`: sets the disposition to SIG_IGN.
#[unsafe(no_mangle)]
pub extern "C" fn sigignore(sig: c_int) -> c_int {
    set_handler(sig, 1, 0, None)
}

/// XSI `sigpause`: removes `sig` from the mask and waits for a signal.
#[unsafe(no_mangle)]
pub extern "C" fn sigpause(sig: c_int) -> c_int {
    let mut m = empty();
    // SAFETY: reading our own mask into m.
    unsafe { sigprocmask(0, core::ptr::null(), &mut m) };
    // SAFETY: m is ours.
    if unsafe { super::sigdelset(&mut m, sig) } < 0 {
        return -1;
    }
    // SAFETY: m is ours.
    unsafe { super::sigsuspend(&m) }
}

/// XSI `sigset`: like `signal` (System V semantics), with SIG_HOLD adding
/// `sig` to the mask; returns SIG_HOLD if it was blocked before.
#[unsafe(no_mangle)]
pub extern "C" fn sigset(sig: c_int, handler: usize) -> usize {
    let Some(s) = one(sig) else { return SIG_ERR };
    let mut oldmask = empty();
    let mut old = SigAction { handler: 0, mask: empty(), flags: 0, restorer: 0 };
    let r = if handler == SIG_HOLD {
        // SAFETY: reading the current action (act NULL) into old.
        let a = unsafe { sigaction(sig, core::ptr::null(), &mut old) };
        // SAFETY: s and oldmask are ours.
        a | unsafe { sigprocmask(0, &s, &mut oldmask) }
    } else {
        // SAFETY: s and oldmask are ours.
        set_handler(sig, handler, 0, Some(&mut old)) | unsafe { sigprocmask(1, &s, &mut oldmask) }
    };
    if r < 0 {
        return SIG_ERR;
    }
    // SAFETY: oldmask is ours.
    if unsafe { super::sigismember(&oldmask, sig) } == 1 { SIG_HOLD } else { old.handler }
}

/// The BSD name of `signal` (BSD semantics, as ours are).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bsd_signal(sig: c_int, handler: usize) -> usize {
    // SAFETY: same contract as signal().
    unsafe { super::signal(sig, handler) }
}

/// XSI `siginterrupt`: whether `sig` interrupts system calls (clears SA_RESTART).
#[unsafe(no_mangle)]
pub extern "C" fn siginterrupt(sig: c_int, flag: c_int) -> c_int {
    let mut a = SigAction { handler: 0, mask: empty(), flags: 0, restorer: 0 };
    // SAFETY: reading the current action into a.
    if unsafe { sigaction(sig, core::ptr::null(), &mut a) } < 0 {
        return -1;
    }
    if flag != 0 {
        a.flags &= !SA_RESTART;
    } else {
        a.flags |= SA_RESTART;
    }
    // SAFETY: re-installing the same action with new flags.
    unsafe { sigaction(sig, &a, core::ptr::null_mut()) }
}

/// glibc `sigisemptyset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigisemptyset(s: *const SigSet) -> c_int {
    // SAFETY: s is a sigset_t.
    unsafe { (*s).bits.iter().all(|&w| w == 0) as c_int }
}

/// glibc `sigandset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigandset(d: *mut SigSet, a: *const SigSet, b: *const SigSet) -> c_int {
    // SAFETY: all three are sigset_t (may alias: read before writing each word).
    unsafe {
        for i in 0..16 {
            (*d).bits[i] = (*a).bits[i] & (*b).bits[i];
        }
    }
    0
}

/// glibc `sigorset`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigorset(d: *mut SigSet, a: *const SigSet, b: *const SigSet) -> c_int {
    // SAFETY: as sigandset.
    unsafe {
        for i in 0..16 {
            (*d).bits[i] = (*a).bits[i] | (*b).bits[i];
        }
    }
    0
}

/// `prefix: description\n` (or just the description) on stderr, in one write.
unsafe fn message(prefix: *const c_char, desc: &[u8]) {
    let mut out = alloc::vec::Vec::with_capacity(desc.len() + 64);
    if !prefix.is_null() {
        // SAFETY: prefix is a C string (C contract).
        let p = unsafe { CStr::from_ptr(prefix) }.to_bytes();
        if !p.is_empty() {
            out.extend_from_slice(p);
            out.extend_from_slice(b": ");
        }
    }
    out.extend_from_slice(desc);
    out.push(b'\n');
    crate::header::unistd::write_all(2, &out);
}

/// POSIX `psignal`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn psignal(sig: c_int, s: *const c_char) {
    // SAFETY: strsignal returns a C string.
    let d = unsafe { CStr::from_ptr(super::strsignal(sig)) }.to_bytes();
    // SAFETY: s is NULL or a C string.
    unsafe { message(s, d) }
}

/// POSIX `psiginfo`: the signal's description (the rest of siginfo is not printed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn psiginfo(info: *const c_int, s: *const c_char) {
    // SAFETY: info points at a siginfo_t whose first field is si_signo.
    unsafe { psignal(*info, s) }
}
