//! A whole file mapped private and read-only (message catalogs), read with
//! bounds-checked accessors so a malformed file can't send a read outside it.
use core::ffi::{c_void, CStr};

use rustix::io::Errno;

pub struct MappedFile {
    base: *const u8,
    len: usize,
    /// The file's words are in the other byte order.
    pub swap: bool,
}

impl MappedFile {
    /// Maps `path` if its size is in `min..=1 GiB` (EINVAL otherwise).
    pub fn open(path: &CStr, min: usize) -> Result<MappedFile, Errno> {
        use rustix::fs::{Mode, OFlags};
        use rustix::mm::{MapFlags, ProtFlags};
        let fd = rustix::fs::open(path, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())?;
        let len = rustix::fs::fstat(&fd)?.st_size as usize;
        if !(min..=1 << 30).contains(&len) {
            return Err(Errno::INVAL);
        }
        // SAFETY: a fresh private read-only mapping of the whole file.
        let p = unsafe { rustix::mm::mmap(core::ptr::null_mut(), len, ProtFlags::READ, MapFlags::PRIVATE, &fd, 0)? };
        Ok(MappedFile { base: p as *const u8, len, swap: false })
    }

    pub fn bytes(&self) -> &[u8] {
        // SAFETY: base..base+len is our live mapping until unmap.
        unsafe { core::slice::from_raw_parts(self.base, self.len) }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The u32 at `off` in the file's byte order.
    pub fn word(&self, off: usize) -> Option<u32> {
        let b = self.bytes().get(off..off.checked_add(4)?)?;
        let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        Some(if self.swap { v.swap_bytes() } else { v })
    }

    /// Unmaps the file.
    ///
    /// # Safety
    /// No pointer into the mapping may be used afterwards.
    pub unsafe fn unmap(self) {
        // SAFETY: our mapping; the caller gives up every pointer into it.
        let _ = unsafe { rustix::mm::munmap(self.base as *mut c_void, self.len) };
    }
}
