//! `*at` and descriptor-relative calls of `<unistd.h>` the others lacked:
//! `fchownat`, `symlinkat`, `eaccess`/`euidaccess`, `fexecve`, `getgroups`.
use core::ffi::{c_char, c_int, c_uint};

use super::cret;
use super::fs::dirfd;
use crate::thread::area::{fail, set_errno};
use rustix::fs::{Access, AtFlags, Gid, Uid};

const EINVAL: c_int = 22;

fn at_flags(flags: c_int) -> AtFlags {
    AtFlags::from_bits_retain(flags as u32)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn fchownat(fd: c_int, p: *const c_char, uid: c_uint, gid: c_uint, flags: c_int) -> c_int {
    // (uid_t)-1 / (gid_t)-1 mean "leave unchanged", as rustix's None.
    let u = (uid != u32::MAX).then(|| Uid::from_raw(uid));
    let g = (gid != u32::MAX).then(|| Gid::from_raw(gid));
    cret(rustix::fs::chownat(dirfd(fd), crate::cs!(p), u, g, at_flags(flags)), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn symlinkat(target: *const c_char, fd: c_int, linkpath: *const c_char) -> c_int {
    cret(rustix::fs::symlinkat(crate::cs!(target), dirfd(fd), crate::cs!(linkpath)), |()| 0)
}

/// `access` with the effective ids (AT_EACCESS).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn eaccess(p: *const c_char, mode: c_int) -> c_int {
    let Some(access) = Access::from_bits(mode as u32) else {
        set_errno(EINVAL);
        return -1;
    };
    cret(rustix::fs::accessat(rustix::fs::CWD, crate::cs!(p), access, AtFlags::EACCESS), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn euidaccess(p: *const c_char, mode: c_int) -> c_int {
    // SAFETY: same contract.
    unsafe { eaccess(p, mode) }
}

/// POSIX `fexecve`: execveat(fd, "", ..., AT_EMPTY_PATH).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fexecve(fd: c_int, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    if fd < 0 {
        set_errno(EINVAL);
        return -1;
    }
    // SAFETY: argv/envp are NULL-terminated arrays of C strings (C contract).
    let e = unsafe { crate::rt::execveat(crate::header::unistd::bfd(fd), c"", argv as _, envp as _, AtFlags::EMPTY_PATH) };
    fail(e, -1)
}

/// POSIX `getgroups`: size 0 asks for the count only.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgroups(size: c_int, list: *mut c_uint) -> c_int {
    let groups = match rustix::process::getgroups() {
        Ok(g) => g,
        Err(e) => return fail(e, -1),
    };
    if size == 0 {
        return groups.len() as c_int;
    }
    if size < 0 || (size as usize) < groups.len() {
        set_errno(EINVAL);
        return -1;
    }
    for (i, g) in groups.iter().enumerate() {
        // SAFETY: `size` >= len writable entries (C contract).
        unsafe { list.add(i).write(g.as_raw()) };
    }
    groups.len() as c_int
}
