//! Readiness: poll/ppoll, select/pselect6, epoll (create1/ctl/wait/pwait)
//! and eventfd. Every descriptor answers `revents`: sockets, epoll and
//! eventfd objects from their state, the console and initramfs files as
//! always ready. Waiting sleeps on the `ANY` key (woken by every object
//! change), a deadline, or a signal (EINTR).
use super::thread::read_timespec;
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::fs::file::{Fd, Kind, OpenFile};
use crate::fs::special::{self, Special, ANY, POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, POLLPRI};
use crate::mm::uaccess;
use crate::proc;
use alloc::collections::BTreeMap;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::any::Any;
use core::cell::{Cell, RefCell};

/// Readiness of one open file.
pub fn revents(f: &OpenFile) -> u16 {
    match &f.kind {
        Kind::Console { fd: 0 } => POLLIN,
        Kind::Console { .. } => POLLOUT,
        Kind::Inode(_) | Kind::Snapshot(_) => POLLIN | POLLOUT,
        Kind::Special(s) => s.poll(),
    }
}

fn fd_revents(fd: i32, events: u16) -> u16 {
    match proc::current_proc().fds.get(fd as i64) {
        Err(_) => POLLNVAL,
        Ok(f) => revents(&f.file) & (events | POLLERR | POLLHUP),
    }
}

/// None: wait forever; Some(deadline).
type Deadline = Option<u64>;

/// Sleeps until something changes; false when the deadline passed or a signal is to be taken.
fn wait(deadline: Deadline) -> Result<bool, Errno> {
    if crate::signal::interrupted() {
        return Err(EINTR);
    }
    if deadline.is_some_and(|d| timer::monotonic_ns() >= d) {
        return Ok(false);
    }
    special::wait_on(ANY, deadline);
    Ok(true)
}

fn do_poll(fds: u64, nfds: u64, deadline: Deadline) -> SysResult {
    if nfds > crate::fs::file::MAX_FDS as u64 {
        return Err(EINVAL);
    }
    let mut raw = uaccess::copy_in(fds, nfds as usize * 8)?;
    loop {
        let mut ready = 0;
        for e in raw.chunks_exact_mut(8) {
            let fd = i32::from_le_bytes([e[0], e[1], e[2], e[3]]);
            let events = u16::from_le_bytes([e[4], e[5]]);
            let rev = if fd < 0 { 0 } else { fd_revents(fd, events) };
            e[6..8].copy_from_slice(&rev.to_le_bytes());
            ready += (rev != 0) as i64;
        }
        if ready > 0 || !wait(deadline)? {
            uaccess::copy_out(fds, &raw)?;
            return Ok(ready);
        }
    }
}

pub fn poll(fds: u64, nfds: u64, timeout_ms: i64) -> SysResult {
    let dl = (timeout_ms >= 0).then(|| timer::monotonic_ns() + timeout_ms as u64 * 1_000_000);
    do_poll(fds, nfds, dl)
}

/// Applies a temporary signal mask for the call (ppoll, pselect6, epoll_pwait).
fn with_mask(set: u64, size: u64, f: impl FnOnce() -> SysResult) -> SysResult {
    if set == 0 {
        return f();
    }
    if size != 8 {
        return Err(EINVAL);
    }
    let mask: u64 = uaccess::read(set)?;
    let t = proc::current();
    let old = t.sigmask;
    t.sigmask = mask & !crate::signal::UNBLOCKABLE;
    let r = f();
    // After EINTR the handler must run under the temporary mask, then the old one returns.
    let t = proc::current();
    if r == Err(EINTR) {
        t.sig.saved_mask = Some(old);
    } else {
        t.sigmask = old;
    }
    r
}

fn ts_deadline(ts: u64) -> Result<Deadline, Errno> {
    if ts == 0 {
        return Ok(None);
    }
    Ok(Some(timer::monotonic_ns().saturating_add(read_timespec(ts)?)))
}

/// The raw ppoll/pselect6 calls write the time left back into their timespec,
/// as Linux does (the libc wrappers pass a copy, so POSIX callers never see it).
fn write_time_left(ts: u64, deadline: Deadline, r: SysResult) -> SysResult {
    if let Some(d) = deadline {
        let left = d.saturating_sub(timer::monotonic_ns());
        super::write_timespec(ts, left)?;
    }
    r
}

