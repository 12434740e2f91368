//! Files that are objects rather than bytes in a tree: sockets, epoll
//! instances, eventfds, /dev/urandom. Each implements `Special`; the
//! descriptor table holds them as `Kind::Special`, so read/write/poll/fcntl
//! reach them without the generic file code knowing their types.
//!
//! I/O waiting: a thread that must wait calls `wait_on(key, deadline)` and
//! the object calls `notify(key)` when its state changes. poll and epoll wait
//! on `ANY`, which every `notify` wakes. A signal to take also ends the wait.
use crate::errno::*;
use crate::proc::{self, Block};
use crate::sync::Global;
use alloc::vec::Vec;
use core::any::Any;

pub const POLLIN: u16 = 0x1;
pub const POLLPRI: u16 = 0x2;
pub const POLLOUT: u16 = 0x4;
pub const POLLERR: u16 = 0x8;
pub const POLLHUP: u16 = 0x10;
pub const POLLNVAL: u16 = 0x20;
pub const POLLRDNORM: u16 = 0x40;
pub const POLLWRNORM: u16 = 0x100;
pub const POLLRDHUP: u16 = 0x2000;


pub trait Special: Any {
    /// read(2) into user memory at `buf`; `nonblock` from the open file or MSG_DONTWAIT.
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno>;
    fn write(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno>;
    /// Current readiness (POLL* bits).
    fn poll(&self) -> u16;
    /// st_mode for fstat.
    fn mode(&self) -> u32;
    /// The object's own O_NONBLOCK (sockets keep it per object, shared by dups).
    fn nonblocking(&self) -> Option<bool> {
        None
    }
    fn set_nonblocking(&self, _on: bool) {}
    /// ioctl beyond FIONBIO (handled generically): FIONREAD and the like.
    fn ioctl(&self, _req: u64, _arg: u64) -> Result<i64, Errno> {
        Err(ENOTTY)
    }
    fn as_any(&self) -> &dyn Any;
}

/// Wait key that every notification wakes (poll, epoll, select).
pub const ANY: u64 = 0;

static WAITERS: Global<Vec<(u64, u64)>> = Global::new(Vec::new());
static NEXT_KEY: Global<u64> = Global::new(1);

/// A fresh wait key for a new object.
pub fn new_key() -> u64 {
    let k = NEXT_KEY.get();
    *k += 1;
    *k
}

/// Sleeps until `notify(key)` (or any notify for `ANY`), the deadline, or a
/// signal. The caller re-checks its condition afterwards.
pub fn wait_on(key: u64, deadline: Option<u64>) {
    let tid = proc::current().tid;
    WAITERS.get().push((tid, key));
    proc::block(Block::Sleep, deadline);
    WAITERS.get().retain(|&(t, _)| t != tid);
}

pub fn notify(key: u64) {
    // Threads that died while waiting leave their entry behind: drop those.
    WAITERS.get().retain(|&(t, _)| proc::sched().threads.get(&t).is_some_and(|t| matches!(t.state, proc::State::Blocked(_))));
    let due: Vec<u64> = WAITERS.get().iter().filter(|&&(_, k)| k == key || k == ANY).map(|&(t, _)| t).collect();
    for t in due {
        proc::wake(t, proc::Wake::Normal);
    }
}

/// Waits until `ready()` gives a result, honouring non-blocking mode, a
/// deadline (→ EAGAIN, as SO_RCVTIMEO does) and signals (→ `on_signal`).
pub fn block_until<T>(key: u64, nonblock: bool, deadline: Option<u64>, on_signal: Errno, mut ready: impl FnMut() -> Option<Result<T, Errno>>) -> Result<T, Errno> {
    loop {
        if let Some(r) = ready() {
            return r;
        }
        if nonblock {
            return Err(EAGAIN);
        }
        if crate::signal::interrupted() {
            return Err(on_signal);
        }
        if deadline.is_some_and(|d| crate::arch::x86_64::timer::monotonic_ns() >= d) {
            return Err(EAGAIN);
        }
        wait_on(key, deadline);
    }
}

/// Puts `obj` into the caller's descriptor table (read-write) at the lowest free number.
pub fn install(obj: alloc::rc::Rc<dyn Special>, nonblock: bool, cloexec: bool) -> Result<i64, Errno> {
    install_with(obj, 2 | if nonblock { crate::abi::O_NONBLOCK } else { 0 }, cloexec)
}

/// The same with the open file's access mode and status flags (O_NONBLOCK) given.
pub fn install_with(obj: alloc::rc::Rc<dyn Special>, flags: u32, cloexec: bool) -> Result<i64, Errno> {
    use super::file::{Fd, Kind, OpenFile};
    let of = OpenFile::new(Kind::Special(obj), flags);
    proc::current_proc().fds.insert(Fd { file: alloc::rc::Rc::new(of), cloexec }, 0)
}

/// Runs `f` on the object of type `T` behind descriptor `fd` (EBADF: no such
/// descriptor; `wrong`: another kind of file).
pub fn with_object<T: Special, R>(fd: i64, wrong: Errno, f: impl FnOnce(&T) -> R) -> Result<R, Errno> {
    use super::file::Kind;
    let file = proc::current_proc().fds.get(fd)?.file.clone();
    match &file.kind {
        Kind::Special(s) => s.as_any().downcast_ref::<T>().map(f).ok_or(wrong),
        _ => Err(wrong),
    }
}
