//! Process calls: fork, vfork, clone of a process, execve/execveat,
//! wait4/waitid, getppid, process groups and sessions, personality.
use crate::abi::*;
use super::SysResult;
use crate::arch::x86_64::entry::TrapFrame;
use crate::errno::*;
use crate::exec::stack::{MAX_ARG_BYTES, MAX_ARG_STRLEN};
use crate::mm::uaccess;
use crate::proc::life::{self, Event, ForkOpts, Which, WCONTINUED, WEXITED, WNOHANG, WNOWAIT, WSTOPPED, WTHREAD_BITS};
use crate::proc::{self, job, ExitStatus};
use crate::signal::{self, Info, SIGCHLD};
use alloc::vec::Vec;

/// What clone of a new process (no CLONE_THREAD) supports; other flags
/// (CLONE_FS/FILES/SIGHAND without a thread, namespaces, pidfd, ptrace,
/// CLONE_IO...) are EINVAL (docs/unsupported.md).
pub const PROCESS_FLAGS: u64 =
    CSIGNAL | CLONE_VM | CLONE_VFORK | CLONE_PARENT | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID;

/// clone without CLONE_THREAD (the caller checked the flags).
pub fn clone_process(f: &TrapFrame, flags: u64, stack: u64, ptid: u64, ctid: u64, tls: u64) -> SysResult {
    let exit_signal = (flags & CSIGNAL) as i32;
    if exit_signal > signal::NSIG {
        return Err(EINVAL);
    }
    if flags & CLONE_SETTLS != 0 && tls >= crate::mm::vm::USER_TOP {
        return Err(EPERM);
    }
    let o = ForkOpts {
        share_vm: flags & CLONE_VM != 0,
        vfork: flags & CLONE_VFORK != 0,
        same_parent: flags & CLONE_PARENT != 0,
        exit_signal,
        stack,
        tls: (flags & CLONE_SETTLS != 0).then_some(tls),
    };
    if flags & CLONE_PARENT_SETTID != 0 {
        uaccess::slice(ptid, 4, crate::mm::vm::Access::Write)?;
    }
    let pid = life::fork(f, &o)?;
    if flags & CLONE_CHILD_SETTID != 0 {
        // In the child's memory (a copy-on-write copy, or ours with CLONE_VM).
        let child = proc::sched().procs.get(&pid).and_then(|p| proc::aspace_of(p)).ok_or(ENOMEM)?;
        if child.write_bytes(ctid, &(pid as u32).to_le_bytes()).is_err() {
            proc::finish_process(pid, ExitStatus::Signal(signal::SIGSEGV));
            return Err(EFAULT);
        }
    }
    if flags & CLONE_CHILD_CLEARTID != 0 {
        if let Some(t) = proc::sched().threads.get_mut(&pid) {
            t.clear_child_tid = ctid;
        }
    }
    if flags & CLONE_PARENT_SETTID != 0 {
        uaccess::write(ptid, &(pid as u32))?;
    }
    if o.vfork {
        life::vfork_wait(pid);
    }
    Ok(pid as i64)
}

pub fn fork(f: &TrapFrame) -> SysResult {
    life::fork(f, &ForkOpts::FORK).map(|p| p as i64)
}

pub fn vfork(f: &TrapFrame) -> SysResult {
    let pid = life::fork(f, &ForkOpts::VFORK)?;
    life::vfork_wait(pid);
    Ok(pid as i64)
}

/// A NULL-terminated array of strings from user memory (argv, envp), with
/// Linux's limits: E2BIG past MAX_ARG_STRLEN per string or MAX_ARG_BYTES in all.
fn copy_strings(mut addr: u64, total: &mut usize) -> Result<Vec<Vec<u8>>, Errno> {
    let mut v = Vec::new();
    if addr == 0 {
        return Ok(v); // Linux accepts NULL as an empty array
    }
    loop {
        let p: u64 = uaccess::read(addr)?;
        if p == 0 {
            return Ok(v);
        }
        let s = uaccess::read_cstr(p, MAX_ARG_STRLEN - 1).map_err(|e| if e == ENAMETOOLONG { E2BIG } else { e })?;
        *total += s.len() + 1 + 8;
        if *total > MAX_ARG_BYTES {
            return Err(E2BIG);
        }
        v.push(s);
        addr = addr.checked_add(8).ok_or(EFAULT)?;
    }
}


/// execveat(dirfd, path, argv, envp, flags); execve is execveat(AT_FDCWD, .., 0).
/// On success the calling process runs the new image (this returns 0 into
/// the new image's zeroed registers).
pub fn execveat(f: &mut TrapFrame, dirfd: i64, path: u64, argv: u64, envp: u64, flags: u32) -> SysResult {
    if flags & !(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH) != 0 {
        return Err(EINVAL);
    }
    let path = super::path::proc_self_exe(uaccess::read_cstr(path, 4095)?);
    let mut total = 0;
    let argv = copy_strings(argv, &mut total)?;
    let envp = copy_strings(envp, &mut total)?;
    let (cwd, path) = if path.is_empty() {
        if flags & AT_EMPTY_PATH == 0 {
            return Err(ENOENT);
        }
        let file = proc::current_proc().fds.get(dirfd)?.file.clone();
        let n = file.inode().ok_or(EACCES)?;
        (alloc::string::String::new(), alloc::format!("/{}", crate::fs::tree::path_of_file(n)).into_bytes())
    } else if dirfd == AT_FDCWD || path.first() == Some(&b'/') {
        (proc::current_proc().cwd.clone(), path)
    } else {
        (crate::fs::tree::path_of(&super::path::start_dir(dirfd, &path)?)?, path)
    };
    if flags & AT_SYMLINK_NOFOLLOW != 0 {
        let n = super::path::resolve_at(dirfd, &path, false)?;
        if n.mode.get() & S_IFMT == S_IFLNK {
            return Err(ELOOP);
        }
    }
    let started = crate::exec::load_program(&cwd, &path, &argv, &envp, proc::current_proc().cred)?;
    let name = path.rsplit(|&c| c == b'/').next().unwrap_or(&path);
    let name = alloc::string::String::from_utf8_lossy(&name[..name.len().min(15)]).into_owned();
    life::exec(f, started, name);
    Ok(0)
}

