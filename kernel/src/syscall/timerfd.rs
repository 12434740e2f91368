//! timerfd_create/settime/gettime: a descriptor whose read(2) returns the
//! number of expirations (u64) of an interval timer (`itimer::Itimer`) since
//! the last read, blocking until there is at least one. Readiness (POLLIN)
//! is checked on every timer tick (`tick`), which notifies poll/epoll.
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::fs::special::{self, Special, POLLIN};
use crate::itimer::{self, Itimer};
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::sync::Global;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::any::Any;
use core::cell::Cell;

const TFD_TIMER_ABSTIME: u32 = 1;
const TFD_TIMER_CANCEL_ON_SET: u32 = 2;
const TFD_NONBLOCK: u32 = 0o4000;
const TFD_CLOEXEC: u32 = 0o2000000;

pub struct TimerFd {
    clock: u32,
    timer: Cell<Itimer>,
    /// Expirations counted and not read yet.
    ticks: Cell<u64>,
    key: u64,
}

/// Armed timerfds, so the tick can wake their pollers.
static ARMED: Global<Vec<Weak<dyn Special>>> = Global::new(Vec::new());

impl TimerFd {
    /// Counts the expirations due now; true when there are unread ones.
    fn update(&self) -> bool {
        let mut t = self.timer.get();
        let n = t.expire(timer::monotonic_ns());
        self.timer.set(t);
        self.ticks.set(self.ticks.get().saturating_add(n));
        self.ticks.get() != 0
    }
}

/// Timer tick: wakes the waiters of every timerfd that has expired.
pub fn tick() {
    let armed = ARMED.get();
    if armed.is_empty() {
        return;
    }
    let mut due = Vec::new();
    let now = timer::monotonic_ns();
    // A disarmed (or expired one-shot) timer leaves the list; settime puts it back.
    armed.retain(|w| {
        let Some(obj) = w.upgrade() else { return false };
        let Some(t) = obj.as_any().downcast_ref::<TimerFd>() else { return false };
        if t.timer.get().deadline.is_some_and(|d| d <= now) {
            t.update();
            due.push(t.key);
        }
        t.timer.get().deadline.is_some()
    });
    for k in due {
        special::notify(k);
    }
}

impl Special for TimerFd {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if len < 8 {
            return Err(EINVAL);
        }
        uaccess::slice(buf, 8, Access::Write)?;
        let n = loop {
            if self.update() {
                break self.ticks.replace(0);
            }
            if nonblock {
                return Err(EAGAIN);
            }
            if crate::signal::interrupted() {
                return Err(crate::signal::ERESTARTSYS);
            }
            // Sleeps until the next expiry (or a settime that notifies).
            special::wait_on(self.key, self.timer.get().deadline);
        };
        uaccess::write(buf, &n)?;
        Ok(8)
    }

    fn write(&self, _buf: u64, _len: usize, _nonblock: bool) -> Result<usize, Errno> {
        Err(EINVAL)
    }

    fn poll(&self) -> u16 {
        if self.update() { POLLIN } else { 0 }
    }

    fn mode(&self) -> u32 {
        0o600
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn timerfd_create(clock: u32, flags: u32) -> SysResult {
    if flags & !(TFD_NONBLOCK | TFD_CLOEXEC) != 0 {
        return Err(EINVAL);
    }
    let clock = itimer::timer_clock(clock)?;
    let t = TimerFd { clock, timer: Cell::new(Itimer::default()), ticks: Cell::new(0), key: special::new_key() };
    special::install(Rc::new(t), flags & TFD_NONBLOCK != 0, flags & TFD_CLOEXEC != 0)
}

fn with_timerfd<R>(fd: i64, f: impl FnOnce(&TimerFd) -> R) -> Result<R, Errno> {
    special::with_object::<TimerFd, R>(fd, EINVAL, f)
}

pub fn timerfd_settime(fd: i64, flags: u32, new: u64, old: u64) -> SysResult {
    if flags & !(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET) != 0 {
        return Err(EINVAL);
    }
    let (interval, value) = itimer::read_itimerspec(new)?;
    let file = crate::proc::current_proc().fds.get(fd)?.file.clone();
    let prev = with_timerfd(fd, |t| {
        let mut it = t.timer.get();
        let prev = it.set(t.clock, flags & TFD_TIMER_ABSTIME, interval, value);
        t.timer.set(it);
        // Setting the timer discards unread expirations, as Linux does.
        t.ticks.set(0);
        special::notify(t.key);
        prev
    })?;
    if value != 0 {
        if let crate::fs::file::Kind::Special(s) = &file.kind {
            let me = Rc::downgrade(s);
            let armed = ARMED.get();
            if !armed.iter().any(|w| w.ptr_eq(&me)) {
                armed.push(me);
            }
        }
    }
    if old != 0 {
        itimer::write_itimerspec(old, prev.0, prev.1)?;
    }
    Ok(0)
}

pub fn timerfd_gettime(fd: i64, cur: u64) -> SysResult {
    let (interval, left) = with_timerfd(fd, |t| {
        t.update();
        t.timer.get().get(timer::monotonic_ns())
    })?;
    itimer::write_itimerspec(cur, interval, left)?;
    Ok(0)
}
