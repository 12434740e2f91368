//! glibc's cancellation cleanup ABI, for code compiled against glibc's
//! `<pthread.h>` and linked with vibix_libc.
//!
//! In plain C, glibc's `pthread_cleanup_push` is `__sigsetjmp` on a
//! `__pthread_unwind_buf_t` in the caller's frame, then
//! `__pthread_register_cancel`; when the thread is cancelled or calls
//! `pthread_exit`, control comes back out of that `__sigsetjmp` with a nonzero
//! value, the macro calls the handler and then `__pthread_unwind_next` to go on.
//! Here registering links a cleanup record (the same chain as `struct __ptcb`,
//! cancel.rs) kept in the buffer's private words; running that record
//! longjmps back into the frame, and `__pthread_unwind_next` resumes
//! `pthread_exit`, which runs the next record. So both header flavours and
//! libc's own records (a cancelled condition wait retaking its mutex) run in
//! one newest-first order.
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use static_assertions::{const_assert, const_assert_eq};

use super::cancel::{_pthread_cleanup_pop, _pthread_cleanup_push, pthread_setcanceltype, Ptcb};

/// `__pthread_unwind_buf_t`: glibc's `__jmp_buf` (64 bytes, what our
/// `__sigsetjmp` saves with savemask 0), the mask-saved flag, then four words
/// glibc keeps private, which hold our record and the saved cancel type.
#[repr(C)]
pub struct UnwindBuf {
    jmp: [u64; 8],
    mask_was_saved: c_int,
    _align: c_int,
    rec: Ptcb,
    saved_type: c_int,
}
const_assert_eq!(core::mem::offset_of!(UnwindBuf, rec), 72);
const_assert!(core::mem::size_of::<UnwindBuf>() <= 104);

unsafe extern "C" {
    /// header/setjmp's `longjmp` (defined there as a naked function).
    #[link_name = "longjmp"]
    fn longjmp_to(env: *mut c_void, val: c_int) -> !;
}

/// The record's handler: back into the frame that registered the buffer,
/// whose `__sigsetjmp` now returns 1.
unsafe extern "C" fn jump_back(buf: *mut c_void) {
    // SAFETY: buf was filled by __sigsetjmp in a frame that is still live
    // (it is registered, and records are unregistered before their frame ends).
    unsafe { longjmp_to(buf, 1) }
}

/// glibc `__pthread_register_cancel` (what `pthread_cleanup_push` calls).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_register_cancel(buf: *mut UnwindBuf) {
    // SAFETY: buf is the caller's frame-local buffer, live until unregistered.
    unsafe { _pthread_cleanup_push(&raw mut (*buf).rec, Some(jump_back), buf.cast()) }
}

/// glibc `__pthread_unregister_cancel` (what `pthread_cleanup_pop` calls).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_unregister_cancel(buf: *mut UnwindBuf) {
    // SAFETY: buf is the newest registered buffer (the macros nest).
    unsafe { _pthread_cleanup_pop(&raw mut (*buf).rec, 0) }
}

/// glibc `__pthread_register_cancel_defer` (`pthread_cleanup_push_defer_np`):
/// also switches to deferred cancellation, keeping the old type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_register_cancel_defer(buf: *mut UnwindBuf) {
    // SAFETY: as __pthread_register_cancel; saved_type is ours in the buffer.
    unsafe {
        pthread_setcanceltype(0, &raw mut (*buf).saved_type);
        __pthread_register_cancel(buf);
    }
}

/// glibc `__pthread_unregister_cancel_restore` (`pthread_cleanup_pop_restore_np`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_unregister_cancel_restore(buf: *mut UnwindBuf) {
    // SAFETY: as __pthread_unregister_cancel.
    unsafe {
        __pthread_unregister_cancel(buf);
        pthread_setcanceltype((*buf).saved_type, null_mut());
    }
}

/// glibc `__pthread_unwind_next`: the handler of `buf` has run; go on ending
/// the thread (the next records, then the rest of pthread_exit).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_unwind_next(_buf: *mut UnwindBuf) -> ! {
    // SAFETY: own thread area; pthread_exit stored the exit value before
    // running the record that brought us here.
    let ret = unsafe { (*super::area::current()).result };
    super::pthread::pthread_exit(ret)
}

/// glibc's `struct __pthread_cleanup_frame` (`-fexceptions` C).
#[repr(C)]
pub struct CleanupFrame {
    routine: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
    do_it: c_int,
    cancel_type: c_int,
}
const_assert_eq!(core::mem::size_of::<CleanupFrame>(), 24);

/// glibc `__pthread_cleanup_routine`: the `__attribute__((cleanup))` function
/// of `-fexceptions` C's `pthread_cleanup_push` (out of line at -O0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __pthread_cleanup_routine(f: *mut CleanupFrame) {
    // SAFETY: f is the macro's frame-local record.
    unsafe {
        if (*f).do_it != 0 {
            if let Some(r) = (*f).routine {
                r((*f).arg);
            }
        }
    }
}
