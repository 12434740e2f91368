//! The dl* API for running programs: dlopen/dlclose (open.rs), dlsym/dlvsym/
//! dladdr (sym.rs), dl_iterate_phdr (iterate.rs), and dlerror here.
//! Every entry point takes the loader lock (recursive: constructors run by
//! dlopen may call back in).

mod iterate;
mod open;
mod sym;

pub use open::note_initial;

use crate::diag::Msg;
use crate::loader::Dso;
use crate::state::{dso, State};
use crate::sync::SpinLock;
use core::ffi::c_char;
use vibix_elf::PT_LOAD;

pub const RTLD_LAZY: i32 = 1;
pub const RTLD_NOW: i32 = 2;
pub const RTLD_NOLOAD: i32 = 4;
pub const RTLD_GLOBAL: i32 = 0x100;
pub const RTLD_NODELETE: i32 = 0x1000;

/// The last error (global: see docs/loader.md) and the copy dlerror() handed out.
struct ErrState {
    pending: Option<Msg>,
    shown: [u8; 481],
}

static ERR: SpinLock<ErrState> = SpinLock::new(ErrState { pending: None, shown: [0; 481] });

pub fn set_error(m: Msg) {
    ERR.lock().pending = Some(m);
}

/// `char *dlerror(void)`: the last error since the previous call, or NULL.
#[unsafe(no_mangle)]
pub extern "C" fn dlerror() -> *mut c_char {
    let mut e = ERR.lock();
    let Some(m) = e.pending.take() else { return core::ptr::null_mut() };
    let b = m.bytes();
    let n = b.len().min(480);
    e.shown[..n].copy_from_slice(&b[..n]);
    e.shown[n] = 0;
    e.shown.as_mut_ptr() as *mut c_char
}

/// The object whose PT_LOAD segments contain `addr`.
pub fn obj_containing(st: &State, addr: usize) -> Option<*mut Dso> {
    st.objs.iter().copied().find(|&p| {
        let d = dso(p);
        d.phdrs().iter().any(|ph| {
            ph.p_type == PT_LOAD && {
                let s = d.base.wrapping_add(ph.p_vaddr as usize);
                addr >= s && addr < s + ph.p_memsz as usize
            }
        })
    })
}

/// Is `h` a handle we handed out (an object still loaded)?
pub fn valid_handle(st: &State, h: *mut Dso) -> bool {
    st.objs.contains(&h)
}
