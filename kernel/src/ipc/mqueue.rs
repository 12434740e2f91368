//! POSIX message queues (mq_open, mq_unlink, mq_timedsend, mq_timedreceive,
//! mq_notify, mq_getsetattr; mq_close is close). Queues live in one kernel
//! name table (Linux's mqueue file system, which vibix does not mount); a
//! descriptor is a `Special` object holding its queue, so an unlinked queue
//! lives until its last descriptor closes. Messages leave highest priority
//! first, in arrival order within a priority. Senders wait for room and
//! receivers for a message until an absolute CLOCK_REALTIME timeout
//! (ETIMEDOUT). mq_notify registers one process: a message arriving on an
//! empty queue with no receiver waiting sends its signal (SIGEV_SIGNAL,
//! si_code SI_MESGQ) or its cookie to a netlink socket (SIGEV_THREAD, the C
//! library's helper thread reads it), then the registration is gone.
use crate::abi::{O_ACCMODE, O_CLOEXEC, O_CREAT, O_EXCL, O_NONBLOCK};
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::fs::file::Kind;
use crate::fs::special::{self, Special, POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM};
use crate::mm::uaccess;
use crate::proc;
use crate::signal::{self, Info};
use crate::sync::Global;
use alloc::collections::BTreeMap;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::any::Any;
use core::cell::{Cell, RefCell};

const NAME_MAX: usize = 255;
const MQ_PRIO_MAX: u32 = 32768;
/// Defaults and root's hard limits (Linux: fs.mqueue.*, HARD_MSGMAX, HARD_MSGSIZEMAX).
const DEFAULT_MAXMSG: i64 = 10;
const DEFAULT_MSGSIZE: i64 = 8192;
const HARD_MAXMSG: i64 = 65536;
const HARD_MSGSIZE: i64 = 16 << 20;
/// Queues in all (Linux's queues_max default is 256; root may exceed it there).
const MAX_QUEUES: usize = 1024;
const SIGEV_SIGNAL: i32 = 0;
const SIGEV_NONE: i32 = 1;
const SIGEV_THREAD: i32 = 2;
const SI_MESGQ: i32 = -3;
/// The netlink cookie of SIGEV_THREAD and its last byte's meanings.
const COOKIE_LEN: usize = 32;
const NOTIFY_WOKENUP: u8 = 1;
const NOTIFY_REMOVED: u8 = 2;

enum How {
    None,
    Signal { signo: i32, value: u64 },
    Netlink { sock: Weak<dyn Special>, cookie: [u8; COOKIE_LEN] },
}

struct Registration {
    pid: u64,
    how: How,
}

struct Queue {
    maxmsg: i64,
    msgsize: i64,
    /// (priority, bytes), highest priority first, FIFO within one.
    msgs: RefCell<Vec<(u32, Vec<u8>)>>,
    notify: RefCell<Option<Registration>>,
    /// Receivers waiting now (a notification is only for an unwatched queue).
    receivers: Cell<u32>,
    key: u64,
}

static NAMES: Global<BTreeMap<Vec<u8>, Rc<Queue>>> = Global::new(BTreeMap::new());

/// A message-queue descriptor.
pub struct MqDesc {
    q: Rc<Queue>,
}

impl Queue {
    fn bytes(&self) -> usize {
        self.msgs.borrow().iter().map(|m| m.1.len()).sum()
    }

    /// Sends the registered notification (if any) and drops the registration.
    fn fire(&self, sender: u64) {
        let Some(r) = self.notify.borrow_mut().take() else { return };
        match r.how {
            How::None => {}
            How::Signal { signo, value } => {
                let _ = signal::send_process(r.pid, Info { signo, code: SI_MESGQ, w16: signal::sender(sender), w24: value });
            }
            How::Netlink { sock, mut cookie } => {
                cookie[COOKIE_LEN - 1] = NOTIFY_WOKENUP;
                crate::net::netlink::deliver(&sock, &cookie);
            }
        }
    }

    /// The registration of process `pid` goes (mq_notify(NULL), close).
    fn unregister(&self, pid: u64) {
        let mut n = self.notify.borrow_mut();
        if n.as_ref().is_some_and(|r| r.pid == pid) {
            if let Some(Registration { how: How::Netlink { sock, mut cookie }, .. }) = n.take() {
                cookie[COOKIE_LEN - 1] = NOTIFY_REMOVED;
                crate::net::netlink::deliver(&sock, &cookie);
            }
        }
    }
}