pub fn ppoll(fds: u64, nfds: u64, ts: u64, set: u64, size: u64) -> SysResult {
    let dl = ts_deadline(ts)?;
    let r = with_mask(set, size, || do_poll(fds, nfds, dl));
    write_time_left(ts, dl, r)
}

/// select over fd_sets (1024 bits each), through the same readiness.
fn do_select(n: i32, sets: [u64; 3], deadline: Deadline) -> SysResult {
    if !(0..=1024).contains(&n) {
        return Err(EINVAL);
    }
    let words = (n as usize).div_ceil(64);
    let mut inp = [[0u64; 16]; 3];
    for (i, &p) in sets.iter().enumerate() {
        if p != 0 {
            let b = uaccess::copy_in(p, words * 8)?;
            for (w, c) in b.chunks_exact(8).enumerate() {
                inp[i][w] = u64::from_le_bytes(c.try_into().unwrap_or_default());
            }
        }
    }
    loop {
        let mut out = [[0u64; 16]; 3];
        let mut count = 0;
        for fd in 0..n as usize {
            let (w, b) = (fd / 64, 1u64 << (fd % 64));
            let want = [inp[0][w] & b != 0, inp[1][w] & b != 0, inp[2][w] & b != 0];
            if !want.iter().any(|&x| x) {
                continue;
            }
            let rev = fd_revents(fd as i32, POLLIN | POLLOUT | POLLPRI);
            if rev & POLLNVAL != 0 {
                return Err(EBADF);
            }
            let got = [rev & (POLLIN | POLLHUP | POLLERR) != 0, rev & (POLLOUT | POLLERR) != 0, rev & POLLPRI != 0];
            for k in 0..3 {
                if want[k] && got[k] {
                    out[k][w] |= b;
                    count += 1;
                }
            }
        }
        if count > 0 || !wait(deadline)? {
            for (i, &p) in sets.iter().enumerate() {
                if p != 0 {
                    let bytes: Vec<u8> = out[i][..words].iter().flat_map(|w| w.to_le_bytes()).collect();
                    uaccess::copy_out(p, &bytes)?;
                }
            }
            return Ok(count);
        }
    }
}

pub fn select(n: i32, r: u64, w: u64, e: u64, tv: u64) -> SysResult {
    let start = timer::monotonic_ns();
    let dl = if tv == 0 {
        None
    } else {
        let [s, us]: [i64; 2] = uaccess::read(tv)?;
        if s < 0 || !(0..1_000_000).contains(&us) {
            return Err(EINVAL);
        }
        Some(start.saturating_add(s as u64 * 1_000_000_000 + us as u64 * 1000))
    };
    let res = do_select(n, [r, w, e], dl);
    if let Some(d) = dl {
        // Linux writes back the time left.
        let left = d.saturating_sub(timer::monotonic_ns());
        uaccess::write(tv, &[(left / 1_000_000_000) as i64, ((left % 1_000_000_000) / 1000) as i64])?;
    }
    res
}

pub fn pselect6(n: i32, r: u64, w: u64, e: u64, ts: u64, sig: u64) -> SysResult {
    let dl = ts_deadline(ts)?;
    // The 6th argument points at { const sigset_t *ss; size_t ss_len; }.
    let (set, size) = if sig != 0 { uaccess::read::<[u64; 2]>(sig).map(|[a, b]| (a, b))? } else { (0, 0) };
    let res = with_mask(set, size, || do_select(n, [r, w, e], dl));
    write_time_left(ts, dl, res)
}

// ---- epoll ----

const EPOLL_CTL_ADD: u32 = 1;
const EPOLL_CTL_DEL: u32 = 2;
const EPOLL_CTL_MOD: u32 = 3;
const EPOLLONESHOT: u32 = 1 << 30;
const EPOLLEXCLUSIVE: u32 = 1 << 28;

struct Interest {
    file: Weak<OpenFile>,
    events: u32,
    data: u64,
    /// EPOLLONESHOT fired: nothing more until EPOLL_CTL_MOD.
    disabled: bool,
}

