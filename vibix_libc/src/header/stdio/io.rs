//! Character, line and block I/O on FILEs, positioning, buffering control,
//! error state and explicit locking.
use core::ffi::{c_char, c_int, c_long, c_void};
use core::ptr::null_mut;

use super::file::*;
use crate::header::string::mem::memcpy;
use crate::header::string::str::strlen;
use crate::thread::area::set_errno;

const EOF: c_int = -1;

/// C `fwrite`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwrite(p: *const c_void, size: usize, n: usize, f: *mut File) -> usize {
    let Some(total) = size.checked_mul(n) else { return 0 };
    if total == 0 {
        return 0;
    }
    let _l = FileLock::new(f);
    // SAFETY: p has size*n bytes; f is a live stream.
    let w = unsafe { write_bytes(f, p as *const u8, total) };
    if w == total { n } else { w / size }
}

/// C `fread`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fread(p: *mut c_void, size: usize, n: usize, f: *mut File) -> usize {
    let Some(total) = size.checked_mul(n) else { return 0 };
    if total == 0 {
        return 0;
    }
    let _l = FileLock::new(f);
    // SAFETY: p has size*n writable bytes; f is live.
    let r = unsafe { read_bytes(f, p as *mut u8, total) };
    r / size
}

/// C `fputc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputc(c: c_int, f: *mut File) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe { putc_unlocked(c, f) }
}

/// C `putc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putc(c: c_int, f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { fputc(c, f) }
}

/// glibc's old name for putc.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_putc(c: c_int, f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { fputc(c, f) }
}

/// POSIX `putc_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putc_unlocked(c: c_int, f: *mut File) -> c_int {
    let b = c as u8;
    // SAFETY: f is live; fast path appends to the buffer of a writable,
    // not line-buffered stream (a read-only one must fail in write_bytes).
    unsafe {
        if !(*f).buf.is_null() && (*f).wlen + 1 < (*f).bufsize && (*f).flags & (F_LBF | F_WRITE) == F_WRITE && (*f).rend == (*f).rpos && (*f).nunget == 0 {
            *(*f).buf.add((*f).wlen) = b;
            (*f).wlen += 1;
            return b as c_int;
        }
        if write_bytes(f, &b, 1) == 1 { b as c_int } else { EOF }
    }
}

/// POSIX `fputc_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputc_unlocked(c: c_int, f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { putc_unlocked(c, f) }
}

/// C `putchar`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putchar(c: c_int) -> c_int {
    // SAFETY: stdout is a live stream.
    unsafe { fputc(c, stdout) }
}

/// POSIX `putchar_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putchar_unlocked(c: c_int) -> c_int {
    // SAFETY: stdout is a live stream.
    unsafe { putc_unlocked(c, stdout) }
}

/// C `fputs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputs(s: *const c_char, f: *mut File) -> c_int {
    // SAFETY: s is a C string; f is live.
    unsafe {
        let n = strlen(s);
        let _l = FileLock::new(f);
        if write_bytes(f, s as *const u8, n) == n { 1 } else { EOF }
    }
}

/// GNU `fputs_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputs_unlocked(s: *const c_char, f: *mut File) -> c_int {
    // SAFETY: s is a C string; f is live.
    unsafe {
        let n = strlen(s);
        if write_bytes(f, s as *const u8, n) == n { 1 } else { EOF }
    }
}

/// C `puts`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn puts(s: *const c_char) -> c_int {
    // SAFETY: s is a C string; stdout is live.
    unsafe {
        let f = stdout;
        let n = strlen(s);
        let _l = FileLock::new(f);
        if write_bytes(f, s as *const u8, n) == n && write_bytes(f, b"\n".as_ptr(), 1) == 1 { 1 } else { EOF }
    }
}

/// C `fgetc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc(f: *mut File) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe { get_byte(f) }
}

/// C `getc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getc(f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { fgetc(f) }
}

/// glibc's old name for getc.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _IO_getc(f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { fgetc(f) }
}

/// POSIX `getc_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getc_unlocked(f: *mut File) -> c_int {
    // SAFETY: f is live.
    unsafe { get_byte(f) }
}

/// GNU `fgetc_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetc_unlocked(f: *mut File) -> c_int {
    // SAFETY: f is live.
    unsafe { get_byte(f) }
}

