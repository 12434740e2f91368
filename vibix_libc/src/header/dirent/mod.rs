//! `<dirent.h>`: directory streams over getdents64 (rustix's `RawDir`).
use core::ffi::{c_char, c_int, c_long, c_void};
use core::ptr::null_mut;

use crate::header::stdlib::malloc::{free, malloc};
use crate::thread::area::set_errno;

pub mod scan;

const BUF: usize = 8192;

/// glibc's x86_64 `struct dirent`.
#[repr(C)]
pub struct Dirent {
    pub d_ino: u64,
    pub d_off: i64,
    pub d_reclen: u16,
    pub d_type: u8,
    pub d_name: [c_char; 256],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Dirent>(), 280);
static_assertions::const_assert_eq!(core::mem::offset_of!(Dirent, d_name), 19);

/// A directory stream: rustix's getdents64 reader over a malloc'd buffer
/// (kept for the stream's lifetime, hence `'static`).
pub struct Dir {
    fd: c_int,
    raw: rustix::fs::RawDir<'static, rustix::fd::BorrowedFd<'static>>,
    buf: *mut u8,
    /// Position for telldir: count of entries returned.
    index: c_long,
    ent: Dirent,
}

fn new_raw(fd: c_int, buf: *mut u8) -> rustix::fs::RawDir<'static, rustix::fd::BorrowedFd<'static>> {
    // SAFETY: buf is a BUF-byte block owned by the stream until closedir.
    let b = unsafe { core::slice::from_raw_parts_mut(buf as *mut core::mem::MaybeUninit<u8>, BUF) };
    rustix::fs::RawDir::new(crate::header::unistd::bfd(fd), b)
}

/// POSIX `fdopendir`.
#[unsafe(no_mangle)]
pub extern "C" fn fdopendir(fd: c_int) -> *mut Dir {
    let buf = malloc(BUF) as *mut u8;
    let d = malloc(core::mem::size_of::<Dir>()) as *mut Dir;
    if d.is_null() || buf.is_null() {
        // SAFETY: our blocks (free(NULL) is fine).
        unsafe {
            free(buf as *mut c_void);
            free(d as *mut c_void);
        }
        return null_mut();
    }
    // SAFETY: d is a fresh block of the right size.
    unsafe {
        d.write(Dir {
            fd,
            raw: new_raw(fd, buf),
            buf,
            index: 0,
            ent: Dirent { d_ino: 0, d_off: 0, d_reclen: 0, d_type: 0, d_name: [0; 256] },
        })
    };
    d
}

/// POSIX `opendir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn opendir(path: *const c_char) -> *mut Dir {
    const O_DIRECTORY: c_int = 0o200000;
    const O_CLOEXEC: c_int = 0o2000000;
    // SAFETY: path is a C string.
    let fd = unsafe { crate::header::fcntl::open(path, O_DIRECTORY | O_CLOEXEC, 0) };
    if fd < 0 {
        return null_mut();
    }
    let d = fdopendir(fd);
    if d.is_null() {
        crate::header::unistd::close(fd);
    }
    d
}

/// POSIX `readdir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir(d: *mut Dir) -> *mut Dirent {
    // SAFETY: d is an open directory stream.
    let d = unsafe { &mut *d };
    match d.raw.next() {
        None => null_mut(),
        Some(Err(e)) => crate::thread::area::fail(e, null_mut()),
        Some(Ok(e)) => {
            d.ent.d_ino = e.ino();
            d.ent.d_off = e.next_entry_cookie() as i64;
            d.ent.d_reclen = core::mem::size_of::<Dirent>() as u16;
            d.ent.d_type = (e.file_type().as_raw_mode() >> 12) as u8;
            let name = e.file_name().to_bytes();
            let n = name.len().min(255);
            for (i, &c) in name[..n].iter().enumerate() {
                d.ent.d_name[i] = c as c_char;
            }
            d.ent.d_name[n] = 0;
            d.index += 1;
            &mut d.ent
        }
    }
}

/// POSIX `readdir_r` (obsolescent): the next entry copied into `entry`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir_r(d: *mut Dir, entry: *mut Dirent, result: *mut *mut Dirent) -> c_int {
    let saved = crate::thread::area::errno();
    crate::thread::area::set_errno(0);
    // SAFETY: d is an open directory stream (C contract).
    let e = unsafe { readdir(d) };
    let err = crate::thread::area::errno();
    crate::thread::area::set_errno(saved);
    // SAFETY: the caller's entry and result pointers.
    unsafe {
        if e.is_null() {
            *result = null_mut();
            return err;
        }
        core::ptr::copy_nonoverlapping(e, entry, 1);
        *result = entry;
    }
    0
}

/// The large-file name (same `struct dirent64` on x86_64).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn readdir64_r(d: *mut Dir, entry: *mut Dirent, result: *mut *mut Dirent) -> c_int {
    // SAFETY: same contract.
    unsafe { readdir_r(d, entry, result) }
}

/// POSIX `closedir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn closedir(d: *mut Dir) -> c_int {
    // SAFETY: d is an open stream, freed here.
    unsafe {
        let r = crate::header::unistd::close((*d).fd);
        let buf = (*d).buf;
        core::ptr::drop_in_place(d);
        free(buf as *mut c_void);
        free(d as *mut c_void);
        r
    }
}

/// POSIX `dirfd`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dirfd(d: *mut Dir) -> c_int {
    // SAFETY: d is an open stream.
    unsafe { (*d).fd }
}

/// POSIX `rewinddir`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rewinddir(d: *mut Dir) {
    // SAFETY: d is an open stream.
    unsafe {
        crate::header::unistd::lseek((*d).fd, 0, 0);
        (*d).raw = new_raw((*d).fd, (*d).buf);
        (*d).index = 0;
    }
}

/// POSIX `telldir` (an entry index) and `seekdir` (replays from the start).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn telldir(d: *mut Dir) -> c_long {
    // SAFETY: d is an open stream.
    unsafe { (*d).index }
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seekdir(d: *mut Dir, pos: c_long) {
    // SAFETY: d is an open stream.
    unsafe {
        rewinddir(d);
        while (*d).index < pos && !readdir(d).is_null() {}
    }
}

const SYS_GETDENTS64: core::ffi::c_long = 217;

/// Linux `getdents64(fd, buf, len)`: raw directory records (`struct dirent`
/// is the kernel's `linux_dirent64` on x86_64). The raw path of sys/raw.rs:
/// rustix's reader wants a slice the caller's pointer may not be.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdents64(fd: c_int, buf: *mut c_void, len: usize) -> isize {
    // The kernel's count is an unsigned int: clamp instead of truncating.
    let len = len.min(i32::MAX as usize);
    // SAFETY: the caller's arguments; the kernel checks the buffer (EFAULT).
    crate::header::sys::raw::ret(unsafe { crate::header::sys::raw::syscall6(SYS_GETDENTS64, [fd as usize, buf as usize, len, 0, 0, 0]) })
}

/// musl's `getdents(fd, struct dirent *, len)`: the same records.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdents(fd: c_int, buf: *mut Dirent, len: usize) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { getdents64(fd, buf.cast(), len) as c_int }
}

/// Unsupported helper kept for `set_errno` use.
#[allow(dead_code)]
fn _e() {
    set_errno(0);
}
