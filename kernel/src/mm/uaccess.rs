//! Copying to and from the current process's memory. Every user pointer is
//! checked against the region list and faulted in first, so the kernel never
//! takes a page fault on a user address.
use super::vm::Access;
use crate::errno::*;
use crate::proc;
use crate::sync::Global;
use alloc::vec::Vec;

/// Kernel buffers lent to a thread's calls (`with_kernel_buffer`): (tid, address, length).
static LENT: Global<Vec<(u64, u64, usize)>> = Global::new(Vec::new());

/// Runs `f(addr)` with `buf` reachable through this module at `addr`, as if it
/// were user memory of the calling thread: sendfile hands file bytes to the
/// same write code read(2)/write(2) use. Kernel addresses are in the upper
/// half, so they never alias a user range; other threads cannot see the loan.
pub fn with_kernel_buffer<R>(buf: &mut [u8], f: impl FnOnce(u64) -> R) -> R {
    let tid = proc::current().tid;
    let addr = buf.as_mut_ptr() as u64;
    LENT.get().push((tid, addr, buf.len()));
    let r = f(addr);
    LENT.get().retain(|&(t, a, _)| !(t == tid && a == addr));
    r
}

/// The lent kernel buffer holding `[addr, addr+len)`, if the current thread has one.
fn lent(addr: u64, len: usize) -> Option<&'static mut [u8]> {
    let tid = proc::current().tid;
    let end = addr.checked_add(len as u64)?;
    LENT.get().iter().find(|&&(t, a, l)| t == tid && a <= addr && end <= a + l as u64)?;
    // SAFETY: the range lies inside a buffer `with_kernel_buffer` borrowed mutably
    // for the duration of the call that is running now on this thread.
    Some(unsafe { core::slice::from_raw_parts_mut(addr as *mut u8, len) })
}

/// A kernel view of `len` bytes of user memory, checked and populated.
/// Valid until the next call that can change the address space.
pub fn slice(addr: u64, len: usize, access: Access) -> Result<&'static mut [u8], Errno> {
    if len == 0 {
        return Ok(&mut []);
    }
    if addr >= 1 << 63 {
        return lent(addr, len).ok_or(EFAULT);
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