/// C `getchar`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getchar() -> c_int {
    // SAFETY: stdin is live.
    unsafe { fgetc(stdin) }
}

/// POSIX `getchar_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getchar_unlocked() -> c_int {
    // SAFETY: stdin is live.
    unsafe { get_byte(stdin) }
}

/// C `ungetc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ungetc(c: c_int, f: *mut File) -> c_int {
    if c == EOF {
        return EOF;
    }
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    if unsafe { unget_byte(f, c as u8) } { c as u8 as c_int } else { EOF }
}

/// GNU `fgets_unlocked`: the stream lock is recursive (and free until a
/// second thread exists), so the caller holding it is no obstacle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgets_unlocked(s: *mut c_char, n: c_int, f: *mut File) -> *mut c_char {
    // SAFETY: the same contract as fgets.
    unsafe { fgets(s, n, f) }
}

/// C `fgets`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgets(s: *mut c_char, n: c_int, f: *mut File) -> *mut c_char {
    if n <= 0 {
        return null_mut();
    }
    let _l = FileLock::new(f);
    let lim = n as usize - 1;
    let mut i = 0usize;
    // SAFETY: s has n bytes and i + len <= lim < n; f is live and locked.
    unsafe {
        while i < lim {
            let Some((p, len, found)) = take_run(f, b'\n', lim - i) else { break };
            memcpy(s.add(i) as _, p as _, len);
            i += len;
            if found {
                break;
            }
        }
        if i == 0 && n > 1 {
            return null_mut();
        }
        *s.add(i) = 0;
    }
    s
}

/// POSIX `getdelim`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdelim(line: *mut *mut c_char, cap: *mut usize, delim: c_int, f: *mut File) -> isize {
    if line.is_null() || cap.is_null() {
        set_errno(22);
        return -1;
    }
    let _l = FileLock::new(f);
    let mut n = 0usize;
    // SAFETY: *line is NULL or a malloc'd block of *cap bytes, grown before each
    // copy to hold n + len + 1; f is live and locked.
    unsafe {
        loop {
            let run = take_run(f, delim as u8, usize::MAX);
            let len = run.map_or(0, |r| r.1);
            if (*line).is_null() || n + len + 1 > *cap {
                let nc = (*cap).max(64).max(n + len + 1) * 2;
                let p = crate::header::stdlib::malloc::realloc(*line as *mut c_void, nc) as *mut c_char;
                if p.is_null() {
                    set_errno(12);
                    return -1;
                }
                *line = p;
                *cap = nc;
            }
            let Some((p, len, found)) = run else { break };
            memcpy((*line).add(n) as _, p as _, len);
            n += len;
            if found {
                break;
            }
        }
        *(*line).add(n) = 0;
    }
    if n == 0 { -1 } else { n as isize }
}

/// POSIX `getline`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getline(line: *mut *mut c_char, cap: *mut usize, f: *mut File) -> isize {
    // SAFETY: forwarded.
    unsafe { getdelim(line, cap, b'\n' as c_int, f) }
}

/// C `fflush`; NULL flushes every stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush(f: *mut File) -> c_int {
    if f.is_null() {
        flush_all();
        return 0;
    }
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe {
        if (*f).rend > (*f).rpos || (*f).nunget > 0 {
            // Input streams: discard buffered input, syncing the file offset.
            return seek(f, 0, 1);
        }
        flush(f)
    }
}

/// GNU `fflush_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fflush_unlocked(f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { fflush(f) }
}

/// C `fseek`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseek(f: *mut File, off: c_long, whence: c_int) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe { seek(f, off, whence) }
}

/// POSIX `fseeko`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fseeko(f: *mut File, off: i64, whence: c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { fseek(f, off, whence) }
}

/// C `ftell`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftell(f: *mut File) -> c_long {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe { tell(f) }
}

/// POSIX `ftello`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftello(f: *mut File) -> i64 {
    // SAFETY: forwarded.
    unsafe { ftell(f) }
}

/// C `rewind`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewind(f: *mut File) {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked.
    unsafe {
        seek(f, 0, 0);
        (*f).flags &= !F_ERR;
    }
}

