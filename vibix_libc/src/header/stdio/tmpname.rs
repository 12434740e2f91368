//! `tmpnam`/`tempnam`: names of files that did not exist when checked (racy
//! by design; mkstemp/tmpfile are the safe forms). The names have glibc's
//! shape: `<dir>/<prefix>XXXXXX`, prefix "file" by default.
use alloc::vec::Vec;
use core::ffi::{c_char, CStr};
use core::ptr::null_mut;

use crate::header::stdlib::misc::mktemp;

const L_TMPNAM: usize = 20;
const P_TMPDIR: &[u8] = b"/tmp";

fn is_dir(p: &[u8]) -> bool {
    let Ok(c) = alloc::ffi::CString::new(p) else { return false };
    rustix::fs::stat(&*c).is_ok_and(|st| rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::Directory)
}

/// `dir/pfxXXXXXX` made unique by mktemp, NUL-terminated; None (errno set) when
/// no free name was found.
fn unique(dir: &[u8], pfx: &[u8]) -> Option<Vec<u8>> {
    let mut dir = dir;
    while dir.len() > 1 && dir.ends_with(b"/") {
        dir = &dir[..dir.len() - 1];
    }
    let mut t = Vec::with_capacity(dir.len() + pfx.len() + 8);
    t.extend_from_slice(dir);
    t.push(b'/');
    t.extend_from_slice(pfx);
    t.extend_from_slice(b"XXXXXX\0");
    // SAFETY: t is a writable NUL-terminated template ending in six X.
    unsafe { mktemp(t.as_mut_ptr().cast()) };
    (t[0] != 0).then_some(t)
}

/// C `tmpnam(s)`: a fresh name in P_tmpdir, written to `s` (L_tmpnam bytes)
/// or to a static buffer; NULL when none could be found.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tmpnam(s: *mut c_char) -> *mut c_char {
    static mut BUF: [c_char; L_TMPNAM] = [0; L_TMPNAM];
    let Some(name) = unique(P_TMPDIR, b"file") else { return null_mut() };
    // SAFETY: s is NULL or has L_tmpnam bytes (the name needs 16); else ours.
    unsafe {
        let out = if s.is_null() { (&raw mut BUF).cast::<c_char>() } else { s };
        core::ptr::copy_nonoverlapping(name.as_ptr().cast::<c_char>(), out, name.len());
        out
    }
}

/// XSI `tempnam(dir, pfx)`: a malloc'd fresh name in the first directory of
/// `$TMPDIR`, `dir`, P_tmpdir, "/tmp" that exists; the prefix is at most 5
/// bytes (default "file").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tempnam(dir: *const c_char, pfx: *const c_char) -> *mut c_char {
    // SAFETY: dir and pfx are NULL or C strings; getenv's result likewise.
    let (env, dir, pfx) = unsafe {
        let env = crate::header::stdlib::env::getenv(c"TMPDIR".as_ptr());
        let b = |p: *const c_char| (!p.is_null()).then(|| CStr::from_ptr(p).to_bytes());
        (b(env), b(dir), b(pfx))
    };
    let pfx = match pfx {
        Some(p) if !p.is_empty() => &p[..p.len().min(5)],
        _ => b"file",
    };
    let Some(d) = [env, dir, Some(P_TMPDIR), Some(b"/tmp")].into_iter().flatten().find(|d| !d.is_empty() && is_dir(d)) else {
        crate::thread::area::set_errno(2); // ENOENT: no usable directory
        return null_mut();
    };
    let Some(name) = unique(d, pfx) else { return null_mut() };
    let p = crate::header::stdlib::malloc::malloc(name.len()) as *mut c_char;
    if !p.is_null() {
        // SAFETY: p has name.len() bytes.
        unsafe { core::ptr::copy_nonoverlapping(name.as_ptr().cast::<c_char>(), p, name.len()) };
    }
    p
}
