//! The debugger interface: `_r_debug` (found by gdb through DT_DEBUG or the
//! symbol) lists loaded objects through their `link_map`; gdb breaks on
//! `_dl_debug_state`, which we call around every change of the list.

use crate::loader::LinkMap;
use crate::state::Namespace;
use core::cell::UnsafeCell;

#[repr(C)]
pub struct RDebug {
    pub r_version: i32,
    pub r_map: *mut LinkMap,
    pub r_brk: usize,
    pub r_state: i32,
    pub r_ldbase: usize,
}
static_assertions::const_assert_eq!(core::mem::size_of::<RDebug>(), 40);

pub const RT_CONSISTENT: i32 = 0;
pub const RT_ADD: i32 = 1;
pub const RT_DELETE: i32 = 2;

#[repr(transparent)]
pub struct RDebugCell(UnsafeCell<RDebug>);
// SAFETY: mutated only under the loader lock; debuggers read it while stopped.
unsafe impl Sync for RDebugCell {}

#[unsafe(no_mangle)]
pub static _r_debug: RDebugCell = RDebugCell(UnsafeCell::new(RDebug {
    r_version: 1,
    r_map: core::ptr::null_mut(),
    r_brk: 0,
    r_state: RT_CONSISTENT,
    r_ldbase: 0,
}));

/// gdb sets a breakpoint here (r_brk).
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn _dl_debug_state() {
    // Keep the function (and its address) distinct.
    // SAFETY: an empty asm statement.
    unsafe { core::arch::asm!("", options(nomem, nostack, preserves_flags)) };
}

pub fn rdebug() -> *mut RDebug {
    _r_debug.0.get()
}

/// Rebuilds the link_map chain from the object list and notifies the debugger.
pub fn sync(ns: &mut Namespace, state: i32) {
    let r = rdebug();
    // SAFETY: `&mut Namespace` means start-up or the loader lock held, which
    // serialise every writer of _r_debug; the link_map nodes are the objects'.
    unsafe {
        (*r).r_state = state;
        _dl_debug_state();
        let mut prev: *mut LinkMap = core::ptr::null_mut();
        (*r).r_map = core::ptr::null_mut();
        for k in 0..ns.objs().len() {
            let p = ns.objs()[k];
            let lm = &mut ns.obj_mut(p).lm as *mut LinkMap;
            (*lm).l_prev = prev;
            (*lm).l_next = core::ptr::null_mut();
            if prev.is_null() {
                (*r).r_map = lm;
            } else {
                (*prev).l_next = lm;
            }
            prev = lm;
        }
        (*r).r_brk = _dl_debug_state as *const () as usize;
        (*r).r_state = RT_CONSISTENT;
        _dl_debug_state();
    }
}
