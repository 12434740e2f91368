//! A spin lock (uncontended in practice: start-up is single-threaded and dl*
//! calls are short), and a recursive variant for the loader state, since
//! constructors run by dlopen may call dlopen/dlsym again.

use core::cell::UnsafeCell;
use core::ops::{Deref, DerefMut};
use core::sync::atomic::{AtomicUsize, Ordering};

pub struct SpinLock<T> {
    locked: AtomicUsize,
    val: UnsafeCell<T>,
}

// SAFETY: access to `val` is serialised by `locked`.
unsafe impl<T: Send> Sync for SpinLock<T> {}

impl<T> SpinLock<T> {
    pub const fn new(v: T) -> Self {
        Self { locked: AtomicUsize::new(0), val: UnsafeCell::new(v) }
    }
    pub fn lock(&self) -> SpinGuard<'_, T> {
        while self.locked.compare_exchange_weak(0, 1, Ordering::Acquire, Ordering::Relaxed).is_err() {
            rustix::thread::sched_yield();
        }
        SpinGuard { l: self }
    }
    /// Takes the lock with no guard (fork: held across the fork system call).
    pub fn lock_held(&self) {
        core::mem::forget(self.lock());
    }
    /// Releases a lock taken with [`SpinLock::lock_held`].
    ///
    /// # Safety
    /// The caller took it with `lock_held` and holds no guard.
    pub unsafe fn unlock_held(&self) {
        self.locked.store(0, Ordering::Release);
    }
}

pub struct SpinGuard<'a, T> {
    l: &'a SpinLock<T>,
}

impl<T> Deref for SpinGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: we hold the lock.
        unsafe { &*self.l.val.get() }
    }
}
impl<T> DerefMut for SpinGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: we hold the lock.
        unsafe { &mut *self.l.val.get() }
    }
}
impl<T> Drop for SpinGuard<'_, T> {
    fn drop(&mut self) {
        self.l.locked.store(0, Ordering::Release);
    }
}

/// Recursive lock keyed by thread pointer (0 before TLS exists = the only thread).
pub struct RecLock {
    owner: AtomicUsize,
    depth: UnsafeCell<usize>,
}
// SAFETY: depth is only touched by the owner.
unsafe impl Sync for RecLock {}

impl RecLock {
    pub const fn new() -> Self {
        Self { owner: AtomicUsize::new(0), depth: UnsafeCell::new(0) }
    }
    pub fn lock(&self) -> RecGuard<'_> {
        let me = crate::tls::current_tp() | 1;
        if self.owner.load(Ordering::Relaxed) != me {
            while self.owner.compare_exchange_weak(0, me, Ordering::Acquire, Ordering::Relaxed).is_err() {
                rustix::thread::sched_yield();
            }
        }
        // SAFETY: we own the lock.
        unsafe { *self.depth.get() += 1 };
        RecGuard { l: self }
    }
    /// Takes one level with no guard (fork: held across the fork system call).
    pub fn lock_held(&self) {
        core::mem::forget(self.lock());
    }
    /// Releases one level taken with [`RecLock::lock_held`] (in a fork child the
    /// thread pointer, hence the owner, is the forking thread's).
    ///
    /// # Safety
    /// The calling thread took it with `lock_held`.
    pub unsafe fn unlock_held(&self) {
        drop(RecGuard { l: self });
    }
}

pub struct RecGuard<'a> {
    l: &'a RecLock,
}
impl Drop for RecGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: we own the lock.
        unsafe {
            *self.l.depth.get() -= 1;
            if *self.l.depth.get() == 0 {
                self.l.owner.store(0, Ordering::Release);
            }
        }
    }
}