/// C `fgetpos` (fpos_t holds the offset in its first 8 bytes).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpos(f: *mut File, pos: *mut i64) -> c_int {
    // SAFETY: f is live; pos is writable.
    unsafe {
        let p = ftell(f);
        if p < 0 {
            return -1;
        }
        *pos = p;
    }
    0
}

/// C `fsetpos`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fsetpos(f: *mut File, pos: *const i64) -> c_int {
    // SAFETY: f is live; pos readable.
    unsafe { fseek(f, *pos, 0) }
}

/// C `feof`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof(f: *mut File) -> c_int {
    // SAFETY: f is live.
    unsafe { ((*f).flags & F_EOF != 0) as c_int }
}

/// C `ferror`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror(f: *mut File) -> c_int {
    // SAFETY: f is live.
    unsafe { ((*f).flags & F_ERR != 0) as c_int }
}

/// C `clearerr`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr(f: *mut File) {
    // SAFETY: f is live.
    unsafe { (*f).flags &= !(F_ERR | F_EOF) };
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn feof_unlocked(f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { feof(f) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ferror_unlocked(f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { ferror(f) }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn clearerr_unlocked(f: *mut File) {
    // SAFETY: forwarded.
    unsafe { clearerr(f) }
}

/// POSIX `fileno`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno(f: *mut File) -> c_int {
    // SAFETY: f is live.
    let fd = unsafe { (*f).fd };
    if fd < 0 {
        set_errno(9);
    }
    fd
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fileno_unlocked(f: *mut File) -> c_int {
    // SAFETY: forwarded.
    unsafe { fileno(f) }
}

/// C `setvbuf` (_IOFBF 0, _IOLBF 1, _IONBF 2).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setvbuf(f: *mut File, buf: *mut c_char, mode: c_int, size: usize) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: f is live and locked; buf (if any) has `size` bytes for the stream's life.
    unsafe {
        flush(f);
        (*f).flags &= !(F_LBF | F_NBF | F_AUTOBUF);
        match mode {
            0 => {}
            1 => (*f).flags |= F_LBF,
            2 => {
                (*f).flags |= F_NBF;
                return 0;
            }
            _ => return -1,
        }
        if !buf.is_null() && size > 0 {
            if (*f).flags & F_OWNBUF != 0 {
                crate::header::stdlib::malloc::free((*f).buf as *mut c_void);
                (*f).flags &= !F_OWNBUF;
            }
            (*f).buf = buf as *mut u8;
            (*f).bufsize = size;
        }
    }
    0
}

/// C `setbuf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuf(f: *mut File, buf: *mut c_char) {
    // SAFETY: forwarded; buf has BUFSIZ bytes when not NULL.
    unsafe { setvbuf(f, buf, if buf.is_null() { 2 } else { 0 }, BUFSIZ) };
}

/// BSD `setbuffer`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setbuffer(f: *mut File, buf: *mut c_char, size: usize) {
    // SAFETY: forwarded.
    unsafe { setvbuf(f, buf, if buf.is_null() { 2 } else { 0 }, size) };
}

/// BSD `setlinebuf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setlinebuf(f: *mut File) {
    // SAFETY: forwarded.
    unsafe { setvbuf(f, null_mut(), 1, 0) };
}

/// POSIX `flockfile`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn flockfile(f: *mut File) {
    // SAFETY: f is live.
    unsafe { lock(f) }
}

/// POSIX `ftrylockfile`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftrylockfile(f: *mut File) -> c_int {
    // SAFETY: f is live.
    if unsafe { try_lock(f) } { 0 } else { -1 }
}

/// POSIX `funlockfile`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn funlockfile(f: *mut File) {
    // SAFETY: the caller holds the lock.
    unsafe { unlock(f) }
}

/// C `perror`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn perror(s: *const c_char) {
    let e = crate::thread::area::errno();
    // SAFETY: s is NULL or a C string; stderr is live.
    unsafe {
        let f = stderr;
        let _l = FileLock::new(f);
        if !s.is_null() && *s != 0 {
            write_bytes(f, s as *const u8, strlen(s));
            write_bytes(f, b": ".as_ptr(), 2);
        }
        let m = crate::header::errno::message(e);
        write_bytes(f, m.as_ptr(), m.len());
        write_bytes(f, b"\n".as_ptr(), 1);
    }
}
