//! The printf family: variadic trampolines (va.rs) into `v*` functions, which
//! run the engine in `fmt::printf` with a `va_list` argument source.
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use super::file::{write_bytes, File, FileLock};
use crate::fmt::printf::{format, Args, Len, Sink};
use crate::header::stdlib::malloc::{free, malloc, realloc};
use crate::header::string::str::{strlen, strnlen};
use crate::va::{variadic, VaList, VaPtr};

/// Arguments from a C `va_list`.
pub struct VaArgs(pub VaList);

impl Args for VaArgs {
    fn int(&mut self) -> u64 {
        self.0.gp()
    }
    fn double(&mut self) -> f64 {
        self.0.fp()
    }
    fn long_double(&mut self) -> [u8; 10] {
        self.0.long_double()
    }
    fn cstr_at(&self, p: u64, max: usize) -> Option<&[u8]> {
        let p = p as usize as *const c_char;
        if p.is_null() {
            return None;
        }
        // SAFETY: %s takes a C string; with a precision only `max` bytes need be readable.
        unsafe {
            let n = if max == usize::MAX { strlen(p) } else { strnlen(p, max) };
            Some(core::slice::from_raw_parts(p as *const u8, n))
        }
    }
    fn store_at(&mut self, p: u64, count: usize, len: Len) {
        let p = p as usize as *mut u8;
        // SAFETY: %n takes a pointer to an integer of the given size.
        unsafe {
            match len {
                Len::Hh => *p = count as u8,
                Len::H => *(p as *mut i16) = count as i16,
                Len::Int => *(p as *mut i32) = count as i32,
                _ => *(p as *mut i64) = count as i64,
            }
        }
    }
    fn errno_msg(&self) -> &'static [u8] {
        crate::header::errno::message(crate::thread::area::errno())
    }
    fn utf8(&self) -> bool {
        crate::header::locale::utf8()
    }
    fn set_error(&mut self, e: i32) {
        crate::thread::area::set_errno(e);
    }
}

/// Writes into a locked FILE.
struct FileSink(*mut File);
impl Sink for FileSink {
    fn put(&mut self, b: &[u8]) -> bool {
        // SAFETY: the stream is live and locked by vfprintf.
        unsafe { write_bytes(self.0, b.as_ptr(), b.len()) == b.len() }
    }
}

/// Writes into a fixed buffer, truncating (snprintf).
struct BufSink {
    p: *mut u8,
    cap: usize,
    len: usize,
}
impl Sink for BufSink {
    fn put(&mut self, b: &[u8]) -> bool {
        let room = self.cap.saturating_sub(self.len);
        let k = b.len().min(room);
        // SAFETY: len + k <= cap bytes of the caller's buffer.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.p.add(self.len), k) };
        self.len += k;
        true
    }
}

/// Grows a malloc'd buffer (asprintf).
struct GrowSink {
    p: *mut u8,
    cap: usize,
    len: usize,
    oom: bool,
}
impl Sink for GrowSink {
    fn put(&mut self, b: &[u8]) -> bool {
        if self.len + b.len() + 1 > self.cap {
            let nc = (self.len + b.len() + 1).max(self.cap * 2).max(64);
            // SAFETY: growing our own block.
            let q = unsafe { realloc(self.p as *mut c_void, nc) } as *mut u8;
            if q.is_null() {
                self.oom = true;
                return false;
            }
            self.p = q;
            self.cap = nc;
        }
        // SAFETY: room checked above.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), self.p.add(self.len), b.len()) };
        self.len += b.len();
        true
    }
}

/// Writes to a file descriptor (dprintf) through a stack buffer, so short
/// output reaches the file in one write(2), as with glibc.
struct FdSink {
    fd: c_int,
    buf: [u8; 1024],
    len: usize,
    ok: bool,
}
impl FdSink {
    fn flush(&mut self) -> bool {
        if self.len > 0 {
            self.ok &= crate::header::unistd::write_all(self.fd, &self.buf[..self.len]);
            self.len = 0;
        }
        self.ok
    }
}
impl Sink for FdSink {
    fn put(&mut self, b: &[u8]) -> bool {
        if self.len + b.len() > self.buf.len() && !self.flush() {
            return false;
        }
        if b.len() > self.buf.len() {
            self.ok &= crate::header::unistd::write_all(self.fd, b);
            return self.ok;
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        true
    }
}

unsafe fn fmt_slice<'a>(f: *const c_char) -> &'a [u8] {
    // SAFETY: f is a C string.
    unsafe { core::slice::from_raw_parts(f as *const u8, strlen(f)) }
}

/// C `vfprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vfprintf(f: *mut File, fmt: *const c_char, ap: VaPtr) -> c_int {
    let _l = FileLock::new(f);
    let mut sink = FileSink(f);
    // SAFETY: fmt is a C string; ap a live va_list.
    let (n, failed) = format(unsafe { fmt_slice(fmt) }, &mut VaArgs(VaList(ap)), &mut sink);
    if failed || n > c_int::MAX as usize { -1 } else { n as c_int }
}

