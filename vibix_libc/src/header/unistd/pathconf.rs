//! POSIX `pathconf`/`fpathconf`: Linux's limits (glibc's values; NAME_MAX and
//! the allocation size come from the file system, via statfs).
use core::ffi::{c_char, c_int, c_long};

use crate::thread::area::{fail, set_errno};

const EINVAL: c_int = 22;

fn value(name: c_int, fs: impl FnOnce() -> rustix::io::Result<rustix::fs::StatFs>) -> c_long {
    match name {
        0 => 127,              // _PC_LINK_MAX (glibc's fallback for unknown file systems)
        1 | 2 => 255,          // _PC_MAX_CANON, _PC_MAX_INPUT
        3 => match fs() {      // _PC_NAME_MAX
            Ok(s) => s.f_namelen as c_long,
            Err(e) => fail(e, -1),
        },
        4 => 4096,             // _PC_PATH_MAX
        5 => 4096,             // _PC_PIPE_BUF
        6 | 7 => 1,            // _PC_CHOWN_RESTRICTED, _PC_NO_TRUNC
        8 => 0,                // _PC_VDISABLE
        9..=12 => -1,          // _PC_SYNC_IO, _PC_ASYNC_IO, _PC_PRIO_IO, _PC_SOCK_MAXBUF: no limit
        13 => 64,              // _PC_FILESIZEBITS
        14..=17 => -1,         // _PC_REC_*: indeterminate
        18 => match fs() {     // _PC_REC_MIN_XFER_SIZE / _PC_ALLOC_SIZE_MIN
            Ok(s) => s.f_bsize as c_long,
            Err(e) => fail(e, -1),
        },
        19 => -1,              // _PC_SYMLINK_MAX: no limit
        20 => 1,               // _PC_2_SYMLINKS
        _ => {
            set_errno(EINVAL);
            -1
        }
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pathconf(p: *const c_char, name: c_int) -> c_long {
    if p.is_null() {
        set_errno(14); // EFAULT, what the kernel answers
        return -1;
    }
    // SAFETY: a C string from the caller.
    let path = unsafe { core::ffi::CStr::from_ptr(p) };
    value(name, || rustix::fs::statfs(path))
}

#[unsafe(no_mangle)]
pub extern "C" fn fpathconf(fd: c_int, name: c_int) -> c_long {
    value(name, || rustix::fs::fstatfs(crate::header::unistd::bfd(fd)))
}
