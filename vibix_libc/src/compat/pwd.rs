//! `<pwd.h>`: `getpwuid_r`/`getpwnam_r` over `/etc/passwd` (no NSS). std uses
//! `getpwuid_r` for `home_dir()` when `$HOME` is unset.

use core::ffi::{c_char, c_int, c_uint, CStr};

use static_assertions::const_assert_eq;

use super::files;

const ERANGE: c_int = 34;

/// glibc's `struct passwd`.
#[repr(C)]
pub struct Passwd {
    pw_name: *mut c_char,
    pw_passwd: *mut c_char,
    pw_uid: c_uint,
    pw_gid: c_uint,
    pw_gecos: *mut c_char,
    pw_dir: *mut c_char,
    pw_shell: *mut c_char,
}
const_assert_eq!(core::mem::size_of::<Passwd>(), 48);

fn num(b: &[u8]) -> Option<c_uint> {
    core::str::from_utf8(b).ok()?.parse().ok()
}

/// Finds the first entry `matches` accepts and copies it into the caller's
/// `pwd`/`buf`. Returns the C result code (0 or ERANGE; 0 + NULL when absent).
unsafe fn lookup(matches: impl Fn(&[u8], c_uint) -> bool, pwd: *mut Passwd, buf: *mut c_char, buflen: usize, result: *mut *mut Passwd) -> c_int {
    // SAFETY: `result` is a valid out pointer (C contract).
    unsafe { *result = core::ptr::null_mut() };
    let Some(data) = files::read_small(c"/etc/passwd") else { return 0 };
    for line in files::lines(&data) {
        let f: alloc::vec::Vec<&[u8]> = line.split(|&b| b == b':').collect();
        if f.len() != 7 {
            continue;
        }
        let (Some(uid), Some(gid)) = (num(f[2]), num(f[3])) else { continue };
        if !matches(f[0], uid) {
            continue;
        }
        let need: usize = [0, 1, 4, 5, 6].iter().map(|&i| f[i].len() + 1).sum();
        if need > buflen {
            return ERANGE;
        }
        let mut at = 0;
        let mut put = |s: &[u8]| {
            // SAFETY: `need <= buflen` bytes are writable at `buf`.
            unsafe {
                let dst = buf.add(at);
                core::ptr::copy_nonoverlapping(s.as_ptr(), dst.cast::<u8>(), s.len());
                *dst.add(s.len()) = 0;
                at += s.len() + 1;
                dst
            }
        };
        let entry = Passwd {
            pw_name: put(f[0]),
            pw_passwd: put(f[1]),
            pw_uid: uid,
            pw_gid: gid,
            pw_gecos: put(f[4]),
            pw_dir: put(f[5]),
            pw_shell: put(f[6]),
        };
        // SAFETY: `pwd` and `result` are valid (C contract).
        unsafe {
            pwd.write(entry);
            *result = pwd;
        }
        return 0;
    }
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwuid_r(uid: c_uint, pwd: *mut Passwd, buf: *mut c_char, buflen: usize, result: *mut *mut Passwd) -> c_int {
    // SAFETY: forwards the caller's buffers.
    unsafe { lookup(|_, u| u == uid, pwd, buf, buflen, result) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwnam_r(name: *const c_char, pwd: *mut Passwd, buf: *mut c_char, buflen: usize, result: *mut *mut Passwd) -> c_int {
    // SAFETY: C string from the caller.
    let name = unsafe { CStr::from_ptr(name) }.to_bytes();
    // SAFETY: forwards the caller's buffers.
    unsafe { lookup(|n, _| n == name, pwd, buf, buflen, result) }
}
