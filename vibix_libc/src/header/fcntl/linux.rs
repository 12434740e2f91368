//! Linux-only `<fcntl.h>` calls rustix has no wrapper for: file handles
//! (`name_to_handle_at`/`open_by_handle_at`) and `sync_file_range`. Raw
//! system calls (header/sys/raw.rs) with the C caller's arguments: the
//! kernel validates `struct file_handle`'s size and the pointers.

use core::ffi::{c_char, c_int, c_long, c_uint, c_void};

use crate::header::sys::raw::{ret, syscall6};

const SYS_SYNC_FILE_RANGE: c_long = 277;
const SYS_NAME_TO_HANDLE_AT: c_long = 303;
const SYS_OPEN_BY_HANDLE_AT: c_long = 304;

fn call(n: c_long, a: [usize; 6]) -> c_int {
    // SAFETY: every caller passes the C caller's arguments for syscall `n`;
    // the pointers among them are checked by the kernel (EFAULT).
    ret(unsafe { syscall6(n, a) }) as c_int
}

/// `name_to_handle_at(dirfd, path, handle, mount_id, flags)`: `handle` is the
/// caller's `struct file_handle` with `handle_bytes` set to its capacity.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn name_to_handle_at(dirfd: c_int, path: *const c_char, handle: *mut c_void, mount_id: *mut c_int, flags: c_int) -> c_int {
    call(SYS_NAME_TO_HANDLE_AT, [dirfd as usize, path as usize, handle as usize, mount_id as usize, flags as usize, 0])
}

/// `open_by_handle_at(mount_fd, handle, flags)` (needs CAP_DAC_READ_SEARCH).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn open_by_handle_at(mount_fd: c_int, handle: *mut c_void, flags: c_int) -> c_int {
    call(SYS_OPEN_BY_HANDLE_AT, [mount_fd as usize, handle as usize, flags as usize, 0, 0, 0])
}

/// `sync_file_range(fd, offset, nbytes, flags)`.
#[unsafe(no_mangle)]
pub extern "C" fn sync_file_range(fd: c_int, offset: i64, nbytes: i64, flags: c_uint) -> c_int {
    call(SYS_SYNC_FILE_RANGE, [fd as usize, offset as usize, nbytes as usize, flags as usize, 0, 0])
}