impl Special for MqDesc {
    /// Linux's mqueue files read as one status line.
    fn read(&self, buf: u64, len: usize, _nonblock: bool) -> Result<usize, Errno> {
        let q = &self.q;
        let (how, signo, pid) = match &*q.notify.borrow() {
            None => (0, 0, 0),
            Some(r) => match r.how {
                How::Signal { signo, .. } => (SIGEV_SIGNAL, signo, r.pid),
                How::None => (SIGEV_NONE, 0, r.pid),
                How::Netlink { .. } => (SIGEV_THREAD, 0, r.pid),
            },
        };
        let text = alloc::format!("QSIZE:{:<10} NOTIFY:{:<5} SIGNO:{:<5} NOTIFY_PID:{:<6}\n", q.bytes(), how, signo, pid);
        let n = text.len().min(len);
        uaccess::copy_out(buf, &text.as_bytes()[..n])?;
        Ok(n)
    }

    fn write(&self, _buf: u64, _len: usize, _nonblock: bool) -> Result<usize, Errno> {
        Err(EINVAL)
    }

    fn poll(&self) -> u16 {
        let n = self.q.msgs.borrow().len() as i64;
        (if n > 0 { POLLIN | POLLRDNORM } else { 0 }) | (if n < self.q.maxmsg { POLLOUT | POLLWRNORM } else { 0 })
    }

