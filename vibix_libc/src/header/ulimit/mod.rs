//! `<ulimit.h>`: the obsolete file-size limit, in 512-byte blocks.
use core::ffi::{c_int, c_long};

use crate::thread::area::set_errno;

const UL_GETFSIZE: c_int = 1;
const UL_SETFSIZE: c_int = 2;

/// XSI `ulimit` (variadic in C; x86_64 passes the second integer argument in
/// the same register as a fixed parameter).
#[unsafe(no_mangle)]
pub extern "C" fn ulimit(cmd: c_int, arg: c_long) -> c_long {
    use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
    match cmd {
        UL_GETFSIZE => getrlimit(Resource::Fsize).current.map_or(c_long::MAX, |v| (v / 512).min(c_long::MAX as u64) as c_long),
        UL_SETFSIZE => {
            if arg < 0 {
                set_errno(22);
                return -1;
            }
            let bytes = (arg as u64).checked_mul(512);
            let l = Rlimit { current: bytes, maximum: bytes };
            match setrlimit(Resource::Fsize, l) {
                Ok(()) => arg,
                Err(e) => crate::thread::area::fail(e, -1),
            }
        }
        _ => {
            set_errno(22);
            -1
        }
    }
}
