//! Signals: generation (kill/tgkill, faults, child exit, SIGPIPE, alarm),
//! per-thread and per-process pending sets, default actions, and delivery
//! to user handlers on the way back to user mode (`deliver`), with a Linux
//! `rt_sigframe` (`frame`).
//!
//! A signal whose action is "ignore" is discarded when generated (unless the
//! target blocks it); one whose default action terminates the process does so
//! when generated if the target does not block it, as Linux does. Everything
//! else waits in a pending set until a thread that does not block it returns
//! to user mode. Stop signals stop the process and SIGCONT continues it
//! (`proc::job`).
pub mod frame;
pub mod timers;

use crate::arch::x86_64::entry::TrapFrame;
use crate::errno::*;
use crate::proc::{self, ExitStatus, State, Wake};
use alloc::vec::Vec;

pub const SIGKILL: i32 = 9;
pub const SIGSEGV: i32 = 11;
pub const SIGPIPE: i32 = 13;
pub const SIGALRM: i32 = 14;
pub const SIGCHLD: i32 = 17;
pub const SIGCONT: i32 = 18;
pub const SIGSTOP: i32 = 19;
/// SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU.
const STOP_SIGNALS: u64 = bit(19) | bit(20) | bit(21) | bit(22);
pub const NSIG: i32 = 64;

pub const SIG_DFL: u64 = 0;
pub const SIG_IGN: u64 = 1;
pub const SA_RESTORER: u64 = 0x0400_0000;
pub const SA_ONSTACK: u64 = 0x0800_0000;
pub const SA_RESTART: u64 = 0x1000_0000;
pub const SA_NODEFER: u64 = 0x4000_0000;
pub const SA_RESETHAND: u64 = 0x8000_0000;

pub const SI_USER: i32 = 0;
pub const SI_KERNEL: i32 = 0x80;
pub const SI_TKILL: i32 = -6;
pub const SEGV_MAPERR: i32 = 1;
pub const SEGV_ACCERR: i32 = 2;
pub const CLD_EXITED: i32 = 1;
pub const CLD_KILLED: i32 = 2;
pub const CLD_DUMPED: i32 = 3;
pub const CLD_STOPPED: i32 = 5;
pub const CLD_CONTINUED: i32 = 6;

/// Kernel-internal "restart me" results (never seen by user space).
pub const ERESTARTSYS: Errno = 512;
pub const ERESTARTNOINTR: Errno = 513;
pub const ERESTARTNOHAND: Errno = 514;

/// SIGKILL and SIGSTOP can be neither blocked nor caught.
pub const UNBLOCKABLE: u64 = bit(SIGKILL) | bit(SIGSTOP);

pub const fn bit(sig: i32) -> u64 {
    1u64 << (sig - 1)
}

/// The union fields of a `siginfo_t` that vibix fills: the words at offsets
/// 16 and 24 (pid|uid<<32 and status/value, or si_addr).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Info {
    pub signo: i32,
    pub code: i32,
    pub w16: u64,
    pub w24: u64,
}

impl Info {
    /// Sent by process `pid` with `code` (SI_USER, SI_TKILL).
    pub fn from_pid(signo: i32, code: i32, pid: u64) -> Self {
        Info { signo, code, w16: sender(pid), w24: 0 }
    }

    pub fn fault(signo: i32, code: i32, addr: u64) -> Self {
        Info { signo, code, w16: addr, w24: 0 }
    }

    pub fn to_bytes(self) -> [u8; 128] {
        let mut b = [0u8; 128];
        b[0..4].copy_from_slice(&self.signo.to_le_bytes());
        b[8..12].copy_from_slice(&self.code.to_le_bytes());
        b[16..24].copy_from_slice(&self.w16.to_le_bytes());
        b[24..32].copy_from_slice(&self.w24.to_le_bytes());
        b
    }
}

/// si_pid and si_uid (the word at offset 16): process `pid` and its real uid.
pub fn sender(pid: u64) -> u64 {
    let uid = proc::sched().procs.get(&pid).map_or(0, |p| p.cred.ruid);
    (pid & 0xffff_ffff) | (uid as u64) << 32
}

/// A pending set: standard signals (1..31) are pending at most once,
/// real-time ones (32..64) queue.
#[derive(Clone, Default, Debug)]
pub struct Pending {
    pub set: u64,
    queue: Vec<Info>,
}

impl Pending {
    pub fn add(&mut self, i: Info) {
        if i.signo < 32 && self.set & bit(i.signo) != 0 {
            return;
        }
        self.set |= bit(i.signo);
        self.queue.push(i);
    }

