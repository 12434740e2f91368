//! Old `<stdio.h>` interfaces: `getw`/`putw` (an int in binary), the
//! `*_unlocked` fread/fwrite (the stream lock is recursive, so holding it is
//! no obstacle), `ctermid`, `cuserid`, `gets` (removed by C11, kept for the
//! ABI), BSD's `fgetln` and `fpurge`.
use core::ffi::{c_char, c_int, c_void, CStr};

use super::file::{take_run, File, FileLock, F_ERR};
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

/// C89 `gets`: the next line of stdin without its newline. It cannot know the
/// buffer's size, which is why C11 removed it; <stdio.h> declares it only
/// before C11, as glibc does. NULL at end of file with nothing read, or on a
/// read error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gets(s: *mut c_char) -> *mut c_char {
    // SAFETY: stdin is the static standard input stream.
    let f = unsafe { super::file::stdin };
    let _l = FileLock::new(f);
    let mut i = 0usize;
    // SAFETY: the caller's buffer holds the line (the contract gets cannot
    // check); f is live and locked.
    unsafe {
        while let Some((p, len, found)) = take_run(f, b'\n', usize::MAX) {
            let keep = if found { len - 1 } else { len };
            core::ptr::copy_nonoverlapping(p, s.add(i).cast::<u8>(), keep);
            i += keep;
            if found {
                *s.add(i) = 0;
                return s;
            }
        }
        if i == 0 || (*f).flags & F_ERR != 0 {
            return core::ptr::null_mut();
        }
        *s.add(i) = 0;
    }
    s
}

/// BSD `fgetln`: the next line, newline included (none before end of file),
/// with its length in `*len`; not NUL-terminated and valid until the next
/// operation on `f`. NULL at end of file or on error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetln(f: *mut File, len: *mut usize) -> *mut c_char {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked (the recursive lock lets getline take it
    // again); its line buffer is NULL or a malloc'd block of line_cap bytes.
    unsafe {
        let line = &raw mut (*f).line;
        let n = super::io::getline(line.cast::<*mut c_char>(), &raw mut (*f).line_cap, f);
        if n < 0 {
            return core::ptr::null_mut();
        }
        *len = n as usize;
        (*f).line.cast::<c_char>()
    }
}

/// BSD `fpurge`: discards buffered input and output (glibc's `__fpurge`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fpurge(f: *mut File) -> c_int {
    // SAFETY: the same contract as __fpurge.
    unsafe { super::ext::__fpurge(f) }
}
