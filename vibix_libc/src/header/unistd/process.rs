//! Process ids, fork/exec/wait, sleep, sysconf, hostname, the generic syscall().
use core::ffi::{c_char, c_int, c_long, c_uint, c_void};
use core::ptr::null;

use super::cret;
use super::fs::cs;
use crate::thread::area::{fail, set_errno};
use crate::va::{variadic, VaList, VaPtr};
use rustix::process::Pid;

#[unsafe(no_mangle)]
pub extern "C" fn getpid() -> c_int {
    rustix::process::getpid().as_raw_nonzero().get()
}
#[unsafe(no_mangle)]
pub extern "C" fn getppid() -> c_int {
    Pid::as_raw(rustix::process::getppid())
}
#[unsafe(no_mangle)]
pub extern "C" fn gettid() -> c_int {
    crate::thread::area::tid()
}
#[unsafe(no_mangle)]
pub extern "C" fn getuid() -> c_uint {
    rustix::process::getuid().as_raw()
}
#[unsafe(no_mangle)]
pub extern "C" fn geteuid() -> c_uint {
    rustix::process::geteuid().as_raw()
}
#[unsafe(no_mangle)]
pub extern "C" fn getgid() -> c_uint {
    rustix::process::getgid().as_raw()
}
#[unsafe(no_mangle)]
pub extern "C" fn getegid() -> c_uint {
    rustix::process::getegid().as_raw()
}
#[unsafe(no_mangle)]
pub extern "C" fn getpgrp() -> c_int {
    rustix::process::getpgrp().as_raw_nonzero().get()
}
#[unsafe(no_mangle)]
pub extern "C" fn setsid() -> c_int {
    cret(rustix::process::setsid(), |p| p.as_raw_nonzero().get())
}
#[unsafe(no_mangle)]
pub extern "C" fn setpgid(pid: c_int, pg: c_int) -> c_int {
    cret(rustix::process::setpgid(Pid::from_raw(pid), Pid::from_raw(pg)), |_| 0)
}
/// `setpgrp()`: the System V/glibc form, `setpgid(0, 0)`.
#[unsafe(no_mangle)]
pub extern "C" fn setpgrp() -> c_int {
    setpgid(0, 0)
}
#[unsafe(no_mangle)]
pub extern "C" fn getpgid(pid: c_int) -> c_int {
    cret(rustix::process::getpgid(Pid::from_raw(pid)), |p| p.as_raw_nonzero().get())
}
#[unsafe(no_mangle)]
pub extern "C" fn getsid(pid: c_int) -> c_int {
    cret(rustix::process::getsid(Pid::from_raw(pid)), |p| p.as_raw_nonzero().get())
}

/// POSIX `umask`.
#[unsafe(no_mangle)]
pub extern "C" fn umask(m: c_uint) -> c_uint {
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(m)).as_raw_mode()
}

/// POSIX `fork`: malloc's lock is held across the fork so the child's heap is
/// consistent; the child forgets its cached thread id.
#[unsafe(no_mangle)]
pub extern "C" fn fork() -> c_int {
    fork_with(true)
}

// The loader's fork hooks (vibix-abi VIBIX_FORK_*).
unsafe extern "C" {
    fn __vibix_fork_prepare();
    fn __vibix_fork_parent();
    fn __vibix_fork_child();
}

/// `fork` with or without the `pthread_atfork` handlers (posix_spawn runs
/// none, as glibc's does).
pub(crate) fn fork_with(atfork: bool) -> c_int {
    if atfork {
        crate::compat::atfork::before_fork();
    }
    // SAFETY: the loader's locks first (they nest outside malloc's, vibix-abi).
    unsafe { __vibix_fork_prepare() };
    crate::header::stdlib::malloc::before_fork();
    // SAFETY: we hold the allocator lock; other locks are the program's concern (POSIX).
    let r = unsafe { crate::rt::kernel_fork() };
    match r {
        Ok(crate::rt::Fork::Child(_)) => {
            crate::header::stdlib::malloc::after_fork_child();
            // SAFETY: after __vibix_fork_prepare, in the child.
            unsafe { __vibix_fork_child() };
            // SAFETY: own thread area.
            unsafe {
                let t = crate::thread::area::current();
                (*t).tid.store(0, core::sync::atomic::Ordering::Relaxed);
            }
            crate::thread::robust::after_fork_child();
            if atfork {
                crate::compat::atfork::after_fork(true);
            }
            0
        }
        Ok(crate::rt::Fork::ParentOf(p)) => {
            crate::header::stdlib::malloc::after_fork_parent();
            // SAFETY: after __vibix_fork_prepare, in the parent.
            unsafe { __vibix_fork_parent() };
            if atfork {
                crate::compat::atfork::after_fork(false);
            }
            p.as_raw_nonzero().get()
        }
        Err(e) => {
            crate::header::stdlib::malloc::after_fork_parent();
            // SAFETY: after __vibix_fork_prepare; no child exists.
            unsafe { __vibix_fork_parent() };
            if atfork {
                crate::compat::atfork::after_fork(false);
            }
            fail(e, -1)
        }
    }
}

