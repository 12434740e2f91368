//! Per-thread scheduling attributes as Linux reports them: the policy
//! (SCHED_OTHER/FIFO/RR/BATCH/IDLE), the static priority and
//! SCHED_RESET_ON_FORK, plus the thread's name (comm, PR_SET_NAME).
//! The attributes are kept, inherited and reported as Linux does; the run
//! queue stays round-robin for every policy (docs/unsupported.md).

pub const SCHED_OTHER: u32 = 0;
pub const SCHED_FIFO: u32 = 1;
pub const SCHED_RR: u32 = 2;
pub const SCHED_BATCH: u32 = 3;
pub const SCHED_IDLE: u32 = 5;
pub const SCHED_RESET_ON_FORK: u32 = 0x4000_0000;

/// The time slice sched_rr_get_interval reports: one timer tick (100 Hz).
pub const RR_INTERVAL_NS: u64 = 10_000_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Policy {
    pub policy: u32,
    pub priority: u32,
    pub reset_on_fork: bool,
}

/// (min, max) static priority of `policy`, None for an unknown policy.
pub fn priority_range(policy: u32) -> Option<(u32, u32)> {
    match policy {
        SCHED_FIFO | SCHED_RR => Some((1, 99)),
        SCHED_OTHER | SCHED_BATCH | SCHED_IDLE => Some((0, 0)),
        _ => None,
    }
}

impl Policy {
    /// The attributes sched_setscheduler asks for (`policy` may carry
    /// SCHED_RESET_ON_FORK), or None when Linux answers EINVAL.
    pub fn new(policy: u32, priority: i32) -> Option<Policy> {
        let reset_on_fork = policy & SCHED_RESET_ON_FORK != 0;
        let policy = policy & !SCHED_RESET_ON_FORK;
        let (min, max) = priority_range(policy)?;
        let p = u32::try_from(priority).ok().filter(|p| (min..=max).contains(p))?;
        Some(Policy { policy, priority: p, reset_on_fork })
    }

    /// What sched_getscheduler returns.
    pub fn reported(&self) -> u32 {
        self.policy | if self.reset_on_fork { SCHED_RESET_ON_FORK } else { 0 }
    }

    pub fn realtime(&self) -> bool {
        matches!(self.policy, SCHED_FIFO | SCHED_RR)
    }

    /// The real-time priority, 0 for the other policies.
    pub fn rank(&self) -> u32 {
        if self.realtime() { self.priority } else { 0 }
    }

    /// What a new thread or process gets: the same, unless SCHED_RESET_ON_FORK
    /// is set, which turns a real-time policy back into SCHED_OTHER and clears itself.
    pub fn on_fork(&self) -> Policy {
        if !self.reset_on_fork {
            return *self;
        }
        let policy = if self.realtime() { SCHED_OTHER } else { self.policy };
        Policy { policy, priority: if self.realtime() { 0 } else { self.priority }, reset_on_fork: false }
    }

    /// sched_rr_get_interval: SCHED_FIFO has no time slice.
    pub fn interval_ns(&self) -> u64 {
        if self.policy == SCHED_FIFO { 0 } else { RR_INTERVAL_NS }
    }
}

/// A thread name as PR_SET_NAME keeps it: at most 15 bytes, NUL-padded.
pub fn comm_from(name: &[u8]) -> [u8; 16] {
    let mut c = [0u8; 16];
    let name = &name[..name.iter().position(|&b| b == 0).unwrap_or(name.len())];
    let n = name.len().min(15);
    c[..n].copy_from_slice(&name[..n]);
    c
}
