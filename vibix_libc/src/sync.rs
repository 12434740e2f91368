//! The futex lock every other lock builds on (malloc, stdio, atexit, pthread
//! mutexes): 0 = unlocked, 1 = locked, 2 = locked with waiters. Uncontended
//! lock/unlock is one atomic each and no syscall.
use core::sync::atomic::{AtomicU32, Ordering};
use rustix::thread::futex;

pub const UNLOCKED: u32 = 0;
const LOCKED: u32 = 1;
const CONTENDED: u32 = 2;

/// Wait while `*word == val` (spurious wake-ups allowed).
#[inline]
pub fn futex_wait(word: &AtomicU32, val: u32) {
    let _ = futex::wait(word, futex::Flags::PRIVATE, val, None);
}

/// Wait on a word the *kernel* wakes (CLONE_CHILD_CLEARTID's wake-up on thread
/// exit is a shared, not a private, futex wake).
#[inline]
pub fn futex_wait_shared(word: &AtomicU32, val: u32) {
    let _ = futex::wait(word, futex::Flags::empty(), val, None);
}

/// Same as `futex_wait`, with a relative timeout; returns false on timeout.
pub fn futex_wait_timeout(word: &AtomicU32, val: u32, rel: &rustix::time::Timespec) -> bool {
    !matches!(
        futex::wait(word, futex::Flags::PRIVATE, val, Some(rel)),
        Err(rustix::io::Errno::TIMEDOUT)
    )
}

#[inline]
pub fn futex_wake(word: &AtomicU32, n: u32) {
    let _ = futex::wake(word, futex::Flags::PRIVATE, n);
}

/// The futex flags for an object that is process-shared (`PTHREAD_PROCESS_SHARED`,
/// in MAP_SHARED memory: the kernel keys the futex by page, not by address
/// space) or private to the process.
#[inline]
pub fn scope(shared: bool) -> futex::Flags {
    if shared { futex::Flags::empty() } else { futex::Flags::PRIVATE }
}

/// `futex_wait` / `futex_wait_timeout` for either scope; false on timeout.
pub fn futex_wait_in(word: &AtomicU32, val: u32, shared: bool, rel: Option<&rustix::time::Timespec>) -> bool {
    !matches!(futex::wait(word, scope(shared), val, rel), Err(rustix::io::Errno::TIMEDOUT))
}

/// `futex_wake` for either scope.
#[inline]
pub fn futex_wake_in(word: &AtomicU32, n: u32, shared: bool) {
    let _ = futex::wake(word, scope(shared), n);
}

/// A plain (non-recursive) lock over one futex word.
#[repr(transparent)]
pub struct Lock(pub AtomicU32);

impl Lock {
    pub const fn new() -> Self {
        Lock(AtomicU32::new(UNLOCKED))
    }

    #[inline]
    pub fn try_lock(&self) -> bool {
        self.0.compare_exchange(UNLOCKED, LOCKED, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    #[inline]
    pub fn lock(&self) {
        if !self.try_lock() {
            self.lock_slow(false);
        }
    }

    /// `lock` for a lock that may live in memory shared between processes.
    #[inline]
    pub fn lock_in(&self, shared: bool) {
        if !self.try_lock() {
            self.lock_slow(shared);
        }
    }

    #[cold]
    fn lock_slow(&self, shared: bool) {
        let mut spins = 0;
        while spins < 100 {
            if self.0.load(Ordering::Relaxed) == UNLOCKED && self.try_lock() {
                return;
            }
            core::hint::spin_loop();
            spins += 1;
        }
        // Mark contended; whoever unlocks then has to wake us.
        while self.0.swap(CONTENDED, Ordering::Acquire) != UNLOCKED {
            futex_wait_in(&self.0, CONTENDED, shared, None);
        }
    }

    #[inline]
    pub fn unlock(&self) {
        self.unlock_in(false)
    }

    /// `unlock` for a lock that may live in memory shared between processes.
    #[inline]
    pub fn unlock_in(&self, shared: bool) {
        if self.0.swap(UNLOCKED, Ordering::Release) == CONTENDED {
            futex_wake_in(&self.0, 1, shared);
        }
    }

    pub fn guard(&self) -> LockGuard<'_> {
        self.lock();
        LockGuard(self)
    }
}

impl Default for Lock {
    fn default() -> Self {
        Self::new()
    }
}

pub struct LockGuard<'a>(&'a Lock);

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        self.0.unlock();
    }
}
