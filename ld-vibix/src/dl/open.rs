//! dlopen/dlclose: load a library and its missing dependencies, relocate and
//! initialise them, or roll everything back; reference counts plus a sweep
//! over DT_NEEDED edges decide what dlclose really unmaps.

use super::{obj_containing, set_error, valid_handle, RTLD_GLOBAL, RTLD_LAZY, RTLD_NODELETE, RTLD_NOLOAD, RTLD_NOW};
use crate::diag::{msg, Msg, DBG_LIBS};
use crate::loader::{Dso, F_GLOBAL, F_INIT_STARTED, F_LDSO, F_MAIN, F_NODELETE};
use crate::mem::c_bytes;
use crate::search::{search, Found};
use crate::start::{adopt, check_versions, debug_flags};
use crate::state::{dso, st, State, LOCK};
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void};
use core::sync::atomic::{AtomicU64, Ordering};

static ADDS: AtomicU64 = AtomicU64::new(0);
static SUBS: AtomicU64 = AtomicU64::new(0);

/// (objects ever loaded, objects unloaded) for dl_iterate_phdr.
pub fn counters() -> (u64, u64) {
    (ADDS.load(Ordering::Relaxed), SUBS.load(Ordering::Relaxed))
}

/// Start-up objects stay forever.
pub fn note_initial(s: &State) {
    for &p in &s.objs {
        dso(p).flags |= F_NODELETE;
    }
    ADDS.store(s.objs.len() as u64, Ordering::Relaxed);
}

/// `void *dlopen(const char *file, int mode)`; the trampoline passes the caller's
/// return address so RUNPATH/$ORIGIN of the calling object apply.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlopen(file: *const c_char, mode: c_int) -> *mut c_void {
    core::arch::naked_asm!("mov rdx, [rsp]", "jmp {imp}", imp = sym dlopen_impl)
}

unsafe extern "C" fn dlopen_impl(file: *const c_char, mode: c_int, caller: usize) -> *mut c_void {
    let _g = LOCK.lock();
    // SAFETY: lock held.
    let s = unsafe { st() };
    if file.is_null() {
        return s.main as *mut c_void;
    }
    if mode & (RTLD_LAZY | RTLD_NOW) == 0 {
        set_error(msg(&[b"dlopen: invalid mode (neither RTLD_LAZY nor RTLD_NOW)"]));
        return core::ptr::null_mut();
    }
    // SAFETY: the caller passes a C string.
    let name = unsafe { c_bytes(file as *const u8) };
    match open(s, name, mode, caller) {
        Ok(p) => p as *mut c_void,
        Err(Some(m)) => {
            set_error(m);
            core::ptr::null_mut()
        }
        Err(None) => core::ptr::null_mut(),
    }
}

fn mark_group(p: *mut Dso, mode: c_int) {
    let d = dso(p);
    if mode & RTLD_NODELETE != 0 {
        d.flags |= F_NODELETE;
    }
    if mode & RTLD_GLOBAL != 0 {
        d.flags |= F_GLOBAL;
        for &q in d.group.clone().iter() {
            dso(q).flags |= F_GLOBAL;
        }
    }
}

fn open(s: &mut State, name: &[u8], mode: c_int, caller: usize) -> Result<*mut Dso, Option<Msg>> {
    let req = obj_containing(s, caller).map(dso).map(|d| &*d);
    let n0 = s.objs.len();
    let p = match search(s, name, req).map_err(Some)? {
        Found::Loaded(p) => {
            dso(p).refcount += 1;
            mark_group(p, mode);
            return Ok(p);
        }
        Found::New(b) => {
            if mode & RTLD_NOLOAD != 0 {
                unmap(&b);
                return Err(None);
            }
            adopt(s, Found::New(b), false).0
        }
    };
    if let Err(e) = load_new(s, n0, p) {
        rollback(s, n0);
        return Err(Some(e));
    }
    for &q in &s.objs[n0..] {
        dso(q).refcount = 0;
    }
    dso(p).refcount = 1;
    mark_group(p, mode);
    ADDS.fetch_add((s.objs.len() - n0) as u64, Ordering::Relaxed);
    crate::debug::sync(&s.objs, crate::debug::RT_ADD);
    let order = crate::init::order(&[p]);
    crate::init::run_inits(&order);
    Ok(p)
}

