//! futex(2) WAIT/WAKE keyed by (process, user address), or — for a word in a
//! MAP_SHARED mapping without FUTEX_PRIVATE_FLAG — by its physical address,
//! so processes sharing a file or /dev/shm mapping at different addresses
//! meet on one key (Linux keys those by inode and offset; a shared mapping's
//! frames are the file's own and stay put while mapped, so the frame serves).
//! The compare with the user word and the sleep happen with no other thread
//! able to run in between.
use super::{block, sched, wake as wake_thread, Block, State, Wake};
use crate::errno::*;
use crate::mm::uaccess;
use alloc::vec::Vec;

/// The `pid` of keys that are physical addresses (no process has it).
const SHARED: u64 = u64::MAX;

/// The (pid, address) a futex word at `addr` of process `pid` waits on.
pub fn key(pid: u64, addr: u64, private: bool) -> (u64, u64) {
    if private {
        return (pid, addr);
    }
    let Some(asp) = super::current_aspace() else { return (pid, addr) };
    if !asp.vma_at(addr).is_some_and(|v| v.shared) {
        return (pid, addr);
    }
    // Faulted in (and made a frame of the file's) before the lookup.
    if uaccess::read::<u32>(addr & !3).is_err() {
        return (pid, addr);
    }
    match crate::mm::paging::walk(asp.pml4, addr, false) {
        // SAFETY: `walk` returns a slot of this address space's live page tables.
        Some(pte) if unsafe { *pte } & crate::mm::paging::P != 0 => (SHARED, (unsafe { *pte } & crate::mm::paging::ADDR) | (addr & 0xfff)),
        _ => (pid, addr),
    }
}

pub fn wait(key: (u64, u64), addr: u64, val: u32, deadline: Option<u64>, bitset: u32) -> Result<i64, Errno> {
    if !addr.is_multiple_of(4) || bitset == 0 {
        return Err(EINVAL);
    }
    if uaccess::read::<u32>(addr)? != val {
        return Err(EAGAIN);
    }
    let (pid, addr) = key;
    match block(Block::Futex { pid, addr, bitset }, deadline) {
        Wake::Normal => Ok(0),
        Wake::Timeout => Err(ETIMEDOUT),
    }
}

/// Wakes up to `n` threads waiting on `key`; returns how many.
pub fn wake(key: (u64, u64), n: u32, bitset: u32) -> i64 {
    let (pid, addr) = key;
    let waiters: Vec<u64> = sched()
        .threads
        .values()
        .filter(|t| matches!(t.state, State::Blocked(Block::Futex { pid: p, addr: a, bitset: b }) if p == pid && a == addr && b & bitset != 0))
        .map(|t| t.tid)
        .take(n as usize)
        .collect();
    for &t in &waiters {
        wake_thread(t, Wake::Normal);
    }
    waiters.len() as i64
}
