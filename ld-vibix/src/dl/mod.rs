//! The dl* API for running programs: dlopen/dlclose (open.rs), dlsym/dlvsym/
//! dladdr (sym.rs), dl_iterate_phdr (iterate.rs), dlinfo (info.rs), dependencies made by
//! binding (bindings.rs), and dlerror here.
//! Every entry point takes the loader lock (recursive: constructors run by
//! dlopen may call back in) and borrows the namespace from it (state.rs),
//! giving it back before it calls the program's code.

mod bindings;
mod info;
mod iterate;
mod open;
mod sym;

pub use bindings::note as note_binding;
pub use open::note_initial;

use crate::diag::Msg;
use crate::sync::SpinLock;
use core::ffi::c_char;

pub const RTLD_LAZY: i32 = 1;
pub const RTLD_NOW: i32 = 2;
pub const RTLD_NOLOAD: i32 = 4;
pub const RTLD_GLOBAL: i32 = 0x100;
pub const RTLD_NODELETE: i32 = 0x1000;

/// A thread's dlerror state: the pending error and the copy dlerror() handed out.
pub struct ErrState {
    pending: Option<Msg>,
    shown: [u8; 481],
}

/// Used before %fs is set up (and if a per-thread buffer cannot be allocated).
static ERR: SpinLock<ErrState> = SpinLock::new(ErrState { pending: None, shown: [0; 481] });

/// The calling thread's state, kept in ThreadHeader::reserved0[0] (see vibix-abi).
fn with_err<R>(f: impl FnOnce(&mut ErrState) -> R) -> R {
    if crate::start::tls_ready() {
        let h = crate::arch::thread_pointer() as *mut vibix_abi::ThreadHeader;
        // SAFETY: the slot belongs to ld-vibix and is only touched by its own thread.
        unsafe {
            let slot = &mut (*h).reserved0[0];
            if *slot == 0 {
                *slot = alloc::boxed::Box::into_raw(alloc::boxed::Box::new(ErrState { pending: None, shown: [0; 481] }))
                    as usize;
            }
            return f(&mut *(*slot as *mut ErrState));
        }
    }
    f(&mut ERR.lock())
}

/// Thread exit: free the thread's dlerror state.
///
/// # Safety
/// `h` is an exiting thread's header.
pub unsafe fn free_thread_err(h: *mut vibix_abi::ThreadHeader) {
    // SAFETY: the slot holds 0 or a Box<ErrState> we created.
    unsafe {
        let slot = &mut (*h).reserved0[0];
        if *slot != 0 {
            drop(alloc::boxed::Box::from_raw(*slot as *mut ErrState));
            *slot = 0;
        }
    }
}

pub fn set_error(m: Msg) {
    with_err(|e| e.pending = Some(m));
}

/// `char *dlerror(void)`: the calling thread's last error since its previous call, or NULL.
#[unsafe(no_mangle)]
pub extern "C" fn dlerror() -> *mut c_char {
    with_err(|e| {
        let Some(m) = e.pending.take() else { return core::ptr::null_mut() };
        let b = m.bytes();
        let n = b.len().min(480);
        e.shown[..n].copy_from_slice(&b[..n]);
        e.shown[n] = 0;
        e.shown.as_mut_ptr() as *mut c_char
    })
}
