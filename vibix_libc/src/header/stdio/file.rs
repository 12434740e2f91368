//! `FILE`: a buffered stream over an I/O backend (a file descriptor, or memory
//! for fmemopen/open_memstream/fopencookie). Buffers are allocated on first use.
//! Each FILE has a recursive lock (flockfile); it is only taken once the
//! process has started a second thread.
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI32, Ordering};

use crate::header::stdlib::malloc::{free, malloc};
use crate::header::string::mem::memcpy;
use crate::sync::Lock;
use crate::thread::area::set_errno;

pub const BUFSIZ: usize = 4096;

// Flags.
pub const F_READ: u32 = 1;
pub const F_WRITE: u32 = 2;
pub const F_APPEND: u32 = 4;
pub const F_EOF: u32 = 8;
pub const F_ERR: u32 = 16;
pub const F_LBF: u32 = 32;
pub const F_NBF: u32 = 64;
/// The buffer was malloc'd by us (free it on close).
pub const F_OWNBUF: u32 = 128;
/// A static FILE (stdin/stdout/stderr): never freed.
pub const F_STATIC: u32 = 256;
/// Buffering mode not decided yet (stdout: line-buffered iff a terminal).
pub const F_AUTOBUF: u32 = 512;
/// Orientation (`fwide`, header/wchar/stdio.rs): wide or byte.
pub const F_WIDE: u32 = 1024;
pub const F_BYTE: u32 = 2048;
/// The last operation was a write (`__fwriting`; cleared by reads and seeks).
pub const F_WRITING: u32 = 4096;
/// `__fsetlocking(FSETLOCKING_BYCALLER)`: stdio functions do not lock it.
pub const F_BYCALLER: u32 = 8192;

/// The backend of a stream. `cookie` is the FILE's cookie field.
pub struct IoOps {
    pub read: unsafe fn(f: *mut File, buf: *mut u8, n: usize) -> isize,
    pub write: unsafe fn(f: *mut File, buf: *const u8, n: usize) -> isize,
    pub seek: unsafe fn(f: *mut File, off: i64, whence: c_int) -> i64,
    pub close: unsafe fn(f: *mut File) -> c_int,
}

#[repr(C)]
pub struct File {
    pub flags: u32,
    pub fd: c_int,
    pub buf: *mut u8,
    pub bufsize: usize,
    /// Reading: buf[rpos..rend] is unread input.
    pub rpos: usize,
    pub rend: usize,
    /// Writing: buf[..wlen] is pending output.
    pub wlen: usize,
    /// Bytes pushed back by ungetc beyond what fits in the buffer (LIFO).
    pub unget: [u8; 8],
    pub nunget: usize,
    pub ops: &'static IoOps,
    pub cookie: *mut c_void,
    /// popen'd child.
    pub pid: c_int,
    /// Recursive lock: owner tid and depth, over `lock`.
    pub owner: AtomicI32,
    pub depth: u32,
    pub lock: Lock,
    /// fgetln's line buffer (malloc'd on first use, freed with the stream).
    pub line: *mut u8,
    pub line_cap: usize,
    /// Open-stream list (for fflush(NULL) and exit).
    pub next: *mut File,
    pub prev: *mut File,
}

unsafe fn fd_read(f: *mut File, buf: *mut u8, n: usize) -> isize {
    // SAFETY: buf has n writable bytes; fd is the stream's descriptor.
    unsafe { crate::header::unistd::fdio::read_nc((*f).fd, buf as *mut c_void, n) }
}
unsafe fn fd_write(f: *mut File, buf: *const u8, n: usize) -> isize {
    // SAFETY: as above.
    unsafe { crate::header::unistd::fdio::write_nc((*f).fd, buf as *const c_void, n) }
}
unsafe fn fd_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    // SAFETY: f is live.
    unsafe { crate::header::unistd::lseek((*f).fd, off, whence) }
}
unsafe fn fd_close(f: *mut File) -> c_int {
    // SAFETY: f is live.
    unsafe { crate::header::unistd::fdio::close_nc((*f).fd) }
}
pub static FD_OPS: IoOps = IoOps { read: fd_read, write: fd_write, seek: fd_seek, close: fd_close };

