//! x86_64 machine state a process may ask the kernel for: I/O port access
//! (`<sys/io.h>` `ioperm`/`iopl`) and `arch_prctl` (the FS/GS bases, CPUID
//! faulting). Raw system calls with the C caller's arguments (rustix has none).

use core::ffi::{c_int, c_long, c_ulong};

use super::call;

const SYS_IOPL: c_long = 172;
const SYS_IOPERM: c_long = 173;
const SYS_ARCH_PRCTL: c_long = 158;

/// `ioperm(from, num, turn_on)`: the I/O permission bitmap for ports
/// `from..from+num` (turning ports on needs CAP_SYS_RAWIO).
#[unsafe(no_mangle)]
pub extern "C" fn ioperm(from: c_ulong, num: c_ulong, turn_on: c_int) -> c_int {
    call(SYS_IOPERM, [from as usize, num as usize, turn_on as usize, 0, 0, 0]) as c_int
}

/// `iopl(level)`: the I/O privilege level 0..=3.
#[unsafe(no_mangle)]
pub extern "C" fn iopl(level: c_int) -> c_int {
    call(SYS_IOPL, [level as usize, 0, 0, 0, 0, 0]) as c_int
}

/// `arch_prctl(code, addr)`: for the ARCH_GET_* codes `addr` is where the
/// kernel stores the value, for ARCH_SET_* it is the value itself.
#[unsafe(no_mangle)]
pub extern "C" fn arch_prctl(code: c_int, addr: c_ulong) -> c_int {
    call(SYS_ARCH_PRCTL, [code as usize, addr as usize, 0, 0, 0, 0]) as c_int
}
