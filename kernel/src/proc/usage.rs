//! Resource accounting and limits: what getrusage, times, wait4's rusage,
//! get/setpriority and get/setrlimit/prlimit64 report.
//!
//! CPU time is measured with the TSC at every change between user and kernel
//! mode and at every thread switch, so time a thread spends blocked (or the
//! CPU idle) counts for nobody. Interrupts taken in user mode (timer, page
//! faults) count as kernel time from their entry on. The largest resident
//! size is sampled where it can only have been larger before: at getrusage,
//! exec and exit (Linux updates its high-water mark at similar points).
use super::{current, sched, Process, Thread};
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::fs::file::MAX_FDS;

/// A thread's CPU time so far, and when its current stretch began.
#[derive(Clone, Copy, Default)]
pub struct CpuClock {
    pub user_ns: u64,
    pub sys_ns: u64,
    since: u64,
}

impl CpuClock {
    pub fn started() -> Self {
        CpuClock { since: timer::monotonic_ns(), ..Default::default() }
    }
    /// Charges the time since the last mark to user or kernel time.
    fn charge(&mut self, user: bool) {
        let now = timer::monotonic_ns();
        let d = now.saturating_sub(self.since);
        if user {
            self.user_ns += d;
        } else {
            self.sys_ns += d;
        }
        self.since = now;
    }
    /// Restarts the clock without charging (the thread runs again).
    pub fn restart(&mut self) {
        self.since = timer::monotonic_ns();
    }
}

/// Kernel entry from user mode (syscall, interrupt, fault).
pub fn enter_kernel() {
    current().cpu.charge(true);
}

/// Back to user mode.
pub fn leave_kernel() {
    current().cpu.charge(false);
}

/// The running thread stops running (a switch, or the CPU goes idle).
pub fn stop(t: &mut Thread) {
    t.cpu.charge(false);
}

/// What one process (or its reaped children, summed) used, in Linux's rusage terms.
#[derive(Clone, Copy, Default)]
pub struct Usage {
    pub user_ns: u64,
    pub sys_ns: u64,
    pub maxrss_kb: u64,
    pub minflt: u64,
    pub nvcsw: u64,
    pub nivcsw: u64,
}

impl Usage {
    fn add(&mut self, o: &Usage) {
        self.user_ns += o.user_ns;
        self.sys_ns += o.sys_ns;
        // Children's maxrss is the largest child's, not a sum (as Linux).
        self.maxrss_kb = self.maxrss_kb.max(o.maxrss_kb);
        self.minflt += o.minflt;
        self.nvcsw += o.nvcsw;
        self.nivcsw += o.nivcsw;
    }

    /// `struct rusage`: two timevals, then 14 longs.
    pub fn to_rusage(&self) -> [i64; 18] {
        let tv = |ns: u64| [(ns / 1_000_000_000) as i64, ((ns % 1_000_000_000) / 1000) as i64];
        let mut r = [0i64; 18];
        r[0..2].copy_from_slice(&tv(self.user_ns));
        r[2..4].copy_from_slice(&tv(self.sys_ns));
        r[4] = self.maxrss_kb as i64;
        r[10] = self.minflt as i64;
        r[16] = self.nvcsw as i64;
        r[17] = self.nivcsw as i64;
        r
    }
}

static_assertions::const_assert_eq!(core::mem::size_of::<[i64; 18]>(), 144); // sizeof(struct rusage)

pub const RLIM_NLIMITS: usize = 16;
pub const RLIMIT_STACK: usize = 3;
pub const RLIMIT_NOFILE: usize = 7;
pub const RLIM_INFINITY: u64 = u64::MAX;

/// A process's accounting and limits (inherited by fork, kept by exec).
#[derive(Clone)]
pub struct Resources {
    /// Time of the threads that have ended, and the process's fault and switch counts.
    pub own: Usage,
    /// Children reaped by wait (and their reaped children).
    pub children: Usage,
    /// Largest resident size seen, in pages.
    pub peak_pages: u64,
    /// Nice value, -20..=19.
    pub nice: i32,
    /// [soft, hard] per resource; RLIMIT_NOFILE's soft value is also the
    /// descriptor table's limit (FdTable::limit), which is where it is enforced.
    pub limits: [[u64; 2]; RLIM_NLIMITS],
}

impl Default for Resources {
    fn default() -> Self {
        let mut limits = [[RLIM_INFINITY; 2]; RLIM_NLIMITS];
        limits[RLIMIT_STACK] = [8 << 20, RLIM_INFINITY];
        limits[RLIMIT_NOFILE] = [MAX_FDS as u64, MAX_FDS as u64];
        Resources { own: Usage::default(), children: Usage::default(), peak_pages: 0, nice: 0, limits }
    }
}

impl Resources {
    /// What a forked child starts with: the limits and nice value, no usage.
    pub fn inherit(&self) -> Self {
        Resources { nice: self.nice, limits: self.limits, ..Default::default() }
    }
}