    /// The lowest-numbered pending signal in `allowed`.
    pub fn first(&self, allowed: u64) -> Option<i32> {
        let s = self.set & allowed;
        (s != 0).then(|| s.trailing_zeros() as i32 + 1)
    }

    pub fn take(&mut self, sig: i32) -> Option<Info> {
        let i = self.queue.iter().position(|q| q.signo == sig)?;
        let info = self.queue.remove(i);
        if !self.queue.iter().any(|q| q.signo == sig) {
            self.set &= !bit(sig);
        }
        Some(info)
    }

    /// The first queued siginfo that `pred` picks (a timer updating its overrun).
    pub fn find_mut(&mut self, pred: impl Fn(&Info) -> bool) -> Option<&mut Info> {
        self.queue.iter_mut().find(|i| pred(i))
    }

    pub fn discard(&mut self, sig: i32) {
        self.queue.retain(|q| q.signo != sig);
        self.set &= !bit(sig);
    }
}

/// Per-thread signal state (besides `sigmask` and `altstack` in `Thread`).
#[derive(Clone, Default, Debug)]
pub struct ThreadSig {
    pub pending: Pending,
    /// The mask to restore after the next handler (rt_sigsuspend).
    pub saved_mask: Option<u64>,
    /// Signals rt_sigtimedwait is waiting for (they wake it even when blocked).
    pub waiting: u64,
}

