//! The life of a process: fork (copy-on-write, or a shared address space for
//! vfork), execve (a new image in the same process), the end (zombie until
//! the parent waits, or reaped at once by init or when the parent ignores
//! SIGCHLD), orphans (adopted by init, the kernel), and wait.
use super::{aspace_of, current, current_proc, new_process, new_thread, sched, share_aspace, wake, Block, ExitStatus, FpuArea, Notice, State, KERNEL_PID};
use crate::arch::x86_64::cpu;
use crate::arch::x86_64::entry::TrapFrame;
use crate::arch::x86_64::gdt;
use crate::errno::*;
use crate::fs::file::{FdTable, MAX_FDS};
use crate::signal::{self, SIGCHLD, SIG_DFL, SIG_IGN};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// sa_flags of SIGCHLD in the parent.
pub const SA_NOCLDSTOP: u64 = 1;
pub const SA_NOCLDWAIT: u64 = 2;

pub struct ForkOpts {
    /// CLONE_VM: share the parent's address space instead of copying it.
    pub share_vm: bool,
    /// CLONE_VFORK: the calling thread sleeps until the child execs or ends.
    pub vfork: bool,
    /// CLONE_PARENT: the child's parent is the caller's parent.
    pub same_parent: bool,
    /// The signal the parent gets when the child ends (0: none).
    pub exit_signal: i32,
    /// The child's %rsp (0: the caller's) and %fs base.
    pub stack: u64,
    pub tls: Option<u64>,
}

impl ForkOpts {
    pub const FORK: ForkOpts = ForkOpts { share_vm: false, vfork: false, same_parent: false, exit_signal: SIGCHLD, stack: 0, tls: None };
    pub const VFORK: ForkOpts = ForkOpts { share_vm: true, vfork: true, ..Self::FORK };
}

/// fork/vfork/clone without CLONE_THREAD: a new process with one thread that
/// returns 0. Returns the child's pid once it may run (for vfork: once it has
/// exec'd or ended).
pub fn fork(frame: &TrapFrame, o: &ForkOpts) -> Result<u64, Errno> {
    if !super::can_add_thread() {
        return Err(EAGAIN);
    }
    let cur = current();
    let p = current_proc();
    let aspace = if o.share_vm {
        p.aspace.clone().ok_or(EINVAL)?
    } else {
        share_aspace(aspace_of(p).ok_or(EINVAL)?.fork().ok_or(ENOMEM)?)
    };
    let s = sched();
    let pid = s.next_id;
    let mut c = new_process(pid, p.name.clone(), Some(aspace));
    c.exe = p.exe.clone();
    c.cwd = p.cwd.clone();
    c.cred = p.cred;
    c.persona = p.persona;
    c.groups = p.groups.clone();
    c.parent = if o.same_parent && p.parent != KERNEL_PID { p.parent } else { p.pid };
    c.pgid = p.pgid;
    c.sid = p.sid;
    c.exit_signal = o.exit_signal;
    c.capture_to = p.capture_to;
    c.fds = p.fds.clone();
    c.sigactions = p.sigactions;
    c.res = p.res.inherit();
    if o.vfork {
        c.vfork_parent = Some(cur.tid);
    }
    s.procs.insert(pid, c);
    let mut child = *frame;
    child.rax = 0;
    if o.stack != 0 {
        child.rsp = o.stack;
    }
    let (mask, alt) = (cur.sigmask, cur.altstack);
    let tid = new_thread(pid, child, o.tls.unwrap_or(cur.fs_base), Box::new(FpuArea(cur.fpu.0)));
    debug_assert_eq!(tid, pid);
    // The child inherits the signal mask and alternate stack (pending signals are not inherited).
    if let Some(t) = s.threads.get_mut(&tid) {
        t.sigmask = mask;
        t.altstack = alt;
    }
    Ok(pid)
}

/// vfork's parent side: sleeps until child `pid` has exec'd or ended.
/// Signals do not end the wait (SIGKILL ends the whole process instead).
pub fn vfork_wait(pid: u64) {
    while sched().procs.get(&pid).is_some_and(|c| c.vfork_parent.is_some()) {
        super::block(Block::Vfork(pid), None);
    }
}

fn release_vfork_parent(pid: u64) {
    if let Some(t) = sched().procs.get_mut(&pid).and_then(|p| p.vfork_parent.take()) {
        wake(t, super::Wake::Normal);
    }
}

