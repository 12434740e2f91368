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
const SYS_VHANGUP: c_long = 153;
const SYS_QUOTACTL: c_long = 179;
const SYS_MEMBARRIER: c_long = 324;

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

/// `vhangup()`: hang up the calling process's controlling terminal.
#[unsafe(no_mangle)]
pub extern "C" fn vhangup() -> c_int {
    call(SYS_VHANGUP, [0; 6]) as c_int
}

/// `quotactl(cmd, special, id, addr)`: disk quotas (`<sys/quota.h>`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn quotactl(cmd: c_int, special: *const c_char, id: c_int, addr: *mut c_char) -> c_int {
    call(SYS_QUOTACTL, [cmd as usize, special as usize, id as usize, addr as usize, 0, 0]) as c_int
}

/// `membarrier(cmd, flags)` (`<sys/membarrier.h>`, musl's two-argument
/// form; the kernel's cpu_id argument is 0: MEMBARRIER_CMD_FLAG_CPU is not
/// reachable through this prototype).
#[unsafe(no_mangle)]
pub extern "C" fn membarrier(cmd: c_int, flags: c_int) -> c_int {
    call(SYS_MEMBARRIER, [cmd as usize, flags as usize, 0, 0, 0, 0]) as c_int
}

/// The head of the kernel's `struct timex` adjtime needs (modes, offset).
#[repr(C)]
struct Timex {
    modes: u32,
    _pad: u32,
    offset: i64,
    _rest: [u8; 192],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Timex>(), 208);
static_assertions::const_assert_eq!(core::mem::offset_of!(Timex, offset), 8);

/// `struct timeval` (`<sys/time.h>`).
#[repr(C)]
pub struct Timeval {
    pub tv_sec: i64,
    pub tv_usec: i64,
}

const ADJ_OFFSET_SINGLESHOT: u32 = 0x8001;
const ADJ_OFFSET_SS_READ: u32 = 0xa001;

/// BSD `adjtime(delta, olddelta)`: slew the clock by `delta` (one-shot
/// adjtimex offset in microseconds) and/or report the adjustment still
/// outstanding. Only asking (`delta == NULL`) needs no privilege.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn adjtime(delta: *const Timeval, old: *mut Timeval) -> c_int {
    let mut tx = Timex { modes: ADJ_OFFSET_SS_READ, _pad: 0, offset: 0, _rest: [0; 192] };
    // SAFETY: `delta` is NULL or a valid timeval (caller contract).
    if let Some(d) = unsafe { delta.as_ref() } {
        let us = d.tv_sec.checked_mul(1_000_000).and_then(|s| s.checked_add(d.tv_usec));
        // The kernel keeps the offset as a long of microseconds; glibc refuses
        // deltas near its limits the same way (EINVAL).
        let Some(us) = us.filter(|u| u.unsigned_abs() < (i64::MAX as u64) / 2) else {
            crate::thread::area::set_errno(22);
            return -1;
        };
        tx.modes = ADJ_OFFSET_SINGLESHOT;
        tx.offset = us;
    }
    if call(SYS_ADJTIMEX, [&mut tx as *mut Timex as usize, 0, 0, 0, 0, 0]) < 0 {
        return -1;
    }
    // SAFETY: `old` is NULL or a writable timeval (caller contract).
    if let Some(o) = unsafe { old.as_mut() } {
        // Truncation toward zero keeps sec and usec of the same sign.
        o.tv_sec = tx.offset / 1_000_000;
        o.tv_usec = tx.offset % 1_000_000;
    }
    0
}