/// The wait4 status word of an event.
fn status_word(ev: Event) -> i32 {
    match ev {
        Event::Exited(ExitStatus::Code(c)) => (c & 0xff) << 8,
        Event::Exited(ExitStatus::Signal(s)) => s & 0x7f,
        Event::Stopped(s) => (s << 8) | 0x7f,
        Event::Continued => 0xffff,
    }
}

const WUNTRACED: u32 = 2;

/// wait4(pid, status, options, rusage): pid > 0 that child, -1 any, 0 our
/// group, < -1 group -pid. Options WNOHANG, WUNTRACED, WCONTINUED (and the
/// __W* thread bits); rusage is zero-filled (no accounting).
pub fn wait4(pid: i64, status: u64, options: u32, rusage: u64) -> SysResult {
    if options & !(WNOHANG | WUNTRACED | WCONTINUED | WTHREAD_BITS) != 0 {
        return Err(EINVAL);
    }
    let which = match pid {
        -1 => Which::Any,
        0 => Which::Pgid(proc::current_proc().pgid),
        p if p < 0 => Which::Pgid(p.unsigned_abs()),
        p => Which::Pid(p as u64),
    };
    if pid == i32::MIN as i64 {
        return Err(ESRCH);
    }
    let Some((child, ev, used, _)) = life::wait(which, options | WEXITED)? else { return Ok(0) };
    if status != 0 {
        uaccess::write(status, &status_word(ev))?;
    }
    if rusage != 0 {
        uaccess::write(rusage, &used.to_rusage())?;
    }
    Ok(child as i64)
}

const P_ALL: u32 = 0;
const P_PID: u32 = 1;
const P_PGID: u32 = 2;

/// waitid(idtype, id, infop, options, rusage): P_ALL/P_PID/P_PGID, at least
/// one of WEXITED/WSTOPPED/WCONTINUED, WNOHANG, WNOWAIT; fills a siginfo.
pub fn waitid(idtype: u32, id: u64, infop: u64, options: u32, rusage: u64) -> SysResult {
    if options & !(WNOHANG | WSTOPPED | WEXITED | WCONTINUED | WNOWAIT | WTHREAD_BITS) != 0 || options & (WSTOPPED | WEXITED | WCONTINUED) == 0 {
        return Err(EINVAL);
    }
    let id = id as u32 as u64;
    let which = match idtype {
        P_ALL => Which::Any,
        P_PID if id > 0 => Which::Pid(id),
        P_PGID => Which::Pgid(if id == 0 { proc::current_proc().pgid } else { id }),
        _ => return Err(EINVAL),
    };
    let r = life::wait(which, options)?;
    if infop != 0 {
        let bytes = match r {
            None => [0u8; 128],
            Some((pid, ev, _, uid)) => {
                let (code, st) = match ev {
                    Event::Exited(ExitStatus::Code(c)) => (signal::CLD_EXITED, c & 0xff),
                    Event::Exited(ExitStatus::Signal(s)) if signal::dumps_core(s) => (signal::CLD_DUMPED, s),
                    Event::Exited(ExitStatus::Signal(s)) => (signal::CLD_KILLED, s),
                    Event::Stopped(s) => (signal::CLD_STOPPED, s),
                    Event::Continued => (signal::CLD_CONTINUED, signal::SIGCONT),
                };
                // The child is gone from the table once reaped: its uid came with the event.
                Info { signo: SIGCHLD, code, w16: (pid & 0xffff_ffff) | (uid as u64) << 32, w24: st as u32 as u64 }.to_bytes()
            }
        };
        uaccess::copy_out(infop, &bytes)?;
    }
    if rusage != 0 {
        let used = r.map(|(_, _, u, _)| u).unwrap_or_default();
        uaccess::write(rusage, &used.to_rusage())?;
    }
    Ok(0)
}

pub fn getppid() -> SysResult {
    Ok(proc::current_proc().parent as i64)
}

pub fn setpgid(pid: i64, pgid: i64) -> SysResult {
    job::setpgid(pid, pgid).map(|_| 0)
}

pub fn getpgid(pid: i64) -> SysResult {
    job::getpgid(pid).map(|g| g as i64)
}

pub fn getsid(pid: i64) -> SysResult {
    job::getsid(pid).map(|g| g as i64)
}

pub fn setsid() -> SysResult {
    job::setsid().map(|g| g as i64)
}

/// personality(persona): 0xffffffff only asks; anything else becomes the
/// process's persona (the flags are kept and reported; vibix runs every
/// program the same way). Returns the previous one.
pub fn personality(persona: u32) -> SysResult {
    let p = proc::current_proc();
    let old = p.persona;
    if persona != u32::MAX {
        p.persona = persona;
    }
    Ok(old as i64)
}
