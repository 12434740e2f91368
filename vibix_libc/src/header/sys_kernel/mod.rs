//! Linux-specific system interfaces that are each a single system call
//! rustix does not offer (or offers only in typed pieces that lose the C
//! arguments): `<sys/mount.h>`, `<sys/prctl.h>`, `<sys/ptrace.h>`,
//! `<sys/fanotify.h>`, `<sys/fsuid.h>`, `<sys/sysinfo.h>`, `process_vm_*v`
//! of `<sys/uio.h>`, `acct`, `getres[ug]id`, `set{re,res,e}[ug]id` (the
//! calling thread's credentials, as `setuid` in compat), `wait3`/`wait4`
//! (rustix's wait returns no `struct rusage`). They go through the raw
//! syscall path of `header/sys/raw.rs` with the caller's arguments unchanged
//! (the kernel validates them), the same exception as glibc's `syscall()`.
//! Written by libc-net because the nix crate's test suite imports them.

use core::ffi::{c_char, c_int, c_long, c_uint, c_ulong, c_void};

use crate::header::sys::raw::{ret, syscall6};

mod admin;
mod cpus;
mod machine;
mod modules;

const SYS_SYSINFO: c_long = 99;
const SYS_PTRACE: c_long = 101;
const SYS_WAIT4: c_long = 61;
const SYS_SETREUID: c_long = 113;
const SYS_SETREGID: c_long = 114;
const SYS_SETRESUID: c_long = 117;
const SYS_GETRESUID: c_long = 118;
const SYS_SETRESGID: c_long = 119;
const SYS_GETRESGID: c_long = 120;
const SYS_SETFSUID: c_long = 122;
const SYS_SETFSGID: c_long = 123;
const SYS_PRCTL: c_long = 157;
const SYS_ACCT: c_long = 163;
const SYS_MOUNT: c_long = 165;
const SYS_UMOUNT2: c_long = 166;
const SYS_FANOTIFY_INIT: c_long = 300;
const SYS_FANOTIFY_MARK: c_long = 301;
const SYS_PROCESS_VM_READV: c_long = 310;
const SYS_PROCESS_VM_WRITEV: c_long = 311;

