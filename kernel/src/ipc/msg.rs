//! System V message queues: msgget/msgsnd/msgrcv/msgctl. A queue holds
//! (type, bytes) messages in arrival order up to `msg_qbytes` bytes in all;
//! msgsnd waits for room and msgrcv for a matching message (type 0: the
//! first; > 0: the first of that type, or of any other with MSG_EXCEPT;
//! < 0: the lowest type up to |type|), unless IPC_NOWAIT (EAGAIN / ENOMSG).
//! A longer message than the buffer is E2BIG unless MSG_NOERROR truncates.
//! Removal wakes the waiters with EIDRM.
use super::*;
use crate::fs::special;
use crate::mm::uaccess;
use crate::sync::Global;
use alloc::collections::VecDeque;

const MSG_STAT: u32 = 11;
const MSG_INFO: u32 = 12;
const MSG_STAT_ANY: u32 = 13;
const MSG_NOERROR: u32 = 0o10000;
const MSG_EXCEPT: u32 = 0o20000;
const MSG_COPY: u32 = 0o40000;
/// Linux's defaults: largest message, bytes per queue.
const MSGMAX: u64 = 8192;
const MSGMNB: u64 = 16384;

struct Queue {
    perm: Perm,
    msgs: VecDeque<(i64, Vec<u8>)>,
    bytes: u64,
    qbytes: u64,
    stime: i64,
    rtime: i64,
    ctime: i64,
    lspid: i32,
    lrpid: i32,
    key: u64,
}

static QUEUES: Global<Table<Queue>> = Global::new(Table::new());

pub fn msgget(key: i32, flags: u32) -> Result<i64, Errno> {
    get_or_create(QUEUES.get(), key, flags, |q| &q.perm, |_| Ok(()), || {
        Ok(Queue {
            perm: Perm::new(key, flags),
            msgs: VecDeque::new(),
            bytes: 0,
            qbytes: MSGMNB,
            stime: 0,
            rtime: 0,
            ctime: now_secs(),
            lspid: 0,
            lrpid: 0,
            key: special::new_key(),
        })
    })
}

/// Sleeps on the queue's key; EIDRM when it was removed meanwhile, EINTR on a signal.
fn wait(id: i64, key: u64) -> Result<&'static mut Queue, Errno> {
    if crate::signal::interrupted() {
        return Err(EINTR);
    }
    special::wait_on(key, None);
    QUEUES.get().get(id).map_err(|_| EIDRM)
}

pub fn msgsnd(id: i64, msgp: u64, size: u64, flags: u32) -> Result<i64, Errno> {
    if size > MSGMAX {
        return Err(EINVAL);
    }
    let mtype: i64 = uaccess::read(msgp)?;
    if mtype < 1 {
        return Err(EINVAL);
    }
    let text = uaccess::copy_in(msgp + 8, size as usize)?;
    let mut q = QUEUES.get().get(id)?;
    while q.bytes + size > q.qbytes {
        if flags & IPC_NOWAIT != 0 {
            return Err(EAGAIN);
        }
        q = wait(id, q.key)?;
    }
    q.bytes += size;
    q.msgs.push_back((mtype, text));
    q.stime = now_secs();
    q.lspid = current_pid();
    special::notify(q.key);
    Ok(0)
}

/// The index of the message msgrcv with `ty` takes.
fn pick(q: &Queue, ty: i64, flags: u32) -> Option<usize> {
    match ty {
        0 => (!q.msgs.is_empty()).then_some(0),
        t if t > 0 && flags & MSG_EXCEPT != 0 => q.msgs.iter().position(|m| m.0 != t),
        t if t > 0 => q.msgs.iter().position(|m| m.0 == t),
        t => {
            let lim = t.unsigned_abs() as i64;
            let best = q.msgs.iter().filter(|m| m.0 <= lim).map(|m| m.0).min()?;
            q.msgs.iter().position(|m| m.0 == best)
        }
    }
}

