//! Loadable kernel modules: `init_module`/`delete_module` (glibc and musl
//! export them without declaring them). Raw system calls: rustix's wrappers
//! take a slice and a `CStr`, which would have to be built from the caller's
//! pointers before the kernel checked them (a bad pointer must be EFAULT).

use core::ffi::{c_char, c_int, c_long, c_uint, c_ulong, c_void};

use super::call;

const SYS_INIT_MODULE: c_long = 175;
const SYS_DELETE_MODULE: c_long = 176;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn init_module(image: *mut c_void, len: c_ulong, params: *const c_char) -> c_int {
    call(SYS_INIT_MODULE, [image as usize, len as usize, params as usize, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn delete_module(name: *const c_char, flags: c_uint) -> c_int {
    call(SYS_DELETE_MODULE, [name as usize, flags as usize, 0, 0, 0, 0]) as c_int
}
