//! POSIX `lockf`: write locks on a section of a file (from the current offset,
//! `len` bytes; 0 means to the end and beyond, negative means before the
//! offset), as fcntl record locks.
use core::ffi::c_int;

use crate::header::fcntl::fcntl;
use crate::thread::area::set_errno;

const F_ULOCK: c_int = 0;
const F_LOCK: c_int = 1;
const F_TLOCK: c_int = 2;
const F_TEST: c_int = 3;

const F_GETLK: c_int = 5;
const F_SETLK: c_int = 6;
const F_SETLKW: c_int = 7;
const F_WRLCK: i16 = 1;
const F_UNLCK: i16 = 2;
const SEEK_CUR: i16 = 1;
const EACCES: c_int = 13;
const EINVAL: c_int = 22;

/// `struct flock` (x86_64).
#[repr(C)]
struct Flock {
    l_type: i16,
    l_whence: i16,
    l_start: i64,
    l_len: i64,
    l_pid: c_int,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Flock>(), 32);

/// POSIX `lockf`.
#[unsafe(no_mangle)]
pub extern "C" fn lockf(fd: c_int, cmd: c_int, len: i64) -> c_int {
    let lock = |l_type: i16, cmd: c_int| {
        let mut l = Flock { l_type, l_whence: SEEK_CUR, l_start: 0, l_len: len, l_pid: 0 };
        let r = fcntl(fd, cmd, &mut l as *mut Flock as usize);
        (r, l)
    };
    match cmd {
        F_TEST => {
            // Would a read lock conflict: a lock someone else holds?
            let (r, l) = lock(0, F_GETLK);
            if r < 0 {
                return -1;
            }
            if l.l_type == F_UNLCK || l.l_pid == super::getpid() {
                return 0;
            }
            set_errno(EACCES);
            -1
        }
        F_ULOCK => lock(F_UNLCK, F_SETLK).0,
        F_TLOCK => lock(F_WRLCK, F_SETLK).0,
        F_LOCK => lock(F_WRLCK, F_SETLKW).0,
        _ => {
            set_errno(EINVAL);
            -1
        }
    }
}
