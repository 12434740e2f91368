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

/// `/dev/shm/<prefix><name>` for a POSIX shared-object name: one leading `/`
/// is allowed (more are skipped), the rest must be a plain file name.
/// Err is the errno (EINVAL, ENAMETOOLONG).
pub unsafe fn shm_path(name: *const core::ffi::c_char, prefix: &[u8]) -> Result<[u8; 300], c_int> {
    if name.is_null() {
        return Err(22);
    }
    // SAFETY: name is a C string (caller contract).
    let mut n = unsafe { core::ffi::CStr::from_ptr(name) }.to_bytes();
    while let [b'/', rest @ ..] = n {
        n = rest;
    }
    if n.is_empty() || n == b"." || n == b".." || n.contains(&b'/') {
        return Err(22);
    }
    if n.len() + prefix.len() > 255 {
        return Err(36);
    }
    const DIR: &[u8] = b"/dev/shm/";
    let mut p = [0u8; 300];
    p[..DIR.len()].copy_from_slice(DIR);
    p[DIR.len()..DIR.len() + prefix.len()].copy_from_slice(prefix);
    p[DIR.len() + prefix.len()..DIR.len() + prefix.len() + n.len()].copy_from_slice(n);
    Ok(p)
}

fn path_cstr(p: &[u8; 300]) -> &core::ffi::CStr {
    // The buffer is zero-filled past the path, so a NUL is always there.
    core::ffi::CStr::from_bytes_until_nul(p).unwrap_or(c"")
}

/// POSIX `shm_open`: a file in /dev/shm, opened close-on-exec and not
/// following symbolic links.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shm_open(name: *const core::ffi::c_char, flags: c_int, mode: u32) -> c_int {
    // SAFETY: name is a C string.
    let p = match unsafe { shm_path(name, b"") } {
        Ok(p) => p,
        Err(e) => {
            crate::thread::area::set_errno(e);
            return -1;
        }
    };
    use rustix::fs::OFlags;
    let of = OFlags::from_bits_retain(flags as u32) | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK;
    cret(rustix::fs::open(path_cstr(&p), of, rustix::fs::Mode::from_raw_mode(mode)), |fd| {
        use rustix::fd::IntoRawFd;
        fd.into_raw_fd()
    })
}

/// POSIX `shm_unlink`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shm_unlink(name: *const core::ffi::c_char) -> c_int {
    // SAFETY: name is a C string.
    match unsafe { shm_path(name, b"") } {
        Ok(p) => cret(rustix::fs::unlink(path_cstr(&p)), |_| 0),
        Err(e) => {
            crate::thread::area::set_errno(e);
            -1
        }
    }
}

/// Linux `memfd_create`: an anonymous file (MFD_CLOEXEC, MFD_ALLOW_SEALING, ...).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memfd_create(name: *const core::ffi::c_char, flags: core::ffi::c_uint) -> c_int {
    cret(rustix::fs::memfd_create(crate::cs!(name), rustix::fs::MemfdFlags::from_bits_retain(flags)), |fd| {
        use rustix::fd::IntoRawFd;
        fd.into_raw_fd()
    })
}

/// Linux `mlock2(addr, len, flags)` (MLOCK_ONFAULT).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mlock2(addr: *const c_void, len: usize, flags: core::ffi::c_uint) -> c_int {
    // from_bits_retain: the kernel rejects unknown flags (EINVAL).
    let f = rustix::mm::MlockFlags::from_bits_retain(flags);
    // SAFETY: locking pages has no memory-safety impact.
    cret(unsafe { rustix::mm::mlock_with(addr as *mut c_void, len, f) }, |_| 0)
}

/// POSIX `mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)`.
#[unsafe(no_mangle)]
pub extern "C" fn mlockall(flags: c_int) -> c_int {
    // from_bits_retain: the kernel rejects unknown or missing flags (EINVAL).
    cret(rustix::mm::mlockall(rustix::mm::MlockAllFlags::from_bits_retain(flags as u32)), |_| 0)
}

#[unsafe(no_mangle)]
pub extern "C" fn munlockall() -> c_int {
    cret(rustix::mm::munlockall(), |_| 0)
}

const SYS_MINCORE: core::ffi::c_long = 27;
const SYS_REMAP_FILE_PAGES: core::ffi::c_long = 216;

/// Linux `mincore`: one byte per page of the range, bit 0 set when resident.
/// rustix has no wrapper: the raw path of `sys/raw.rs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mincore(addr: *mut c_void, len: usize, vec: *mut u8) -> c_int {
    // SAFETY: the caller's arguments unchanged; the kernel validates the range
    // and writes through `vec` only after checking it.
    crate::header::sys::raw::ret(unsafe { crate::header::sys::raw::syscall6(SYS_MINCORE, [addr as usize, len, vec as usize, 0, 0, 0]) }) as c_int
}

/// Linux `remap_file_pages` (deprecated; the kernel emulates it with mmap).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn remap_file_pages(addr: *mut c_void, size: usize, prot: c_int, pgoff: usize, flags: c_int) -> c_int {
    // SAFETY: the caller's arguments unchanged; the caller owns the mapping
    // whose pages are rearranged.
    crate::header::sys::raw::ret(unsafe {
        crate::header::sys::raw::syscall6(SYS_REMAP_FILE_PAGES, [addr as usize, size, prot as usize, pgoff, flags as usize, 0])
    }) as c_int
}
