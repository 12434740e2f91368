//! Opening and closing streams: fopen/fdopen/freopen/fclose, tmpfile,
//! fmemopen, open_memstream, remove/rename.
use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use super::file::*;
use crate::header::fcntl::{O_APPEND, O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY};
use crate::header::stdlib::malloc::{free, malloc, realloc};
use crate::header::string::mem::{memcpy, memset};
use crate::thread::area::set_errno;

/// Parses an fopen mode string into (open flags, stream flags).
pub(super) unsafe fn parse_mode(mode: *const c_char) -> Option<(c_int, u32)> {
    // SAFETY: mode is a C string.
    let first = unsafe { *mode } as u8;
    let (mut oflags, mut sflags) = match first {
        b'r' => (O_RDONLY, F_READ),
        b'w' => (O_WRONLY | O_CREAT | O_TRUNC, F_WRITE),
        b'a' => (O_WRONLY | O_CREAT | O_APPEND, F_WRITE | F_APPEND),
        _ => {
            set_errno(22);
            return None;
        }
    };
    let mut p = mode;
    // SAFETY: walking the C string.
    unsafe {
        p = p.add(1);
        while *p != 0 {
            match *p as u8 {
                b'+' => {
                    oflags = (oflags & !(O_WRONLY | O_RDONLY)) | O_RDWR;
                    sflags |= F_READ | F_WRITE;
                }
                b'x' => oflags |= O_EXCL,
                b'e' => oflags |= O_CLOEXEC,
                _ => {}
            }
            p = p.add(1);
        }
    }
    Some((oflags, sflags))
}

/// Allocates and lists a stream over `fd`.
pub fn new_stream(fd: c_int, flags: u32) -> *mut File {
    let f = malloc(core::mem::size_of::<File>()) as *mut File;
    if f.is_null() {
        return null_mut();
    }
    // SAFETY: f is a fresh block of the right size.
    unsafe { f.write(File::new(fd, flags)) };
    if flags & F_WRITE != 0 && crate::header::unistd::is_tty_quiet(fd) {
        // SAFETY: f is ours.
        unsafe { (*f).flags |= F_LBF };
    }
    // SAFETY: f is a fresh, fully initialised stream.
    unsafe { link(f) };
    f
}

/// C `fopen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut File {
    // SAFETY: path and mode are C strings.
    unsafe {
        let Some((oflags, sflags)) = parse_mode(mode) else { return null_mut() };
        let fd = crate::header::fcntl::open(path, oflags, 0o666);
        if fd < 0 {
            return null_mut();
        }
        let f = new_stream(fd, sflags);
        if f.is_null() {
            crate::header::unistd::close(fd);
        }
        f
    }
}

/// POSIX `fdopen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fdopen(fd: c_int, mode: *const c_char) -> *mut File {
    // SAFETY: mode is a C string.
    let Some((oflags, sflags)) = (unsafe { parse_mode(mode) }) else { return null_mut() };
    if oflags & O_APPEND != 0 {
        crate::header::fcntl::fcntl(fd, 4, (crate::header::fcntl::fcntl(fd, 3, 0) | O_APPEND) as usize);
    }
    new_stream(fd, sflags)
}

/// C `fclose`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fclose(f: *mut File) -> c_int {
    // SAFETY: f is a live stream, not used by the caller afterwards.
    unsafe {
        let r1 = {
            let _l = FileLock::new(f);
            flush(f)
        };
        let r2 = ((*f).ops.close)(f);
        if (*f).flags & F_STATIC == 0 {
            unlink(f);
        }
        destroy(f);
        // The backend's close result as is (glibc: a cookie's close value).
        if r1 != 0 { -1 } else { r2 }
    }
}