/// Dependencies, versions, TLS, relocation for the objects at s.objs[n0..].
fn load_new(s: &mut State, n0: usize, p: *mut Dso) -> Result<(), Msg> {
    crate::search::load_deps(s, b"", n0, false)?;
    // The new object's local scope: itself and its dependencies, breadth-first.
    let mut group = alloc::vec![p];
    let mut j = 0;
    while j < group.len() {
        for &n in dso(group[j]).needed.iter() {
            if !group.contains(&n) {
                group.push(n);
            }
        }
        j += 1;
    }
    let new: Vec<*mut Dso> = s.objs[n0..].to_vec();
    for &q in &new {
        dso(q).group = group.clone();
        check_versions(s, dso(q))?;
    }
    for &q in &new {
        let d = dso(q);
        let want = if d.tls.is_some() { crate::reloc::static_tls_need(d) } else { crate::tls::StaticTls::No };
        crate::tls::add_module(d, want)?;
    }
    for &q in new.iter().rev() {
        crate::reloc::relocate(q)?;
    }
    for &q in new.iter().rev() {
        crate::reloc::apply_irelative(q)?;
    }
    crate::init::check_arrays(&new)?;
    for &q in &new {
        crate::tls::publish_static_image(dso(q));
        crate::reloc::seal_relro(dso(q));
        if debug_flags() & DBG_LIBS != 0 {
            crate::diag::debug_line(&msg(&[b"dlopen: loaded ", dso(q).name()]));
        }
    }
    Ok(())
}

fn unmap(d: &Dso) {
    if d.map_len != 0 {
        // SAFETY: the object's own mapping; nothing refers to it any more.
        let _ = unsafe { rustix::mm::munmap(d.map_start as *mut c_void, d.map_len) };
    }
}

/// Removes and unmaps every object loaded since `n0` (a failed dlopen).
fn rollback(s: &mut State, n0: usize) {
    super::bindings::forget(&s.objs[n0..]);
    for p in s.objs.split_off(n0) {
        let d = dso(p);
        if d.flags & (F_LDSO | F_MAIN) != 0 {
            s.objs.push(p);
            continue;
        }
        crate::tls::remove_module(d);
        unmap(d);
        // SAFETY: created by Box::into_raw in adopt(); no longer listed anywhere.
        drop(unsafe { Box::from_raw(p) });
    }
}

/// `int dlclose(void *handle)`
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlclose(handle: *mut c_void) -> c_int {
    let _g = LOCK.lock();
    // SAFETY: lock held.
    let s = unsafe { st() };
    let p = handle as *mut Dso;
    if !valid_handle(s, p) {
        set_error(msg(&[b"dlclose: invalid handle"]));
        return -1;
    }
    let d = dso(p);
    d.refcount = d.refcount.saturating_sub(1);
    if d.refcount == 0 && d.flags & F_NODELETE == 0 {
        sweep(s);
    }
    0
}

/// Unloads every object no longer reachable from a start-up object, a
/// NODELETE object or an open handle (through DT_NEEDED edges and the
/// dependencies binding created, see bindings.rs).
fn sweep(s: &mut State) {
    let mut live: Vec<*mut Dso> =
        s.objs.iter().copied().filter(|&p| dso(p).refcount > 0 || dso(p).flags & F_NODELETE != 0).collect();
    let mut i = 0;
    while i < live.len() {
        let p = live[i];
        for n in dso(p).needed.iter().copied().chain(super::bindings::targets(p)) {
            if !live.contains(&n) {
                live.push(n);
            }
        }
        i += 1;
    }
    let dead: Vec<*mut Dso> = s.objs.iter().copied().filter(|p| !live.contains(p)).collect();
    if dead.is_empty() {
        return;
    }
    // Finalizers in reverse initialisation order.
    for &p in s.init_order.clone().iter().rev() {
        if dead.contains(&p) && dso(p).flags & F_INIT_STARTED != 0 {
            crate::init::run_fini(p);
        }
    }
    s.objs.retain(|p| !dead.contains(p));
    s.init_order.retain(|p| !dead.contains(p));
    super::bindings::forget(&dead);
    crate::debug::sync(&s.objs, crate::debug::RT_DELETE);
    for &p in &dead {
        let d = dso(p);
        if debug_flags() & DBG_LIBS != 0 {
            crate::diag::debug_line(&msg(&[b"dlclose: unmapping ", d.name()]));
        }
        crate::tls::remove_module(d);
        unmap(d);
        // SAFETY: no list refers to it any more.
        drop(unsafe { Box::from_raw(p) });
    }
    SUBS.fetch_add(dead.len() as u64, Ordering::Relaxed);
}
