//! Fork hooks (vibix-abi `VIBIX_FORK_*`): libc's `fork()` calls prepare
//! before the system call and parent or child after it. Prepare takes every
//! loader lock, in the order normal code nests them (loader state, TLS, the
//! allocator), so no thread that is missing in the child can hold one; both
//! sides then release them, and the child forgets the threads it lost.

use crate::tls::TLS;

/// `void __vibix_fork_prepare(void)`
#[unsafe(no_mangle)]
pub extern "C" fn __vibix_fork_prepare() {
    crate::state::lock_held();
    TLS.lock_held();
    crate::heap::lock_for_fork();
}

/// Releases what prepare took, innermost first.
///
/// # Safety
/// After `__vibix_fork_prepare` by this thread (in the child: its copy).
unsafe fn release() {
    // SAFETY: forwarded contract: this thread holds all three.
    unsafe {
        crate::heap::unlock_after_fork();
        TLS.unlock_held();
        crate::state::unlock_held();
    }
}

/// `void __vibix_fork_parent(void)`
///
/// # Safety
/// Called by the thread that called `__vibix_fork_prepare`, after `fork`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vibix_fork_parent() {
    // SAFETY: forwarded contract.
    unsafe { release() };
}

/// `void __vibix_fork_child(void)`
///
/// # Safety
/// Called in the child of a `fork` that `__vibix_fork_prepare` preceded.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __vibix_fork_child() {
    // SAFETY: forwarded contract (the child's only thread is the forking one).
    unsafe { release() };
    crate::tls::forget_other_threads();
}
