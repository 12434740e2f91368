//! The load average: every 5 seconds the number of runnable threads is
//! folded into three exponentially decaying averages (1, 5 and 15 minutes),
//! in 11-bit fixed point, as Linux's avenrun that sysinfo and /proc/loadavg report.
use crate::sync::Global;

pub const FSHIFT: u32 = 11;
pub const FIXED_1: u64 = 1 << FSHIFT;
/// e^(-5s/1min), e^(-5s/5min), e^(-5s/15min) in fixed point.
const DECAY: [u64; 3] = [1884, 2014, 2037];
/// Timer ticks (100 Hz) between samples.
const SAMPLE_TICKS: u32 = 500;

struct Load {
    avg: [u64; 3],
    ticks: u32,
}

static LOAD: Global<Load> = Global::new(Load { avg: [0; 3], ticks: 0 });

/// One average step: `old` decayed by `decay`, moved towards `active` (both fixed point).
pub fn fold(old: u64, decay: u64, active: u64) -> u64 {
    let mut v = old * decay + active * (FIXED_1 - decay);
    if active >= old {
        v += FIXED_1 - 1; // round up while rising, so a steady load is reached
    }
    v >> FSHIFT
}

/// Called on every timer tick.
pub fn tick() {
    let l = LOAD.get();
    l.ticks += 1;
    if l.ticks < SAMPLE_TICKS {
        return;
    }
    l.ticks = 0;
    let active = running() as u64 * FIXED_1;
    for (a, d) in l.avg.iter_mut().zip(DECAY) {
        *a = fold(*a, d, active);
    }
}

/// The three averages in fixed point (FIXED_1 = 1.0).
pub fn averages() -> [u64; 3] {
    LOAD.get().avg
}

/// Runnable user threads (the test runner, process 1, is left out).
pub fn running() -> usize {
    super::sched().threads.values().filter(|t| t.state == super::State::Runnable && t.pid != super::KERNEL_PID).count()
}

/// Threads that exist (sysinfo's procs, /proc/loadavg's second number).
pub fn threads() -> usize {
    super::sched().threads.values().filter(|t| t.state != super::State::Dead).count()
}
