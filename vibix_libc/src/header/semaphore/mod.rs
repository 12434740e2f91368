//! `<semaphore.h>` named semaphores: `sem_open("/name")` is a 32-byte `sem_t`
//! in the file /dev/shm/sem.name, mapped shared (the futex calls of
//! thread/sem.rs are process-shared, so other processes mapping the same file
//! see the same semaphore). A new one is written in full to a temporary file
//! and then linked to its name, so nobody ever opens a half-made semaphore.
//! Opening the same semaphore twice in a process gives the same address
//! (POSIX); sem_close unmaps it at the last close.
use core::ffi::{c_char, c_int, c_uint, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::header::sys::mman::shm_path;
use crate::sync::Lock;
use crate::thread::area::{fail, set_errno};
use crate::thread::sem::Sem;
use rustix::fd::OwnedFd;
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;

const SEM_FAILED: *mut Sem = null_mut();
const SEM_VALUE_MAX: c_uint = i32::MAX as c_uint;
const O_CREAT: c_int = 0o100;
const O_EXCL: c_int = 0o200;
/// SEM_NSEMS_MAX: named semaphores one process may have open at once.
const MAX_OPEN: usize = 256;
const SEM_SIZE: usize = core::mem::size_of::<Sem>();

#[derive(Clone, Copy)]
struct Open {
    addr: usize,
    dev: u64,
    ino: u64,
    refs: u32,
}

static LOCK: Lock = Lock::new();
static mut TABLE: [Open; MAX_OPEN] = [Open { addr: 0, dev: 0, ino: 0, refs: 0 }; MAX_OPEN];
static TMP_SEQ: AtomicU32 = AtomicU32::new(0);

fn cpath(p: &[u8]) -> &core::ffi::CStr {
    core::ffi::CStr::from_bytes_until_nul(p).unwrap_or(c"")
}

/// A new file holding an initialised semaphore, linked at `path`.
fn create(path: &core::ffi::CStr, mode: u32, value: c_uint) -> Result<OwnedFd, Errno> {
    let mut tmp = [0u8; 64];
    let head = b"/dev/shm/.sem-tmp-";
    tmp[..head.len()].copy_from_slice(head);
    let id = (crate::thread::area::tid() as u64) << 32 | TMP_SEQ.fetch_add(1, Ordering::Relaxed) as u64;
    for i in 0..16 {
        tmp[head.len() + i] = b"0123456789abcdef"[((id >> (60 - 4 * i)) & 15) as usize];
    }
    let tmp = cpath(&tmp);
    let fd = rustix::fs::open(tmp, OFlags::RDWR | OFlags::CREATE | OFlags::EXCL | OFlags::CLOEXEC | OFlags::NOFOLLOW, Mode::from_raw_mode(mode))?;
    let mut init = [0u8; SEM_SIZE];
    init[..4].copy_from_slice(&value.to_ne_bytes());
    let r = match rustix::io::write(&fd, &init) {
        Ok(n) if n == SEM_SIZE => rustix::fs::link(tmp, path),
        Ok(_) => Err(Errno::NOSPC),
        Err(e) => Err(e),
    };
    let _ = rustix::fs::unlink(tmp);
    r.map(|()| fd)
}

/// Maps the semaphore file `fd` (or finds this process's mapping of it).
fn map(fd: &OwnedFd) -> Result<*mut Sem, Errno> {
    let st = rustix::fs::fstat(fd)?;
    if (st.st_size as usize) < SEM_SIZE {
        return Err(Errno::INVAL);
    }
    let _g = LOCK.guard();
    // SAFETY: TABLE is only touched under LOCK.
    let table = unsafe { &mut *(&raw mut TABLE) };
    if let Some(e) = table.iter_mut().find(|e| e.refs > 0 && e.dev == st.st_dev && e.ino == st.st_ino) {
        e.refs += 1;
        return Ok(e.addr as *mut Sem);
    }
    let Some(slot) = table.iter_mut().find(|e| e.refs == 0) else { return Err(Errno::MFILE) };
    use rustix::mm::{MapFlags, ProtFlags};
    // SAFETY: a new shared mapping of the semaphore file; nothing else is there.
    let p = unsafe { rustix::mm::mmap(null_mut(), SEM_SIZE, ProtFlags::READ | ProtFlags::WRITE, MapFlags::SHARED, fd, 0)? };
    *slot = Open { addr: p as usize, dev: st.st_dev, ino: st.st_ino, refs: 1 };
    Ok(p as *mut Sem)
}

/// POSIX `sem_open(name, oflag[, mode, value])` (mode and value are read only
/// with O_CREAT; as variadic arguments they arrive in the same registers).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_open(name: *const c_char, oflag: c_int, mode: u32, value: c_uint) -> *mut Sem {
    // SAFETY: name is a C string.
    let p = match unsafe { shm_path(name, b"sem.") } {
        Ok(p) => p,
        Err(e) => {
            set_errno(e);
            return SEM_FAILED;
        }
    };
    let path = cpath(&p);
    if oflag & O_CREAT != 0 && value > SEM_VALUE_MAX {
        set_errno(22);
        return SEM_FAILED;
    }
    loop {
        if oflag & (O_CREAT | O_EXCL) != O_CREAT | O_EXCL {
            match rustix::fs::open(path, OFlags::RDWR | OFlags::CLOEXEC | OFlags::NOFOLLOW, Mode::empty()) {
                Ok(fd) => return map(&fd).unwrap_or_else(|e| fail(e, SEM_FAILED)),
                Err(Errno::NOENT) if oflag & O_CREAT != 0 => {}
                Err(e) => return fail(e, SEM_FAILED),
            }
        }
        match create(path, mode, value) {
            Ok(fd) => return map(&fd).unwrap_or_else(|e| fail(e, SEM_FAILED)),
            // Someone else created it first: open theirs (unless O_EXCL).
            Err(Errno::EXIST) if oflag & O_EXCL == 0 => continue,
            Err(e) => return fail(e, SEM_FAILED),
        }
    }
}

/// POSIX `sem_close`: the mapping goes away at this process's last close.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_close(s: *mut Sem) -> c_int {
    let _g = LOCK.guard();
    // SAFETY: TABLE is only touched under LOCK.
    let table = unsafe { &mut *(&raw mut TABLE) };
    let Some(e) = table.iter_mut().find(|e| e.refs > 0 && e.addr == s as usize) else {
        set_errno(22);
        return -1;
    };
    e.refs -= 1;
    if e.refs == 0 {
        // SAFETY: our own mapping from map(); no sem_t of it is in use any more.
        let _ = unsafe { rustix::mm::munmap(e.addr as *mut c_void, SEM_SIZE) };
        e.addr = 0;
    }
    0
}

/// POSIX `sem_unlink`: the name goes; open semaphores live on.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sem_unlink(name: *const c_char) -> c_int {
    // SAFETY: name is a C string.
    match unsafe { shm_path(name, b"sem.") } {
        Ok(p) => crate::header::unistd::cret(rustix::fs::unlink(cpath(&p)), |_| 0),
        Err(e) => {
            set_errno(e);
            -1
        }
    }
}