/// execve after a successful load: the current process gets the new image.
/// Other threads end; O_CLOEXEC descriptors close; caught signals go back to
/// SIG_DFL (ignored ones stay ignored); the mask and pending signals stay.
pub fn exec(f: &mut TrapFrame, started: crate::exec::Started, name: String) {
    let s = sched();
    let cur = s.current;
    let p = current_proc();
    for tid in p.threads.clone() {
        if tid != cur {
            if let Some(t) = s.threads.get_mut(&tid) {
                t.state = State::Dead;
                super::usage::retire(p, t);
            }
        }
    }
    p.threads.retain(|&t| t == cur);
    super::usage::sample_rss(p); // maxrss covers the old image too, as on Linux
    let pml4 = started.aspace.pml4;
    // Dropping the old image (if no vfork parent still uses it) switches to the kernel tables.
    p.aspace = Some(share_aspace(started.aspace));
    // SAFETY: the new PML4 maps the kernel half like every process PML4.
    unsafe { cpu::write_cr3(pml4) };
    for fd in 0..MAX_FDS as i64 {
        if p.fds.get(fd).is_ok_and(|d| d.cloexec) {
            let _ = p.fds.close(fd);
        }
    }
    for a in p.sigactions.iter_mut() {
        if a[0] != SIG_IGN {
            *a = [SIG_DFL, 0, 0, 0];
        }
    }
    p.exe = started.exe;
    p.cred = started.cred;
    let comm = super::policy::comm_from(name.as_bytes());
    p.name = name;
    p.execed = true;
    let pid = p.pid;
    crate::signal::timers::release(pid);
    let t = current();
    t.comm = comm;
    t.fs_base = 0;
    // SAFETY: FS_BASE only affects user-mode %fs accesses.
    unsafe { cpu::wrmsr(cpu::MSR_FS_BASE, 0) };
    t.fpu.0 = FpuArea::initial().0;
    t.altstack = [0, crate::signal::frame::SS_DISABLE, 0];
    t.clear_child_tid = 0;
    t.sig.saved_mask = None;
    *f = TrapFrame { rip: started.entry, rsp: started.sp, cs: gdt::USER_CS as u64, ss: gdt::USER_DS as u64, rflags: 0x202, ..Default::default() };
    release_vfork_parent(pid);
}

/// Ends process `pid`: every thread dies, memory and descriptors are freed,
/// the parent is told (SIGCHLD, its waiters wake). The caller must
/// `schedule()` afterwards if the current thread was one of them.
pub fn finish_process(pid: u64, status: ExitStatus) {
    let s = sched();
    let Some(p) = s.procs.get_mut(&pid) else { return };
    if p.exit.is_some() {
        return;
    }
    super::usage::sample_rss(p);
    for tid in core::mem::take(&mut p.threads) {
        if let Some(t) = s.threads.get_mut(&tid) {
            t.state = State::Dead;
            super::usage::retire(p, t);
        }
    }
    p.exit = Some(status);
    crate::signal::timers::release(pid);
    crate::ipc::process_gone(pid);
    p.stopped = false;
    p.notice = None;
    p.aspace = None;
    p.fds = FdTable::default();
    let (parent, exit_signal, traced) = (p.parent, p.exit_signal, p.capture.is_some());
    release_vfork_parent(pid);
    // Orphans go to init, which reaps those that have ended or will end.
    let children: Vec<u64> = s.procs.values().filter(|c| c.parent == pid).map(|c| c.pid).collect();
    for c in children {
        if let Some(c) = s.procs.get_mut(&c) {
            c.parent = KERNEL_PID;
            if c.exit.is_some() && c.capture.is_none() {
                c.autoreap = true;
                s.reap.push(c.pid);
            }
        }
    }
    // Reaped at once: children of init (but the runner's test processes), and children
    // of a parent that ignores SIGCHLD or set SA_NOCLDWAIT (POSIX/Linux).
    let act = s.procs.get(&parent).map_or([0; 4], |q| q.sigactions[SIGCHLD as usize]);
    if (parent == KERNEL_PID && !traced) || (parent != KERNEL_PID && (act[0] == SIG_IGN || act[1] & SA_NOCLDWAIT != 0)) {
        if let Some(p) = s.procs.get_mut(&pid) {
            p.autoreap = true;
        }
        s.reap.push(pid);
    }
    if parent != KERNEL_PID && exit_signal != 0 {
        signal::child_exited(parent, pid, status, exit_signal);
    }
    wake_waiters(parent);
    let runner: Vec<u64> = s.threads.values().filter(|t| t.state == State::Blocked(Block::WaitProc(pid))).map(|t| t.tid).collect();
    for w in runner {
        wake(w, super::Wake::Normal);
    }
}

