//! `<sys/statvfs.h>` (POSIX) and `<sys/statfs.h>` (Linux) file-system
//! statistics through rustix. The C `struct statfs` is the kernel's
//! `statfs64` on x86_64, which rustix returns as is.
use core::ffi::{c_char, c_int, c_ulong};
use rustix::fs::{StatFs, StatVfs};

use crate::header::unistd::bfd;
use crate::thread::area::fail;

/// glibc's `struct statvfs`.
#[repr(C)]
pub struct CStatvfs {
    f_bsize: c_ulong,
    f_frsize: c_ulong,
    f_blocks: u64,
    f_bfree: u64,
    f_bavail: u64,
    f_files: u64,
    f_ffree: u64,
    f_favail: u64,
    f_fsid: c_ulong,
    f_flag: c_ulong,
    f_namemax: c_ulong,
    spare: [c_int; 6],
}
static_assertions::const_assert_eq!(core::mem::size_of::<CStatvfs>(), 112);
static_assertions::const_assert_eq!(core::mem::size_of::<StatFs>(), 120);

fn put_vfs(r: rustix::io::Result<StatVfs>, out: *mut CStatvfs) -> c_int {
    match r {
        Ok(s) => {
            let v = CStatvfs {
                f_bsize: s.f_bsize,
                f_frsize: s.f_frsize,
                f_blocks: s.f_blocks,
                f_bfree: s.f_bfree,
                f_bavail: s.f_bavail,
                f_files: s.f_files,
                f_ffree: s.f_ffree,
                f_favail: s.f_favail,
                f_fsid: s.f_fsid,
                // The kernel marks f_flags with ST_VALID (0x20); POSIX callers never see it.
                f_flag: s.f_flag.bits() & !0x20,
                f_namemax: s.f_namemax,
                spare: [0; 6],
            };
            // SAFETY: out points at a struct statvfs (C contract).
            unsafe { out.write(v) };
            0
        }
        Err(e) => fail(e, -1),
    }
}

fn put_fs(r: rustix::io::Result<StatFs>, out: *mut StatFs) -> c_int {
    match r {
        Ok(s) => {
            // SAFETY: out points at a struct statfs, which has the kernel's layout.
            unsafe { out.write(s) };
            0
        }
        Err(e) => fail(e, -1),
    }
}

/// POSIX `statvfs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statvfs(path: *const c_char, out: *mut CStatvfs) -> c_int {
    // SAFETY: path is a C string.
    put_vfs(rustix::fs::statvfs(unsafe { core::ffi::CStr::from_ptr(path) }), out)
}

/// POSIX `fstatvfs`.
#[unsafe(no_mangle)]
pub extern "C" fn fstatvfs(fd: c_int, out: *mut CStatvfs) -> c_int {
    put_vfs(rustix::fs::fstatvfs(bfd(fd)), out)
}

/// Linux `statfs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn statfs(path: *const c_char, out: *mut StatFs) -> c_int {
    // SAFETY: path is a C string.
    put_fs(rustix::fs::statfs(unsafe { core::ffi::CStr::from_ptr(path) }), out)
}

/// Linux `fstatfs`.
#[unsafe(no_mangle)]
pub extern "C" fn fstatfs(fd: c_int, out: *mut StatFs) -> c_int {
    put_fs(rustix::fs::fstatfs(bfd(fd)), out)
}

macro_rules! alias64 {
    ($($name:ident => $target:ident($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            // SAFETY: the same function under its large-file name.
            #[allow(unused_unsafe)]
            unsafe { $target($($a),*) }
        }
    )*};
}
alias64! {
    statvfs64 => statvfs(p: *const c_char, o: *mut CStatvfs) -> c_int;
    fstatvfs64 => fstatvfs(fd: c_int, o: *mut CStatvfs) -> c_int;
    statfs64 => statfs(p: *const c_char, o: *mut StatFs) -> c_int;
    fstatfs64 => fstatfs(fd: c_int, o: *mut StatFs) -> c_int;
}