fn call(n: c_long, a: [usize; 6]) -> isize {
    // SAFETY: every caller passes the C caller's arguments for syscall `n`;
    // pointers among them are the C caller's contract, checked by the kernel.
    ret(unsafe { syscall6(n, a) })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn mount(src: *const c_char, target: *const c_char, fstype: *const c_char, flags: c_ulong, data: *const c_void) -> c_int {
    call(SYS_MOUNT, [src as usize, target as usize, fstype as usize, flags as usize, data as usize, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn umount2(target: *const c_char, flags: c_int) -> c_int {
    call(SYS_UMOUNT2, [target as usize, flags as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn umount(target: *const c_char) -> c_int {
    call(SYS_UMOUNT2, [target as usize, 0, 0, 0, 0, 0]) as c_int
}

/// `int prctl(int option, ...)`: the four optional arguments are read as
/// unsigned longs (reading unused argument registers is harmless).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn prctl(option: c_int, a2: c_ulong, a3: c_ulong, a4: c_ulong, a5: c_ulong) -> c_int {
    call(SYS_PRCTL, [option as usize, a2 as usize, a3 as usize, a4 as usize, a5 as usize, 0]) as c_int
}

const PTRACE_PEEKTEXT: c_int = 1;
const PTRACE_PEEKUSER: c_int = 3;

/// `long ptrace(enum __ptrace_request, pid_t, void *addr, void *data)`. As in
/// glibc, the PEEK requests return the word read (errno tells an error from a
/// word that is -1); the kernel stores it through `data` instead.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ptrace(req: c_int, pid: c_int, addr: *mut c_void, data: *mut c_void) -> c_long {
    if (PTRACE_PEEKTEXT..=PTRACE_PEEKUSER).contains(&req) {
        let mut word: c_long = 0;
        let r = call(SYS_PTRACE, [req as usize, pid as usize, addr as usize, &mut word as *mut c_long as usize, 0, 0]);
        if r < 0 {
            return -1;
        }
        crate::thread::area::set_errno(0);
        return word;
    }
    call(SYS_PTRACE, [req as usize, pid as usize, addr as usize, data as usize, 0, 0]) as c_long
}

#[unsafe(no_mangle)]
pub extern "C" fn fanotify_init(flags: c_uint, event_flags: c_uint) -> c_int {
    call(SYS_FANOTIFY_INIT, [flags as usize, event_flags as usize, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn fanotify_mark(fd: c_int, flags: c_uint, mask: u64, dirfd: c_int, path: *const c_char) -> c_int {
    call(SYS_FANOTIFY_MARK, [fd as usize, flags as usize, mask as usize, dirfd as usize, path as usize, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn setfsuid(uid: c_uint) -> c_int {
    // The kernel returns the previous fsuid and never an error value.
    // SAFETY: no pointer arguments.
    unsafe { syscall6(SYS_SETFSUID, [uid as usize, 0, 0, 0, 0, 0]) as c_int }
}

#[unsafe(no_mangle)]
pub extern "C" fn setfsgid(gid: c_uint) -> c_int {
    // SAFETY: no pointer arguments.
    unsafe { syscall6(SYS_SETFSGID, [gid as usize, 0, 0, 0, 0, 0]) as c_int }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getresuid(r: *mut c_uint, e: *mut c_uint, s: *mut c_uint) -> c_int {
    call(SYS_GETRESUID, [r as usize, e as usize, s as usize, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getresgid(r: *mut c_uint, e: *mut c_uint, s: *mut c_uint) -> c_int {
    call(SYS_GETRESGID, [r as usize, e as usize, s as usize, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn setreuid(r: c_uint, e: c_uint) -> c_int {
    call(SYS_SETREUID, [r as usize, e as usize, 0, 0, 0, 0]) as c_int
}
#[unsafe(no_mangle)]
pub extern "C" fn setregid(r: c_uint, e: c_uint) -> c_int {
    call(SYS_SETREGID, [r as usize, e as usize, 0, 0, 0, 0]) as c_int
}
#[unsafe(no_mangle)]
pub extern "C" fn setresuid(r: c_uint, e: c_uint, s: c_uint) -> c_int {
    call(SYS_SETRESUID, [r as usize, e as usize, s as usize, 0, 0, 0]) as c_int
}
#[unsafe(no_mangle)]
pub extern "C" fn setresgid(r: c_uint, e: c_uint, s: c_uint) -> c_int {
    call(SYS_SETRESGID, [r as usize, e as usize, s as usize, 0, 0, 0]) as c_int
}
/// POSIX `seteuid`: only the effective id changes (-1 keeps the others).
#[unsafe(no_mangle)]
pub extern "C" fn seteuid(e: c_uint) -> c_int {
    if e == u32::MAX {
        crate::thread::area::set_errno(22); // EINVAL: -1 is not a user id
        return -1;
    }
    setresuid(u32::MAX, e, u32::MAX)
}
/// POSIX `setegid`.
#[unsafe(no_mangle)]
pub extern "C" fn setegid(e: c_uint) -> c_int {
    if e == u32::MAX {
        crate::thread::area::set_errno(22);
        return -1;
    }
    setresgid(u32::MAX, e, u32::MAX)
}

/// BSD `wait4`: `waitpid` that also reports the child's resource usage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wait4(pid: c_int, status: *mut c_int, opts: c_int, ru: *mut c_void) -> c_int {
    call(SYS_WAIT4, [pid as usize, status as usize, opts as usize, ru as usize, 0, 0]) as c_int
}
/// BSD `wait3`: `wait4(-1, ...)`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wait3(status: *mut c_int, opts: c_int, ru: *mut c_void) -> c_int {
    // SAFETY: forwarded caller contract.
    unsafe { wait4(-1, status, opts, ru) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn acct(path: *const c_char) -> c_int {
    call(SYS_ACCT, [path as usize, 0, 0, 0, 0, 0]) as c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn process_vm_readv(pid: c_int, local: *const c_void, nl: c_ulong, remote: *const c_void, nr: c_ulong, flags: c_ulong) -> isize {
    call(SYS_PROCESS_VM_READV, [pid as usize, local as usize, nl as usize, remote as usize, nr as usize, flags as usize])
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn process_vm_writev(pid: c_int, local: *const c_void, nl: c_ulong, remote: *const c_void, nr: c_ulong, flags: c_ulong) -> isize {
    call(SYS_PROCESS_VM_WRITEV, [pid as usize, local as usize, nl as usize, remote as usize, nr as usize, flags as usize])
}

/// `struct sysinfo` is the kernel's own (112 bytes). The raw call, not rustix's
/// infallible wrapper, so a kernel without it reports ENOSYS instead of
/// leaving the struct unset behind a 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sysinfo(out: *mut c_void) -> c_int {
    call(SYS_SYSINFO, [out as usize, 0, 0, 0, 0, 0]) as c_int
}
static_assertions::const_assert_eq!(core::mem::size_of::<rustix::system::Sysinfo>(), 112);