/// Wakes the threads of `parent` that wait for a child's state change.
pub fn wake_waiters(parent: u64) {
    let waiters: Vec<u64> = sched().threads.values().filter(|t| t.state == State::Blocked(Block::WaitChild(parent))).map(|t| t.tid).collect();
    for w in waiters {
        wake(w, super::Wake::Normal);
    }
}

/// Frees processes that ended and that nobody will wait for (after the switch
/// away from their last thread, so no kernel code still uses them).
pub fn reap_autoreaped() {
    let s = sched();
    if s.reap.is_empty() {
        return;
    }
    let cur_pid = s.threads.get(&s.current).map_or(0, |t| t.pid);
    let list = core::mem::take(&mut s.reap);
    for pid in list {
        if pid == cur_pid {
            s.reap.push(pid);
        } else {
            s.procs.remove(&pid);
        }
    }
}

/// Removes a finished process and returns its status.
pub fn reap(pid: u64) -> Option<ExitStatus> {
    let s = sched();
    let st = s.procs.get(&pid)?.exit?;
    s.procs.remove(&pid);
    Some(st)
}

/// Which children a wait call looks at.
#[derive(Clone, Copy)]
pub enum Which {
    Any,
    Pid(u64),
    Pgid(u64),
}

pub const WNOHANG: u32 = 1;
pub const WSTOPPED: u32 = 2;
pub const WEXITED: u32 = 4;
pub const WCONTINUED: u32 = 8;
pub const WNOWAIT: u32 = 0x0100_0000;
/// __WNOTHREAD, __WALL, __WCLONE: accepted (vibix threads are never waited for).
pub const WTHREAD_BITS: u32 = 0xe000_0000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Event {
    Exited(ExitStatus),
    Stopped(i32),
    Continued,
}

/// One wait: a child's event matching `which` and `options` (WEXITED,
/// WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT), consumed unless WNOWAIT.
/// `Ok(None)`: WNOHANG and nothing to report. Blocks otherwise; a signal to
/// take makes it return ERESTARTSYS. Found: the child's pid, event, usage and real uid.
pub fn wait(which: Which, options: u32) -> Result<Option<(u64, Event, super::usage::Usage, u32)>, Errno> {
    let me = current().pid;
    loop {
        let s = sched();
        let mut any = false;
        let mut found = None;
        for c in s.procs.values() {
            let selected = match which {
                Which::Any => true,
                Which::Pid(p) => c.pid == p,
                Which::Pgid(g) => c.pgid == g,
            };
            if c.parent != me || c.autoreap || !selected {
                continue;
            }
            any = true;
            let ev = match (c.exit, c.notice) {
                (Some(st), _) if options & WEXITED != 0 => Some(Event::Exited(st)),
                (None, Some(Notice::Stopped(sig))) if options & WSTOPPED != 0 => Some(Event::Stopped(sig)),
                (None, Some(Notice::Continued)) if options & WCONTINUED != 0 => Some(Event::Continued),
                _ => None,
            };
            if let Some(ev) = ev {
                found = Some((c.pid, ev, c.cred.ruid));
                break;
            }
        }
        if let Some((pid, ev, uid)) = found {
            let used = super::usage::total_of(pid);
            if options & WNOWAIT == 0 {
                match ev {
                    Event::Exited(_) => {
                        super::usage::collect(me, &used);
                        s.procs.remove(&pid);
                    }
                    _ => {
                        if let Some(c) = s.procs.get_mut(&pid) {
                            c.notice = None;
                        }
                    }
                }
            }
            return Ok(Some((pid, ev, used, uid)));
        }
        if !any {
            return Err(ECHILD);
        }
        if options & WNOHANG != 0 {
            return Ok(None);
        }
        super::block(Block::WaitChild(me), None);
        if signal::interrupted() {
            return Err(signal::ERESTARTSYS); // a handler runs, then the call restarts (SA_RESTART)
        }
    }
}
