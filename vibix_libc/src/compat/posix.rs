//! Assorted POSIX/Linux calls Rust std references: vectored positional I/O,
//! splice/sendfile, flock, linkat, chroot, credentials, waitid, CPU affinity.

use core::ffi::{c_char, c_int, c_long, c_uint, c_void, CStr};

use rustix::fs::{AtFlags, FlockOperation};
use rustix::io::{IoSlice, IoSliceMut};
use rustix::pipe::SpliceFlags;

use crate::header::sys::raw::{ret, syscall6};
use crate::header::unistd::{bfd, cret};
use crate::thread::area::{fail, set_errno};

const EINVAL: c_int = 22;
const SYS_WAITID: c_long = 247;

fn size_ret(r: rustix::io::Result<usize>) -> isize {
    match r {
        Ok(n) => n as isize,
        Err(e) => fail(e, -1),
    }
}

unsafe fn cstr<'a>(p: *const c_char) -> &'a CStr {
    // SAFETY: the C caller passes a NUL-terminated string.
    unsafe { CStr::from_ptr(p) }
}

/// An optional in/out `off_t *` as rustix wants it.
unsafe fn offset<'a>(p: *mut i64) -> Option<&'a mut u64> {
    // SAFETY: NULL or a valid off_t (C contract); same size and alignment as u64.
    unsafe { p.cast::<u64>().as_mut() }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn preadv(fd: c_int, iov: *const c_void, n: c_int, off: i64) -> isize {
    // SAFETY: struct iovec and rustix's IoSliceMut share the Linux layout.
    let bufs = unsafe { core::slice::from_raw_parts_mut(iov as *mut IoSliceMut, n.max(0) as usize) };
    size_ret(rustix::io::preadv(bfd(fd), bufs, off as u64))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pwritev(fd: c_int, iov: *const c_void, n: c_int, off: i64) -> isize {
    // SAFETY: struct iovec and rustix's IoSlice share the Linux layout.
    let bufs = unsafe { core::slice::from_raw_parts(iov as *const IoSlice, n.max(0) as usize) };
    size_ret(rustix::io::pwritev(bfd(fd), bufs, off as u64))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn splice(fd_in: c_int, off_in: *mut i64, fd_out: c_int, off_out: *mut i64, len: usize, flags: c_uint) -> isize {
    // SAFETY: caller's optional offsets.
    let (oi, oo) = unsafe { (offset(off_in), offset(off_out)) };
    size_ret(rustix::pipe::splice(bfd(fd_in), oi, bfd(fd_out), oo, len, SpliceFlags::from_bits_retain(flags)))
}

#[unsafe(no_mangle)]
pub extern "C" fn tee(fd_in: c_int, fd_out: c_int, len: usize, flags: c_uint) -> isize {
    size_ret(rustix::pipe::tee(bfd(fd_in), bfd(fd_out), len, SpliceFlags::from_bits_retain(flags)))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmsplice(fd: c_int, iov: *const IoSlice<'_>, n: usize, flags: c_uint) -> isize {
    // SAFETY: `n` struct iovec at `iov` (C contract); IoSliceRaw has the iovec layout.
    let bufs = unsafe { core::slice::from_raw_parts(iov.cast::<rustix::pipe::IoSliceRaw<'_>>(), n) };
    // SAFETY: the iovecs describe the caller's memory (vmsplice's contract).
    size_ret(unsafe { rustix::pipe::vmsplice(bfd(fd), bufs, SpliceFlags::from_bits_retain(flags)) })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sendfile(out_fd: c_int, in_fd: c_int, off: *mut i64, count: usize) -> isize {
    // SAFETY: caller's optional offset.
    size_ret(rustix::fs::sendfile(bfd(out_fd), bfd(in_fd), unsafe { offset(off) }, count))
}

#[unsafe(no_mangle)]
pub extern "C" fn flock(fd: c_int, op: c_int) -> c_int {
    const SH: c_int = 1;
    const EX: c_int = 2;
    const NB: c_int = 4;
    const UN: c_int = 8;
    let op = match op {
        SH => FlockOperation::LockShared,
        EX => FlockOperation::LockExclusive,
        UN => FlockOperation::Unlock,
        x if x == SH | NB => FlockOperation::NonBlockingLockShared,
        x if x == EX | NB => FlockOperation::NonBlockingLockExclusive,
        x if x == UN | NB => FlockOperation::NonBlockingUnlock,
        _ => {
            set_errno(EINVAL);
            return -1;
        }
    };
    cret(rustix::fs::flock(bfd(fd), op), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn linkat(olddir: c_int, old: *const c_char, newdir: c_int, new: *const c_char, flags: c_int) -> c_int {
    // SAFETY: C strings from the caller.
    let (old, new) = unsafe { (cstr(old), cstr(new)) };
    cret(rustix::fs::linkat(bfd(olddir), old, bfd(newdir), new, AtFlags::from_bits_retain(flags as _)), |()| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn chroot(path: *const c_char) -> c_int {
    // SAFETY: C string from the caller.
    cret(rustix::process::chroot(unsafe { cstr(path) }), |()| 0)
}

/// Linux changes credentials per thread; glibc broadcasts the change to every
/// thread. We change the calling thread's only (see docs/unsupported.md): std
/// calls these in a freshly forked, single-threaded child, where that is the
/// whole process.
#[unsafe(no_mangle)]
pub extern "C" fn setuid(uid: c_uint) -> c_int {
    cret(rustix::thread::set_thread_uid(rustix::process::Uid::from_raw(uid)), |()| 0)
}

/// See [`setuid`].
#[unsafe(no_mangle)]
pub extern "C" fn setgid(gid: c_uint) -> c_int {
    cret(rustix::thread::set_thread_gid(rustix::process::Gid::from_raw(gid)), |()| 0)
}

/// See [`setuid`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setgroups(n: usize, list: *const c_uint) -> c_int {
    let groups: &[rustix::process::Gid] = if n == 0 {
        &[]
    } else {
        // SAFETY: `n` gid_t values (C contract); Gid is a transparent u32.
        unsafe { core::slice::from_raw_parts(list.cast(), n) }
    };
    cret(rustix::thread::set_thread_groups(groups), |()| 0)
}

/// `waitid` fills a caller's `siginfo_t`, which rustix only exposes through
/// accessors, so this one goes to the kernel directly.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn waitid(idtype: c_int, id: c_uint, info: *mut c_void, options: c_int) -> c_int {
    // SAFETY: the kernel writes a siginfo_t (128 bytes) at `info`.
    let r = crate::thread::cancel::point(|| unsafe { syscall6(SYS_WAITID, [idtype as usize, id as usize, info as usize, options as usize, 0, 0]) });
    ret(r) as c_int
}

/// Returns 0 (glibc's convention, not the kernel's byte count) and the mask of
/// CPUs `pid` (0: the caller) may run on, in `size` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sched_getaffinity(pid: c_int, size: usize, mask: *mut u8) -> c_int {
    let set = match rustix::thread::sched_getaffinity(rustix::process::Pid::from_raw(pid)) {
        Ok(s) => s,
        Err(e) => return fail(e, -1),
    };
    // SAFETY: `size` writable bytes at `mask` (C contract).
    let out = unsafe { core::slice::from_raw_parts_mut(mask, size) };
    out.fill(0);
    for cpu in 0..(size * 8).min(rustix::thread::CpuSet::MAX_CPU) {
        if set.is_set(cpu) {
            out[cpu / 8] |= 1 << (cpu % 8);
        }
    }
    0
}