/// `vfork`, implemented as fork.
#[unsafe(no_mangle)]
pub extern "C" fn vfork() -> c_int {
    fork()
}

/// POSIX `execve`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execve(path: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    // The raw call, not rustix's: that takes a &CStr, and measuring one would
    // fault on a bad `path` where the kernel answers EFAULT.
    const SYS_EXECVE: core::ffi::c_long = 59;
    // SAFETY: the kernel validates all three pointers; on success it does not return.
    let r = unsafe { crate::header::sys::raw::syscall6(SYS_EXECVE, [path as usize, argv as usize, envp as usize, 0, 0, 0]) };
    crate::header::sys::raw::ret(r) as c_int
}

/// POSIX `execv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execv(path: *const c_char, argv: *const *const c_char) -> c_int {
    // SAFETY: forwarded.
    unsafe { execve(path, argv, crate::start::env() as _) }
}

/// GNU `execvpe`: searches PATH when `file` has no '/'.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execvpe(file: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    // SAFETY: C strings and arrays (caller contract).
    unsafe {
        if file.is_null() || *file == 0 {
            set_errno(2);
            return -1;
        }
        if !crate::header::string::str::strchr(file, b'/' as c_int).is_null() {
            return execve(file, argv, envp);
        }
        let path = crate::header::stdlib::env::getenv(c"PATH".as_ptr());
        let path: &[u8] = if path.is_null() { b"/usr/local/bin:/bin:/usr/bin" } else { cs(path).to_bytes() };
        let name = cs(file).to_bytes();
        let mut buf = [0u8; 4096];
        let mut saw_eacces = false;
        for dir in path.split(|&c| c == b':') {
            let dir: &[u8] = if dir.is_empty() { b"." } else { dir };
            if dir.len() + name.len() + 2 > buf.len() {
                continue;
            }
            buf[..dir.len()].copy_from_slice(dir);
            buf[dir.len()] = b'/';
            buf[dir.len() + 1..dir.len() + 1 + name.len()].copy_from_slice(name);
            buf[dir.len() + 1 + name.len()] = 0;
            execve(buf.as_ptr() as *const c_char, argv, envp);
            match crate::thread::area::errno() {
                13 => saw_eacces = true,
                2 | 20 => {}
                _ => return -1,
            }
        }
        if saw_eacces {
            set_errno(13);
        }
        -1
    }
}

/// POSIX `execvp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn execvp(file: *const c_char, argv: *const *const c_char) -> c_int {
    // SAFETY: forwarded.
    unsafe { execvpe(file, argv, crate::start::env() as _) }
}

/// Collects the NULL-terminated variadic argument list of execl* into an array.
unsafe fn collect(first: *const c_char, ap: &mut VaList, out: &mut [*const c_char; 1024]) -> bool {
    out[0] = first;
    let mut i = 1;
    loop {
        let p: *const c_char = ap.ptr();
        if i >= out.len() {
            set_errno(7); // E2BIG
            return false;
        }
        out[i] = p;
        i += 1;
        if p.is_null() {
            return true;
        }
    }
}

unsafe extern "C" fn execl_v(path: *const c_char, arg0: *const c_char, ap: VaPtr) -> c_int {
    let mut argv = [null(); 1024];
    // SAFETY: execl's arguments are C strings ending with NULL.
    unsafe {
        if !collect(arg0, &mut VaList(ap), &mut argv) {
            return -1;
        }
        execv(path, argv.as_ptr())
    }
}
unsafe extern "C" fn execlp_v(file: *const c_char, arg0: *const c_char, ap: VaPtr) -> c_int {
    let mut argv = [null(); 1024];
    // SAFETY: as execl.
    unsafe {
        if !collect(arg0, &mut VaList(ap), &mut argv) {
            return -1;
        }
        execvp(file, argv.as_ptr())
    }
}
unsafe extern "C" fn execle_v(path: *const c_char, arg0: *const c_char, ap: VaPtr) -> c_int {
    let mut argv = [null(); 1024];
    let mut va = VaList(ap);
    // SAFETY: as execl; the environment pointer follows the NULL.
    unsafe {
        if !collect(arg0, &mut va, &mut argv) {
            return -1;
        }
        let envp: *const *const c_char = va.ptr();
        execve(path, argv.as_ptr(), envp)
    }
}
variadic!(execl => execl_v, 2);
variadic!(execlp => execlp_v, 2);
variadic!(execle => execle_v, 2);

