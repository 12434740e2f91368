//! The two syscall paths rustix does not offer: `fcntl` with a pointer argument
//! (POSIX byte-range locks, which SQLite needs) and glibc's generic `syscall()`
//! for numbers we do not route through rustix. Everything else uses rustix.
use core::ffi::c_long;

/// Raw 6-argument Linux syscall; returns the kernel's value (-errno on error).
#[inline]
pub unsafe fn syscall6(n: c_long, a: [usize; 6]) -> isize {
    let ret: isize;
    // SAFETY: the caller passes a valid syscall and arguments for it.
    unsafe {
        core::arch::asm!("syscall",
            inlateout("rax") n as isize => ret,
            in("rdi") a[0], in("rsi") a[1], in("rdx") a[2],
            in("r10") a[3], in("r8") a[4], in("r9") a[5],
            lateout("rcx") _, lateout("r11") _,
            options(nostack));
    }
    ret
}

/// Converts a raw syscall result to the C convention (errno + -1).
pub fn ret(r: isize) -> isize {
    if (-4095..0).contains(&r) {
        crate::thread::area::set_errno((-r) as i32);
        -1
    } else {
        r
    }
}