impl File {
    pub const fn new(fd: c_int, flags: u32) -> File {
        File {
            flags,
            fd,
            buf: null_mut(),
            bufsize: 0,
            rpos: 0,
            rend: 0,
            wlen: 0,
            unget: [0; 8],
            nunget: 0,
            ops: &FD_OPS,
            cookie: null_mut(),
            pid: 0,
            owner: AtomicI32::new(0),
            depth: 0,
            lock: Lock::new(),
            line: null_mut(),
            line_cap: 0,
            next: null_mut(),
            prev: null_mut(),
        }
    }
}

pub static mut STDIN_FILE: File = File::new(0, F_READ | F_STATIC);
pub static mut STDOUT_FILE: File = File::new(1, F_WRITE | F_STATIC | F_AUTOBUF);
pub static mut STDERR_FILE: File = File::new(2, F_WRITE | F_STATIC | F_NBF);
/// The default buffers of stdin and stdout (not F_OWNBUF: never freed).
static mut STDIN_BUF: [u8; BUFSIZ] = [0; BUFSIZ];
static mut STDOUT_BUF: [u8; BUFSIZ] = [0; BUFSIZ];

/// `FILE *stdin, *stdout, *stderr`.
#[unsafe(no_mangle)]
pub static mut stdin: *mut File = &raw mut STDIN_FILE;
#[unsafe(no_mangle)]
pub static mut stdout: *mut File = &raw mut STDOUT_FILE;
#[unsafe(no_mangle)]
pub static mut stderr: *mut File = &raw mut STDERR_FILE;

static LIST_LOCK: Lock = Lock::new();
/// Streams opened with fopen & co. (the three standard ones are not listed).
static mut LIST: *mut File = null_mut();

pub fn std_files() -> [*mut File; 3] {
    [&raw mut STDIN_FILE, &raw mut STDOUT_FILE, &raw mut STDERR_FILE]
}

/// Puts a fresh stream on the open-stream list.
pub unsafe fn link(f: *mut File) {
    let _g = LIST_LOCK.guard();
    // SAFETY: list under LIST_LOCK; f is a fresh stream.
    unsafe {
        (*f).next = LIST;
        (*f).prev = null_mut();
        if !LIST.is_null() {
            (*LIST).prev = f;
        }
        LIST = f;
    }
}

/// Takes a listed stream off the open-stream list.
pub unsafe fn unlink(f: *mut File) {
    let _g = LIST_LOCK.guard();
    // SAFETY: list under LIST_LOCK; f is on it.
    unsafe {
        if !(*f).prev.is_null() {
            (*(*f).prev).next = (*f).next;
        } else if LIST == f {
            LIST = (*f).next;
        }
        if !(*f).next.is_null() {
            (*(*f).next).prev = (*f).prev;
        }
    }
}

/// Calls `op` on every open stream (standard ones first).
pub fn for_each(mut op: impl FnMut(*mut File)) {
    for f in std_files() {
        op(f);
    }
    let _g = LIST_LOCK.guard();
    // SAFETY: list under LIST_LOCK.
    let mut p = unsafe { LIST };
    while !p.is_null() {
        op(p);
        // SAFETY: p is live while listed.
        p = unsafe { (*p).next };
    }
}

/// Flushes every stream (fflush(NULL)).
pub fn flush_all() {
    for_each(|f| {
        // SAFETY: f is a live stream.
        unsafe {
            if (*f).wlen > 0 {
                let _l = FileLock::new(f);
                flush(f);
            }
        }
    });
}

/// exit()'s flush: a stream another thread holds locked is flushed anyway
/// rather than waited for (that thread may never unlock it), as glibc does.
pub fn flush_all_at_exit() {
    for_each(|f| {
        // SAFETY: f is a live stream; at exit we accept a racing writer.
        unsafe {
            if (*f).wlen > 0 {
                let locked = crate::thread::pthread::threaded() && try_lock(f);
                flush(f);
                if locked {
                    unlock(f);
                }
            }
        }
    });
}

/// Holds a stream's lock (if threads exist) for its lifetime.
pub struct FileLock(*mut File, bool);