/// POSIX `waitpid`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn waitpid(pid: c_int, status: *mut c_int, opts: c_int) -> c_int {
    let o = rustix::process::WaitOptions::from_bits_retain(opts as u32);
    let r = crate::thread::cancel::point(|| if pid > 0 {
        rustix::process::waitpid(Pid::from_raw(pid), o)
    } else if pid == -1 {
        // Any child (wait4(-1)); rustix's waitpid(None) would be wait4(0):
        // only children in our process group.
        rustix::process::wait(o)
    } else {
        let pg = if pid == 0 { rustix::process::getpgrp() } else { Pid::from_raw(-pid).unwrap_or(rustix::process::getpgrp()) };
        rustix::process::waitpgid(pg, o)
    });
    match r {
        Ok(Some((p, st))) => {
            if !status.is_null() {
                // SAFETY: status is writable.
                unsafe { *status = st.as_raw() };
            }
            p.as_raw_nonzero().get()
        }
        Ok(None) => 0,
        Err(e) => fail(e, -1),
    }
}

/// POSIX `wait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wait(status: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { waitpid(-1, status, 0) }
}

/// POSIX `kill`.
#[unsafe(no_mangle)]
pub extern "C" fn kill(pid: c_int, sig: c_int) -> c_int {
    crate::header::signal::kill_raw(pid, sig)
}

/// C `system`: runs `/bin/sh -c cmd` and waits. As POSIX says, the caller
/// ignores SIGINT and SIGQUIT and blocks SIGCHLD meanwhile; the child gets the
/// original dispositions and mask back before exec.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn system(cmd: *const c_char) -> c_int {
    use crate::header::signal::{sigaction, sigprocmask, SigAction, SigSet};
    const SIGINT: c_int = 2;
    const SIGQUIT: c_int = 3;
    const SIGCHLD: c_int = 17;
    const SIG_BLOCK: c_int = 0;
    const SIG_SETMASK: c_int = 2;
    if cmd.is_null() {
        return 1; // a shell exists
    }
    let ign = SigAction { handler: 1, mask: SigSet { bits: [0; 16] }, flags: 0, restorer: 0 };
    let mut old_int = SigAction { handler: 0, mask: SigSet { bits: [0; 16] }, flags: 0, restorer: 0 };
    let mut old_quit = SigAction { handler: 0, mask: SigSet { bits: [0; 16] }, flags: 0, restorer: 0 };
    let mut chld = SigSet { bits: [0; 16] };
    chld.bits[0] = 1 << (SIGCHLD - 1);
    let mut old_mask = SigSet { bits: [0; 16] };
    // SAFETY: our own structures; these calls only change this process's signal state.
    unsafe {
        sigaction(SIGINT, &ign, &mut old_int);
        sigaction(SIGQUIT, &ign, &mut old_quit);
        sigprocmask(SIG_BLOCK, &chld, &mut old_mask);
    }
    let restore = |old_int: &SigAction, old_quit: &SigAction, old_mask: &SigSet| {
        // SAFETY: puts back what we saved above.
        unsafe {
            sigaction(SIGINT, old_int, core::ptr::null_mut());
            sigaction(SIGQUIT, old_quit, core::ptr::null_mut());
            sigprocmask(SIG_SETMASK, old_mask, core::ptr::null_mut());
        }
    };
    let pid = fork();
    if pid == 0 {
        restore(&old_int, &old_quit, &old_mask);
        let argv = [c"sh".as_ptr(), c"-c".as_ptr(), cmd, null()];
        // SAFETY: a valid argv; we only exit if exec fails.
        unsafe { execve(c"/bin/sh".as_ptr(), argv.as_ptr(), crate::start::env() as _) };
        crate::header::stdlib::exit::_exit(127);
    }
    let mut st = -1;
    if pid > 0 {
        loop {
            // SAFETY: st is ours.
            if unsafe { waitpid(pid, &mut st, 0) } >= 0 {
                break;
            }
            if crate::thread::area::errno() != 4 {
                st = -1;
                break;
            }
        }
    }
    let e = crate::thread::area::errno();
    restore(&old_int, &old_quit, &old_mask);
    set_errno(e);
    st
}

/// POSIX `sleep`.
#[unsafe(no_mangle)]
pub extern "C" fn sleep(s: c_uint) -> c_uint {
    let ts = rustix::time::Timespec { tv_sec: s as i64, tv_nsec: 0 };
    match crate::thread::cancel::point(|| rustix::thread::nanosleep(&ts)) {
        rustix::thread::NanosleepRelativeResult::Interrupted(rem) => rem.tv_sec as c_uint + (rem.tv_nsec > 0) as c_uint,
        _ => 0,
    }
}

