//! Single-system-call administration interfaces busybox's applets need:
//! `<sys/reboot.h>`, `<sys/klog.h>`, `<sys/swap.h>`, `<sys/personality.h>`,
//! `<sys/timex.h>`, `pivot_root`, `setns`/`unshare` (`<sched.h>`), `syncfs`,
//! `readahead`, `sethostname`, `capget`/`capset`. Raw system calls with the C
//! caller's arguments, as the rest of this module.

use core::ffi::{c_char, c_int, c_long, c_ulong, c_void};

use super::call;

const SYS_READAHEAD: c_long = 187;
const SYS_PERSONALITY: c_long = 135;
const SYS_PIVOT_ROOT: c_long = 155;
const SYS_ADJTIMEX: c_long = 159;
const SYS_SWAPON: c_long = 167;
const SYS_SWAPOFF: c_long = 168;
const SYS_REBOOT: c_long = 169;
const SYS_SETHOSTNAME: c_long = 170;
const SYS_SYSLOG: c_long = 103;
const SYS_CAPGET: c_long = 125;
const SYS_CAPSET: c_long = 126;
const SYS_UNSHARE: c_long = 272;
const SYS_SYNCFS: c_long = 306;
const SYS_SETNS: c_long = 308;
const SYS_CLOCK_ADJTIME: c_long = 305;

const LINUX_REBOOT_MAGIC1: usize = 0xfee1dead;
const LINUX_REBOOT_MAGIC2: usize = 672274793;

/// `reboot(cmd)`: the kernel call with its two magic numbers.
#[unsafe(no_mangle)]
pub extern "C" fn reboot(cmd: c_int) -> c_int {
    call(SYS_REBOOT, [LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd as u32 as usize, 0, 0, 0]) as c_int
}

/// `klogctl`: the kernel's syslog(2) (read/clear the kernel ring buffer).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn klogctl(ty: c_int, buf: *mut c_char, len: c_int) -> c_int {
    call(SYS_SYSLOG, [ty as usize, buf as usize, len as usize, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn swapon(path: *const c_char, flags: c_int) -> c_int {
    call(SYS_SWAPON, [path as usize, flags as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn swapoff(path: *const c_char) -> c_int {
    call(SYS_SWAPOFF, [path as usize, 0, 0, 0, 0, 0]) as c_int
}

/// `personality(persona)`: returns the previous persona (0xffffffff only
/// asks).
#[unsafe(no_mangle)]
pub extern "C" fn personality(persona: c_ulong) -> c_int {
    call(SYS_PERSONALITY, [persona as u32 as usize, 0, 0, 0, 0, 0]) as c_int
}

/// `adjtimex`: the clock state (TIME_OK...) or -1; `struct timex` is the
/// kernel's layout.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn adjtimex(tx: *mut c_void) -> c_int {
    call(SYS_ADJTIMEX, [tx as usize, 0, 0, 0, 0, 0]) as c_int
}

/// `ntp_adjtime` is adjtimex under its NTP name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ntp_adjtime(tx: *mut c_void) -> c_int {
    // SAFETY: the same contract as adjtimex.
    unsafe { adjtimex(tx) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn clock_adjtime(clock: c_int, tx: *mut c_void) -> c_int {
    call(SYS_CLOCK_ADJTIME, [clock as usize, tx as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn pivot_root(new_root: *const c_char, put_old: *const c_char) -> c_int {
    call(SYS_PIVOT_ROOT, [new_root as usize, put_old as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn unshare(flags: c_int) -> c_int {
    call(SYS_UNSHARE, [flags as usize, 0, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn setns(fd: c_int, nstype: c_int) -> c_int {
    call(SYS_SETNS, [fd as usize, nstype as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn syncfs(fd: c_int) -> c_int {
    call(SYS_SYNCFS, [fd as usize, 0, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn readahead(fd: c_int, offset: i64, count: usize) -> isize {
    call(SYS_READAHEAD, [fd as usize, offset as usize, count, 0, 0, 0])
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn sethostname(name: *const c_char, len: usize) -> c_int {
    call(SYS_SETHOSTNAME, [name as usize, len, 0, 0, 0, 0]) as c_int
}

/// `capget`/`capset` (libcap's system calls; the structs are the kernel's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn capget(hdr: *mut c_void, data: *mut c_void) -> c_int {
    call(SYS_CAPGET, [hdr as usize, data as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn capset(hdr: *mut c_void, data: *const c_void) -> c_int {
    call(SYS_CAPSET, [hdr as usize, data as usize, 0, 0, 0, 0]) as c_int
}