impl FileLock {
    /// `f` must be a live stream (every caller passes one it was given by C
    /// code or owns); a safe fn so the guard reads like a scope lock.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn new(f: *mut File) -> FileLock {
        // SAFETY: f is a live stream; F_BYCALLER is only changed by its owner.
        if crate::thread::pthread::threaded() && unsafe { (*f).flags } & F_BYCALLER == 0 {
            // SAFETY: f is a live stream.
            unsafe { lock(f) };
            FileLock(f, true)
        } else {
            FileLock(f, false)
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        if self.1 {
            // SAFETY: we took the lock in new().
            unsafe { unlock(self.0) };
        }
    }
}

pub unsafe fn lock(f: *mut File) {
    let me = crate::thread::area::tid();
    // SAFETY: f is live; owner/depth are only changed by the holder.
    unsafe {
        if (*f).owner.load(Ordering::Relaxed) == me {
            (*f).depth += 1;
            return;
        }
        (*f).lock.lock();
        (*f).owner.store(me, Ordering::Relaxed);
        (*f).depth = 1;
    }
}

pub unsafe fn try_lock(f: *mut File) -> bool {
    let me = crate::thread::area::tid();
    // SAFETY: as lock().
    unsafe {
        if (*f).owner.load(Ordering::Relaxed) == me {
            (*f).depth += 1;
            return true;
        }
        if !(*f).lock.try_lock() {
            return false;
        }
        (*f).owner.store(me, Ordering::Relaxed);
        (*f).depth = 1;
    }
    true
}

pub unsafe fn unlock(f: *mut File) {
    // SAFETY: the caller holds the lock.
    unsafe {
        (*f).depth -= 1;
        if (*f).depth == 0 {
            (*f).owner.store(0, Ordering::Relaxed);
            (*f).lock.unlock();
        }
    }
}

/// Makes sure the stream has a buffer (unbuffered streams get none).
unsafe fn ensure_buf(f: *mut File) {
    // SAFETY: f is live and locked.
    unsafe {
        if (*f).flags & F_AUTOBUF != 0 {
            (*f).flags &= !F_AUTOBUF;
            if crate::header::unistd::is_tty_quiet((*f).fd) {
                (*f).flags |= F_LBF;
            }
        }
        if (*f).buf.is_null() && (*f).flags & F_NBF == 0 {
            // stdin/stdout own a static buffer: no heap (its first mmap) for hello.
            if f == &raw mut STDOUT_FILE || f == &raw mut STDIN_FILE {
                let b = if f == &raw mut STDOUT_FILE { &raw mut STDOUT_BUF } else { &raw mut STDIN_BUF };
                (*f).buf = b as *mut u8;
                (*f).bufsize = BUFSIZ;
                return;
            }
            let b = malloc(BUFSIZ) as *mut u8;
            if b.is_null() {
                (*f).flags |= F_NBF;
            } else {
                (*f).buf = b;
                (*f).bufsize = BUFSIZ;
                (*f).flags |= F_OWNBUF;
            }
        }
    }
}

/// Writes all of `data` through the backend. Returns false on error.
unsafe fn raw_write(f: *mut File, mut data: *const u8, mut n: usize) -> bool {
    // SAFETY: f is live; data has n bytes.
    unsafe {
        while n > 0 {
            let r = ((*f).ops.write)(f, data, n);
            if r <= 0 {
                (*f).flags |= F_ERR;
                return false;
            }
            data = data.add(r as usize);
            n -= r as usize;
        }
    }
    true
}

/// Writes out pending output. Returns 0 or EOF.
pub unsafe fn flush(f: *mut File) -> c_int {
    // SAFETY: f is live and locked by the caller.
    unsafe {
        if (*f).wlen > 0 {
            let n = (*f).wlen;
            (*f).wlen = 0;
            if !raw_write(f, (*f).buf, n) {
                return -1;
            }
        }
    }
    0
}

/// Leaves read mode: gives unread input back to the file position.
unsafe fn drop_read(f: *mut File) {
    // SAFETY: f is live and locked.
    unsafe {
        let unread = ((*f).rend - (*f).rpos + (*f).nunget) as i64;
        if unread > 0 {
            ((*f).ops.seek)(f, -unread, 1);
        }
        (*f).rpos = 0;
        (*f).rend = 0;
        (*f).nunget = 0;
    }
}