pub fn msgrcv(id: i64, msgp: u64, size: u64, ty: i64, flags: u32) -> Result<i64, Errno> {
    if flags & MSG_COPY != 0 {
        return Err(ENOSYS); // Linux without CONFIG_CHECKPOINT_RESTORE
    }
    if (size as i64) < 0 {
        return Err(EINVAL);
    }
    let mut q = QUEUES.get().get(id)?;
    let at = loop {
        if let Some(i) = pick(q, ty, flags) {
            break i;
        }
        if flags & IPC_NOWAIT != 0 {
            return Err(ENOMSG);
        }
        q = wait(id, q.key)?;
    };
    let len = q.msgs[at].1.len() as u64;
    if len > size && flags & MSG_NOERROR == 0 {
        return Err(E2BIG);
    }
    let n = len.min(size) as usize;
    // Written before the message leaves the queue: a bad buffer loses nothing.
    uaccess::write(msgp, &q.msgs[at].0)?;
    uaccess::copy_out(msgp + 8, &q.msgs[at].1[..n])?;
    q.msgs.remove(at);
    q.bytes -= len;
    q.rtime = now_secs();
    q.lrpid = current_pid();
    special::notify(q.key);
    Ok(n as i64)
}

/// `struct msqid64_ds` (120 bytes).
fn stat_bytes(q: &Queue) -> [u8; 120] {
    let mut b = [0u8; 120];
    b[..48].copy_from_slice(&q.perm.to_bytes());
    for (at, v) in [(48, q.stime), (56, q.rtime), (64, q.ctime)] {
        b[at..at + 8].copy_from_slice(&v.to_le_bytes());
    }
    b[72..80].copy_from_slice(&q.bytes.to_le_bytes());
    b[80..88].copy_from_slice(&(q.msgs.len() as u64).to_le_bytes());
    b[88..96].copy_from_slice(&q.qbytes.to_le_bytes());
    b[96..100].copy_from_slice(&q.lspid.to_le_bytes());
    b[100..104].copy_from_slice(&q.lrpid.to_le_bytes());
    b
}

pub fn msgctl(id: i64, cmd: u32, buf: u64) -> Result<i64, Errno> {
    let table = QUEUES.get();
    match command(cmd) {
        IPC_INFO | MSG_INFO => {
            let (n, max) = table.count_and_max();
            let (msgs, bytes) = table.iter_mut().fold((0, 0), |(m, b), (_, q)| (m + q.msgs.len() as i32, b + q.bytes as i32));
            // struct msginfo: msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql, msgseg.
            let (pool, map, tql) = if command(cmd) == MSG_INFO { (n as i32, msgs, bytes) } else { (MAX_IDS as i32 * 16, 16384, 16384) };
            let v: [i32; 7] = [pool, map, MSGMAX as i32, MSGMNB as i32, MAX_IDS as i32, 16, tql];
            let mut b = [0u8; 32];
            for (i, x) in v.iter().enumerate() {
                b[i * 4..i * 4 + 4].copy_from_slice(&x.to_le_bytes());
            }
            b[28..30].copy_from_slice(&0xffffu16.to_le_bytes());
            uaccess::copy_out(buf, &b)?;
            Ok(max)
        }
        IPC_STAT | MSG_STAT | MSG_STAT_ANY => {
            let id = if command(cmd) == IPC_STAT { id } else { table.iter_mut().find(|(i, _)| *i as usize % MAX_IDS == id as usize).map(|(i, _)| i as i64).ok_or(EINVAL)? };
            uaccess::copy_out(buf, &stat_bytes(table.get(id)?))?;
            Ok(if command(cmd) == IPC_STAT { 0 } else { id })
        }
        IPC_SET => {
            let b = uaccess::copy_in(buf, 120)?;
            let q = table.get(id)?;
            q.perm.set_from(&b[..48]);
            q.qbytes = u64::from_le_bytes(b[88..96].try_into().unwrap_or_default());
            q.ctime = now_secs();
            special::notify(q.key);
            Ok(0)
        }
        IPC_RMID => {
            let q = table.remove(id)?;
            special::notify(q.key);
            Ok(0)
        }
        _ => Err(EINVAL),
    }
}
