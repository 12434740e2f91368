//! The program break: legacy `brk`/`sbrk` (`<unistd.h>`, _DEFAULT_SOURCE).
//! malloc never uses the break (it maps its own arenas, docs/libc.md), so a
//! program moving it cannot corrupt the heap. rustix has no brk wrapper: the
//! raw path of header/sys/raw.rs.

use core::ffi::{c_int, c_long, c_void};
use core::sync::atomic::{AtomicUsize, Ordering};

use crate::thread::area::set_errno;

const SYS_BRK: c_long = 12;
const ENOMEM: c_int = 12;

/// The break as last reported by the kernel (0: not asked yet).
static CURRENT: AtomicUsize = AtomicUsize::new(0);

/// The kernel's brk: moves the break to `addr` if it can and returns the
/// break in effect afterwards (never an error code).
fn kernel_brk(addr: usize) -> usize {
    // SAFETY: brk takes an address, not a pointer it dereferences; the kernel
    // refuses moves into existing mappings.
    let r = unsafe { crate::header::sys::raw::syscall6(SYS_BRK, [addr, 0, 0, 0, 0, 0]) } as usize;
    CURRENT.store(r, Ordering::Relaxed);
    r
}

fn current() -> usize {
    match CURRENT.load(Ordering::Relaxed) {
        0 => kernel_brk(0),
        b => b,
    }
}

/// `brk(addr)`: 0, or -1 with ENOMEM when the break is still below `addr`
/// (glibc's test: a refused move downwards is not reported).
#[unsafe(no_mangle)]
pub extern "C" fn brk(addr: *mut c_void) -> c_int {
    if kernel_brk(addr as usize) < addr as usize {
        set_errno(ENOMEM);
        return -1;
    }
    0
}

/// `sbrk(incr)`: the previous break, after moving it by `incr` bytes
/// (`sbrk(0)` only reports it); `(void *)-1` with ENOMEM when it cannot move.
#[unsafe(no_mangle)]
pub extern "C" fn sbrk(incr: isize) -> *mut c_void {
    let old = current();
    if incr == 0 {
        return old as *mut c_void;
    }
    let Some(new) = old.checked_add_signed(incr) else {
        set_errno(ENOMEM);
        return usize::MAX as *mut c_void;
    };
    if brk(new as *mut c_void) < 0 {
        return usize::MAX as *mut c_void;
    }
    old as *mut c_void
}
