//! System V semaphore sets: semget/semop/semtimedop/semctl. A semop applies
//! all its operations or none: when one cannot proceed (a decrement below
//! zero, a wait-for-zero on a non-zero value) the caller sleeps on the set's
//! wait key (or gets EAGAIN with IPC_NOWAIT, EAGAIN at the timeout, EINTR on
//! a signal, EIDRM when the set is removed) and retries after every change.
//! SEM_UNDO records each operation's inverse per process and semaphore;
//! they are applied when the process ends (`undo`, clamped at 0 and
//! SEMVMX, as Linux does) and cleared by SETVAL/SETALL.
use super::*;
use crate::arch::x86_64::timer;
use crate::fs::special;
use crate::mm::uaccess;
use crate::sync::Global;
use alloc::vec;

const SEM_UNDO: i16 = 0x1000;
const GETPID: u32 = 11;
const GETVAL: u32 = 12;
const GETALL: u32 = 13;
const GETNCNT: u32 = 14;
const GETZCNT: u32 = 15;
const SETVAL: u32 = 16;
const SETALL: u32 = 17;
const SEM_STAT: u32 = 18;
const SEM_INFO: u32 = 19;
const SEM_STAT_ANY: u32 = 20;
/// Linux's limits: semaphores per set, operations per call, largest value.
const SEMMSL: i64 = 32000;
const SEMOPM: u64 = 500;
const SEMVMX: i32 = 32767;

#[derive(Clone, Copy, Default)]
struct Sem {
    val: i32,
    /// Pid of the last process that changed it.
    pid: i32,
    /// Threads waiting for it to grow / to become zero.
    ncnt: u32,
    zcnt: u32,
}

struct Set {
    perm: Perm,
    sems: Vec<Sem>,
    otime: i64,
    ctime: i64,
    key: u64,
}

/// A SEM_UNDO adjustment: (pid, set id, semaphore, value to add at exit).
struct Undo {
    pid: u64,
    id: i32,
    num: u16,
    adj: i32,
}

static SETS: Global<Table<Set>> = Global::new(Table::new());
static UNDOS: Global<Vec<Undo>> = Global::new(Vec::new());

pub fn semget(key: i32, nsems: i64, flags: u32) -> Result<i64, Errno> {
    if !(0..=SEMMSL).contains(&nsems) {
        return Err(EINVAL);
    }
    get_or_create(
        SETS.get(),
        key,
        flags,
        |s| &s.perm,
        |s| if nsems as usize > s.sems.len() { Err(EINVAL) } else { Ok(()) },
        || {
            if nsems == 0 {
                return Err(EINVAL);
            }
            Ok(Set { perm: Perm::new(key, flags), sems: vec![Sem::default(); nsems as usize], otime: 0, ctime: now_secs(), key: special::new_key() })
        },
    )
}

/// One `struct sembuf`: sem_num, sem_op, sem_flg.
#[derive(Clone, Copy)]
struct Op {
    num: u16,
    op: i16,
    flg: i16,
}

/// Applies every op or none. Err(None): would block (on the op at index i: Some(i) in the Ok arm).
fn try_apply(s: &mut Set, ops: &[Op]) -> Result<(), (usize, Errno)> {
    let mut vals: Vec<i32> = s.sems.iter().map(|m| m.val).collect();
    for (i, o) in ops.iter().enumerate() {
        let v = &mut vals[o.num as usize];
        match o.op {
            0 if *v != 0 => return Err((i, EAGAIN)),
            0 => {}
            d if d > 0 => {
                if *v + d as i32 > SEMVMX {
                    return Err((i, ERANGE));
                }
                *v += d as i32;
            }
            d => {
                if *v < -(d as i32) {
                    return Err((i, EAGAIN));
                }
                *v += d as i32;
            }
        }
    }
    let pid = current_pid();
    for o in ops {
        let m = &mut s.sems[o.num as usize];
        m.val = vals[o.num as usize];
        m.pid = pid;
    }
    s.otime = now_secs();
    Ok(())
}

