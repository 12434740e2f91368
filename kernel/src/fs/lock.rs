//! POSIX record locks (fcntl F_GETLK/F_SETLK/F_SETLKW) and open-file-
//! description locks (F_OFD_*), one table for the whole machine.
//!
//! A lock covers `[start, end)` of one file (keyed by its inode number) and is
//! owned by a process (POSIX) or an open file (OFD). POSIX locks of a process
//! on a file go when it closes any descriptor of that file or ends; OFD locks
//! when their open file is freed. Owners that are gone are dropped lazily, so
//! no exit hook is needed; a waiter re-checks at least every 10 ms as well as
//! on every unlock. F_SETLKW answers EDEADLK when waiting would close a cycle
//! of POSIX owners waiting on each other.
use super::file::OpenFile;
use super::special::{new_key, notify, wait_on};
use crate::errno::*;
use crate::proc;
use crate::sync::Global;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;


#[derive(Clone)]
pub enum Owner {
    Pid(u64),
    Ofd(Weak<OpenFile>),
}

impl Owner {
    fn same(&self, o: &Owner) -> bool {
        match (self, o) {
            (Owner::Pid(a), Owner::Pid(b)) => a == b,
            (Owner::Ofd(a), Owner::Ofd(b)) => Weak::ptr_eq(a, b),
            _ => false,
        }
    }
    fn alive(&self) -> bool {
        match self {
            Owner::Pid(p) => proc::sched().procs.get(p).is_some_and(|p| p.exit.is_none()),
            Owner::Ofd(w) => w.strong_count() > 0,
        }
    }
    /// l_pid of F_GETLK: the process, or -1 for an OFD lock (as Linux).
    pub fn pid(&self) -> i32 {
        match self {
            Owner::Pid(p) => *p as i32,
            Owner::Ofd(_) => -1,
        }
    }
}

#[derive(Clone)]
pub struct Lock {
    pub key: u64,
    pub owner: Owner,
    pub excl: bool,
    pub start: u64,
    /// Exclusive end; u64::MAX for "to end of file, however it grows".
    pub end: u64,
}

struct Table {
    locks: Vec<Lock>,
    /// POSIX owners blocked in F_SETLKW: (pid, the lock they want).
    waiting: Vec<(u64, Lock)>,
    key: u64,
}

static TABLE: Global<Option<Table>> = Global::new(None);

fn table() -> &'static mut Table {
    TABLE.get().get_or_insert_with(|| Table { locks: Vec::new(), waiting: Vec::new(), key: new_key() })
}

fn overlaps(a: &Lock, start: u64, end: u64) -> bool {
    a.start < end && start < a.end
}

/// The first lock that keeps `want` from being taken.
pub fn conflict(want: &Lock) -> Option<Lock> {
    let t = table();
    t.locks.retain(|l| l.owner.alive());
    t.locks
        .iter()
        .find(|l| l.key == want.key && !l.owner.same(&want.owner) && overlaps(l, want.start, want.end) && (l.excl || want.excl))
        .cloned()
}

/// Replaces the owner's locks in `[start, end)` with `new` (None: unlock).
fn apply(key: u64, owner: &Owner, start: u64, end: u64, new: Option<bool>) {
    let t = table();
    let mut kept = Vec::with_capacity(t.locks.len() + 2);
    for l in t.locks.drain(..) {
        if l.key != key || !l.owner.same(owner) || !overlaps(&l, start, end) {
            kept.push(l);
            continue;
        }
        // Keep the parts outside the range.
        if l.start < start {
            kept.push(Lock { end: start, ..l.clone() });
        }
        if l.end > end {
            kept.push(Lock { start: end, ..l });
        }
    }
    if let Some(excl) = new {
        kept.push(Lock { key, owner: owner.clone(), excl, start, end });
    }
    t.locks = kept;
    notify(t.key);
}

/// Whether `pid` waiting for `want` would deadlock: following "waits for a
/// lock held by" from the holders of `want` leads back to `pid`.
fn would_deadlock(pid: u64, want: &Lock) -> bool {
    let mut seen: Vec<u64> = Vec::new();
    let mut todo: Vec<Lock> = alloc::vec![want.clone()];
    while let Some(w) = todo.pop() {
        let holders: Vec<u64> = table()
            .locks
            .iter()
            .filter(|l| l.key == w.key && !l.owner.same(&w.owner) && overlaps(l, w.start, w.end) && (l.excl || w.excl))
            .filter_map(|l| if let Owner::Pid(p) = l.owner { Some(p) } else { None })
            .collect();
        for h in holders {
            if h == pid {
                return true;
            }
            if !seen.contains(&h) {
                seen.push(h);
                todo.extend(table().waiting.iter().filter(|(p, _)| *p == h).map(|(_, l)| l.clone()));
            }
        }
    }
    false
}

/// F_SETLK / F_SETLKW. `new`: Some(exclusive) to lock, None to unlock.
pub fn set(want: Lock, new: Option<bool>, wait: bool) -> Result<(), Errno> {
    if new.is_none() {
        apply(want.key, &want.owner, want.start, want.end, None);
        return Ok(());
    }
    loop {
        if conflict(&want).is_none() {
            apply(want.key, &want.owner, want.start, want.end, new);
            return Ok(());
        }
        if !wait {
            return Err(EAGAIN);
        }
        let pid = if let Owner::Pid(p) = want.owner { Some(p) } else { None };
        if let Some(p) = pid {
            if would_deadlock(p, &want) {
                return Err(EDEADLK);
            }
        }
        if crate::signal::interrupted() {
            return Err(crate::signal::ERESTARTSYS);
        }
        if let Some(p) = pid {
            table().waiting.push((p, want.clone()));
        }
        let key = table().key;
        wait_on(key, Some(crate::arch::x86_64::timer::monotonic_ns() + 10_000_000));
        if pid.is_some() {
            // Our entry: the first one of this pid that matches (threads of a process share it).
            let w = &mut table().waiting;
            if let Some(i) = w.iter().position(|(p, l)| Some(*p) == pid && l.start == want.start && l.end == want.end && l.key == want.key) {
                w.remove(i);
            }
        }
    }
}

/// Drops every POSIX lock of `pid` on file `key` (close of any descriptor).
pub fn release_pid(pid: u64, key: u64) {
    let t = table();
    let before = t.locks.len();
    t.locks.retain(|l| !(l.key == key && matches!(l.owner, Owner::Pid(p) if p == pid)));
    if t.locks.len() != before {
        notify(t.key);
    }
}

/// Owner handle of an OFD lock on `f`.
pub fn ofd(f: &Rc<OpenFile>) -> Owner {
    Owner::Ofd(Rc::downgrade(f))
}
