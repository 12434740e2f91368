//! dlopen/dlclose: load a library and its missing dependencies, relocate and
//! initialise them, or roll everything back; reference counts plus a sweep
//! over DT_NEEDED edges decide what dlclose really unmaps.

use super::{set_error, RTLD_GLOBAL, RTLD_LAZY, RTLD_NODELETE, RTLD_NOLOAD, RTLD_NOW};
use crate::diag::{msg, Msg, DBG_LIBS};
use crate::loader::{Dso, F_FINI_DONE, F_GLOBAL, F_INIT_STARTED, F_LDSO, F_MAIN, F_NODELETE};
use crate::mem::c_bytes;
use crate::search::{search, Found};
use crate::start::{adopt, check_versions, debug_flags};
use crate::state::{lock, Locked, Namespace, Obj};
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void};

/// Start-up objects stay forever.
pub fn note_initial(s: &mut Namespace) {
    for k in 0..s.objs().len() {
        let p = s.objs()[k];
        s.obj_mut(p).flags |= F_NODELETE;
    }
    s.adds = s.objs().len() as u64;
}

/// `void *dlopen(const char *file, int mode)`; the trampoline passes the caller's
/// return address so RUNPATH/$ORIGIN of the calling object apply.
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlopen(file: *const c_char, mode: c_int) -> *mut c_void {
    core::arch::naked_asm!("mov rdx, [rsp]", "jmp {imp}", imp = sym dlopen_impl)
}

unsafe extern "C" fn dlopen_impl(file: *const c_char, mode: c_int, caller: usize) -> *mut c_void {
    // Held across the constructors too, as glibc (they may call back in).
    let lk = lock();
    let r = {
        match lk.ns_or_err("dlopen") {
            Err(m) => Err(Some(m)),
            Ok(_) if !file.is_null() && mode & (RTLD_LAZY | RTLD_NOW) == 0 => {
                Err(Some(msg(&[b"dlopen: invalid mode (neither RTLD_LAZY nor RTLD_NOW)"])))
            }
            Ok(s) if file.is_null() => Ok((s.main, Vec::new())),
            // SAFETY: the caller passes a C string.
            Ok(mut s) => open(&mut s, unsafe { c_bytes(file as *const u8) }, mode, caller),
        }
    };
    match r {
        Ok((p, order)) => {
            crate::init::run_inits(&order);
            p.as_ptr() as *mut c_void
        }
        Err(Some(m)) => {
            set_error(m);
            core::ptr::null_mut()
        }
        Err(None) => core::ptr::null_mut(),
    }
}

fn mark_group(s: &mut Namespace, p: Obj, mode: c_int) {
    if mode & RTLD_NODELETE != 0 {
        s.obj_mut(p).flags |= F_NODELETE;
    }
    if mode & RTLD_GLOBAL != 0 {
        s.obj_mut(p).flags |= F_GLOBAL;
        for q in s.obj(p).group.clone() {
            s.obj_mut(q).flags |= F_GLOBAL;
        }
    }
}

