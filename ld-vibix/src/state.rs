//! The loader's global state: every loaded object in load order, settings,
//! and what start-up recorded for later dlopen calls. Mutated only at start-up
//! (single-threaded) or under [`LOCK`].

use crate::env::Settings;
use crate::loader::{Dso, F_GLOBAL};
use crate::sync::RecLock;
use alloc::vec::Vec;
use core::cell::UnsafeCell;

pub struct State {
    /// All loaded objects, load order (the program first, ld-vibix where it was first needed).
    pub objs: Vec<*mut Dso>,
    pub main: *mut Dso,
    pub ldso: *mut Dso,
    pub settings: Settings,
    /// Directory ld-vibix was loaded from (no trailing slash).
    pub ldso_dir: Vec<u8>,
    /// Objects whose initialisers ran, in that order (fini runs it backwards).
    pub init_order: Vec<*mut Dso>,
    pub argc: usize,
    pub argv: usize,
    pub envp: usize,
}

pub struct Global(UnsafeCell<Option<State>>);
// SAFETY: see the module comment: start-up is single-threaded, later access holds LOCK.
unsafe impl Sync for Global {}

pub static STATE: Global = Global(UnsafeCell::new(None));
pub static LOCK: RecLock = RecLock::new();

/// The loader state.
///
/// # Safety
/// Single-threaded start-up, or with [`LOCK`] held; no other live `&mut`.
#[allow(clippy::mut_from_ref)]
pub unsafe fn st() -> &'static mut State {
    // SAFETY: forwarded contract; initialised at the beginning of stage 2.
    unsafe { (*STATE.0.get()).as_mut().unwrap_unchecked() }
}

/// # Safety
/// Called once, at start-up.
pub unsafe fn init(s: State) {
    // SAFETY: nothing else references the state yet.
    unsafe { *STATE.0.get() = Some(s) };
}

/// `&Dso` from the raw pointers the lists hold (objects live until dlclose frees them).
pub fn dso<'a>(p: *mut Dso) -> &'a mut Dso {
    // SAFETY: every pointer in the lists comes from Box::into_raw and is removed before freeing.
    unsafe { &mut *p }
}

impl State {
    /// Objects in the global scope, in load order.
    pub fn global_scope(&self) -> impl Iterator<Item = *mut Dso> + '_ {
        self.objs.iter().copied().filter(|&d| dso(d).flags & F_GLOBAL != 0)
    }
}