/// `usleep`.
#[unsafe(no_mangle)]
pub extern "C" fn usleep(us: c_uint) -> c_int {
    let ts = rustix::time::Timespec { tv_sec: (us / 1_000_000) as i64, tv_nsec: (us % 1_000_000) as i64 * 1000 };
    match crate::thread::cancel::point(|| rustix::thread::nanosleep(&ts)) {
        rustix::thread::NanosleepRelativeResult::Ok => 0,
        rustix::thread::NanosleepRelativeResult::Interrupted(_) => {
            set_errno(4);
            -1
        }
        rustix::thread::NanosleepRelativeResult::Err(e) => fail(e, -1),
    }
}

/// POSIX `pause`.
#[unsafe(no_mangle)]
pub extern "C" fn pause() -> c_int {
    let set = crate::rt::kernel_sigpending();
    // Suspend with the current mask: sigsuspend needs the mask, read it first.
    // SAFETY: querying the mask changes nothing.
    let cur = unsafe { crate::rt::kernel_sigprocmask(crate::rt::How::BLOCK, None) };
    let _ = set;
    match cur {
        Ok(m) => {
            let _ = crate::thread::cancel::point(|| crate::rt::kernel_sigsuspend(&m));
        }
        Err(e) => return fail(e, -1),
    }
    set_errno(4);
    -1
}

/// POSIX `sysconf`.
#[unsafe(no_mangle)]
pub extern "C" fn sysconf(name: c_int) -> c_long {
    match name {
        0 => 2097152,                    // _SC_ARG_MAX
        1 => 32768,                      // _SC_CHILD_MAX
        2 => 100,                        // _SC_CLK_TCK
        3 => 65536,                      // _SC_NGROUPS_MAX
        4 => {
            // _SC_OPEN_MAX
            let l = rustix::process::getrlimit(rustix::process::Resource::Nofile);
            l.current.map_or(-1, |v| v as c_long)
        }
        30 => crate::start::aux(6).unwrap_or(4096) as c_long, // _SC_PAGESIZE (AT_PAGESZ)
        43 => 2048,                      // _SC_LINE_MAX
        44 => 0x7fff,                    // _SC_RE_DUP_MAX (header/regex)
        60 => 1024,                      // _SC_IOV_MAX
        70 | 71 => 1024,                 // _SC_GETPW_R_SIZE_MAX / _SC_GETGR_R_SIZE_MAX
        73 => 128,                       // _SC_THREAD_KEYS_MAX
        75 => 16384,                     // _SC_THREAD_STACK_MIN
        83 | 84 => match rustix::thread::sched_getaffinity(None) {
            Ok(s) => s.count() as c_long,
            Err(_) => 1,
        },
        85 => {
            let i = rustix::system::sysinfo();
            (i.totalram as u64 * i.mem_unit.max(1) as u64 / 4096) as c_long
        }
        86 => {
            let i = rustix::system::sysinfo();
            (i.freeram as u64 * i.mem_unit.max(1) as u64 / 4096) as c_long
        }
        180 => 64,                       // _SC_HOST_NAME_MAX
        _ => {
            set_errno(22);
            -1
        }
    }
}

/// `getpagesize`.
#[unsafe(no_mangle)]
pub extern "C" fn getpagesize() -> c_int {
    sysconf(30) as c_int
}

/// POSIX `gethostname`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gethostname(buf: *mut c_char, n: usize) -> c_int {
    let u = rustix::system::uname();
    let name = u.nodename().to_bytes_with_nul();
    if name.len() > n {
        set_errno(36); // ENAMETOOLONG
        return -1;
    }
    // SAFETY: buf has n >= name.len() bytes.
    unsafe { core::ptr::copy_nonoverlapping(name.as_ptr() as *const c_char, buf, name.len()) };
    0
}

/// glibc's generic `syscall(n, ...)`: up to six integer arguments passed
/// straight to the kernel (see sys/raw.rs for why this bypasses rustix).
unsafe extern "C" fn syscall_v(n: c_long, ap: VaPtr) -> c_long {
    let mut va = VaList(ap);
    let a = [va.gp() as usize, va.gp() as usize, va.gp() as usize, va.gp() as usize, va.gp() as usize, va.gp() as usize];
    // SAFETY: the caller asked for exactly this system call.
    crate::header::sys::raw::ret(unsafe { crate::header::sys::raw::syscall6(n, a) }) as c_long
}
variadic!(syscall => syscall_v, 1);

#[allow(dead_code)]
fn _unused(_: *mut c_void) {}