fn record_undo(id: i32, ops: &[Op]) {
    let pid = proc::current().pid;
    let undos = UNDOS.get();
    for o in ops.iter().filter(|o| o.flg & SEM_UNDO != 0 && o.op != 0) {
        match undos.iter_mut().find(|u| u.pid == pid && u.id == id && u.num == o.num) {
            Some(u) => u.adj -= o.op as i32,
            None => undos.push(Undo { pid, id, num: o.num, adj: -(o.op as i32) }),
        }
    }
    undos.retain(|u| u.adj != 0);
}

pub fn semtimedop(id: i64, sops: u64, nsops: u64, timeout: u64) -> Result<i64, Errno> {
    if nsops == 0 {
        return Err(EINVAL);
    }
    if nsops > SEMOPM {
        return Err(E2BIG);
    }
    let raw = uaccess::copy_in(sops, nsops as usize * 6)?;
    let ops: Vec<Op> = raw
        .chunks_exact(6)
        .map(|c| Op { num: u16::from_le_bytes([c[0], c[1]]), op: i16::from_le_bytes([c[2], c[3]]), flg: i16::from_le_bytes([c[4], c[5]]) })
        .collect();
    let deadline = if timeout != 0 { Some(timer::monotonic_ns().saturating_add(crate::syscall::read_timespec(timeout)?)) } else { None };
    let s = SETS.get().get(id)?;
    if ops.iter().any(|o| o.num as usize >= s.sems.len()) {
        return Err(EFBIG);
    }
    loop {
        let s = SETS.get().get(id).map_err(|_| EIDRM)?;
        let blocked = match try_apply(s, &ops) {
            Ok(()) => {
                record_undo(id as i32, &ops);
                special::notify(s.key);
                return Ok(0);
            }
            Err((_, ERANGE)) => return Err(ERANGE),
            Err((i, _)) => i,
        };
        let o = ops[blocked];
        if o.flg as u32 & IPC_NOWAIT != 0 {
            return Err(EAGAIN);
        }
        if crate::signal::interrupted() {
            return Err(EINTR);
        }
        if deadline.is_some_and(|d| timer::monotonic_ns() >= d) {
            return Err(EAGAIN);
        }
        let key = s.key;
        let m = &mut s.sems[o.num as usize];
        if o.op == 0 { m.zcnt += 1 } else { m.ncnt += 1 }
        special::wait_on(key, deadline);
        if let Ok(s) = SETS.get().get(id) {
            let m = &mut s.sems[o.num as usize];
            if o.op == 0 { m.zcnt -= 1 } else { m.ncnt -= 1 }
        }
    }
}

/// `struct semid64_ds` (104 bytes).
fn stat_bytes(s: &Set) -> [u8; 104] {
    let mut b = [0u8; 104];
    b[..48].copy_from_slice(&s.perm.to_bytes());
    b[48..56].copy_from_slice(&s.otime.to_le_bytes());
    b[64..72].copy_from_slice(&s.ctime.to_le_bytes());
    b[80..88].copy_from_slice(&(s.sems.len() as u64).to_le_bytes());
    b
}

/// Forgets the SEM_UNDO adjustments of set `id` (all, or of semaphore `num`).
fn clear_undo(id: i64, num: Option<u16>) {
    UNDOS.get().retain(|u| !(u.id as i64 == id && num.is_none_or(|n| n == u.num)));
}

