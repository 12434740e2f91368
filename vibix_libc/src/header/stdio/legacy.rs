//! Old `<stdio.h>` interfaces: `getw`/`putw` (an int in binary), the
//! `*_unlocked` fread/fwrite (the stream lock is recursive, so holding it is
//! no obstacle), `ctermid` and `cuserid`.
use core::ffi::{c_char, c_int, c_void, CStr};

use super::file::File;
use super::io::{fread, fwrite};

const EOF: c_int = -1;

/// SVID `getw`: the next int of the stream, EOF at end or on error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getw(f: *mut File) -> c_int {
    let mut w: c_int = 0;
    // SAFETY: f is an open stream; w has sizeof(int) bytes.
    if unsafe { fread((&mut w as *mut c_int).cast(), core::mem::size_of::<c_int>(), 1, f) } == 1 { w } else { EOF }
}

/// SVID `putw`: writes the int's bytes; 0, or EOF on error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putw(w: c_int, f: *mut File) -> c_int {
    // SAFETY: f is an open stream; w has sizeof(int) bytes.
    if unsafe { fwrite((&w as *const c_int).cast(), core::mem::size_of::<c_int>(), 1, f) } == 1 { 0 } else { EOF }
}

/// GNU `fread_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fread_unlocked(p: *mut c_void, size: usize, n: usize, f: *mut File) -> usize {
    // SAFETY: the same contract as fread.
    unsafe { fread(p, size, n, f) }
}

/// GNU `fwrite_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwrite_unlocked(p: *const c_void, size: usize, n: usize, f: *mut File) -> usize {
    // SAFETY: the same contract as fwrite.
    unsafe { fwrite(p, size, n, f) }
}

/// POSIX `ctermid`: the controlling terminal's name, "/dev/tty".
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ctermid(s: *mut c_char) -> *mut c_char {
    static mut BUF: [c_char; 9] = [0; 9];
    // SAFETY: s is NULL or has L_ctermid (9) bytes; else the static buffer.
    unsafe {
        let out = if s.is_null() { core::ptr::addr_of_mut!(BUF).cast::<c_char>() } else { s };
        core::ptr::copy_nonoverlapping(c"/dev/tty".as_ptr(), out, 9);
        out
    }
}

/// Legacy `cuserid`: the effective user's name (at most L_cuserid - 1 = 8
/// bytes) in `s` or a static buffer; "" in `s` (NULL without one) if unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cuserid(s: *mut c_char) -> *mut c_char {
    const L_CUSERID: usize = 9;
    static mut BUF: [c_char; L_CUSERID] = [0; L_CUSERID];
    let mut buf = alloc::vec![0 as c_char; 4096];
    let mut pw = core::mem::MaybeUninit::<crate::header::pwd::Passwd>::uninit();
    let mut res: *mut crate::header::pwd::Passwd = core::ptr::null_mut();
    let uid = rustix::process::geteuid().as_raw();
    // SAFETY: our buffers with their sizes.
    let r = unsafe { crate::header::pwd::getpwuid_r(uid, pw.as_mut_ptr(), buf.as_mut_ptr(), buf.len(), &mut res) };
    // SAFETY: s is NULL or has L_cuserid bytes; else the static buffer.
    unsafe {
        if r != 0 || res.is_null() {
            if !s.is_null() {
                *s = 0;
            }
            return s;
        }
        let out = if s.is_null() { core::ptr::addr_of_mut!(BUF).cast::<c_char>() } else { s };
        let name = CStr::from_ptr((*res).pw_name).to_bytes();
        let n = name.len().min(L_CUSERID - 1);
        core::ptr::copy_nonoverlapping(name.as_ptr().cast::<c_char>(), out, n);
        *out.add(n) = 0;
        out
    }
}