/// fwrite's core (the stream is locked). Returns bytes accepted.
pub unsafe fn write_bytes(f: *mut File, data: *const u8, n: usize) -> usize {
    // SAFETY: f is live and locked; data has n bytes.
    unsafe {
        if (*f).flags & F_WRITE == 0 {
            (*f).flags |= F_ERR;
            set_errno(9); // EBADF
            return 0;
        }
        if (*f).rend > (*f).rpos || (*f).nunget > 0 {
            drop_read(f);
        }
        (*f).rpos = 0;
        (*f).rend = 0;
        (*f).flags |= F_WRITING;
        ensure_buf(f);
        if (*f).flags & F_NBF != 0 || (*f).buf.is_null() {
            return if flush(f) == 0 && raw_write(f, data, n) { n } else { 0 };
        }
        let space = (*f).bufsize - (*f).wlen;
        if n <= space {
            memcpy((*f).buf.add((*f).wlen) as _, data as _, n);
            (*f).wlen += n;
        } else {
            if flush(f) != 0 {
                return 0;
            }
            if n >= (*f).bufsize {
                return if raw_write(f, data, n) { n } else { 0 };
            }
            memcpy((*f).buf as _, data as _, n);
            (*f).wlen = n;
        }
        if (*f).flags & F_LBF != 0 && crate::header::string::mem::memrchr(data as _, b'\n' as c_int, n).is_null() == false {
            if flush(f) != 0 {
                return 0;
            }
        }
        n
    }
}

/// Refills the read buffer. Returns false at EOF or on error (flags set).
unsafe fn refill(f: *mut File) -> bool {
    // SAFETY: f is live and locked.
    unsafe {
        if (*f).flags & F_READ == 0 {
            (*f).flags |= F_ERR;
            set_errno(9);
            return false;
        }
        if (*f).wlen > 0 && flush(f) != 0 {
            return false;
        }
        (*f).flags &= !F_WRITING;
        // Reading from a line-buffered or unbuffered input flushes stdout first.
        let out = &raw mut STDOUT_FILE;
        if f != out && (*out).wlen > 0 && (*out).flags & F_LBF != 0 {
            let _l = FileLock::new(out);
            flush(out);
        }
        ensure_buf(f);
        let (b, cap) = if (*f).buf.is_null() { ((*f).unget.as_mut_ptr(), 1) } else { ((*f).buf, (*f).bufsize) };
        let r = ((*f).ops.read)(f, b, cap);
        if r <= 0 {
            (*f).flags |= if r == 0 { F_EOF } else { F_ERR };
            return false;
        }
        if (*f).buf.is_null() {
            // Unbuffered: the single byte sits in the pushback slot.
            (*f).nunget = 1;
            return true;
        }
        (*f).rpos = 0;
        (*f).rend = r as usize;
    }
    true
}

/// getc's core (locked). Returns the byte or -1.
#[inline]
pub unsafe fn get_byte(f: *mut File) -> c_int {
    // SAFETY: f is live and locked.
    unsafe {
        if (*f).nunget > 0 {
            (*f).nunget -= 1;
            return (*f).unget[(*f).nunget] as c_int;
        }
        if (*f).rpos < (*f).rend {
            let c = *(*f).buf.add((*f).rpos);
            (*f).rpos += 1;
            return c as c_int;
        }
        if !refill(f) {
            return -1;
        }
        get_byte(f)
    }
}

/// The next run of buffered input, consumed: at most `max` (> 0) bytes,
/// ending at the first `delim` if it comes first. Returns the run's start,
/// its length and whether it ends with `delim`; `None` at end of file or on
/// an error (flags set). fgets/getdelim copy runs instead of single bytes.
pub unsafe fn take_run(f: *mut File, delim: u8, max: usize) -> Option<(*const u8, usize, bool)> {
    // SAFETY: f is live and locked; buf[rpos..rend] is initialised input.
    unsafe {
        if (*f).nunget == 0 && (*f).rpos >= (*f).rend && !refill(f) {
            return None;
        }
        if (*f).nunget > 0 {
            // Pushed-back bytes (and unbuffered input) come one at a time.
            (*f).nunget -= 1;
            let p = (*f).unget.as_ptr().add((*f).nunget);
            return Some((p, 1, *p == delim));
        }
        let start = (*f).buf.add((*f).rpos);
        let avail = ((*f).rend - (*f).rpos).min(max);
        let hit = crate::header::string::mem::memchr(start as _, delim as c_int, avail) as *const u8;
        let (len, found) = if hit.is_null() { (avail, false) } else { (hit.offset_from(start) as usize + 1, true) };
        (*f).rpos += len;
        Some((start, len, found))
    }
}

