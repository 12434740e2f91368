//! `<sys/inotify.h>`: file-system event watches through rustix.
use core::ffi::{c_char, c_int};
use rustix::fs::inotify::{self, CreateFlags, WatchFlags};

use crate::header::unistd::{bfd, cret};

/// Linux `inotify_init`.
#[unsafe(no_mangle)]
pub extern "C" fn inotify_init() -> c_int {
    inotify_init1(0)
}

/// Linux `inotify_init1` (IN_CLOEXEC, IN_NONBLOCK).
#[unsafe(no_mangle)]
pub extern "C" fn inotify_init1(flags: c_int) -> c_int {
    cret(inotify::init(CreateFlags::from_bits_retain(flags as _)), rustix::fd::IntoRawFd::into_raw_fd)
}

/// Linux `inotify_add_watch`: the watch descriptor.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn inotify_add_watch(fd: c_int, path: *const c_char, mask: u32) -> c_int {
    // SAFETY: path is a C string (C contract).
    let p = unsafe { core::ffi::CStr::from_ptr(path) };
    cret(inotify::add_watch(bfd(fd), p, WatchFlags::from_bits_retain(mask)), |wd| wd)
}

/// Linux `inotify_rm_watch`.
#[unsafe(no_mangle)]
pub extern "C" fn inotify_rm_watch(fd: c_int, wd: c_int) -> c_int {
    cret(inotify::remove_watch(bfd(fd), wd), |_| 0)
}
