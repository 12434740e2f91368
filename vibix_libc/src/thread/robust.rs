//! The per-thread robust mutex list (Linux `set_robust_list`).
//!
//! Every robust mutex a thread holds is linked into the thread's list through
//! `Mutex::link`; the kernel walks the list when the thread dies and, for each
//! mutex whose lock word still names the dead thread, sets FUTEX_OWNER_DIED and
//! wakes one waiter (a shared futex wake). `pending` names the mutex being
//! locked or unlocked right now, so a death in the middle is handled too.
//!
//! A thread that ends with `pthread_exit` marks its mutexes itself (its memory,
//! list head included, may be unmapped before the exit system call); the kernel
//! covers deaths without `pthread_exit`: the process killed or exiting.
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

use static_assertions::const_assert_eq;

use super::area::{current, ThreadState};
use super::mutex::{Mutex, DIED, FUTEX_OWNER_DIED, FUTEX_WAITERS, PRIO_INHERIT};

/// `struct robust_list`: one link (the kernel's layout).
#[repr(C)]
pub struct RobustLink {
    pub next: *mut RobustLink,
}

/// `struct robust_list_head` (the kernel's layout).
#[repr(C)]
pub struct RobustHead {
    pub list: RobustLink,
    /// From a link to its mutex's lock word.
    pub futex_offset: isize,
    pub pending: *mut RobustLink,
}
const_assert_eq!(core::mem::size_of::<RobustHead>(), 24);

const SYS_SET_ROBUST_LIST: core::ffi::c_long = 273;

/// Byte offset of the lock word from the link inside `Mutex`.
const FUTEX_OFFSET: isize = core::mem::offset_of!(Mutex, lock) as isize - core::mem::offset_of!(Mutex, link) as isize;

fn head() -> *mut RobustHead {
    // SAFETY: own thread area; only this thread touches its list.
    unsafe { &raw mut (*current()).robust }
}

fn mutex_of(l: *mut RobustLink) -> *mut Mutex {
    (l as usize - core::mem::offset_of!(Mutex, link)) as *mut Mutex
}

/// Registers the calling thread's list with the kernel on first use.
fn ensure_registered(t: *mut ThreadState) {
    // SAFETY: own thread area.
    unsafe {
        if (*t).robust_on {
            return;
        }
        let h = &raw mut (*t).robust;
        (*h).list.next = &raw mut (*h).list;
        (*h).futex_offset = FUTEX_OFFSET;
        (*h).pending = null_mut();
        // SAFETY: the head lives as long as the thread (pthread_exit empties it first).
        crate::header::sys::raw::syscall6(SYS_SET_ROBUST_LIST, [h as usize, 24, 0, 0, 0, 0]);
        (*t).robust_on = true;
    }
}

/// Marks `m` as being locked or unlocked (the kernel looks at it if we die now).
pub fn set_pending(m: *mut Mutex) {
    let t = current();
    ensure_registered(t);
    // SAFETY: own list head; m is a live mutex.
    unsafe {
        core::ptr::write_volatile(&raw mut (*head()).pending, if m.is_null() { null_mut() } else { &raw mut (*m).link });
    }
    core::sync::atomic::compiler_fence(Ordering::SeqCst);
}

/// Links `m` (just acquired) at the front of the list.
pub fn push(m: *mut Mutex) {
    let h = head();
    // SAFETY: own list; m is held by us and not linked.
    unsafe {
        let first = (*h).list.next;
        (*m).link.next = first;
        (*m).prev = &raw mut (*h).list;
        if first != &raw mut (*h).list {
            (*mutex_of(first)).prev = &raw mut (*m).link;
        }
        core::ptr::write_volatile(&raw mut (*h).list.next, &raw mut (*m).link);
    }
}

/// Unlinks `m` (about to be released).
pub fn remove(m: *mut Mutex) {
    let h = head();
    // SAFETY: m is linked into our own list.
    unsafe {
        let next = (*m).link.next;
        let prev = (*m).prev;
        if next != &raw mut (*h).list {
            (*mutex_of(next)).prev = prev;
        }
        core::ptr::write_volatile(&raw mut (*prev).next, next);
        (*m).prev = null_mut();
        (*m).link.next = null_mut();
    }
}

/// pthread_exit: every robust mutex still held gets its owner-died mark and one
/// waiter woken, as the kernel would do; the list is left empty.
pub fn release_all_on_exit() {
    let t = current();
    // SAFETY: own thread area.
    if !unsafe { (*t).robust_on } {
        return;
    }
    let h = head();
    // SAFETY: every link on our list is inside a live mutex we hold.
    unsafe {
        let end = &raw mut (*h).list;
        let mut l = (*h).list.next;
        while l != end {
            let m = mutex_of(l);
            let next = (*l).next;
            (*m).state = DIED;
            let word: &AtomicU32 = &(*m).lock.0;
            if (*m).kind & PRIO_INHERIT != 0 {
                // Only the kernel may hand a PI lock to a waiter; the state
                // field carries the owner-died mark to whoever gets it.
                if word.compare_exchange(super::area::tid() as u32, FUTEX_OWNER_DIED, Ordering::Release, Ordering::Relaxed).is_err() {
                    let _ = rustix::thread::futex::unlock_pi(word, crate::sync::scope((*m).kind & super::mutex::PSHARED != 0));
                }
            } else if word.swap(FUTEX_OWNER_DIED, Ordering::Release) & FUTEX_WAITERS != 0 {
                crate::sync::futex_wake_in(word, 1, true);
            }
            l = next;
        }
        (*h).list.next = end;
        (*h).pending = null_mut();
    }
}

/// fork child: the kernel dropped the registration, and the mutexes on the
/// list belong to the parent's thread.
pub fn after_fork_child() {
    // SAFETY: own thread area, single-threaded child.
    unsafe { (*current()).robust_on = false };
}
