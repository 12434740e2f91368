//! Pseudo-terminals: `posix_openpt`, `grantpt`, `unlockpt`, `ptsname(_r)`
//! (`<stdlib.h>`), `openpty`, `forkpty` (`<pty.h>`), `login_tty` (`<utmp.h>`).
//! Linux devpts: the master is `/dev/ptmx`, the slave `/dev/pts/N`.
use core::ffi::{c_char, c_int, c_ulong, c_void};
use rustix::io::Errno;

use crate::header::sys::misc::ioctl;
use crate::header::termios::{tcsetattr, Termios};
use crate::thread::area::{errno, fail, set_errno};

const TIOCGPTN: c_ulong = 0x8004_5430;
const TIOCSPTLCK: c_ulong = 0x4004_5431;
const TIOCSCTTY: c_ulong = 0x540E;
const TIOCSWINSZ: c_ulong = 0x5414;
const O_RDWR: c_int = 2;
const O_NOCTTY: c_int = 0o400;

unsafe extern "C" {
    fn open(path: *const c_char, flags: c_int, mode: core::ffi::c_uint) -> c_int;
    fn close(fd: c_int) -> c_int;
    fn dup2(a: c_int, b: c_int) -> c_int;
    fn fork() -> c_int;
    fn setsid() -> c_int;
    fn _exit(code: c_int) -> !;
}

/// POSIX `posix_openpt`: a new master; `flags` go to open() as given (glibc).
#[unsafe(no_mangle)]
pub extern "C" fn posix_openpt(flags: c_int) -> c_int {
    // SAFETY: a constant path.
    unsafe { open(c"/dev/ptmx".as_ptr(), flags, 0) }
}

fn pty_number(fd: c_int) -> Option<u32> {
    let mut n: u32 = 0;
    // SAFETY: TIOCGPTN stores an unsigned int.
    (unsafe { ioctl(fd, TIOCGPTN, (&mut n as *mut u32).cast()) } == 0).then_some(n)
}

/// POSIX `grantpt`: devpts gives the slave the right owner and mode already;
/// this only checks that `fd` is a master (EINVAL otherwise, EBADF if closed).
#[unsafe(no_mangle)]
pub extern "C" fn grantpt(fd: c_int) -> c_int {
    if pty_number(fd).is_none() {
        if errno() != Errno::BADF.raw_os_error() {
            set_errno(Errno::INVAL.raw_os_error());
        }
        return -1;
    }
    0
}

/// POSIX `unlockpt`.
#[unsafe(no_mangle)]
pub extern "C" fn unlockpt(fd: c_int) -> c_int {
    let mut unlock: c_int = 0;
    // SAFETY: TIOCSPTLCK reads an int.
    unsafe { ioctl(fd, TIOCSPTLCK, (&mut unlock as *mut c_int).cast()) }
}

/// glibc `ptsname_r`: the slave's path; returns the error number.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ptsname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int {
    let Some(n) = pty_number(fd) else {
        let e = if errno() == Errno::BADF.raw_os_error() { Errno::BADF } else { Errno::NOTTY };
        return fail(e, e.raw_os_error());
    };
    let mut path = *b"/dev/pts/\0\0\0\0\0\0\0\0\0\0\0";
    let mut digits = [0u8; 10];
    let (mut i, mut v) = (digits.len(), n);
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let d = &digits[i..];
    path[9..9 + d.len()].copy_from_slice(d);
    let total = 9 + d.len() + 1;
    if buf.is_null() || len < total {
        return fail(Errno::RANGE, Errno::RANGE.raw_os_error());
    }
    // SAFETY: buf has len >= total bytes.
    unsafe { core::ptr::copy_nonoverlapping(path.as_ptr(), buf.cast::<u8>(), total) };
    0
}

static mut PTSNAME: [c_char; 32] = [0; 32];

/// POSIX `ptsname` (static buffer).
#[unsafe(no_mangle)]
pub extern "C" fn ptsname(fd: c_int) -> *mut c_char {
    let buf = core::ptr::addr_of_mut!(PTSNAME).cast::<c_char>();
    // SAFETY: the documented static result buffer, 32 bytes.
    if unsafe { ptsname_r(fd, buf, 32) } != 0 { core::ptr::null_mut() } else { buf }
}

/// BSD `openpty`: a master/slave pair, optionally named and configured.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn openpty(master: *mut c_int, slave: *mut c_int, name: *mut c_char, t: *const Termios, ws: *const [u16; 4]) -> c_int {
    let m = posix_openpt(O_RDWR | O_NOCTTY);
    if m < 0 {
        return -1;
    }
    let mut path = [0 as c_char; 32];
    // SAFETY: path is ours, 32 bytes.
    if grantpt(m) < 0 || unlockpt(m) < 0 || unsafe { ptsname_r(m, path.as_mut_ptr(), 32) } != 0 {
        // SAFETY: closing our own descriptor; keep the first error.
        let e = errno();
        unsafe { close(m) };
        set_errno(e);
        return -1;
    }
    // SAFETY: path is a C string.
    let s = unsafe { open(path.as_ptr(), O_RDWR | O_NOCTTY, 0) };
    if s < 0 {
        let e = errno();
        // SAFETY: our own descriptor.
        unsafe { close(m) };
        set_errno(e);
        return -1;
    }
    // SAFETY: t/ws are NULL or valid structs (C contract).
    unsafe {
        if !t.is_null() {
            tcsetattr(s, 0, t);
        }
        if !ws.is_null() {
            ioctl(s, TIOCSWINSZ, ws.cast_mut().cast::<c_void>());
        }
        if !name.is_null() {
            // BSD API: the caller's buffer is assumed large enough.
            let n = path.iter().position(|&c| c == 0).unwrap_or(31);
            core::ptr::copy_nonoverlapping(path.as_ptr(), name, n + 1);
        }
        *master = m;
        *slave = s;
    }
    0
}

/// BSD `login_tty`: new session with `fd` as controlling terminal and stdio.
#[unsafe(no_mangle)]
pub extern "C" fn login_tty(fd: c_int) -> c_int {
    // SAFETY: plain descriptor calls on the caller's terminal.
    unsafe {
        setsid();
        if ioctl(fd, TIOCSCTTY, core::ptr::null_mut()) < 0 {
            return -1;
        }
        for std in 0..3 {
            if dup2(fd, std) < 0 {
                return -1;
            }
        }
        if fd > 2 {
            close(fd);
        }
    }
    0
}

/// BSD `forkpty`: openpty + fork; the child's stdio and controlling terminal
/// are the slave. Returns the child's pid (parent) or 0 (child).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn forkpty(master: *mut c_int, name: *mut c_char, t: *const Termios, ws: *const [u16; 4]) -> c_int {
    let (mut m, mut s) = (-1, -1);
    // SAFETY: forwards the caller's pointers; m and s are ours.
    if unsafe { openpty(&mut m, &mut s, name, t, ws) } < 0 {
        return -1;
    }
    // SAFETY: fork/close/_exit on our own descriptors.
    unsafe {
        match fork() {
            -1 => {
                let e = errno();
                close(m);
                close(s);
                set_errno(e);
                -1
            }
            0 => {
                close(m);
                if login_tty(s) < 0 {
                    _exit(1);
                }
                0
            }
            pid => {
                close(s);
                *master = m;
                pid
            }
        }
    }
}