pub fn semctl(id: i64, num: i64, cmd: u32, arg: u64) -> Result<i64, Errno> {
    let table = SETS.get();
    let cmd = command(cmd);
    if cmd == IPC_INFO || cmd == SEM_INFO {
        let (n, max) = table.count_and_max();
        let total: usize = table.iter_mut().map(|(_, s)| s.sems.len()).sum();
        // struct seminfo: semmap, semmni, semmns, semmnu, semmsl, semopm, semume, semusz, semvmx, semaem.
        let (a, b) = if cmd == SEM_INFO { (n as i32, total as i32) } else { (MAX_IDS as i32, SEMMSL as i32 * MAX_IDS as i32) };
        let v: [i32; 10] = [MAX_IDS as i32, MAX_IDS as i32, b, MAX_IDS as i32, SEMMSL as i32, SEMOPM as i32, SEMOPM as i32, a, SEMVMX, SEMVMX];
        uaccess::write(arg, &v)?;
        return Ok(max);
    }
    if cmd == SEM_STAT || cmd == SEM_STAT_ANY {
        let full = table.iter_mut().find(|(i, _)| *i as usize % MAX_IDS == id as usize).map(|(i, _)| i as i64).ok_or(EINVAL)?;
        uaccess::copy_out(arg, &stat_bytes(table.get(full)?))?;
        return Ok(full);
    }
    let s = table.get(id)?;
    let sem = |s: &Set| -> Result<usize, Errno> { usize::try_from(num).ok().filter(|&n| n < s.sems.len()).ok_or(EINVAL) };
    match cmd {
        IPC_STAT => {
            uaccess::copy_out(arg, &stat_bytes(s))?;
            Ok(0)
        }
        IPC_SET => {
            let b = uaccess::copy_in(arg, 48)?;
            s.perm.set_from(&b);
            s.ctime = now_secs();
            Ok(0)
        }
        IPC_RMID => {
            let key = s.key;
            table.remove(id)?;
            clear_undo(id, None);
            // Sleepers retry, find the set gone and answer EIDRM.
            special::notify(key);
            Ok(0)
        }
        GETVAL => Ok(s.sems[sem(&*s)?].val as i64),
        GETPID => Ok(s.sems[sem(&*s)?].pid as i64),
        GETNCNT => Ok(s.sems[sem(&*s)?].ncnt as i64),
        GETZCNT => Ok(s.sems[sem(&*s)?].zcnt as i64),
        GETALL => {
            let v: Vec<u8> = s.sems.iter().flat_map(|m| (m.val as u16).to_le_bytes()).collect();
            uaccess::copy_out(arg, &v)?;
            Ok(0)
        }
        SETVAL => {
            let n = sem(&*s)?;
            let v = arg as u32 as i32;
            if !(0..=SEMVMX).contains(&v) {
                return Err(ERANGE);
            }
            s.sems[n] = Sem { val: v, pid: current_pid(), ..s.sems[n] };
            s.ctime = now_secs();
            let key = s.key;
            clear_undo(id, Some(n as u16));
            special::notify(key);
            Ok(0)
        }
        SETALL => {
            let raw = uaccess::copy_in(arg, s.sems.len() * 2)?;
            let vals: Vec<i32> = raw.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]) as i32).collect();
            if vals.iter().any(|&v| v > SEMVMX) {
                return Err(ERANGE);
            }
            let pid = current_pid();
            for (m, v) in s.sems.iter_mut().zip(vals) {
                m.val = v;
                m.pid = pid;
            }
            s.ctime = now_secs();
            let key = s.key;
            clear_undo(id, None);
            special::notify(key);
            Ok(0)
        }
        _ => Err(EINVAL),
    }
}

/// Process `pid` ended: its SEM_UNDO adjustments are applied.
pub fn undo(pid: u64) {
    let undos = UNDOS.get();
    if undos.is_empty() {
        return;
    }
    let mine: Vec<Undo> = undos.extract_if(.., |u| u.pid == pid).collect();
    for u in mine {
        if let Ok(s) = SETS.get().get(u.id as i64) {
            if let Some(m) = s.sems.get_mut(u.num as usize) {
                m.val = (m.val + u.adj).clamp(0, SEMVMX);
                m.pid = pid as i32;
            }
            special::notify(s.key);
        }
    }
}
