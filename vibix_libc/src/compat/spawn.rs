//! `<spawn.h>`: `posix_spawn`/`posix_spawnp` on fork + exec, with the file
//! actions (close, dup2, open, chdir, fchdir) and attributes (process group,
//! session, signal mask, default signals, reset ids) Rust std and others use.
//! Exec failures reach the parent through a close-on-exec pipe, so the caller
//! gets the child's errno as the return value, as POSIX requires.

use core::ffi::{c_char, c_int, c_short, c_uint, c_void};
use core::mem::size_of;
use core::ptr::null_mut;

use static_assertions::const_assert;

extern "C" {
    fn realloc(p: *mut c_void, n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
    fn strdup(s: *const c_char) -> *mut c_char;
    fn execve(path: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> c_int;
    fn execvpe(file: *const c_char, argv: *const *const c_char, envp: *const *const c_char) -> c_int;
    fn _exit(status: c_int) -> !;
    fn close(fd: c_int) -> c_int;
    fn dup2(old: c_int, new: c_int) -> c_int;
    fn open(path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    fn fcntl(fd: c_int, cmd: c_int, arg: c_int) -> c_int;
    fn chdir(path: *const c_char) -> c_int;
    fn fchdir(fd: c_int) -> c_int;
    fn setpgid(pid: c_int, pgid: c_int) -> c_int;
    fn setsid() -> c_int;
    fn getuid() -> c_uint;
    fn getgid() -> c_uint;
    fn sigprocmask(how: c_int, set: *const SigSet, old: *mut SigSet) -> c_int;
    fn signal(sig: c_int, handler: usize) -> usize;
    fn pipe2(fds: *mut c_int, flags: c_int) -> c_int;
    fn read(fd: c_int, buf: *mut c_void, n: usize) -> isize;
    fn write(fd: c_int, buf: *const c_void, n: usize) -> isize;
    fn waitpid(pid: c_int, status: *mut c_int, options: c_int) -> c_int;
    fn __errno_location() -> *mut c_int;
}
use super::posix::{setgid, setuid};
use crate::header::sched::{sched_setparam, sched_setscheduler, SchedParam};

const ENOMEM: c_int = 12;
const EINTR: c_int = 4;
const O_CLOEXEC: c_int = 0o2000000;
const F_GETFD: c_int = 1;
const F_SETFD: c_int = 2;
const FD_CLOEXEC: c_int = 1;
const SIG_SETMASK: c_int = 2;
const SIG_DFL: usize = 0;

const RESETIDS: c_short = 0x01;
const SETPGROUP: c_short = 0x02;
const SETSIGDEF: c_short = 0x04;
const SETSIGMASK: c_short = 0x08;
const SETSCHEDPARAM: c_short = 0x10;
const SETSCHEDULER: c_short = 0x20;
const SETSID: c_short = 0x80;

/// glibc's 128-byte `sigset_t`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SigSet([u64; 16]);

/// Our layout inside glibc's 336-byte `posix_spawnattr_t`.
#[repr(C)]
pub struct SpawnAttr {
    flags: c_short,
    pgroup: c_int,
    sigdefault: SigSet,
    sigmask: SigSet,
    /// POSIX_SPAWN_SETSCHEDULER's policy and either flag's priority.
    policy: c_int,
    priority: SchedParam,
}
const_assert!(size_of::<SpawnAttr>() <= 336);

#[repr(C)]
#[derive(Clone, Copy)]
enum Kind {
    Close,
    Dup2,
    Open,
    Chdir,
    Fchdir,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct Action {
    kind: Kind,
    fd: c_int,
    newfd: c_int,
    oflag: c_int,
    mode: c_uint,
    path: *mut c_char,
}

/// Our layout inside glibc's 80-byte `posix_spawn_file_actions_t`.
#[repr(C)]
pub struct FileActions {
    cap: usize,
    len: usize,
    list: *mut Action,
}
const_assert!(size_of::<FileActions>() <= 80);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_init(fa: *mut FileActions) -> c_int {
    // SAFETY: caller-provided object.
    unsafe { fa.write(FileActions { cap: 0, len: 0, list: null_mut() }) };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_destroy(fa: *mut FileActions) -> c_int {
    // SAFETY: an object set up by init; paths were strdup'ed by us.
    unsafe {
        let fa = &mut *fa;
        for i in 0..fa.len {
            free((*fa.list.add(i)).path.cast());
        }
        free(fa.list.cast());
        fa.list = null_mut();
        fa.len = 0;
        fa.cap = 0;
    }
    0
}

unsafe fn push(fa: *mut FileActions, a: Action) -> c_int {
    // SAFETY: an object set up by init.
    let fa = unsafe { &mut *fa };
    if fa.len == fa.cap {
        let cap = (fa.cap * 2).max(4);
        // SAFETY: growing our own array.
        let list = unsafe { realloc(fa.list.cast(), cap * size_of::<Action>()) }.cast::<Action>();
        if list.is_null() {
            return ENOMEM;
        }
        fa.list = list;
        fa.cap = cap;
    }
    // SAFETY: len < cap.
    unsafe { fa.list.add(fa.len).write(a) };
    fa.len += 1;
    0
}

fn action(kind: Kind, fd: c_int) -> Action {
    Action { kind, fd, newfd: -1, oflag: 0, mode: 0, path: null_mut() }
}

unsafe fn push_path(fa: *mut FileActions, mut a: Action, path: *const c_char) -> c_int {
    // SAFETY: C string from the caller.
    a.path = unsafe { strdup(path) };
    if a.path.is_null() {
        return ENOMEM;
    }
    // SAFETY: as push.
    let r = unsafe { push(fa, a) };
    if r != 0 {
        // SAFETY: our copy.
        unsafe { free(a.path.cast()) };
    }
    r
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addclose(fa: *mut FileActions, fd: c_int) -> c_int {
    // SAFETY: forwards.
    unsafe { push(fa, action(Kind::Close, fd)) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_adddup2(fa: *mut FileActions, fd: c_int, newfd: c_int) -> c_int {
    // SAFETY: forwards.
    unsafe { push(fa, Action { newfd, ..action(Kind::Dup2, fd) }) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addopen(fa: *mut FileActions, fd: c_int, path: *const c_char, oflag: c_int, mode: c_uint) -> c_int {
    // SAFETY: forwards.
    unsafe { push_path(fa, Action { oflag, mode, ..action(Kind::Open, fd) }, path) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addchdir_np(fa: *mut FileActions, path: *const c_char) -> c_int {
    // SAFETY: forwards.
    unsafe { push_path(fa, action(Kind::Chdir, -1), path) }
}

/// POSIX 2024 name of [`posix_spawn_file_actions_addchdir_np`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addchdir(fa: *mut FileActions, path: *const c_char) -> c_int {
    // SAFETY: forwards.
    unsafe { posix_spawn_file_actions_addchdir_np(fa, path) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn_file_actions_addfchdir_np(fa: *mut FileActions, fd: c_int) -> c_int {
    // SAFETY: forwards.
    unsafe { push(fa, action(Kind::Fchdir, fd)) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_init(a: *mut SpawnAttr) -> c_int {
    // SAFETY: caller-provided object.
    unsafe {
        a.write(SpawnAttr {
            flags: 0,
            pgroup: 0,
            sigdefault: SigSet([0; 16]),
            sigmask: SigSet([0; 16]),
            policy: 0,
            priority: SchedParam { sched_priority: 0 },
        })
    };
    0
}

#[unsafe(no_mangle)]
pub extern "C" fn posix_spawnattr_destroy(_a: *mut SpawnAttr) -> c_int {
    0
}

macro_rules! attr_accessors {
    ($($set:ident / $get:ident : $field:ident : $ty:ty;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $set(a: *mut SpawnAttr, v: $ty) -> c_int {
            // SAFETY: an object set up by posix_spawnattr_init.
            unsafe { (*a).$field = v };
            0
        }
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $get(a: *const SpawnAttr, v: *mut $ty) -> c_int {
            // SAFETY: as above; `v` is a valid out pointer.
            unsafe { *v = (*a).$field };
            0
        }
    )*};
}

attr_accessors! {
    posix_spawnattr_setflags / posix_spawnattr_getflags: flags: c_short;
    posix_spawnattr_setpgroup / posix_spawnattr_getpgroup: pgroup: c_int;
}

/// POSIX `posix_spawnattr_setschedpolicy`: SCHED_OTHER, SCHED_FIFO or SCHED_RR.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setschedpolicy(a: *mut SpawnAttr, policy: c_int) -> c_int {
    if !(0..=2).contains(&policy) {
        return 22;
    }
    // SAFETY: an object set up by posix_spawnattr_init.
    unsafe { (*a).policy = policy };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getschedpolicy(a: *const SpawnAttr, policy: *mut c_int) -> c_int {
    // SAFETY: as above; `policy` is a valid out pointer.
    unsafe { *policy = (*a).policy };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setschedparam(a: *mut SpawnAttr, p: *const SchedParam) -> c_int {
    // SAFETY: valid objects (C contract).
    unsafe { (*a).priority.sched_priority = (*p).sched_priority };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getschedparam(a: *const SpawnAttr, p: *mut SchedParam) -> c_int {
    // SAFETY: valid objects (C contract).
    unsafe { (*p).sched_priority = (*a).priority.sched_priority };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setsigdefault(a: *mut SpawnAttr, s: *const SigSet) -> c_int {
    // SAFETY: valid objects (C contract).
    unsafe { (*a).sigdefault = *s };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getsigdefault(a: *const SpawnAttr, s: *mut SigSet) -> c_int {
    // SAFETY: valid objects (C contract).
    unsafe { *s = (*a).sigdefault };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_setsigmask(a: *mut SpawnAttr, s: *const SigSet) -> c_int {
    // SAFETY: valid objects (C contract).
    unsafe { (*a).sigmask = *s };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnattr_getsigmask(a: *const SpawnAttr, s: *mut SigSet) -> c_int {
    // SAFETY: valid objects (C contract).
    unsafe { *s = (*a).sigmask };
    0
}

fn errno() -> c_int {
    // SAFETY: the calling thread's errno slot.
    unsafe { *__errno_location() }
}

/// In the child: apply attributes and file actions, exec. Returns only on
/// failure, with the errno to report.
unsafe fn child(path: *const c_char, search: bool, fa: *const FileActions, attr: *const SpawnAttr, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    // SAFETY: the caller's objects, alive in this forked copy; only
    // async-signal-safe calls below (no allocation).
    unsafe {
        if let Some(a) = attr.as_ref() {
            if a.flags & SETSID != 0 && setsid() < 0 {
                return errno();
            }
            if a.flags & SETPGROUP != 0 && setpgid(0, a.pgroup) != 0 {
                return errno();
            }
            // Before RESETIDS: dropping privileges may forbid it afterwards.
            if a.flags & SETSCHEDULER != 0 {
                if sched_setscheduler(0, a.policy, &a.priority) != 0 {
                    return errno();
                }
            } else if a.flags & SETSCHEDPARAM != 0 && sched_setparam(0, &a.priority) != 0 {
                return errno();
            }
            if a.flags & RESETIDS != 0 && (setgid(getgid()) != 0 || setuid(getuid()) != 0) {
                return errno();
            }
            if a.flags & SETSIGDEF != 0 {
                for sig in 1..=64 {
                    let bit = (sig - 1) as usize;
                    if a.sigdefault.0[bit / 64] & (1 << (bit % 64)) != 0 {
                        signal(sig, SIG_DFL);
                    }
                }
            }
            if a.flags & SETSIGMASK != 0 && sigprocmask(SIG_SETMASK, &a.sigmask, null_mut()) != 0 {
                return errno();
            }
        }
        if let Some(fa) = fa.as_ref() {
            for i in 0..fa.len {
                let a = *fa.list.add(i);
                let ok = match a.kind {
                    Kind::Close => close(a.fd) == 0 || errno() == 9, // EBADF: already closed
                    Kind::Dup2 if a.fd == a.newfd => {
                        // POSIX 2024: dup2 onto itself clears FD_CLOEXEC.
                        let fl = fcntl(a.fd, F_GETFD, 0);
                        fl >= 0 && fcntl(a.fd, F_SETFD, fl & !FD_CLOEXEC) == 0
                    }
                    Kind::Dup2 => dup2(a.fd, a.newfd) >= 0,
                    Kind::Open => {
                        let fd = open(a.path, a.oflag, a.mode);
                        fd >= 0 && (fd == a.fd || (dup2(fd, a.fd) >= 0 && close(fd) == 0))
                    }
                    Kind::Chdir => chdir(a.path) == 0,
                    Kind::Fchdir => fchdir(a.fd) == 0,
                };
                if !ok {
                    return errno();
                }
            }
        }
        if search { execvpe(path, argv, envp) } else { execve(path, argv, envp) };
        errno()
    }
}

unsafe fn spawn(pid: *mut c_int, path: *const c_char, search: bool, fa: *const FileActions, attr: *const SpawnAttr, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    let mut p = [0 as c_int; 2];
    // SAFETY: plain libc calls; the child only runs `child` and exits.
    unsafe {
        if pipe2(p.as_mut_ptr(), O_CLOEXEC) != 0 {
            return errno();
        }
        // No pthread_atfork handlers (as glibc's posix_spawn).
        let c = crate::header::unistd::process::fork_with(false);
        if c < 0 {
            let e = errno();
            close(p[0]);
            close(p[1]);
            return e;
        }
        if c == 0 {
            close(p[0]);
            let e = child(path, search, fa, attr, argv, envp);
            write(p[1], (&raw const e).cast(), size_of::<c_int>());
            _exit(127);
        }
        close(p[1]);
        let mut e: c_int = 0;
        let n = loop {
            let n = read(p[0], (&raw mut e).cast(), size_of::<c_int>());
            if n >= 0 || errno() != EINTR {
                break n;
            }
        };
        close(p[0]);
        if n == size_of::<c_int>() as isize {
            waitpid(c, null_mut(), 0);
            return e;
        }
        if !pid.is_null() {
            *pid = c;
        }
        0
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawn(pid: *mut c_int, path: *const c_char, fa: *const FileActions, attr: *const SpawnAttr, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    // SAFETY: forwards the caller's arguments.
    unsafe { spawn(pid, path, false, fa, attr, argv, envp) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn posix_spawnp(pid: *mut c_int, file: *const c_char, fa: *const FileActions, attr: *const SpawnAttr, argv: *const *const c_char, envp: *const *const c_char) -> c_int {
    // SAFETY: forwards the caller's arguments.
    unsafe { spawn(pid, file, true, fa, attr, argv, envp) }
}
