//! Threads: the per-thread area after `ThreadHeader` (errno, tid, pthread state)
//! and the POSIX threads built on clone + futex.
pub mod area;
pub mod pthread;
pub mod mainstack;
pub mod keys;
pub mod mutex;
pub mod cond;
pub mod rwlock;
pub mod sem;
pub mod cancel;
pub mod glibc_cancel;
pub mod robust;
pub mod sched;