/// A thread of `p` ends: its time stays with the process.
pub fn retire(p: &mut Process, t: &Thread) {
    p.res.own.user_ns += t.cpu.user_ns;
    p.res.own.sys_ns += t.cpu.sys_ns;
}

/// Records the current resident size of `p` in its high-water mark.
pub fn sample_rss(p: &mut Process) {
    if let Some(a) = super::aspace_of(p) {
        p.res.peak_pages = p.res.peak_pages.max(a.resident_pages());
    }
}

/// Usage of `p` itself: ended threads plus the live ones (the current thread up to now).
pub fn of_process(pid: u64) -> Usage {
    let s = sched();
    let cur = s.current;
    if let Some(t) = s.threads.get_mut(&cur).filter(|t| t.pid == pid) {
        t.cpu.charge(false);
    }
    let Some(p) = s.procs.get_mut(&pid) else { return Usage::default() };
    sample_rss(p);
    let mut u = p.res.own;
    for t in p.threads.iter().filter_map(|tid| s.threads.get(tid)) {
        u.user_ns += t.cpu.user_ns;
        u.sys_ns += t.cpu.sys_ns;
    }
    u.maxrss_kb = p.res.peak_pages * 4;
    u
}

/// Usage of one thread (RUSAGE_THREAD).
pub fn of_thread() -> Usage {
    let t = current();
    t.cpu.charge(false);
    let p = super::current_proc();
    sample_rss(p);
    Usage { user_ns: t.cpu.user_ns, sys_ns: t.cpu.sys_ns, maxrss_kb: p.res.peak_pages * 4, ..Default::default() }
}

/// CPU-time clocks: CLOCK_PROCESS_CPUTIME_ID (2), CLOCK_THREAD_CPUTIME_ID (3)
/// and the ids clock_getcpuclockid/pthread_getcpuclockid make (negative:
/// `~pid << 3 | kind`, bit 2 = one thread; kind 0 user+system, 1 user, 2 scheduled).
/// EINVAL for a process or thread that does not exist.
pub fn cpu_clock_ns(clock: i32) -> Result<u64, Errno> {
    let (id, thread, kind) = match clock {
        2 => (0, false, 2),
        3 => (0, true, 2),
        c if c < 0 => ((!(c >> 3)) as u32 as u64, c & 4 != 0, c & 3),
        _ => return Err(EINVAL),
    };
    let u = if thread {
        let tid = if id == 0 { current().tid } else { id };
        let t = sched().threads.get_mut(&tid).filter(|t| t.state != super::State::Dead).ok_or(EINVAL)?;
        if tid == sched().current {
            t.cpu.charge(false);
        }
        Usage { user_ns: t.cpu.user_ns, sys_ns: t.cpu.sys_ns, ..Default::default() }
    } else {
        let pid = if id == 0 { current().pid } else { id };
        if !sched().procs.get(&pid).is_some_and(|p| p.exit.is_none() && pid != super::KERNEL_PID) {
            return Err(EINVAL);
        }
        of_process(pid)
    };
    match kind {
        1 => Ok(u.user_ns),
        3 => Err(EINVAL),
        _ => Ok(u.user_ns + u.sys_ns),
    }
}

/// What a wait4 caller learns about an ended child, and what its parent adds
/// to its children's total: the child's own usage plus its reaped children.
pub fn total_of(pid: u64) -> Usage {
    let mut u = of_process(pid);
    if let Some(p) = sched().procs.get(&pid) {
        u.add(&p.res.children);
    }
    u
}

/// The parent collects an ended child's usage (wait without WNOWAIT).
pub fn collect(parent: u64, child: &Usage) {
    if let Some(p) = sched().procs.get_mut(&parent) {
        p.res.children.add(child);
    }
}

/// Counts a page fault of the current process.
pub fn fault() {
    super::current_proc().res.own.minflt += 1;
}

/// Counts a context switch of the current process (voluntary: it blocked).
pub fn switched(voluntary: bool) {
    let r = &mut super::current_proc().res.own;
    if voluntary {
        r.nvcsw += 1;
    } else {
        r.nivcsw += 1;
    }
}

/// Sets `[soft, hard]` of resource `res` of `p`, as setrlimit allows it:
/// soft <= hard, and no descriptor limit beyond the table's size.
pub fn set_limit(p: &mut Process, res: usize, new: [u64; 2]) -> Result<(), Errno> {
    if new[0] > new[1] {
        return Err(EINVAL);
    }
    if res == RLIMIT_NOFILE {
        if new[1] > MAX_FDS as u64 {
            return Err(EPERM); // Linux: above fs.nr_open
        }
        p.fds.set_limit(new[0].min(MAX_FDS as u64) as usize);
    }
    p.res.limits[res] = new;
    Ok(())
}
