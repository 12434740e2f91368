//! Laying out a `hostent`/`servent`/`protoent`'s strings and pointer arrays in
//! one buffer: the caller's (`*_r` functions) or a static one.

use core::cell::UnsafeCell;
use core::ffi::c_char;

pub struct Packer {
    at: *mut u8,
    left: usize,
}

impl Packer {
    /// # Safety
    /// `buf` has `len` writable bytes that outlive the results.
    pub unsafe fn new(buf: *mut u8, len: usize) -> Packer {
        Packer { at: buf, left: len }
    }

    fn take(&mut self, n: usize, align: usize) -> Option<*mut u8> {
        let pad = self.at.align_offset(align);
        if pad.checked_add(n)? > self.left {
            return None;
        }
        // SAFETY: pad + n bytes remain in the buffer.
        let p = unsafe { self.at.add(pad) };
        // SAFETY: as above.
        self.at = unsafe { p.add(n) };
        self.left -= pad + n;
        Some(p)
    }

    /// A NUL-terminated copy of `s`.
    pub fn str(&mut self, s: &[u8]) -> Option<*mut c_char> {
        let p = self.take(s.len() + 1, 1)?;
        // SAFETY: `p` has s.len() + 1 bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
        Some(p.cast())
    }

    /// Raw bytes (an address), 8-byte aligned.
    pub fn bytes(&mut self, s: &[u8]) -> Option<*mut c_char> {
        let p = self.take(s.len(), 8)?;
        // SAFETY: `p` has s.len() bytes.
        unsafe { core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len()) };
        Some(p.cast())
    }

    /// A NULL-terminated array of the given pointers.
    pub fn ptrs(&mut self, items: &[*mut c_char]) -> Option<*mut *mut c_char> {
        let n = items.len() + 1;
        let p = self.take(n * core::mem::size_of::<*mut c_char>(), core::mem::align_of::<*mut c_char>())?.cast::<*mut c_char>();
        // SAFETY: room for n pointers, aligned.
        unsafe {
            for (i, &it) in items.iter().enumerate() {
                p.add(i).write(it);
            }
            p.add(items.len()).write(core::ptr::null_mut());
        }
        Some(p)
    }

    /// Copies each string and returns the NULL-terminated array of the copies.
    pub fn str_list(&mut self, items: &[alloc::vec::Vec<u8>]) -> Option<*mut *mut c_char> {
        let mut v = alloc::vec::Vec::with_capacity(items.len());
        for s in items {
            v.push(self.str(s)?);
        }
        self.ptrs(&v)
    }
}

/// Static storage for the non-reentrant lookups (`gethostbyname`, ...). Like
/// glibc's, their results are overwritten by the next call of the same family.
pub struct StaticBuf<T, const N: usize> {
    pub value: UnsafeCell<T>,
    pub buf: UnsafeCell<[u8; N]>,
}

// SAFETY: the functions using it are documented as not thread-safe (POSIX).
unsafe impl<T, const N: usize> Sync for StaticBuf<T, N> {}