/// C `vprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vprintf(fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded; stdout is live.
    unsafe { vfprintf(super::file::stdout, fmt, ap) }
}

/// C `vsnprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsnprintf(buf: *mut c_char, size: usize, fmt: *const c_char, ap: VaPtr) -> c_int {
    let mut sink = BufSink { p: buf as *mut u8, cap: size.saturating_sub(1), len: 0 };
    // SAFETY: fmt is a C string; ap a live va_list.
    let (n, failed) = format(unsafe { fmt_slice(fmt) }, &mut VaArgs(VaList(ap)), &mut sink);
    if size > 0 {
        // SAFETY: len <= size - 1.
        unsafe { *buf.add(sink.len) = 0 };
    }
    if failed {
        return -1; // errno set by the engine (EILSEQ, EINVAL)
    }
    if n > c_int::MAX as usize {
        crate::thread::area::set_errno(75); // EOVERFLOW
        return -1;
    }
    n as c_int
}

/// C `vsprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsprintf(buf: *mut c_char, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: the caller promises buf is big enough.
    unsafe { vsnprintf(buf, usize::MAX / 2, fmt, ap) }
}

/// GNU `vasprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vasprintf(out: *mut *mut c_char, fmt: *const c_char, ap: VaPtr) -> c_int {
    let mut sink = GrowSink { p: malloc(64) as *mut u8, cap: 64, len: 0, oom: false };
    if sink.p.is_null() {
        return -1;
    }
    // SAFETY: fmt is a C string; ap a live va_list.
    let (n, failed) = format(unsafe { fmt_slice(fmt) }, &mut VaArgs(VaList(ap)), &mut sink);
    if failed {
        // SAFETY: our block.
        unsafe { free(sink.p as *mut c_void) };
        // SAFETY: out is writable.
        unsafe { *out = null_mut() };
        return -1;
    }
    // SAFETY: GrowSink always leaves room for the terminator.
    unsafe {
        *sink.p.add(sink.len) = 0;
        *out = sink.p as *mut c_char;
    }
    n as c_int
}

/// POSIX `vdprintf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vdprintf(fd: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    let mut sink = FdSink { fd, buf: [0; 1024], len: 0, ok: true };
    // SAFETY: fmt is a C string; ap a live va_list.
    let (n, failed) = format(unsafe { fmt_slice(fmt) }, &mut VaArgs(VaList(ap)), &mut sink);
    if failed || !sink.flush() { -1 } else { n as c_int }
}

// Fortified (_FORTIFY_SOURCE) entry points glibc-built programs import.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vfprintf_chk(f: *mut File, _flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vfprintf(f, fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vprintf_chk(_flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vprintf(fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsnprintf_chk(buf: *mut c_char, size: usize, _flag: c_int, _slen: usize, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vsnprintf(buf, size, fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vsprintf_chk(buf: *mut c_char, _flag: c_int, slen: usize, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded; slen is the destination's size.
    unsafe { vsnprintf(buf, slen, fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vasprintf_chk(out: *mut *mut c_char, _flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vasprintf(out, fmt, ap) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vdprintf_chk(fd: c_int, _flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vdprintf(fd, fmt, ap) }
}

/// `__snprintf_chk(buf, maxlen, flag, slen, fmt, ...)`: 4 named args.
unsafe extern "C" fn snprintf_chk_v(buf: *mut c_char, size: usize, _flag: c_int, _slen: usize, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vsnprintf(buf, size, fmt, ap) }
}
unsafe extern "C" fn sprintf_chk_v(buf: *mut c_char, _flag: c_int, slen: usize, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vsnprintf(buf, slen, fmt, ap) }
}
unsafe extern "C" fn fprintf_chk_v(f: *mut File, _flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vfprintf(f, fmt, ap) }
}
unsafe extern "C" fn printf_chk_v(_flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vprintf(fmt, ap) }
}
unsafe extern "C" fn dprintf_chk_v(fd: c_int, _flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vdprintf(fd, fmt, ap) }
}
unsafe extern "C" fn asprintf_chk_v(out: *mut *mut c_char, _flag: c_int, fmt: *const c_char, ap: VaPtr) -> c_int {
    // SAFETY: forwarded.
    unsafe { vasprintf(out, fmt, ap) }
}

variadic!(printf => vprintf, 1);
variadic!(fprintf => vfprintf, 2);
variadic!(sprintf => vsprintf, 2);
variadic!(snprintf => vsnprintf, 3);
variadic!(asprintf => vasprintf, 2);
variadic!(dprintf => vdprintf, 2);
variadic!(__printf_chk => printf_chk_v, 2);
variadic!(__fprintf_chk => fprintf_chk_v, 3);
variadic!(__sprintf_chk => sprintf_chk_v, 4);
variadic!(__snprintf_chk => snprintf_chk_v, 5);
variadic!(__dprintf_chk => dprintf_chk_v, 3);
variadic!(__asprintf_chk => asprintf_chk_v, 3);
