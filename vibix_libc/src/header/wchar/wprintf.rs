//! The wprintf family. The wide format is encoded as UTF-8 (any 31-bit value,
//! `fmt::mb::put_utf8`) and run through the printf engine in wide mode; the
//! sinks decode that back into wide characters: into a `wchar_t` buffer
//! (swprintf) or, encoded in the locale's multibyte encoding, onto a stream.
use alloc::vec::Vec;
use core::ffi::c_int;

use super::mbconv::{Wchar, EILSEQ};
use super::stdio::putwc_locked;
use crate::fmt::mb::{get_utf8_any, put_utf8};
use crate::fmt::printf::{format_wide, Sink};
use crate::header::stdio::file::{stdout, File, FileLock};
use crate::header::stdio::printf::VaArgs;
use crate::thread::area::set_errno;
use crate::va::{variadic, VaList, VaPtr};

/// The wide string `s` as internal UTF-8 (None: out of memory).
pub unsafe fn wide_to_internal(s: *const Wchar) -> Option<Vec<u8>> {
    let mut v = Vec::new();
    let mut p = s;
    // SAFETY: s is a wide C string.
    unsafe {
        while *p != 0 {
            let mut buf = [0u8; 8];
            let n = put_utf8(*p as u32, &mut buf);
            v.try_reserve(n).ok()?;
            v.extend_from_slice(&buf[..n]);
            p = p.add(1);
        }
    }
    Some(v)
}

/// Decodes internal UTF-8 chunks into wide characters (a character may
/// arrive split over two chunks).
struct Decoder {
    pend: [u8; 8],
    n: usize,
}

impl Decoder {
    fn feed(&mut self, b: &[u8], mut out: impl FnMut(u32) -> bool) -> bool {
        let mut i = 0;
        while i < b.len() {
            if self.n > 0 || (b[i] >= 0x80 && b.len() - i < need(b[i])) {
                self.pend[self.n] = b[i];
                self.n += 1;
                i += 1;
                if self.n == need(self.pend[0]) {
                    let (w, _) = get_utf8_any(&self.pend[..self.n]);
                    self.n = 0;
                    if !out(w) {
                        return false;
                    }
                }
                continue;
            }
            let (w, k) = get_utf8_any(&b[i..]);
            i += k;
            if !out(w) {
                return false;
            }
        }
        true
    }
}

fn need(lead: u8) -> usize {
    match lead.leading_ones() {
        2..=6 => lead.leading_ones() as usize,
        _ => 1,
    }
}

/// Into a wchar_t buffer of `cap` slots (one kept for the NUL).
struct WBufSink {
    p: *mut Wchar,
    cap: usize,
    len: usize,
    overflow: bool,
    dec: Decoder,
}
impl Sink for WBufSink {
    fn put(&mut self, b: &[u8]) -> bool {
        let (p, cap) = (self.p, self.cap);
        let len = &mut self.len;
        let overflow = &mut self.overflow;
        self.dec.feed(b, |w| {
            if *len + 1 >= cap {
                *overflow = true;
                return true;
            }
            // SAFETY: len + 1 < cap slots of the caller's buffer.
            unsafe { *p.add(*len) = w as Wchar };
            *len += 1;
            true
        })
    }
}

/// Onto a locked stream, each character in the locale's encoding.
struct WFileSink {
    f: *mut File,
    dec: Decoder,
    eilseq: bool,
}
impl Sink for WFileSink {
    fn put(&mut self, b: &[u8]) -> bool {
        let f = self.f;
        let eilseq = &mut self.eilseq;
        self.dec.feed(b, |w| {
            // SAFETY: the stream is live and locked by vfwprintf.
            if unsafe { putwc_locked(w as Wchar, f) } == super::mbconv::WEOF {
                *eilseq = crate::thread::area::errno() == EILSEQ;
                return false;
            }
            true
        })
    }
}

fn finish(n: usize, failed: bool) -> c_int {
    if failed {
        return -1;
    }
    if n > c_int::MAX as usize {
        set_errno(75); // EOVERFLOW
        return -1;
    }
    n as c_int
}

/// C `vfwprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfwprintf(f: *mut File, fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: fmt is a wide C string.
    let Some(fm) = (unsafe { wide_to_internal(fmt) }) else {
        set_errno(12);
        return -1;
    };
    let _l = FileLock::new(f);
    let mut sink = WFileSink { f, dec: Decoder { pend: [0; 8], n: 0 }, eilseq: false };
    let (n, failed) = format_wide(&fm, &mut VaArgs(VaList(ap)), &mut sink);
    finish(n, failed)
}

/// C `vwprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vwprintf(fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: forwarded; stdout is live.
    unsafe { vfwprintf(stdout, fmt, ap) }
}

/// C `vswprintf`: fails (-1) if the output does not fit in `n` wide characters.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vswprintf(buf: *mut Wchar, n: usize, fmt: *const Wchar, ap: VaPtr) -> c_int {
    // SAFETY: fmt is a wide C string.
    let Some(fm) = (unsafe { wide_to_internal(fmt) }) else {
        set_errno(12);
        return -1;
    };
    let mut sink = WBufSink { p: buf, cap: n, len: 0, overflow: false, dec: Decoder { pend: [0; 8], n: 0 } };
    let (count, failed) = format_wide(&fm, &mut VaArgs(VaList(ap)), &mut sink);
    if n > 0 {
        // SAFETY: len < n.
        unsafe { *buf.add(sink.len) = 0 };
    }
    if sink.overflow || n == 0 {
        set_errno(75); // EOVERFLOW (glibc: E2BIG is not used either)
        return -1;
    }
    finish(count, failed)
}

variadic!(wprintf => vwprintf, 1);
variadic!(fwprintf => vfwprintf, 2);
variadic!(swprintf => vswprintf, 3);
