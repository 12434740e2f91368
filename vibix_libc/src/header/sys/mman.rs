//! `<sys/mman.h>`.
use core::ffi::{c_int, c_void};

use crate::header::unistd::cret;
use crate::thread::area::fail;
use rustix::mm::{MapFlags, MprotectFlags, ProtFlags};

const MAP_FAILED: *mut c_void = !0usize as *mut c_void;

/// POSIX `mmap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, off: i64) -> *mut c_void {
    let p = ProtFlags::from_bits_retain(prot as u32);
    const MAP_ANONYMOUS: c_int = 0x20;
    let r = if flags & MAP_ANONYMOUS != 0 {
        let f = MapFlags::from_bits_retain((flags & !MAP_ANONYMOUS) as u32);
        // SAFETY: the caller takes responsibility for the mapping (C contract).
        unsafe { rustix::mm::mmap_anonymous(addr, len, p, f) }
    } else {
        let f = MapFlags::from_bits_retain(flags as u32);
        // SAFETY: as above.
        unsafe { rustix::mm::mmap(addr, len, p, f, crate::header::unistd::bfd(fd), off as u64) }
    };
    match r {
        Ok(m) => m,
        Err(e) => fail(e, MAP_FAILED),
    }
}

/// POSIX `munmap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn munmap(addr: *mut c_void, len: usize) -> c_int {
    // SAFETY: the caller owns the range.
    cret(unsafe { rustix::mm::munmap(addr, len) }, |_| 0)
}

/// POSIX `mprotect`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> c_int {
    // SAFETY: the caller owns the range.
    cret(unsafe { rustix::mm::mprotect(addr, len, MprotectFlags::from_bits_retain(prot as u32)) }, |_| 0)
}

/// POSIX `msync`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn msync(addr: *mut c_void, len: usize, flags: c_int) -> c_int {
    // SAFETY: the caller owns the range.
    cret(unsafe { rustix::mm::msync(addr, len, rustix::mm::MsyncFlags::from_bits_retain(flags as u32)) }, |_| 0)
}

/// POSIX `madvise` / `posix_madvise`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int {
    use rustix::mm::Advice;
    let a = match advice {
        0 => Advice::Normal,
        1 => Advice::Random,
        2 => Advice::Sequential,
        3 => Advice::WillNeed,
        4 => Advice::LinuxDontNeed,
        8 => Advice::LinuxFree,
        _ => return 0,
    };
    // SAFETY: the caller owns the range.
    cret(unsafe { rustix::mm::madvise(addr, len, a) }, |_| 0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int {
    // SAFETY: forwarded.
    if unsafe { madvise(addr, len, advice) } == 0 { 0 } else { crate::thread::area::errno() }
}

/// Linux `mremap(addr, old, new, flags, ...)`: the 5th argument, the new
/// address, is read only with MREMAP_FIXED (C callers pass it in the fifth
/// argument register, so reading it as a plain parameter is the va_arg).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mremap(addr: *mut c_void, old: usize, new: usize, flags: c_int, new_addr: *mut c_void) -> *mut c_void {
    use rustix::mm::MremapFlags;
    const MREMAP_FIXED: c_int = 2;
    let f = MremapFlags::from_bits_retain(flags as u32);
    // SAFETY: the caller owns the mapping (and, with MREMAP_FIXED, the target range).
    let r = unsafe {
        if flags & MREMAP_FIXED != 0 {
            rustix::mm::mremap_fixed(addr, old, new, f, new_addr)
        } else {
            rustix::mm::mremap(addr, old, new, f)
        }
    };
    match r {
        Ok(p) => p,
        Err(e) => fail(e, MAP_FAILED),
    }
}

/// POSIX `mlock` / `munlock`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mlock(addr: *const c_void, len: usize) -> c_int {
    // SAFETY: locking pages has no memory-safety impact.
    cret(unsafe { rustix::mm::mlock(addr as *mut c_void, len) }, |_| 0)
}
#[unsafe(no_mangle)]
pub unsafe extern "C" fn munlock(addr: *const c_void, len: usize) -> c_int {
    // SAFETY: as mlock.
    cret(unsafe { rustix::mm::munlock(addr as *mut c_void, len) }, |_| 0)
}