/// Per-process signal state: pending set and the ITIMER_REAL timer.
#[derive(Clone, Default, Debug)]
pub struct ProcSig {
    pub pending: Pending,
    /// ITIMER_REAL: next expiry (monotonic ns) and reload interval (0: one-shot).
    pub alarm: Option<(u64, u64)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Default {
    Term,
    Core,
    Ignore,
    Stop,
}

fn default_action(sig: i32) -> Default {
    match sig {
        // SIGCHLD, SIGURG, SIGWINCH; SIGCONT (its continuing happens when it is generated).
        17 | 23 | 28 | 18 => Default::Ignore,
        19 | 20 | 21 | 22 => Default::Stop,
        3 | 4 | 5 | 6 | 7 | 8 | 11 | 24 | 25 | 31 => Default::Core,
        _ => Default::Term,
    }
}

/// Whether `sig`'s default action is "terminate with core" (CLD_DUMPED).
pub fn dumps_core(sig: i32) -> bool {
    default_action(sig) == Default::Core
}

fn valid(sig: i32) -> bool {
    (1..=NSIG).contains(&sig)
}

/// Whether `sig` would be ignored by process `pid` right now.
fn ignored(p: &proc::Process, sig: i32) -> bool {
    let h = p.sigactions[sig as usize][0];
    sig != SIGKILL && (h == SIG_IGN || (h == SIG_DFL && default_action(sig) == Default::Ignore))
}

fn fatal_default(p: &proc::Process, sig: i32) -> bool {
    sig == SIGKILL || (p.sigactions[sig as usize][0] == SIG_DFL && matches!(default_action(sig), Default::Term | Default::Core))
}

/// What generating SIGCONT or a stop signal does at once: SIGCONT continues
/// the process and discards pending stop signals; a stop signal discards a
/// pending SIGCONT.
fn job_control(pid: u64, sig: i32) {
    let Some(p) = proc::sched().procs.get_mut(&pid) else { return };
    let discard = if sig == SIGCONT {
        STOP_SIGNALS
    } else if STOP_SIGNALS & bit(sig) != 0 {
        bit(SIGCONT)
    } else {
        return;
    };
    for s in 1..=31 {
        if discard & bit(s) != 0 {
            p.sig.pending.discard(s);
            for tid in p.threads.clone() {
                if let Some(t) = proc::sched().threads.get_mut(&tid) {
                    t.sig.pending.discard(s);
                }
            }
        }
    }
    if sig == SIGCONT {
        proc::job::resume(pid);
    }
}

/// Whether thread `t` would take `sig` now (not blocked, or waited for).
fn accepts(t: &proc::Thread, sig: i32) -> bool {
    (!t.sigmask | UNBLOCKABLE | t.sig.waiting) & bit(sig) != 0
}

/// Whether `t` does not block `sig`. A signal blocked but waited for
/// (sigwaitinfo, signalfd) is neither discarded as ignored nor fatal, as on Linux.
fn unblocked(t: &proc::Thread, sig: i32) -> bool {
    (!t.sigmask | UNBLOCKABLE) & bit(sig) != 0
}

fn kill_process(pid: u64, sig: i32) {
    if let Some(p) = proc::sched().procs.get(&pid) {
        crate::kprintln!("vibix: pid {} ({}) killed by signal {}", pid, p.name, sig);
    }
    proc::finish_process(pid, ExitStatus::Signal(sig));
}

/// Wakes `tid` if it sleeps, so that its blocking call can see the signal.
fn kick(tid: u64) {
    if proc::sched().threads.get(&tid).is_some_and(|t| matches!(t.state, State::Blocked(_))) {
        proc::wake(tid, Wake::Normal);
    }
}

/// Generates `info` for process `pid` (kill, SIGCHLD, alarm).
pub fn send_process(pid: u64, info: Info) -> Result<(), Errno> {
    let s = proc::sched();
    if pid == proc::KERNEL_PID {
        return Err(EPERM);
    }
    let p = s.procs.get(&pid).ok_or(ESRCH)?;
    if info.signo == 0 || p.exit.is_some() {
        return Ok(());
    }
    if !valid(info.signo) {
        return Err(EINVAL);
    }
    job_control(pid, info.signo);
    let p = s.procs.get(&pid).ok_or(ESRCH)?;
    let target = p.threads.iter().copied().find(|t| s.threads.get(t).is_some_and(|t| accepts(t, info.signo)));
    let open = p.threads.iter().any(|t| s.threads.get(t).is_some_and(|t| unblocked(t, info.signo)));
    if ignored(p, info.signo) && open {
        return Ok(());
    }
    if fatal_default(p, info.signo) && open {
        kill_process(pid, info.signo);
        return Ok(());
    }
    let p = s.procs.get_mut(&pid).ok_or(ESRCH)?;
    p.sig.pending.add(info);
    if let Some(t) = target {
        kick(t);
    }
    crate::syscall::signalfd::signal_generated();
    Ok(())
}

/// Generates `info` for thread `tid` of process `pid` (tgkill, SIGPIPE).
pub fn send_thread(pid: u64, tid: u64, info: Info) -> Result<(), Errno> {
    let s = proc::sched();
    if pid == proc::KERNEL_PID {
        return Err(EPERM);
    }
    let p = s.procs.get(&pid).ok_or(ESRCH)?;
    if !p.threads.contains(&tid) {
        return Err(ESRCH);
    }
    if info.signo == 0 {
        return Ok(());
    }
    if !valid(info.signo) {
        return Err(EINVAL);
    }
    job_control(pid, info.signo);
    let p = s.procs.get(&pid).ok_or(ESRCH)?;
    let t = s.threads.get_mut(&tid).ok_or(ESRCH)?;
    let takes = accepts(t, info.signo);
    let open = unblocked(t, info.signo);
    if ignored(p, info.signo) && open {
        return Ok(());
    }
    if fatal_default(p, info.signo) && open {
        kill_process(pid, info.signo);
        return Ok(());
    }
    t.sig.pending.add(info);
    if takes {
        kick(tid);
    }
    crate::syscall::signalfd::signal_generated();
    Ok(())
}

/// SIGPIPE to the calling thread (write to a pipe or socket with no reader).
pub fn send_sigpipe() {
    let t = proc::current();
    let _ = send_thread(t.pid, t.tid, Info::from_pid(SIGPIPE, SI_USER, t.pid));
}

/// A synchronous fault: delivered even if blocked or ignored (then with the
/// default action, as Linux's force_sig does).
pub fn force(info: Info) {
    let t = proc::current();
    let p = proc::current_proc();
    let act = &mut p.sigactions[info.signo as usize];
    if t.sigmask & bit(info.signo) != 0 || act[0] == SIG_IGN {
        act[0] = SIG_DFL;
        t.sigmask &= !bit(info.signo);
    }
    t.sig.pending.add(info);
}

/// Process `pid` finished: `signo` (SIGCHLD unless clone chose another) to its parent.
pub fn child_exited(parent: u64, pid: u64, status: ExitStatus, signo: i32) {
    if parent == proc::KERNEL_PID {
        return;
    }
    let (code, st) = match status {
        ExitStatus::Code(c) => (CLD_EXITED, c),
        ExitStatus::Signal(s) if default_action(s) == Default::Core => (CLD_DUMPED, s),
        ExitStatus::Signal(s) => (CLD_KILLED, s),
    };
    let info = Info { signo, code, w16: sender(pid), w24: st as u32 as u64 };
    let _ = send_process(parent, info);
}

/// Whether the current thread has a signal to take: blocking calls return
/// EINTR (or ERESTARTSYS) when this becomes true.
pub fn interrupted() -> bool {
    let t = proc::current();
    let allowed = !t.sigmask | UNBLOCKABLE;
    t.sig.pending.set & allowed != 0 || proc::current_proc().sig.pending.set & allowed != 0
}

/// Takes the next signal in `allowed` for the current thread (its own first).
pub fn dequeue(allowed: u64) -> Option<Info> {
    let t = proc::current();
    if let Some(sig) = t.sig.pending.first(allowed) {
        return t.sig.pending.take(sig);
    }
    let p = proc::current_proc();
    let sig = p.sig.pending.first(allowed)?;
    p.sig.pending.take(sig)
}

/// On every return to user mode: takes pending signals (default actions,
/// or one handler frame), and resolves ERESTART* results of syscall `nr`.
pub fn deliver(f: &mut TrapFrame, nr: Option<u64>) {
    loop {
        let t = proc::current();
        let Some(info) = dequeue(!t.sigmask | UNBLOCKABLE) else { break };
        let p = proc::current_proc();
        let sig = info.signo;
        let act = p.sigactions[sig as usize];
        if act[0] == SIG_IGN && sig != SIGKILL {
            continue;
        }
        if act[0] == SIG_DFL || sig == SIGKILL {
            if default_action(sig) == Default::Ignore && sig != SIGKILL {
                continue;
            }
            if default_action(sig) == Default::Stop && sig != SIGKILL {
                proc::job::stop(p.pid, sig);
                continue;
            }
            if info.code > 0 && info.code != SI_KERNEL {
                crate::kprintln!(
                    "vibix: pid {} ({}): fault signal {} code {} at rip {:#x}, addr {:#x}, rsp {:#x}",
                    p.pid, p.name, sig, info.code, f.rip, info.w16, f.rsp
                );
            }
            kill_process(p.pid, sig);
            return;
        }
        if let Some(nr) = nr {
            let r = f.rax as i64;
            if (r == -ERESTARTSYS && act[1] & SA_RESTART != 0) || r == -ERESTARTNOINTR {
                f.rax = nr;
                f.rip = f.rip.wrapping_sub(2);
            } else if r == -ERESTARTSYS || r == -ERESTARTNOHAND {
                f.rax = (-EINTR) as u64;
            }
        }
        // The frame restores the mask from before a temporary one (sigsuspend, ppoll...);
        // the handler runs under the current mask plus its own.
        let t = proc::current();
        let run_mask = t.sigmask;
        let old_mask = t.sig.saved_mask.take().unwrap_or(run_mask);
        if frame::setup(f, &info, &act, old_mask).is_err() {
            // No room for the frame (or no restorer): as Linux, SIGSEGV by force.
            let p = proc::current_proc();
            crate::kprintln!("vibix: pid {} ({}): cannot deliver signal {} (bad stack {:#x})", p.pid, p.name, sig, f.rsp);
            kill_process(p.pid, SIGSEGV);
            return;
        }
        let p = proc::current_proc();
        let t = proc::current();
        let mut block = act[3];
        if act[1] & SA_NODEFER == 0 {
            block |= bit(sig);
        }
        t.sigmask = (run_mask | block) & !UNBLOCKABLE;
        if act[1] & SA_RESETHAND != 0 {
            p.sigactions[sig as usize] = [SIG_DFL, 0, 0, 0];
        }
        return;
    }
    let t = proc::current();
    if let Some(m) = t.sig.saved_mask.take() {
        t.sigmask = m;
    }
    if let Some(nr) = nr {
        let r = f.rax as i64;
        if r == -ERESTARTSYS || r == -ERESTARTNOINTR || r == -ERESTARTNOHAND {
            f.rax = nr;
            f.rip = f.rip.wrapping_sub(2);
        }
    }
}

/// Timer tick (from user mode or idle): fires due ITIMER_REAL and POSIX timers, wakes timerfd pollers.
pub fn tick() {
    let now = crate::arch::x86_64::timer::monotonic_ns();
    timers::tick(now);
    crate::syscall::timerfd::tick();
    let due: Vec<u64> = proc::sched().procs.values().filter(|p| p.sig.alarm.is_some_and(|(d, _)| d <= now)).map(|p| p.pid).collect();
    for pid in due {
        if let Some(p) = proc::sched().procs.get_mut(&pid) {
            p.sig.alarm = p.sig.alarm.and_then(|(d, iv)| (iv != 0).then(|| (d.max(now.saturating_sub(iv)) + iv, iv)));
        }
        let _ = send_process(pid, Info { signo: SIGALRM, code: SI_KERNEL, w16: 0, w24: 0 });
    }
}