/// Loads `name` (and what it needs): the object and the initialisers to run.
fn open(s: &mut Namespace, name: &[u8], mode: c_int, caller: usize) -> Result<(Obj, Vec<Obj>), Option<Msg>> {
    let req = s.containing(caller);
    let n0 = s.objs().len();
    let p = match search(s, name, req.map(|r| s.obj(r))).map_err(Some)? {
        Found::Loaded(p) => {
            s.obj_mut(p).refcount += 1;
            mark_group(s, p, mode);
            return Ok((p, Vec::new()));
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
    for k in n0..s.objs().len() {
        let q = s.objs()[k];
        s.obj_mut(q).refcount = 0;
    }
    s.obj_mut(p).refcount = 1;
    mark_group(s, p, mode);
    s.adds += (s.objs().len() - n0) as u64;
    crate::debug::sync(s, crate::debug::RT_ADD);
    Ok((p, crate::init::order(s, &[p])))
}

/// Dependencies, versions, TLS, relocation for the objects at s.objs()[n0..].
fn load_new(s: &mut Namespace, n0: usize, p: Obj) -> Result<(), Msg> {
    crate::search::load_deps(s, b"", n0, false)?;
    // The new object's local scope: itself and its dependencies, breadth-first.
    let mut group = alloc::vec![p];
    let mut j = 0;
    while j < group.len() {
        for &n in s.obj(group[j]).needed.iter() {
            if !group.contains(&n) {
                group.push(n);
            }
        }
        j += 1;
    }
    let new: Vec<Obj> = s.objs()[n0..].to_vec();
    for &q in &new {
        s.obj_mut(q).group = group.clone();
        check_versions(s, s.obj(q))?;
    }
    for &q in &new {
        let d = s.obj(q);
        let want = if d.tls.is_some() { crate::reloc::static_tls_need(d) } else { crate::tls::StaticTls::No };
        crate::tls::add_module(s.obj_mut(q), want)?;
    }
    for &q in new.iter().rev() {
        crate::reloc::relocate(s, q)?;
    }
    for &q in new.iter().rev() {
        crate::reloc::apply_irelative(s.obj(q))?;
    }
    crate::init::check_arrays(s, &new)?;
    for &q in &new {
        crate::tls::publish_static_image(s.obj(q));
        crate::reloc::seal_relro(s.obj(q));
        if debug_flags() & DBG_LIBS != 0 {
            crate::diag::debug_line(&msg(&[b"dlopen: loaded ", s.obj(q).name()]));
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
fn rollback(s: &mut Namespace, n0: usize) {
    let gone: Vec<Obj> = s.objs()[n0..].iter().copied().filter(|&o| s.obj(o).flags & (F_LDSO | F_MAIN) == 0).collect();
    // SAFETY: this dlopen made them and handed no handle out; `gone` is dropped here.
    unsafe {
        s.unload(&gone, |_| {}, |d| {
            crate::tls::remove_module(d);
            unmap(d);
        })
    };
}

/// `int dlclose(void *handle)`
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlclose(handle: *mut c_void) -> c_int {
    let lk = lock();
    {
        let mut s = match lk.ns_or_err("dlclose") {
            Ok(s) => s,
            Err(m) => {
                set_error(m);
                return -1;
            }
        };
        let Some(p) = s.from_handle(handle) else {
            set_error(msg(&[b"dlclose: invalid handle"]));
            return -1;
        };
        let d = s.obj_mut(p);
        d.refcount = d.refcount.saturating_sub(1);
        if d.refcount != 0 || d.flags & F_NODELETE != 0 {
            return 0;
        }
    }
    sweep(&lk);
    0
}

/// Objects no longer reachable from a start-up object, a NODELETE object or
/// an open handle (through DT_NEEDED edges and the dependencies binding
/// created, see bindings.rs).
fn unreachable(s: &Namespace) -> Vec<Obj> {
    let mut live: Vec<Obj> =
        s.objs().iter().copied().filter(|&p| s.obj(p).refcount > 0 || s.obj(p).flags & F_NODELETE != 0).collect();
    let mut i = 0;
    while i < live.len() {
        let p = live[i];
        for n in s.obj(p).needed.iter().copied().chain(super::bindings::targets(s, p)) {
            if !live.contains(&n) {
                live.push(n);
            }
        }
        i += 1;
    }
    s.objs().iter().copied().filter(|p| !live.contains(p)).collect()
}

/// Finalises (reverse initialisation order) and unloads the unreachable
/// objects. The finalizers run without the namespace and may dlopen or
/// dlclose, so reachability is decided again after they ran.
fn sweep(lk: &Locked) {
    loop {
        let fini: Vec<Obj> = {
            let Some(mut s) = lk.ns() else { return };
            let dead = unreachable(&s);
            if dead.is_empty() {
                return;
            }
            let pending = |p: &Obj| dead.contains(p) && s.obj(*p).flags & (F_INIT_STARTED | F_FINI_DONE) == F_INIT_STARTED;
            let fini: Vec<Obj> = s.init_order.iter().rev().copied().filter(pending).collect();
            if fini.is_empty() {
                unload_dead(&mut s, &dead);
                return;
            }
            fini
        };
        for p in fini {
            crate::init::run_fini(p);
        }
    }
}

fn unload_dead(s: &mut Namespace, dead: &[Obj]) {
    s.subs += dead.len() as u64;
    // SAFETY: unreachable: no handle, no dependency, no binding names them;
    // `dead` is dropped by the caller right after.
    unsafe {
        s.unload(
            dead,
            |s| crate::debug::sync(s, crate::debug::RT_DELETE),
            |d| {
                if debug_flags() & DBG_LIBS != 0 {
                    crate::diag::debug_line(&msg(&[b"dlclose: unmapping ", d.name()]));
                }
                crate::tls::remove_module(d);
                unmap(d);
            },
        )
    };
}
