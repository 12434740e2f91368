//! The large-file (`*64`) names and glibc's old versioned `stat` entry points.
//!
//! On x86_64 `off64_t == off_t`, `struct stat64 == struct stat`, `struct dirent64
//! == struct dirent`, and `O_LARGEFILE` has no effect, so each `*64` function is
//! exactly its base function. (`open`/`openat` are variadic in C; on x86_64 a
//! variadic callee reads its third/fourth integer argument from the same register
//! as a fixed parameter, so forwarding `mode` as a fixed argument is exact.)

use core::ffi::{c_char, c_int, c_uint, c_void};
use core::mem::{offset_of, size_of};
use static_assertions::const_assert_eq;

use crate::header::dirent::Dirent;
use crate::header::sys::stat::Stat;

type OffT = i64;
/// `struct stat` / `struct stat64` / `DIR` / `struct dirent`: opaque here.
type Opaque = c_void;

// The C headers' `struct stat64` (<bits/stat.h>) and `struct dirent64`
// (<bits/dirent.h>) are laid out as glibc's, which is `Stat`'s and `Dirent`'s.
const_assert_eq!(size_of::<Stat>(), 144);
const_assert_eq!(offset_of!(Stat, st_ino), 8);
const_assert_eq!(offset_of!(Stat, st_size), 48);
const_assert_eq!(offset_of!(Stat, st_blocks), 64);
const_assert_eq!(offset_of!(Stat, st_atime), 72);
const_assert_eq!(size_of::<Dirent>(), 280);
const_assert_eq!(offset_of!(Dirent, d_off), 8);
const_assert_eq!(offset_of!(Dirent, d_reclen), 16);
const_assert_eq!(offset_of!(Dirent, d_type), 18);
const_assert_eq!(offset_of!(Dirent, d_name), 19);

extern "C" {
    fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    fn openat(dirfd: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    fn lseek(fd: c_int, off: OffT, whence: c_int) -> OffT;
    fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, off: OffT) -> *mut c_void;
    fn pread(fd: c_int, buf: *mut c_void, n: usize, off: OffT) -> isize;
    fn pwrite(fd: c_int, buf: *const c_void, n: usize, off: OffT) -> isize;
    fn ftruncate(fd: c_int, len: OffT) -> c_int;
    fn fstat(fd: c_int, st: *mut Opaque) -> c_int;
    fn stat(path: *const c_char, st: *mut Opaque) -> c_int;
    fn lstat(path: *const c_char, st: *mut Opaque) -> c_int;
    fn fstatat(dirfd: c_int, path: *const c_char, st: *mut Opaque, flags: c_int) -> c_int;
    fn readdir(dir: *mut Opaque) -> *mut Opaque;
    fn sendfile(out_fd: c_int, in_fd: c_int, off: *mut OffT, count: usize) -> isize;
    fn preadv(fd: c_int, iov: *const c_void, n: c_int, off: OffT) -> isize;
    fn pwritev(fd: c_int, iov: *const c_void, n: c_int, off: OffT) -> isize;
    fn creat(path: *const c_char, mode: c_uint) -> c_int;
    fn truncate(path: *const c_char, len: OffT) -> c_int;
    fn fallocate(fd: c_int, mode: c_int, off: OffT, len: OffT) -> c_int;
    fn posix_fadvise(fd: c_int, off: OffT, len: OffT, advice: c_int) -> c_int;
    fn posix_fallocate(fd: c_int, off: OffT, len: OffT) -> c_int;
    fn lockf(fd: c_int, cmd: c_int, len: OffT) -> c_int;
    fn fopen(path: *const c_char, mode: *const c_char) -> *mut Opaque;
    fn freopen(path: *const c_char, mode: *const c_char, f: *mut Opaque) -> *mut Opaque;
    fn fseeko(f: *mut Opaque, off: OffT, whence: c_int) -> c_int;
    fn ftello(f: *mut Opaque) -> OffT;
    fn fgetpos(f: *mut Opaque, pos: *mut Opaque) -> c_int;
    fn fsetpos(f: *mut Opaque, pos: *const Opaque) -> c_int;
    fn tmpfile() -> *mut Opaque;
    fn mkstemp(t: *mut c_char) -> c_int;
    fn mkostemp(t: *mut c_char, flags: c_int) -> c_int;
    fn mkstemps(t: *mut c_char, suffix: c_int) -> c_int;
    fn mkostemps(t: *mut c_char, suffix: c_int, flags: c_int) -> c_int;
    fn ftw(path: *const c_char, f: *const Opaque, n: c_int) -> c_int;
    fn nftw(path: *const c_char, f: *const Opaque, n: c_int, flags: c_int) -> c_int;
    fn scandir(dir: *const c_char, out: *mut Opaque, filter: *const Opaque, compar: *const Opaque) -> c_int;
    fn alphasort(a: *mut Opaque, b: *mut Opaque) -> c_int;
    fn versionsort(a: *mut Opaque, b: *mut Opaque) -> c_int;
}

macro_rules! alias {
    ($(fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty = $base:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: the same as `", stringify!($base), "` on x86_64.")]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($arg: $ty),*) -> $ret {
            // SAFETY: identical contract to the base function, arguments unchanged.
            unsafe { $base($($arg),*) }
        }
    )*};
}