/// fread's core (locked). Returns bytes read.
pub unsafe fn read_bytes(f: *mut File, dst: *mut u8, n: usize) -> usize {
    let mut got = 0;
    // SAFETY: f is live and locked; dst has n bytes.
    unsafe {
        while got < n && (*f).nunget > 0 {
            (*f).nunget -= 1;
            *dst.add(got) = (*f).unget[(*f).nunget];
            got += 1;
        }
        while got < n {
            let avail = (*f).rend - (*f).rpos;
            if avail > 0 {
                let k = avail.min(n - got);
                memcpy(dst.add(got) as _, (*f).buf.add((*f).rpos) as _, k);
                (*f).rpos += k;
                got += k;
                continue;
            }
            // Large reads bypass the buffer.
            if n - got >= (*f).bufsize && (*f).bufsize > 0 && (*f).flags & F_READ != 0 && (*f).wlen == 0 {
                let r = ((*f).ops.read)(f, dst.add(got), n - got);
                if r <= 0 {
                    (*f).flags |= if r == 0 { F_EOF } else { F_ERR };
                    break;
                }
                got += r as usize;
                continue;
            }
            if !refill(f) {
                break;
            }
            if (*f).nunget > 0 {
                (*f).nunget -= 1;
                *dst.add(got) = (*f).unget[(*f).nunget];
                got += 1;
            }
        }
    }
    got
}

/// ungetc's core (locked).
pub unsafe fn unget_byte(f: *mut File, c: u8) -> bool {
    // SAFETY: f is live and locked.
    unsafe {
        (*f).flags &= !F_EOF;
        if (*f).nunget == 0 && (*f).rpos > 0 && !(*f).buf.is_null() {
            (*f).rpos -= 1;
            *(*f).buf.add((*f).rpos) = c;
            return true;
        }
        if (*f).nunget < (*f).unget.len() {
            (*f).unget[(*f).nunget] = c;
            (*f).nunget += 1;
            return true;
        }
    }
    false
}

/// Current position (locked), or -1.
pub unsafe fn tell(f: *mut File) -> i64 {
    // SAFETY: f is live and locked.
    unsafe {
        let pos = ((*f).ops.seek)(f, 0, if (*f).flags & F_APPEND != 0 && (*f).wlen > 0 { 2 } else { 1 });
        if pos < 0 {
            return -1;
        }
        pos - ((*f).rend - (*f).rpos) as i64 - (*f).nunget as i64 + (*f).wlen as i64
    }
}

/// Repositions (locked). Returns 0 or -1.
pub unsafe fn seek(f: *mut File, off: i64, whence: c_int) -> c_int {
    // SAFETY: f is live and locked.
    unsafe {
        if flush(f) != 0 {
            return -1;
        }
        let mut off = off;
        if whence == 1 {
            off -= ((*f).rend - (*f).rpos) as i64 + (*f).nunget as i64;
        }
        (*f).rpos = 0;
        (*f).rend = 0;
        (*f).nunget = 0;
        (*f).flags &= !F_WRITING;
        if ((*f).ops.seek)(f, off, whence) < 0 {
            return -1;
        }
        (*f).flags &= !F_EOF;
    }
    0
}

/// Frees a closed stream's memory.
pub unsafe fn destroy(f: *mut File) {
    // SAFETY: f is closed and no longer listed.
    unsafe {
        if (*f).flags & F_OWNBUF != 0 {
            free((*f).buf as *mut c_void);
        }
        (*f).buf = null_mut();
        (*f).bufsize = 0;
        (*f).flags &= !F_OWNBUF;
        free((*f).line as *mut c_void);
        (*f).line = null_mut();
        (*f).line_cap = 0;
        if (*f).flags & F_STATIC == 0 {
            free(f as *mut c_void);
        }
    }
}
