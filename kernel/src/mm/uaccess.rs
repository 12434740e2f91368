//! Copying to and from the current process's memory. Every user pointer is
//! checked against the region list and faulted in first, so the kernel never
//! takes a page fault on a user address.
use super::vm::Access;
use crate::errno::*;
use crate::proc;
use alloc::vec::Vec;

/// A kernel view of `len` bytes of user memory, checked and populated.
/// Valid until the next call that can change the address space.
pub fn slice(addr: u64, len: usize, access: Access) -> Result<&'static mut [u8], Errno> {
    if len == 0 {
        return Ok(&mut []);
    }
    proc::current_aspace().ok_or(EFAULT)?.check_user(addr, len as u64, access)?;
    // SAFETY: the range is a populated user mapping of the current address space, which
    // stays loaded while the kernel runs this syscall (one CPU, no preemption in the kernel).
    Ok(unsafe { core::slice::from_raw_parts_mut(addr as *mut u8, len) })
}

pub fn copy_in(addr: u64, len: usize) -> Result<Vec<u8>, Errno> {
    Ok(slice(addr, len, Access::Read)?.to_vec())
}

pub fn copy_out(addr: u64, data: &[u8]) -> Result<(), Errno> {
    slice(addr, data.len(), Access::Write)?.copy_from_slice(data);
    Ok(())
}

/// Reads a plain-data value (integers only: every bit pattern valid).
pub fn read<T: Copy>(addr: u64) -> Result<T, Errno> {
    let s = slice(addr, core::mem::size_of::<T>(), Access::Read)?;
    // SAFETY: the slice has size_of::<T>() bytes; callers only use integer-only T.
    Ok(unsafe { core::ptr::read_unaligned(s.as_ptr() as *const T) })
}

pub fn write<T: Copy>(addr: u64, v: &T) -> Result<(), Errno> {
    // SAFETY: viewing a Copy value as its bytes for the copy-out.
    let bytes = unsafe { core::slice::from_raw_parts(v as *const T as *const u8, core::mem::size_of::<T>()) };
    copy_out(addr, bytes)
}

/// A NUL-terminated string of at most `max` bytes (without the NUL).
pub fn read_cstr(addr: u64, max: usize) -> Result<Vec<u8>, Errno> {
    let mut out = Vec::new();
    let mut a = addr;
    loop {
        let chunk = (4096 - (a & 4095)) as usize;
        let s = slice(a, chunk, Access::Read)?;
        if let Some(n) = s.iter().position(|&b| b == 0) {
            out.extend_from_slice(&s[..n]);
            return if out.len() > max { Err(ENAMETOOLONG) } else { Ok(out) };
        }
        out.extend_from_slice(s);
        if out.len() > max {
            return Err(ENAMETOOLONG);
        }
        a += chunk as u64;
    }
}
