//! POSIX `open_wmemstream`: a write-only stream into a growing `wchar_t`
//! buffer. Wide output reaches a stream as the locale's multibyte bytes
//! (stdio's conversion), so this stream decodes them back with its own
//! `mbstate_t` (sequences split across writes are fine). Positions and the
//! published size are in wide characters; the buffer always ends in L'\0'.
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use super::mbconv::{mbrtowc_core, MbState, Wchar, EILSEQ, ERR, INCOMPLETE};
use crate::header::stdio::file::{File, IoOps, F_LBF, F_NBF, F_WIDE, F_WRITE};
use crate::header::stdio::open::new_stream;
use crate::header::stdlib::malloc::{free, malloc, realloc};
use crate::thread::area::set_errno;

struct WMem {
    buf: *mut Wchar,
    /// Capacity in wide characters.
    cap: usize,
    len: usize,
    pos: usize,
    out_buf: *mut *mut Wchar,
    out_len: *mut usize,
    st: MbState,
}

/// Makes room for index `need` (and a terminator after the data).
unsafe fn reserve(m: &mut WMem, need: usize) -> bool {
    if need < m.cap {
        return true;
    }
    let nc = (need + 1).max(m.cap * 2);
    let Some(bytes) = nc.checked_mul(4) else { return false };
    // SAFETY: m.buf is our malloc'd buffer.
    let b = unsafe { realloc(m.buf as *mut c_void, bytes) } as *mut Wchar;
    if b.is_null() {
        return false;
    }
    // SAFETY: zero the new tail so gaps left by seeking past the end read as L'\0'.
    unsafe { core::ptr::write_bytes(b.add(m.cap), 0, nc - m.cap) };
    m.buf = b;
    m.cap = nc;
    true
}

unsafe fn publish(m: &mut WMem, size: usize) {
    // SAFETY: the caller's out pointers stay valid while the stream is open.
    unsafe {
        *m.out_buf = m.buf;
        *m.out_len = size;
    }
}

unsafe fn wmem_read(_f: *mut File, _dst: *mut u8, _n: usize) -> isize {
    set_errno(9); // EBADF: write-only
    -1
}

unsafe fn wmem_write(f: *mut File, src: *const u8, n: usize) -> isize {
    // SAFETY: f's cookie is a WMem; src has n bytes.
    unsafe {
        let m = &mut *((*f).cookie as *mut WMem);
        let bytes = core::slice::from_raw_parts(src, n);
        for (i, &b) in bytes.iter().enumerate() {
            let mut w = 0u32;
            let r = mbrtowc_core(Some(&mut w), &[b], &mut m.st);
            if r == INCOMPLETE {
                continue;
            }
            if r == ERR {
                set_errno(EILSEQ);
                return if i == 0 { -1 } else { i as isize };
            }
            if !reserve(m, m.pos + 1) {
                return if i == 0 { -1 } else { i as isize };
            }
            *m.buf.add(m.pos) = w as Wchar;
            m.pos += 1;
            if m.pos > m.len {
                m.len = m.pos;
                *m.buf.add(m.len) = 0;
            }
        }
        let size = m.pos.min(m.len);
        publish(m, size);
        n as isize
    }
}

unsafe fn wmem_seek(f: *mut File, off: i64, whence: c_int) -> i64 {
    // SAFETY: f's cookie is a WMem.
    unsafe {
        let m = &mut *((*f).cookie as *mut WMem);
        let base = match whence {
            0 => 0,
            1 => m.pos as i64,
            2 => m.len as i64,
            _ => {
                set_errno(22);
                return -1;
            }
        };
        let np = base.checked_add(off).unwrap_or(-1);
        if np < 0 {
            set_errno(22);
            return -1;
        }
        m.pos = np as usize;
        m.st = MbState::default();
        let size = m.pos.min(m.len);
        publish(m, size);
        np
    }
}

unsafe fn wmem_close(f: *mut File) -> c_int {
    // SAFETY: f's cookie is a WMem we allocated; the buffer now belongs to the caller.
    unsafe {
        let m = (*f).cookie as *mut WMem;
        let size = (*m).pos.min((*m).len);
        publish(&mut *m, size);
        free(m as *mut c_void);
    }
    0
}

static WMEM_OPS: IoOps = IoOps { read: wmem_read, write: wmem_write, seek: wmem_seek, close: wmem_close };

/// POSIX `open_wmemstream`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open_wmemstream(out: *mut *mut Wchar, len: *mut usize) -> *mut File {
    if out.is_null() || len.is_null() {
        set_errno(22);
        return null_mut();
    }
    const CAP: usize = 16;
    let b = malloc(CAP * 4) as *mut Wchar;
    if b.is_null() {
        return null_mut();
    }
    let m = malloc(core::mem::size_of::<WMem>()) as *mut WMem;
    if m.is_null() {
        // SAFETY: ours.
        unsafe { free(b as *mut c_void) };
        return null_mut();
    }
    // SAFETY: fresh blocks; out/len writable.
    unsafe {
        core::ptr::write_bytes(b, 0, CAP);
        m.write(WMem { buf: b, cap: CAP, len: 0, pos: 0, out_buf: out, out_len: len, st: MbState::default() });
        *out = b;
        *len = 0;
    }
    let f = new_stream(-1, F_WRITE | F_NBF);
    if f.is_null() {
        // SAFETY: ours.
        unsafe {
            free(m as *mut c_void);
            free(b as *mut c_void);
        }
        return null_mut();
    }
    // SAFETY: f is ours; wide-oriented from the start, as glibc's.
    unsafe {
        (*f).flags = ((*f).flags & !F_LBF) | F_WIDE;
        (*f).ops = &WMEM_OPS;
        (*f).cookie = m as *mut c_void;
    }
    f
}
