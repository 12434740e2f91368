//! `<sys/stat.h>`: stat family, chmod, mkfifo, statx, utimensat.
use core::ffi::{c_char, c_int, c_void};
use static_assertions::{const_assert_eq};

use crate::header::unistd::fs::dirfd;
use crate::header::unistd::{bfd, cret};
use rustix::fs::{AtFlags, Mode};

/// Linux x86_64 `struct stat` (the kernel's and glibc's layout).
#[repr(C)]
pub struct Stat {
    pub st_dev: u64,
    pub st_ino: u64,
    pub st_nlink: u64,
    pub st_mode: u32,
    pub st_uid: u32,
    pub st_gid: u32,
    pub pad0: u32,
    pub st_rdev: u64,
    pub st_size: i64,
    pub st_blksize: i64,
    pub st_blocks: i64,
    pub st_atime: i64,
    pub st_atime_nsec: i64,
    pub st_mtime: i64,
    pub st_mtime_nsec: i64,
    pub st_ctime: i64,
    pub st_ctime_nsec: i64,
    pub reserved: [i64; 3],
}
const_assert_eq!(core::mem::size_of::<Stat>(), 144);
const_assert_eq!(core::mem::offset_of!(Stat, st_mode), 24);
const_assert_eq!(core::mem::offset_of!(Stat, st_size), 48);
const_assert_eq!(core::mem::offset_of!(Stat, st_mtime), 88);
const_assert_eq!(core::mem::size_of::<rustix::fs::Stat>(), 144);

fn put(out: *mut Stat, s: rustix::fs::Stat) -> c_int {
    // SAFETY: rustix's Stat is the kernel's struct stat, same size and layout
    // as ours (asserted above); out is writable.
    unsafe { core::ptr::copy_nonoverlapping(&s as *const _ as *const u8, out as *mut u8, 144) };
    0
}

/// POSIX `stat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn stat(p: *const c_char, out: *mut Stat) -> c_int {
    cret(rustix::fs::stat(crate::cs!(p)), |s| put(out, s))
}

/// POSIX `lstat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lstat(p: *const c_char, out: *mut Stat) -> c_int {
    cret(rustix::fs::lstat(crate::cs!(p)), |s| put(out, s))
}

/// POSIX `fstat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstat(fd: c_int, out: *mut Stat) -> c_int {
    cret(rustix::fs::fstat(bfd(fd)), |s| put(out, s))
}

/// POSIX `fstatat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fstatat(fd: c_int, p: *const c_char, out: *mut Stat, flags: c_int) -> c_int {
    cret(rustix::fs::statat(dirfd(fd), crate::cs!(p), AtFlags::from_bits_retain(flags as u32)), |s| put(out, s))
}

/// Linux `statx`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statx(fd: c_int, p: *const c_char, flags: c_int, mask: u32, out: *mut c_void) -> c_int {
    // Rust std probes for statx with (NULL, NULL) and expects EFAULT, as the
    // kernel answers.
    if p.is_null() || out.is_null() {
        crate::thread::area::set_errno(14); // EFAULT
        return -1;
    }
    let m = rustix::fs::StatxFlags::from_bits_retain(mask);
    cret(rustix::fs::statx(dirfd(fd), crate::cs!(p), AtFlags::from_bits_retain(flags as u32), m), |s| {
        // SAFETY: rustix's Statx is the kernel's struct statx (256 bytes); out is writable.
        unsafe { core::ptr::copy_nonoverlapping(&s as *const _ as *const u8, out as *mut u8, core::mem::size_of_val(&s)) };
        0
    })
}

/// POSIX `chmod`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn chmod(p: *const c_char, mode: u32) -> c_int {
    cret(rustix::fs::chmod(crate::cs!(p), Mode::from_raw_mode(mode)), |_| 0)
}

/// POSIX `fchmod`.
#[unsafe(no_mangle)]
pub extern "C" fn fchmod(fd: c_int, mode: u32) -> c_int {
    cret(rustix::fs::fchmod(bfd(fd), Mode::from_raw_mode(mode)), |_| 0)
}

/// POSIX `fchmodat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fchmodat(fd: c_int, p: *const c_char, mode: u32, _flags: c_int) -> c_int {
    cret(rustix::fs::chmodat(dirfd(fd), crate::cs!(p), Mode::from_raw_mode(mode), AtFlags::empty()), |_| 0)
}

