//! The flat-file databases behind `<pwd.h>`, `<grp.h>` and `<shadow.h>`:
//! colon-separated lines read whole (no NSS), packing entries into the
//! caller's buffer (`*_r`) or a per-database static one, and the
//! `set*ent`/`get*ent`/`end*ent` cursor.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int};

use crate::compat::files::read_small;
use crate::header::stdio::file::File;

/// Splits `line` into exactly `N` colon-separated fields.
pub fn fields<const N: usize>(line: &[u8]) -> Option<[&[u8]; N]> {
    let mut out = [&line[..0]; N];
    let mut it = line.split(|&b| b == b':');
    for f in out.iter_mut() {
        *f = it.next()?;
    }
    it.next().is_none().then_some(out)
}

/// A decimal id field (uid/gid).
pub fn id(b: &[u8]) -> Option<u32> {
    core::str::from_utf8(b).ok()?.parse().ok()
}

/// Database lines (no trailing newline; blank and `#` lines skipped).
pub fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    data.split(|&b| b == b'\n').filter(|l| !l.is_empty() && l[0] != b'#')
}

/// Places strings (and pointer arrays) into a caller-supplied buffer.
pub struct Packer {
    buf: *mut u8,
    len: usize,
    at: usize,
}

impl Packer {
    /// # Safety
    /// `buf` must have `len` writable bytes for the packer's lifetime.
    pub unsafe fn new(buf: *mut c_char, len: usize) -> Packer {
        Packer { buf: buf.cast(), len, at: 0 }
    }

    /// Copies `s` plus a NUL; None when it does not fit.
    pub fn str(&mut self, s: &[u8]) -> Option<*mut c_char> {
        if self.len - self.at < s.len() + 1 {
            return None;
        }
        // SAFETY: at + s.len() + 1 <= len bytes are writable (new's contract).
        unsafe {
            let dst = self.buf.add(self.at);
            core::ptr::copy_nonoverlapping(s.as_ptr(), dst, s.len());
            *dst.add(s.len()) = 0;
            self.at += s.len() + 1;
            Some(dst.cast())
        }
    }

    /// Reserves an aligned array of `n` pointers.
    pub fn ptrs(&mut self, n: usize) -> Option<*mut *mut c_char> {
        let align = core::mem::align_of::<*mut c_char>();
        let start = (self.buf as usize + self.at).next_multiple_of(align) - self.buf as usize;
        let bytes = n.checked_mul(core::mem::size_of::<*mut c_char>())?;
        if start > self.len || self.len - start < bytes {
            return None;
        }
        self.at = start + bytes;
        // SAFETY: in bounds and aligned, checked above.
        Some(unsafe { self.buf.add(start) }.cast())
    }
}

/// Storage for the non-reentrant calls (getpwnam, getgrent, ...): grows as
/// needed, overwritten by the next call on the same database.
pub struct Static {
    buf: Vec<u8>,
}

impl Static {
    pub const fn new() -> Static {
        Static { buf: Vec::new() }
    }
    /// Runs `fill` (an `*_r` body returning 0 or ERANGE) with a buffer large
    /// enough, growing it on ERANGE.
    pub fn with(&mut self, mut fill: impl FnMut(*mut c_char, usize) -> c_int) -> c_int {
        if self.buf.is_empty() {
            self.buf.resize(1024, 0);
        }
        loop {
            let r = fill(self.buf.as_mut_ptr().cast(), self.buf.len());
            if r != ERANGE || self.buf.len() > 1 << 24 {
                return r;
            }
            let n = self.buf.len() * 2;
            self.buf.resize(n, 0);
        }
    }
}

pub const ERANGE: c_int = 34;

/// The enumeration cursor of one database file.
pub struct Cursor {
    data: Option<Vec<u8>>,
    pos: usize,
}

impl Cursor {
    pub const fn new() -> Cursor {
        Cursor { data: None, pos: 0 }
    }
    pub fn rewind(&mut self) {
        self.data = None;
        self.pos = 0;
    }
    /// The next line accepted by `ok`, reading `path` on first use.
    pub fn next(&mut self, path: &core::ffi::CStr, ok: impl Fn(&[u8]) -> bool) -> Option<Vec<u8>> {
        if self.data.is_none() {
            self.data = Some(read_small(path)?);
            self.pos = 0;
        }
        let data = self.data.as_ref()?;
        while self.pos < data.len() {
            let end = data[self.pos..].iter().position(|&b| b == b'\n').map_or(data.len(), |i| self.pos + i);
            let line = &data[self.pos..end];
            self.pos = end + 1;
            if !line.is_empty() && line[0] != b'#' && ok(line) {
                return Some(line.to_vec());
            }
        }
        None
    }
}

/// The next line from a C stream (fgetpwent & co.), newline removed.
pub unsafe fn stream_line(f: *mut File, ok: impl Fn(&[u8]) -> bool) -> Option<Vec<u8>> {
    let mut p: *mut c_char = core::ptr::null_mut();
    let mut cap = 0usize;
    let mut out = None;
    loop {
        // SAFETY: getline with our own (growing) buffer on the caller's stream.
        let n = unsafe { crate::header::stdio::io::getline(&mut p, &mut cap, f) };
        if n < 0 {
            break;
        }
        // SAFETY: getline returned n bytes at p.
        let mut l = unsafe { core::slice::from_raw_parts(p.cast::<u8>(), n as usize) };
        if l.last() == Some(&b'\n') {
            l = &l[..l.len() - 1];
        }
        if !l.is_empty() && l[0] != b'#' && ok(l) {
            out = Some(l.to_vec());
            break;
        }
    }
    // SAFETY: p came from getline's malloc (or is NULL).
    unsafe { crate::header::stdlib::malloc::free(p.cast()) };
    out
}

/// Writes `line` to a C stream (putpwent & co.); 0 or -1.
pub unsafe fn stream_put(f: *mut File, line: &[u8]) -> c_int {
    let mut v = Vec::with_capacity(line.len() + 1);
    v.extend_from_slice(line);
    v.push(0);
    // SAFETY: v is a C string; f is the caller's stream.
    if unsafe { crate::header::stdio::io::fputs(v.as_ptr().cast(), f) } < 0 { -1 } else { 0 }
}

/// The bytes of a C string field (NULL as empty).
pub unsafe fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        return b"";
    }
    // SAFETY: p is a C string (C contract).
    unsafe { core::ffi::CStr::from_ptr(p) }.to_bytes()
}

/// Appends the decimal form of `v`.
pub fn push_num(out: &mut Vec<u8>, v: i64) {
    let mut b = [0u8; 24];
    let mut i = b.len();
    let mut u = v.unsigned_abs();
    loop {
        i -= 1;
        b[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if v < 0 {
        i -= 1;
        b[i] = b'-';
    }
    out.extend_from_slice(&b[i..]);
}
