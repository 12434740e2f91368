//! One armed interval timer on a clock, as timerfd and the POSIX
//! per-process timers (`signal/timers.rs`) keep it: the next expiry and the
//! reload interval, `struct itimerspec` in and out, and counting the
//! expirations that are due.
//!
//! Deadlines are kept in CLOCK_MONOTONIC nanoseconds: CLOCK_REALTIME is the
//! boot epoch plus the monotonic clock and cannot be set, so an absolute
//! REALTIME time converts exactly.
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::mm::uaccess;

pub const CLOCK_REALTIME: u32 = 0;
pub const CLOCK_MONOTONIC: u32 = 1;
pub const CLOCK_BOOTTIME: u32 = 7;
pub const CLOCK_REALTIME_ALARM: u32 = 8;
pub const CLOCK_BOOTTIME_ALARM: u32 = 9;
/// settime flag: the value is an absolute time of the timer's clock.
pub const TIMER_ABSTIME: u32 = 1;

const NS: u64 = 1_000_000_000;

/// The clocks a timer can count on (the alarm clocks as their plain ones:
/// vibix never suspends).
pub fn timer_clock(clock: u32) -> Result<u32, Errno> {
    match clock {
        CLOCK_REALTIME | CLOCK_REALTIME_ALARM => Ok(CLOCK_REALTIME),
        CLOCK_MONOTONIC | CLOCK_BOOTTIME | CLOCK_BOOTTIME_ALARM => Ok(CLOCK_MONOTONIC),
        _ => Err(EINVAL),
    }
}

/// `struct itimerspec`: (interval, value) in nanoseconds; EINVAL for a
/// negative or out-of-range field, EFAULT for a bad pointer.
pub fn read_itimerspec(addr: u64) -> Result<(u64, u64), Errno> {
    let v: [i64; 4] = uaccess::read(addr)?;
    let ns = |s: i64, n: i64| {
        if s < 0 || !(0..NS as i64).contains(&n) {
            return Err(EINVAL);
        }
        Ok((s as u64).saturating_mul(NS).saturating_add(n as u64))
    };
    Ok((ns(v[0], v[1])?, ns(v[2], v[3])?))
}

pub fn write_itimerspec(addr: u64, interval: u64, value: u64) -> Result<(), Errno> {
    let v = [(interval / NS) as i64, (interval % NS) as i64, (value / NS) as i64, (value % NS) as i64];
    uaccess::write(addr, &v)
}

#[derive(Clone, Copy, Default, Debug)]
pub struct Itimer {
    /// Next expiry (monotonic ns); None: disarmed.
    pub deadline: Option<u64>,
    /// Reload interval in ns (0: one-shot).
    pub interval: u64,
}

impl Itimer {
    /// Arms (value != 0) or disarms the timer; returns the old (interval, time left).
    pub fn set(&mut self, clock: u32, flags: u32, interval: u64, value: u64) -> (u64, u64) {
        let now = timer::monotonic_ns();
        let old = self.get(now);
        self.interval = interval;
        self.deadline = if value == 0 {
            None
        } else if flags & TIMER_ABSTIME != 0 {
            // An absolute time already past expires at the next check.
            Some(match clock {
                CLOCK_REALTIME => value.saturating_sub(timer::realtime_ns() - now),
                _ => value,
            })
        } else {
            Some(now.saturating_add(value))
        };
        old
    }

    /// (interval, time left) now; a due but unchecked expiry shows as 1 ns left,
    /// as a disarmed-looking armed timer would mislead.
    pub fn get(&self, now: u64) -> (u64, u64) {
        let left = match self.deadline {
            None => 0,
            Some(d) if d > now => d - now,
            Some(_) if self.interval != 0 => {
                let d = self.deadline.unwrap_or(now);
                self.interval - (now - d) % self.interval
            }
            Some(_) => 1,
        };
        (self.interval, left)
    }

    /// Expirations due by `now` (advancing or disarming the timer).
    pub fn expire(&mut self, now: u64) -> u64 {
        match self.deadline {
            Some(d) if d <= now => {
                if self.interval == 0 {
                    self.deadline = None;
                    1
                } else {
                    let n = (now - d) / self.interval + 1;
                    self.deadline = Some(d.saturating_add(n.saturating_mul(self.interval)));
                    n
                }
            }
            _ => 0,
        }
    }
}