alias! {
    fn open64(path: *const c_char, flags: c_int, mode: c_uint) -> c_int = open;
    fn openat64(dirfd: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int = openat;
    fn lseek64(fd: c_int, off: OffT, whence: c_int) -> OffT = lseek;
    fn mmap64(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, off: OffT) -> *mut c_void = mmap;
    fn pread64(fd: c_int, buf: *mut c_void, n: usize, off: OffT) -> isize = pread;
    fn pwrite64(fd: c_int, buf: *const c_void, n: usize, off: OffT) -> isize = pwrite;
    fn ftruncate64(fd: c_int, len: OffT) -> c_int = ftruncate;
    fn fstat64(fd: c_int, st: *mut Opaque) -> c_int = fstat;
    fn stat64(path: *const c_char, st: *mut Opaque) -> c_int = stat;
    fn lstat64(path: *const c_char, st: *mut Opaque) -> c_int = lstat;
    fn fstatat64(dirfd: c_int, path: *const c_char, st: *mut Opaque, flags: c_int) -> c_int = fstatat;
    fn readdir64(dir: *mut Opaque) -> *mut Opaque = readdir;
    fn sendfile64(out_fd: c_int, in_fd: c_int, off: *mut OffT, count: usize) -> isize = sendfile;
    fn preadv64(fd: c_int, iov: *const c_void, n: c_int, off: OffT) -> isize = preadv;
    fn pwritev64(fd: c_int, iov: *const c_void, n: c_int, off: OffT) -> isize = pwritev;
    fn creat64(path: *const c_char, mode: c_uint) -> c_int = creat;
    fn truncate64(path: *const c_char, len: OffT) -> c_int = truncate;
    fn fallocate64(fd: c_int, mode: c_int, off: OffT, len: OffT) -> c_int = fallocate;
    fn posix_fadvise64(fd: c_int, off: OffT, len: OffT, advice: c_int) -> c_int = posix_fadvise;
    fn posix_fallocate64(fd: c_int, off: OffT, len: OffT) -> c_int = posix_fallocate;
    fn lockf64(fd: c_int, cmd: c_int, len: OffT) -> c_int = lockf;
    fn fopen64(path: *const c_char, mode: *const c_char) -> *mut Opaque = fopen;
    fn freopen64(path: *const c_char, mode: *const c_char, f: *mut Opaque) -> *mut Opaque = freopen;
    fn fseeko64(f: *mut Opaque, off: OffT, whence: c_int) -> c_int = fseeko;
    fn ftello64(f: *mut Opaque) -> OffT = ftello;
    fn fgetpos64(f: *mut Opaque, pos: *mut Opaque) -> c_int = fgetpos;
    fn fsetpos64(f: *mut Opaque, pos: *const Opaque) -> c_int = fsetpos;
    fn tmpfile64() -> *mut Opaque = tmpfile;
    fn mkstemp64(t: *mut c_char) -> c_int = mkstemp;
    fn mkostemp64(t: *mut c_char, flags: c_int) -> c_int = mkostemp;
    fn mkstemps64(t: *mut c_char, suffix: c_int) -> c_int = mkstemps;
    fn mkostemps64(t: *mut c_char, suffix: c_int, flags: c_int) -> c_int = mkostemps;
    fn ftw64(path: *const c_char, f: *const Opaque, n: c_int) -> c_int = ftw;
    fn nftw64(path: *const c_char, f: *const Opaque, n: c_int, flags: c_int) -> c_int = nftw;
    fn scandir64(dir: *const c_char, out: *mut Opaque, filter: *const Opaque, compar: *const Opaque) -> c_int = scandir;
    fn alphasort64(a: *mut Opaque, b: *mut Opaque) -> c_int = alphasort;
    fn versionsort64(a: *mut Opaque, b: *mut Opaque) -> c_int = versionsort;
}

/// glibc < 2.33 exported `stat` & co. only as `__*xstat*(version, ...)` (the
/// toolchain's `libstd-*.so` still imports these); version 1 is x86_64's only one.
macro_rules! xstat {
    ($(fn $name:ident(_ver, $($arg:ident: $ty:ty),*) = $base:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: `", stringify!($base), "` behind glibc's old versioned entry point.")]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name(_ver: c_int, $($arg: $ty),*) -> c_int {
            // SAFETY: identical contract to the base function once the version is dropped.
            unsafe { $base($($arg),*) }
        }
    )*};
}

xstat! {
    fn __fxstat(_ver, fd: c_int, st: *mut Opaque) = fstat;
    fn __fxstat64(_ver, fd: c_int, st: *mut Opaque) = fstat;
    fn __xstat(_ver, path: *const c_char, st: *mut Opaque) = stat;
    fn __xstat64(_ver, path: *const c_char, st: *mut Opaque) = stat;
    fn __lxstat(_ver, path: *const c_char, st: *mut Opaque) = lstat;
    fn __lxstat64(_ver, path: *const c_char, st: *mut Opaque) = lstat;
    fn __fxstatat(_ver, dirfd: c_int, path: *const c_char, st: *mut Opaque, flags: c_int) = fstatat;
    fn __fxstatat64(_ver, dirfd: c_int, path: *const c_char, st: *mut Opaque, flags: c_int) = fstatat;
}