    fn mode(&self) -> u32 {
        crate::abi::S_IFREG | 0o600
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Drop for MqDesc {
    /// Closing the descriptor drops the closing process's registration, as
    /// Linux does; a registration whose process is gone goes too.
    fn drop(&mut self) {
        let Some(owner) = self.q.notify.borrow().as_ref().map(|r| r.pid) else { return };
        let dead = proc::sched().procs.get(&owner).is_none_or(|p| p.exit.is_some());
        if dead || owner == proc::current().pid {
            self.q.unregister(owner);
        }
    }
}

fn queue_name(name: u64) -> Result<Vec<u8>, Errno> {
    let n = uaccess::read_cstr(name, NAME_MAX)?;
    if n.is_empty() {
        return Err(ENOENT);
    }
    if n.contains(&b'/') || n == b"." || n == b".." {
        return Err(EACCES);
    }
    Ok(n)
}

/// `struct mq_attr`: flags, maxmsg, msgsize, curmsgs (+ 4 reserved longs).
fn read_attr(attr: u64) -> Result<[i64; 4], Errno> {
    uaccess::read(attr)
}

pub fn mq_open(name: u64, oflag: u32, _mode: u32, attr: u64) -> Result<i64, Errno> {
    let name = queue_name(name)?;
    if oflag & O_ACCMODE == O_ACCMODE {
        return Err(EINVAL);
    }
    let names = NAMES.get();
    let q = match names.get(&name) {
        Some(_) if oflag & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
        Some(q) => q.clone(),
        None if oflag & O_CREAT == 0 => return Err(ENOENT),
        None => {
            let (maxmsg, msgsize) = if attr != 0 {
                let a = read_attr(attr)?;
                if !(1..=HARD_MAXMSG).contains(&a[1]) || !(1..=HARD_MSGSIZE).contains(&a[2]) {
                    return Err(EINVAL);
                }
                (a[1], a[2])
            } else {
                (DEFAULT_MAXMSG, DEFAULT_MSGSIZE)
            };
            if names.len() >= MAX_QUEUES {
                return Err(ENOSPC);
            }
            let q = Rc::new(Queue { maxmsg, msgsize, msgs: RefCell::new(Vec::new()), notify: RefCell::new(None), receivers: Cell::new(0), key: special::new_key() });
            names.insert(name, q.clone());
            q
        }
    };
    special::install_with(Rc::new(MqDesc { q }), oflag & (O_ACCMODE | O_NONBLOCK), oflag & O_CLOEXEC != 0)
}

pub fn mq_unlink(name: u64) -> Result<i64, Errno> {
    let name = queue_name(name)?;
    NAMES.get().remove(&name).map(|_| 0).ok_or(ENOENT)
}

/// (queue, access mode, nonblocking) of descriptor `fd` (EBADF if not a queue).
fn desc(fd: i64) -> Result<(Rc<Queue>, u32, bool), Errno> {
    let f = proc::current_proc().fds.get(fd)?.file.clone();
    let Kind::Special(s) = &f.kind else { return Err(EBADF) };
    let d = s.as_any().downcast_ref::<MqDesc>().ok_or(EBADF)?;
    Ok((d.q.clone(), f.flags & O_ACCMODE, f.status.get() & O_NONBLOCK != 0))
}

/// An absolute CLOCK_REALTIME timeout as a monotonic deadline.
fn deadline(ts: u64) -> Result<Option<u64>, Errno> {
    if ts == 0 {
        return Ok(None);
    }
    let t = crate::syscall::read_timespec(ts)?;
    let now = timer::monotonic_ns();
    Ok(Some(t.saturating_sub(timer::realtime_ns() - now)))
}

/// Waits on the queue until `ready` or the deadline (ETIMEDOUT) or a signal (EINTR).
fn wait(q: &Queue, dl: Option<u64>) -> Result<(), Errno> {
    if signal::interrupted() {
        return Err(EINTR);
    }
    if dl.is_some_and(|d| timer::monotonic_ns() >= d) {
        return Err(ETIMEDOUT);
    }
    special::wait_on(q.key, dl);
    Ok(())
}

pub fn mq_timedsend(fd: i64, msg: u64, len: u64, prio: u32, ts: u64) -> Result<i64, Errno> {
    let (q, acc, nonblock) = desc(fd)?;
    if acc == 0 {
        return Err(EBADF);
    }
    if prio >= MQ_PRIO_MAX {
        return Err(EINVAL);
    }
    if len as i64 > q.msgsize || (len as i64) < 0 {
        return Err(EMSGSIZE);
    }
    let dl = deadline(ts)?;
    let data = uaccess::copy_in(msg, len as usize)?;
    while q.msgs.borrow().len() as i64 >= q.maxmsg {
        if nonblock {
            return Err(EAGAIN);
        }
        wait(&q, dl)?;
    }
    let was_empty = q.msgs.borrow().is_empty();
    {
        let mut m = q.msgs.borrow_mut();
        let at = m.iter().position(|(p, _)| *p < prio).unwrap_or(m.len());
        m.insert(at, (prio, data));
    }
    if was_empty && q.receivers.get() == 0 {
        q.fire(proc::current().pid);
    }
    special::notify(q.key);
    Ok(0)
}

pub fn mq_timedreceive(fd: i64, msg: u64, len: u64, prio: u64, ts: u64) -> Result<i64, Errno> {
    let (q, acc, nonblock) = desc(fd)?;
    if acc == 1 {
        return Err(EBADF);
    }
    if (len as i64) < q.msgsize {
        return Err(EMSGSIZE);
    }
    let dl = deadline(ts)?;
    while q.msgs.borrow().is_empty() {
        if nonblock {
            return Err(EAGAIN);
        }
        q.receivers.set(q.receivers.get() + 1);
        let r = wait(&q, dl);
        q.receivers.set(q.receivers.get() - 1);
        r?;
    }
    let (p, data) = q.msgs.borrow()[0].clone();
    // Written before the message leaves the queue: a bad buffer loses nothing.
    uaccess::copy_out(msg, &data)?;
    if prio != 0 {
        uaccess::write(prio, &p)?;
    }
    q.msgs.borrow_mut().remove(0);
    special::notify(q.key);
    Ok(data.len() as i64)
}

pub fn mq_notify(fd: i64, sevp: u64) -> Result<i64, Errno> {
    let (q, _, _) = desc(fd)?;
    let pid = proc::current().pid;
    if sevp == 0 {
        q.unregister(pid);
        return Ok(0);
    }
    // struct sigevent: sigev_value, sigev_signo, sigev_notify.
    let ev: [u8; 16] = uaccess::read(sevp)?;
    let value = u64::from_le_bytes(ev[0..8].try_into().unwrap_or_default());
    let signo = i32::from_le_bytes(ev[8..12].try_into().unwrap_or_default());
    let how = match i32::from_le_bytes(ev[12..16].try_into().unwrap_or_default()) {
        SIGEV_NONE => How::None,
        SIGEV_SIGNAL if (1..=signal::NSIG).contains(&signo) => How::Signal { signo, value },
        SIGEV_THREAD => {
            let cookie: [u8; COOKIE_LEN] = uaccess::read(value)?;
            let sock = crate::net::netlink::socket_of(signo as i64)?;
            How::Netlink { sock, cookie }
        }
        _ => return Err(EINVAL),
    };
    let mut n = q.notify.borrow_mut();
    // A dead owner's registration does not block a new one.
    if n.as_ref().is_some_and(|r| proc::sched().procs.get(&r.pid).is_some_and(|p| p.exit.is_none())) {
        return Err(EBUSY);
    }
    *n = Some(Registration { pid, how });
    Ok(0)
}

pub fn mq_getsetattr(fd: i64, new: u64, old: u64) -> Result<i64, Errno> {
    let (q, _, nonblock) = desc(fd)?;
    let set = if new != 0 {
        let a = read_attr(new)?;
        if a[0] & !(O_NONBLOCK as i64) != 0 {
            return Err(EINVAL);
        }
        Some(a[0] != 0)
    } else {
        None
    };
    if old != 0 {
        let v: [i64; 8] = [if nonblock { O_NONBLOCK as i64 } else { 0 }, q.maxmsg, q.msgsize, q.msgs.borrow().len() as i64, 0, 0, 0, 0];
        uaccess::write(old, &v)?;
    }
    if let Some(on) = set {
        let f = proc::current_proc().fds.get(fd)?.file.clone();
        let st = f.status.get();
        f.status.set(if on { st | O_NONBLOCK } else { st & !O_NONBLOCK });
    }
    Ok(0)
}
