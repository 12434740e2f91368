//! Login sessions: `getlogin`/`getlogin_r` and `daemon`.
//!
//! The login name is found as glibc finds it: the audit login uid of
//! /proc/self/loginuid (when set) looked up in the passwd database, else the
//! user of the utmp USER_PROCESS record for the terminal on descriptor 0.
//! With neither, ENXIO (no controlling terminal).
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::thread::area::set_errno;

const ENXIO: c_int = 6;
const ENOENT: c_int = 2;
const ERANGE: c_int = 34;

/// The audit login uid, if the kernel has one for this process.
fn login_uid() -> Option<u32> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open("/proc/self/loginuid", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).ok()?;
    let mut b = [0u8; 16];
    let n = rustix::io::read(&fd, &mut b).ok()?;
    let s = core::str::from_utf8(&b[..n]).ok()?.trim();
    match s.parse::<u32>() {
        Ok(u32::MAX) | Err(_) => None,
        Ok(u) => Some(u),
    }
}

fn name_of_uid(uid: u32) -> Result<Vec<u8>, c_int> {
    let mut buf = alloc::vec![0 as c_char; 4096];
    let mut pw = core::mem::MaybeUninit::<crate::header::pwd::Passwd>::uninit();
    let mut res: *mut crate::header::pwd::Passwd = core::ptr::null_mut();
    // SAFETY: our buffers, sized as passed.
    let r = unsafe { crate::header::pwd::getpwuid_r(uid, pw.as_mut_ptr(), buf.as_mut_ptr(), buf.len(), &mut res) };
    if r != 0 {
        return Err(r);
    }
    if res.is_null() {
        return Err(ENOENT);
    }
    // SAFETY: getpwuid_r filled *res with C strings in buf.
    Ok(unsafe { CStr::from_ptr((*res).pw_name) }.to_bytes().to_vec())
}

/// The utmp user logged in on the terminal of descriptor 0.
fn name_of_tty() -> Result<Vec<u8>, c_int> {
    let mut tty = [0 as c_char; 64];
    // SAFETY: our buffer and its size.
    if unsafe { super::tty::ttyname_r(0, tty.as_mut_ptr(), tty.len()) } != 0 {
        return Err(ENXIO);
    }
    // SAFETY: ttyname_r wrote a C string.
    let tty = unsafe { CStr::from_ptr(tty.as_ptr()) }.to_bytes();
    let line = tty.strip_prefix(b"/dev/").unwrap_or(tty);
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open("/var/run/utmp", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).map_err(|e| e.raw_os_error())?;
    // glibc's x86_64 struct utmp: ut_type at 0, ut_line [32] at 8, ut_user [32] at 44.
    let mut rec = [0u8; 384];
    loop {
        match rustix::io::read(&fd, &mut rec) {
            Ok(384) => {}
            Ok(_) => return Err(ENOENT),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.raw_os_error()),
        }
        let field = |r: core::ops::Range<usize>| {
            let f = &rec[r];
            &f[..f.iter().position(|&c| c == 0).unwrap_or(f.len())]
        };
        if i16::from_ne_bytes([rec[0], rec[1]]) == 7 && field(8..40) == line {
            return Ok(field(44..76).to_vec());
        }
    }
}

fn login_name() -> Result<Vec<u8>, c_int> {
    match login_uid() {
        Some(uid) => name_of_uid(uid),
        None => name_of_tty(),
    }
}

/// POSIX `getlogin_r`: 0, or an error number (ERANGE when `size` is too small).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getlogin_r(buf: *mut c_char, size: usize) -> c_int {
    match login_name() {
        Err(e) => e,
        Ok(n) if n.len() >= size => ERANGE,
        Ok(n) => {
            // SAFETY: the caller's buffer has `size` > n.len() bytes.
            unsafe {
                core::ptr::copy_nonoverlapping(n.as_ptr(), buf.cast::<u8>(), n.len());
                *buf.add(n.len()) = 0;
            }
            0
        }
    }
}

/// POSIX `getlogin`: the name in a static buffer, or NULL with errno.
#[unsafe(no_mangle)]
pub extern "C" fn getlogin() -> *mut c_char {
    static mut NAME: [c_char; 256] = [0; 256];
    let p = core::ptr::addr_of_mut!(NAME).cast::<c_char>();
    // SAFETY: the static buffer (getlogin is not thread-safe, as POSIX allows).
    match unsafe { getlogin_r(p, 256) } {
        0 => p,
        e => {
            set_errno(e);
            core::ptr::null_mut()
        }
    }
}

/// BSD `daemon`: detaches from the terminal into a new session in the
/// background (the parent exits 0); unless `nochdir`, the working directory
/// becomes "/"; unless `noclose`, descriptors 0-2 go to /dev/null.
#[unsafe(no_mangle)]
pub extern "C" fn daemon(nochdir: c_int, noclose: c_int) -> c_int {
    // /dev/null is opened first so a failure is reported before forking.
    let null = if noclose == 0 {
        // SAFETY: a constant C string.
        let fd = unsafe { crate::header::fcntl::open(c"/dev/null".as_ptr(), 2, 0) };
        if fd < 0 {
            return -1;
        }
        Some(fd)
    } else {
        None
    };
    match super::process::fork() {
        -1 => {
            if let Some(fd) = null {
                super::close(fd);
            }
            return -1;
        }
        0 => {}
        _ => crate::header::stdlib::exit::_exit(0),
    }
    if super::process::setsid() < 0 {
        return -1;
    }
    // SAFETY: a constant C string.
    if nochdir == 0 && unsafe { super::fs::chdir(c"/".as_ptr()) } < 0 {
        return -1;
    }
    if let Some(fd) = null {
        for t in 0..3 {
            if super::dup2(fd, t) < 0 {
                return -1;
            }
        }
        if fd > 2 {
            super::close(fd);
        }
    }
    0
}