/// C `freopen`: reopens `path` (or, with NULL, changes the mode) in the same FILE.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn freopen(path: *const c_char, mode: *const c_char, f: *mut File) -> *mut File {
    // SAFETY: f is live; path/mode C strings.
    unsafe {
        let _l = FileLock::new(f);
        flush(f);
        let Some((oflags, sflags)) = parse_mode(mode) else { return null_mut() };
        if path.is_null() {
            if crate::header::fcntl::fcntl((*f).fd, 4, (oflags & (O_APPEND)) as usize) < 0 {
                return null_mut();
            }
        } else {
            let fd = crate::header::fcntl::open(path, oflags, 0o666);
            if fd < 0 {
                return null_mut();
            }
            if fd != (*f).fd {
                if (*f).fd >= 0 {
                    crate::header::unistd::dup2(fd, (*f).fd);
                    crate::header::unistd::close(fd);
                } else {
                    (*f).fd = fd;
                }
            }
        }
        let keep = (*f).flags & (F_STATIC | F_OWNBUF | F_NBF | F_LBF);
        (*f).flags = sflags | keep;
        (*f).rpos = 0;
        (*f).rend = 0;
        (*f).wlen = 0;
        (*f).nunget = 0;
        (*f).ops = &FD_OPS;
    }
    f
}

/// C `tmpfile`: an unnamed file in /tmp (O_TMPFILE, or a created-and-unlinked name).
#[unsafe(no_mangle)]
pub extern "C" fn tmpfile() -> *mut File {
    const O_TMPFILE: c_int = 0o20_000_000 | 0o200_000;
    // SAFETY: literal C strings.
    unsafe {
        let mut fd = crate::header::fcntl::open(c"/tmp".as_ptr(), O_RDWR | O_TMPFILE | O_CLOEXEC, 0o600);
        if fd < 0 {
            let mut name = *b"/tmp/tmpfile.XXXXXX\0";
            fd = crate::header::stdlib::misc::mkstemp(name.as_mut_ptr() as *mut c_char);
            if fd < 0 {
                return null_mut();
            }
            crate::header::unistd::unlink(name.as_ptr() as *const c_char);
        }
        new_stream(fd, F_READ | F_WRITE)
    }
}

/// C `remove`: unlink, or rmdir for directories.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remove(path: *const c_char) -> c_int {
    // SAFETY: path is a C string.
    unsafe {
        if crate::header::unistd::unlink(path) == 0 {
            return 0;
        }
        if crate::thread::area::errno() == 21 {
            return crate::header::unistd::rmdir(path);
        }
    }
    -1
}

/// C `rename`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rename(old: *const c_char, new: *const c_char) -> c_int {
    // SAFETY: C strings.
    unsafe { crate::header::unistd::renameat(-100, old, -100, new) }
}

// ---- memory streams ----

/// State of fmemopen / open_memstream streams.
#[repr(C)]
struct Mem {
    buf: *mut u8,
    /// Capacity (fmemopen: the user's size).
    cap: usize,
    /// Current end of data.
    len: usize,
    pos: usize,
    /// open_memstream: where to publish the buffer and size.
    out_buf: *mut *mut c_char,
    out_len: *mut usize,
    dynamic: bool,
    own: bool,
}

unsafe fn mem_read(f: *mut File, dst: *mut u8, n: usize) -> isize {
    // SAFETY: f's cookie is a Mem.
    unsafe {
        let m = &mut *((*f).cookie as *mut Mem);
        let k = n.min(m.len.saturating_sub(m.pos));
        memcpy(dst as _, m.buf.add(m.pos) as _, k);
        m.pos += k;
        k as isize
    }
}

unsafe fn mem_write(f: *mut File, src: *const u8, n: usize) -> isize {
    // SAFETY: f's cookie is a Mem.
    unsafe {
        let m = &mut *((*f).cookie as *mut Mem);
        if (*f).flags & F_APPEND != 0 {
            m.pos = m.len;
        }
        if m.dynamic && m.pos + n + 1 > m.cap {
            let nc = (m.pos + n + 1).max(m.cap * 2).max(64);
            let b = realloc(m.buf as *mut c_void, nc) as *mut u8;
            if b.is_null() {
                return -1;
            }
            memset(b.add(m.cap) as _, 0, nc - m.cap);
            m.buf = b;
            m.cap = nc;
        }
        let room = if m.dynamic { n } else { n.min(m.cap.saturating_sub(m.pos)) };
        if room == 0 && n > 0 {
            return 0;
        }
        memcpy(m.buf.add(m.pos) as _, src as _, room);
        m.pos += room;
        if m.pos > m.len {
            m.len = m.pos;
            if m.dynamic || m.len < m.cap {
                *m.buf.add(m.len) = 0;
            }
        }
        if m.dynamic {
            // POSIX: the size is the current position (never past the data).
            *m.out_buf = m.buf as *mut c_char;
            *m.out_len = m.pos;
        }
        room as isize
    }
}

