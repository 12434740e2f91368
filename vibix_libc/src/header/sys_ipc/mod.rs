//! System V IPC: `<sys/shm.h>`, `<sys/sem.h>`, `<sys/msg.h>` and `ftok`
//! (`<sys/ipc.h>`). rustix has none of these calls, so each is one raw
//! syscall (header/sys/raw.rs); x86_64 has the 64-bit structures natively,
//! so commands are passed unchanged.
use core::ffi::{c_char, c_int, c_long, c_void};

use crate::header::sys::raw;

const NR_SHMGET: c_long = 29;
const NR_SHMAT: c_long = 30;
const NR_SHMCTL: c_long = 31;
const NR_SEMGET: c_long = 64;
const NR_SEMOP: c_long = 65;
const NR_SEMCTL: c_long = 66;
const NR_SHMDT: c_long = 67;
const NR_MSGGET: c_long = 68;
const NR_MSGSND: c_long = 69;
const NR_MSGRCV: c_long = 70;
const NR_MSGCTL: c_long = 71;
const NR_SEMTIMEDOP: c_long = 220;

/// One raw call with up to five arguments, C convention result.
unsafe fn call(nr: c_long, a: [usize; 5]) -> isize {
    // SAFETY: the caller passes the arguments the syscall expects.
    raw::ret(unsafe { raw::syscall6(nr, [a[0], a[1], a[2], a[3], a[4], 0]) })
}

/// XSI `ftok`: a key from a file's inode, device and a project byte.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftok(path: *const c_char, id: c_int) -> c_int {
    // SAFETY: path is a C string (C contract).
    match rustix::fs::stat(unsafe { core::ffi::CStr::from_ptr(path) }) {
        Ok(st) => (((id as u32 & 0xff) << 24) | ((st.st_dev as u32 & 0xff) << 16) | (st.st_ino as u32 & 0xffff)) as c_int,
        Err(e) => crate::thread::area::fail(e, -1),
    }
}

/// XSI `shmget`.
#[unsafe(no_mangle)]
pub extern "C" fn shmget(key: c_int, size: usize, flags: c_int) -> c_int {
    // SAFETY: integer arguments only.
    unsafe { call(NR_SHMGET, [key as usize, size, flags as usize, 0, 0]) as c_int }
}

/// XSI `shmat`: the attach address, or (void *)-1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shmat(id: c_int, addr: *const c_void, flags: c_int) -> *mut c_void {
    // SAFETY: the kernel validates the address hint.
    unsafe { call(NR_SHMAT, [id as usize, addr as usize, flags as usize, 0, 0]) as *mut c_void }
}

/// XSI `shmdt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shmdt(addr: *const c_void) -> c_int {
    // SAFETY: the kernel validates the address.
    unsafe { call(NR_SHMDT, [addr as usize, 0, 0, 0, 0]) as c_int }
}

/// XSI `shmctl`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shmctl(id: c_int, cmd: c_int, buf: *mut c_void) -> c_int {
    // SAFETY: buf is NULL or a struct shmid_ds as `cmd` needs.
    unsafe { call(NR_SHMCTL, [id as usize, cmd as usize, buf as usize, 0, 0]) as c_int }
}

/// XSI `semget`.
#[unsafe(no_mangle)]
pub extern "C" fn semget(key: c_int, n: c_int, flags: c_int) -> c_int {
    // SAFETY: integer arguments only.
    unsafe { call(NR_SEMGET, [key as usize, n as usize, flags as usize, 0, 0]) as c_int }
}

/// XSI `semop`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn semop(id: c_int, ops: *mut c_void, n: usize) -> c_int {
    // SAFETY: ops holds n struct sembuf.
    unsafe { call(NR_SEMOP, [id as usize, ops as usize, n, 0, 0]) as c_int }
}

/// Linux `semtimedop`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn semtimedop(id: c_int, ops: *mut c_void, n: usize, ts: *const c_void) -> c_int {
    // SAFETY: ops holds n struct sembuf; ts is NULL or a timespec.
    unsafe { call(NR_SEMTIMEDOP, [id as usize, ops as usize, n, ts as usize, 0]) as c_int }
}

/// XSI `semctl(id, num, cmd, ...)`: the optional `union semun` (an int or a
/// pointer, passed in a register) is declared as a fourth argument; reading it
/// when the caller passed none is harmless (see docs/libc.md, variadics).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn semctl(id: c_int, num: c_int, cmd: c_int, arg: usize) -> c_int {
    // SAFETY: arg is what `cmd` expects (C contract).
    unsafe { call(NR_SEMCTL, [id as usize, num as usize, cmd as usize, arg, 0]) as c_int }
}

/// XSI `msgget`.
#[unsafe(no_mangle)]
pub extern "C" fn msgget(key: c_int, flags: c_int) -> c_int {
    // SAFETY: integer arguments only.
    unsafe { call(NR_MSGGET, [key as usize, flags as usize, 0, 0, 0]) as c_int }
}

/// XSI `msgsnd`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgsnd(id: c_int, msg: *const c_void, size: usize, flags: c_int) -> c_int {
    // SAFETY: msg is a long type followed by size bytes.
    crate::thread::cancel::point(|| unsafe { call(NR_MSGSND, [id as usize, msg as usize, size, flags as usize, 0]) }) as c_int
}

/// XSI `msgrcv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgrcv(id: c_int, msg: *mut c_void, size: usize, ty: c_long, flags: c_int) -> isize {
    // SAFETY: msg has room for a long type and size bytes.
    crate::thread::cancel::point(|| unsafe { call(NR_MSGRCV, [id as usize, msg as usize, size, ty as usize, flags as usize]) })
}

/// XSI `msgctl`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msgctl(id: c_int, cmd: c_int, buf: *mut c_void) -> c_int {
    // SAFETY: buf is NULL or a struct msqid_ds as `cmd` needs.
    unsafe { call(NR_MSGCTL, [id as usize, cmd as usize, buf as usize, 0, 0]) as c_int }
}