/// POSIX `mkfifo`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkfifo(p: *const c_char, mode: u32) -> c_int {
    cret(rustix::fs::mkfifoat(rustix::fs::CWD, crate::cs!(p), Mode::from_raw_mode(mode)), |_| 0)
}

/// `struct timespec` pair for utimensat/futimens.
unsafe fn times(t: *const [i64; 4]) -> rustix::fs::Timestamps {
    use rustix::fs::Timestamps;
    use rustix::time::Timespec;
    if t.is_null() {
        const UTIME_NOW: i64 = (1 << 30) - 1;
        let now = Timespec { tv_sec: 0, tv_nsec: UTIME_NOW };
        return Timestamps { last_access: now, last_modification: now };
    }
    // SAFETY: t points at two timespecs.
    let t = unsafe { &*t };
    Timestamps {
        last_access: Timespec { tv_sec: t[0], tv_nsec: t[1] },
        last_modification: Timespec { tv_sec: t[2], tv_nsec: t[3] },
    }
}

/// POSIX `utimensat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utimensat(fd: c_int, p: *const c_char, t: *const [i64; 4], flags: c_int) -> c_int {
    // SAFETY: C string; t is NULL or two timespecs.
    cret(rustix::fs::utimensat(dirfd(fd), crate::cs!(p), unsafe { &times(t) }, AtFlags::from_bits_retain(flags as u32)), |_| 0)
}

/// POSIX `futimens`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn futimens(fd: c_int, t: *const [i64; 4]) -> c_int {
    // SAFETY: t is NULL or two timespecs.
    cret(rustix::fs::futimens(bfd(fd), unsafe { &times(t) }), |_| 0)
}

/// POSIX `utimes` (microsecond timevals).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utimes(p: *const c_char, tv: *const [i64; 4]) -> c_int {
    if tv.is_null() {
        // SAFETY: forwarded.
        return unsafe { utimensat(-100, p, core::ptr::null(), 0) };
    }
    // SAFETY: tv points at two timevals.
    let t = unsafe { *tv };
    let ts = [t[0], t[1] * 1000, t[2], t[3] * 1000];
    // SAFETY: forwarded.
    unsafe { utimensat(-100, p, &ts, 0) }
}

/// POSIX `utime`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utime(p: *const c_char, t: *const [i64; 2]) -> c_int {
    if t.is_null() {
        // SAFETY: forwarded.
        return unsafe { utimensat(-100, p, core::ptr::null(), 0) };
    }
    // SAFETY: t points at a struct utimbuf.
    let [a, m] = unsafe { *t };
    let ts = [a, 0, m, 0];
    // SAFETY: forwarded.
    unsafe { utimensat(-100, p, &ts, 0) }
}

#[allow(dead_code)]
fn _v(_: *mut c_void) {}

/// POSIX `mknodat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mknodat(fd: c_int, p: *const c_char, mode: u32, dev: u64) -> c_int {
    let kind = rustix::fs::FileType::from_raw_mode(mode);
    cret(rustix::fs::mknodat(dirfd(fd), crate::cs!(p), kind, Mode::from_bits_retain(mode & 0o7777), dev), |()| 0)
}

/// POSIX `mknod`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mknod(p: *const c_char, mode: u32, dev: u64) -> c_int {
    // SAFETY: same contract.
    unsafe { mknodat(-100, p, mode, dev) }
}

/// POSIX `mkfifoat`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkfifoat(fd: c_int, p: *const c_char, mode: u32) -> c_int {
    // SAFETY: same contract.
    unsafe { mknodat(fd, p, (mode & 0o7777) | 0o010000, 0) }
}

/// `lchmod`: chmod without following a final symbolic link; links have no
/// mode on Linux, so one is EOPNOTSUPP (as glibc).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lchmod(p: *const c_char, mode: u32) -> c_int {
    let path = crate::cs!(p);
    match rustix::fs::lstat(path) {
        Err(e) => crate::thread::area::fail(e, -1),
        Ok(s) if s.st_mode & 0o170000 == 0o120000 => {
            crate::thread::area::set_errno(95); // EOPNOTSUPP
            -1
        }
        Ok(_) => cret(rustix::fs::chmod(path, Mode::from_raw_mode(mode)), |_| 0),
    }
}
