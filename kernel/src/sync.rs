//! Kernel-global state. vibix runs on one CPU and never takes an interrupt
//! while executing Rust kernel code (see `arch::x86_64::entry`), so a global
//! is only ever touched by one flow of control at a time.
use core::cell::UnsafeCell;

pub struct Global<T>(UnsafeCell<T>);

// SAFETY: single CPU, no interrupts in kernel mode: accesses never overlap in time.
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    pub const fn new(v: T) -> Self {
        Self(UnsafeCell::new(v))
    }

    /// Borrow the global. Callers keep the borrow short and never hold two
    /// borrows of the same global across a call that takes it again.
    #[allow(clippy::mut_from_ref)]
    pub fn get(&self) -> &mut T {
        // SAFETY: see the type-level comment; the short-borrow rule is the caller's discipline.
        unsafe { &mut *self.0.get() }
    }
}