/// An epoll instance: interest list keyed by descriptor number. Edge-triggered
/// (EPOLLET) registrations are reported like level-triggered ones: callers that
/// drain until EAGAIN, as EPOLLET requires, see the same events.
pub struct Epoll {
    list: RefCell<BTreeMap<i32, Interest>>,
}

impl Epoll {
    fn ready(&self, max: usize) -> Vec<(u32, u64)> {
        let mut out = Vec::new();
        let mut list = self.list.borrow_mut();
        list.retain(|_, i| i.file.strong_count() > 0);
        for i in list.values_mut() {
            if out.len() == max {
                break;
            }
            let Some(f) = i.file.upgrade().filter(|_| !i.disabled) else { continue };
            let rev = revents(&f) as u32 & (i.events | POLLERR as u32 | POLLHUP as u32);
            if rev != 0 {
                out.push((rev, i.data));
                if i.events & EPOLLONESHOT != 0 {
                    i.disabled = true;
                }
            }
        }
        out
    }
}

impl Special for Epoll {
    fn read(&self, _: u64, _: usize, _: bool) -> Result<usize, Errno> {
        Err(EINVAL)
    }
    fn write(&self, _: u64, _: usize, _: bool) -> Result<usize, Errno> {
        Err(EINVAL)
    }
    fn poll(&self) -> u16 {
        // Readable when something inside is ready (without consuming ONESHOT).
        let list = self.list.borrow();
        let any = list.values().any(|i| !i.disabled && i.file.upgrade().is_some_and(|f| revents(&f) as u32 & i.events != 0));
        if any { POLLIN } else { 0 }
    }
    fn mode(&self) -> u32 {
        0o600 // anon_inode: no file type bits, as Linux
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn install(obj: Rc<dyn Special>, cloexec: bool, flags: u32) -> SysResult {
    let of = OpenFile::new(Kind::Special(obj), flags);
    proc::current_proc().fds.insert(Fd { file: Rc::new(of), cloexec }, 0)
}

pub fn epoll_create1(flags: u32) -> SysResult {
    const EPOLL_CLOEXEC: u32 = 0o2000000;
    if flags & !EPOLL_CLOEXEC != 0 {
        return Err(EINVAL);
    }
    install(Rc::new(Epoll { list: RefCell::new(BTreeMap::new()) }), flags & EPOLL_CLOEXEC != 0, 2)
}

pub fn epoll_create(size: i32) -> SysResult {
    if size <= 0 {
        return Err(EINVAL);
    }
    epoll_create1(0)
}

fn epoll_of(f: &Rc<OpenFile>) -> Result<&Epoll, Errno> {
    match &f.kind {
        Kind::Special(s) => s.as_any().downcast_ref::<Epoll>().ok_or(EINVAL),
        _ => Err(EINVAL),
    }
}

pub fn epoll_ctl(epfd: i64, op: u32, fd: i64, ev: u64) -> SysResult {
    let p = proc::current_proc();
    let ef = p.fds.get(epfd)?.file.clone();
    let target = p.fds.get(fd)?.file.clone();
    let ep = epoll_of(&ef)?;
    if Rc::ptr_eq(&ef, &target) {
        return Err(EINVAL);
    }
    if matches!(&target.kind, Kind::Inode(_) | Kind::Snapshot(_)) {
        return Err(EPERM); // regular files are always ready: Linux refuses them
    }
    if epoll_of(&target).is_ok() {
        return Err(ELOOP); // nested epoll is not supported (docs/unsupported.md)
    }
    let (events, data) = if op != EPOLL_CTL_DEL {
        let raw = uaccess::copy_in(ev, 12)?;
        (u32::from_le_bytes(raw[..4].try_into().unwrap_or_default()), u64::from_le_bytes(raw[4..12].try_into().unwrap_or_default()))
    } else {
        (0, 0)
    };
    if events & EPOLLEXCLUSIVE != 0 && op == EPOLL_CTL_MOD {
        return Err(EINVAL);
    }
    let mut list = ep.list.borrow_mut();
    let key = fd as i32;
    let present = list.get(&key).is_some_and(|i| i.file.upgrade().is_some_and(|f| Rc::ptr_eq(&f, &target)));
    match op {
        EPOLL_CTL_ADD if present => Err(EEXIST),
        EPOLL_CTL_ADD => {
            list.insert(key, Interest { file: Rc::downgrade(&target), events: events | POLLERR as u32 | POLLHUP as u32, data, disabled: false });
            Ok(0)
        }
        EPOLL_CTL_MOD if !present => Err(ENOENT),
        EPOLL_CTL_MOD => {
            list.insert(key, Interest { file: Rc::downgrade(&target), events: events | POLLERR as u32 | POLLHUP as u32, data, disabled: false });
            Ok(0)
        }
        EPOLL_CTL_DEL if !present => Err(ENOENT),
        EPOLL_CTL_DEL => {
            list.remove(&key);
            Ok(0)
        }
        _ => Err(EINVAL),
    }
}

pub fn epoll_wait(epfd: i64, events: u64, max: i32, timeout_ms: i32) -> SysResult {
    if max <= 0 || max > 1 << 20 {
        return Err(EINVAL);
    }
    uaccess::slice(events, max as usize * 12, crate::mm::vm::Access::Write)?;
    let ef = proc::current_proc().fds.get(epfd)?.file.clone();
    let ep = epoll_of(&ef)?;
    let dl = (timeout_ms >= 0).then(|| timer::monotonic_ns() + timeout_ms as u64 * 1_000_000);
    loop {
        let r = ep.ready(max as usize);
        if !r.is_empty() || !wait(dl)? {
            let mut b = Vec::with_capacity(r.len() * 12);
            for (ev, data) in &r {
                b.extend_from_slice(&ev.to_le_bytes());
                b.extend_from_slice(&data.to_le_bytes());
            }
            uaccess::copy_out(events, &b)?;
            return Ok(r.len() as i64);
        }
    }
}

pub fn epoll_pwait(epfd: i64, events: u64, max: i32, timeout_ms: i32, set: u64, size: u64) -> SysResult {
    with_mask(set, size, || epoll_wait(epfd, events, max, timeout_ms))
}

// ---- eventfd ----

const EFD_SEMAPHORE: u32 = 1;
const EFD_NONBLOCK: u32 = 0o4000;
const EFD_CLOEXEC: u32 = 0o2000000;

pub struct EventFd {
    count: Cell<u64>,
    semaphore: bool,
    nonblock: Cell<bool>,
    key: u64,
}

impl Special for EventFd {
    fn read(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if len < 8 {
            return Err(EINVAL);
        }
        uaccess::slice(buf, 8, crate::mm::vm::Access::Write)?;
        let v = special::block_until(self.key, nonblock, None, crate::signal::ERESTARTSYS, || {
            let c = self.count.get();
            (c != 0).then(|| {
                let v = if self.semaphore { 1 } else { c };
                self.count.set(c - v);
                Ok(v)
            })
        })?;
        uaccess::write(buf, &v)?;
        special::notify(self.key);
        Ok(8)
    }

    fn write(&self, buf: u64, len: usize, nonblock: bool) -> Result<usize, Errno> {
        if len < 8 {
            return Err(EINVAL);
        }
        let v: u64 = uaccess::read(buf)?;
        if v == u64::MAX {
            return Err(EINVAL);
        }
        special::block_until(self.key, nonblock, None, crate::signal::ERESTARTSYS, || {
            let c = self.count.get();
            (c.checked_add(v).is_some_and(|n| n < u64::MAX)).then(|| {
                self.count.set(c + v);
                Ok(())
            })
        })?;
        special::notify(self.key);
        Ok(8)
    }

    fn poll(&self) -> u16 {
        let c = self.count.get();
        (if c > 0 { POLLIN } else { 0 }) | (if c < u64::MAX - 1 { POLLOUT } else { 0 })
    }

    fn mode(&self) -> u32 {
        0o600
    }

    fn nonblocking(&self) -> Option<bool> {
        Some(self.nonblock.get())
    }

    fn set_nonblocking(&self, on: bool) {
        self.nonblock.set(on);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn eventfd2(initval: u32, flags: u32) -> SysResult {
    if flags & !(EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC) != 0 {
        return Err(EINVAL);
    }
    let e = EventFd { count: Cell::new(initval as u64), semaphore: flags & EFD_SEMAPHORE != 0, nonblock: Cell::new(flags & EFD_NONBLOCK != 0), key: special::new_key() };
    install(Rc::new(e), flags & EFD_CLOEXEC != 0, 2)
}