unsafe fn mem_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    // SAFETY: f's cookie is a Mem.
    unsafe {
        let m = &mut *((*f).cookie as *mut Mem);
        let base = match whence {
            0 => 0,
            1 => m.pos as i64,
            _ => m.len as i64,
        };
        let np = base + off;
        if np < 0 || (!m.dynamic && np as usize > m.cap) {
            set_errno(22);
            return -1;
        }
        m.pos = np as usize;
        if m.dynamic {
            *m.out_len = m.pos.min(m.len);
        }
        np
    }
}

unsafe fn mem_close(f: *mut File) -> c_int {
    // SAFETY: f's cookie is a Mem we allocated.
    unsafe {
        let m = (*f).cookie as *mut Mem;
        if (*m).dynamic {
            // The final size is the position; the buffer ends there (glibc).
            let end = (*m).pos.min((*m).len);
            *(*m).buf.add(end) = 0;
            *(*m).out_buf = (*m).buf as *mut c_char;
            *(*m).out_len = end;
        }
        if (*m).own {
            free((*m).buf as *mut c_void);
        }
        free(m as *mut c_void);
    }
    0
}

static MEM_OPS: IoOps = IoOps { read: mem_read, write: mem_write, seek: mem_seek, close: mem_close };

fn mem_stream(m: Mem, flags: u32) -> *mut File {
    let mp = malloc(core::mem::size_of::<Mem>()) as *mut Mem;
    if mp.is_null() {
        return null_mut();
    }
    // SAFETY: mp is a fresh block.
    unsafe { mp.write(m) };
    let f = new_stream(-1, flags | F_NBF);
    if f.is_null() {
        // SAFETY: ours.
        unsafe { free(mp as *mut c_void) };
        return null_mut();
    }
    // SAFETY: f is ours. Memory streams need no buffer: writes go straight to memory.
    unsafe {
        (*f).flags &= !F_LBF;
        (*f).ops = &MEM_OPS;
        (*f).cookie = mp as *mut c_void;
    }
    f
}

/// POSIX `fmemopen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fmemopen(buf: *mut c_void, size: usize, mode: *const c_char) -> *mut File {
    // SAFETY: mode is a C string.
    let Some((oflags, sflags)) = (unsafe { parse_mode(mode) }) else { return null_mut() };
    if size == 0 {
        set_errno(22);
        return null_mut();
    }
    let (b, own) = if buf.is_null() {
        let b = malloc(size) as *mut u8;
        if b.is_null() {
            return null_mut();
        }
        // SAFETY: fresh block.
        unsafe { memset(b as _, 0, size) };
        (b, true)
    } else {
        (buf as *mut u8, false)
    };
    // SAFETY: b has `size` bytes.
    let len = if oflags & O_TRUNC != 0 {
        unsafe { *b = 0 };
        0
    } else if sflags & F_APPEND != 0 {
        // SAFETY: as above.
        unsafe { crate::header::string::str::strnlen(b as *const c_char, size) }
    } else {
        size
    };
    let pos = if sflags & F_APPEND != 0 { len } else { 0 };
    mem_stream(Mem { buf: b, cap: size, len, pos, out_buf: null_mut(), out_len: null_mut(), dynamic: false, own }, sflags)
}

/// POSIX `open_memstream`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open_memstream(out: *mut *mut c_char, len: *mut usize) -> *mut File {
    let b = malloc(64) as *mut u8;
    if b.is_null() {
        return null_mut();
    }
    // SAFETY: fresh block; out/len are writable.
    unsafe {
        memset(b as _, 0, 64);
        *out = b as *mut c_char;
        *len = 0;
    }
    mem_stream(Mem { buf: b, cap: 64, len: 0, pos: 0, out_buf: out, out_len: len, dynamic: true, own: false }, F_WRITE)
}
