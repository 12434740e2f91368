//! System V IPC (shared memory `shm`, semaphore sets `sem`, message queues
//! `msg`) and POSIX message queues (`mqueue`).
//!
//! The three System V kinds share this module's object table shape: a key
//! (IPC_PRIVATE makes a new object every time), an id (`seq * 32768 +
//! slot`, so a removed id is not found again at once), and `struct
//! ipc64_perm`. Every process is root, so permission bits are kept and
//! reported but never refuse an operation (docs/kernel.md).
pub mod mqueue;
pub mod msg;
pub mod sem;
pub mod shm;

use crate::errno::*;
use crate::proc;
use alloc::vec::Vec;

pub const IPC_PRIVATE: i32 = 0;
pub const IPC_CREAT: u32 = 0o1000;
pub const IPC_EXCL: u32 = 0o2000;
pub const IPC_NOWAIT: u32 = 0o4000;
pub const IPC_RMID: u32 = 0;
pub const IPC_SET: u32 = 1;
pub const IPC_STAT: u32 = 2;
pub const IPC_INFO: u32 = 3;
/// Linux's "new layout" flag on ctl commands (x86_64 has only that layout).
const IPC_64: u32 = 0x100;
/// Objects per kind (Linux's IPCMNI is 32768).
pub const MAX_IDS: usize = 32768;

/// The ctl command without IPC_64.
pub fn command(cmd: u32) -> u32 {
    cmd & !IPC_64
}

/// `struct ipc64_perm` fields vibix keeps.
#[derive(Clone, Copy)]
pub struct Perm {
    pub key: i32,
    pub uid: u32,
    pub gid: u32,
    pub cuid: u32,
    pub cgid: u32,
    pub mode: u32,
    pub seq: u32,
}

impl Perm {
    pub fn new(key: i32, flags: u32) -> Self {
        Perm { key, uid: 0, gid: 0, cuid: 0, cgid: 0, mode: flags & 0o777, seq: 0 }
    }

    /// The 48-byte `struct ipc64_perm`.
    pub fn to_bytes(self) -> [u8; 48] {
        let mut b = [0u8; 48];
        b[0..4].copy_from_slice(&self.key.to_le_bytes());
        b[4..8].copy_from_slice(&self.uid.to_le_bytes());
        b[8..12].copy_from_slice(&self.gid.to_le_bytes());
        b[12..16].copy_from_slice(&self.cuid.to_le_bytes());
        b[16..20].copy_from_slice(&self.cgid.to_le_bytes());
        b[20..22].copy_from_slice(&(self.mode as u16).to_le_bytes());
        b[24..26].copy_from_slice(&(self.seq as u16).to_le_bytes());
        b
    }

    /// IPC_SET: uid, gid and the permission bits from a user `ipc64_perm` image.
    pub fn set_from(&mut self, b: &[u8]) {
        let w = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        self.uid = w(4);
        self.gid = w(8);
        self.mode = (self.mode & !0o777) | (w(20) & 0o777);
    }
}

/// One kind's objects: slot i holds (sequence number, object).
pub struct Table<T> {
    slots: Vec<Option<(u32, T)>>,
    seq: u32,
}

impl<T> Table<T> {
    pub const fn new() -> Self {
        Table { slots: Vec::new(), seq: 0 }
    }

    /// Inserts `obj`; returns its id.
    pub fn insert(&mut self, obj: T) -> Result<i32, Errno> {
        let i = match self.slots.iter().position(Option::is_none) {
            Some(i) => i,
            None if self.slots.len() < MAX_IDS => {
                self.slots.push(None);
                self.slots.len() - 1
            }
            None => return Err(ENOSPC),
        };
        self.seq = (self.seq + 1) % 65536;
        self.slots[i] = Some((self.seq, obj));
        Ok((self.seq as usize * MAX_IDS + i) as i32)
    }

    pub fn get(&mut self, id: i64) -> Result<&mut T, Errno> {
        let id = usize::try_from(id).map_err(|_| EINVAL)?;
        match self.slots.get_mut(id % MAX_IDS) {
            Some(Some((seq, obj))) if *seq as usize == id / MAX_IDS => Ok(obj),
            _ => Err(EINVAL),
        }
    }

    pub fn remove(&mut self, id: i64) -> Result<T, Errno> {
        self.get(id)?;
        let slot = self.slots.get_mut(id as usize % MAX_IDS).ok_or(EINVAL)?;
        slot.take().map(|(_, o)| o).ok_or(EINVAL)
    }

    /// (id, object) of every object.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (i32, &mut T)> {
        self.slots.iter_mut().enumerate().filter_map(|(i, s)| s.as_mut().map(|(seq, o)| ((*seq as usize * MAX_IDS + i) as i32, o)))
    }

    /// Number of objects and the highest slot in use (IPC_INFO's return value).
    pub fn count_and_max(&self) -> (usize, i64) {
        let n = self.slots.iter().filter(|s| s.is_some()).count();
        let max = self.slots.iter().rposition(Option::is_some).map_or(0, |i| i as i64);
        (n, max)
    }
}

/// The `*get` lookup: the id for `key` (making one with `make` under
/// IPC_CREAT), with the EEXIST/ENOENT rules; `fits` checks an existing object
/// (size or count) and gives its error.
pub fn get_or_create<T>(
    table: &mut Table<T>,
    key: i32,
    flags: u32,
    perm: impl Fn(&T) -> &Perm,
    fits: impl Fn(&T) -> Result<(), Errno>,
    make: impl FnOnce() -> Result<T, Errno>,
) -> Result<i64, Errno> {
    if key != IPC_PRIVATE {
        let found = table.iter_mut().find(|(_, o)| perm(o).key == key && perm(o).mode & DESTROYED == 0).map(|(id, o)| (id, fits(o)));
        if let Some((id, fit)) = found {
            if flags & (IPC_CREAT | IPC_EXCL) == IPC_CREAT | IPC_EXCL {
                return Err(EEXIST);
            }
            fit?;
            return Ok(id as i64);
        }
        if flags & IPC_CREAT == 0 {
            return Err(ENOENT);
        }
    }
    Ok(table.insert(make()?)? as i64)
}

/// Mode bit of a shared memory segment removed while still attached (SHM_DEST).
pub const DESTROYED: u32 = 0o1000;

/// Seconds since the epoch (the *_time fields).
pub fn now_secs() -> i64 {
    (crate::arch::x86_64::timer::realtime_ns() / 1_000_000_000) as i64
}

pub fn current_pid() -> i32 {
    proc::current().pid as i32
}

/// Process `pid` ended: its semaphore adjustments (SEM_UNDO) are applied.
pub fn process_gone(pid: u64) {
    sem::undo(pid);
}
