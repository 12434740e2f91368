//! futex(2) WAIT/WAKE keyed by (process, user address): the compare with the
//! user word and the sleep happen with no other thread able to run in between.
use super::{block, sched, wake as wake_thread, Block, State, Wake};
use crate::errno::*;
use crate::mm::uaccess;
use alloc::vec::Vec;

pub fn wait(pid: u64, addr: u64, val: u32, deadline: Option<u64>, bitset: u32) -> Result<i64, Errno> {
    if !addr.is_multiple_of(4) || bitset == 0 {
        return Err(EINVAL);
    }
    if uaccess::read::<u32>(addr)? != val {
        return Err(EAGAIN);
    }
    match block(Block::Futex { pid, addr, bitset }, deadline) {
        Wake::Normal => Ok(0),
        Wake::Timeout => Err(ETIMEDOUT),
    }
}

/// Wakes up to `n` threads waiting on `addr`; returns how many.
pub fn wake(pid: u64, addr: u64, n: u32, bitset: u32) -> i64 {
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
