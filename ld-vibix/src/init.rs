//! Initialisers in dependency order (dependencies first; a cycle is broken at
//! the edge that closes it, so the order is deterministic), finalizers in reverse.
//! The program's functions run with the namespace given back (state.rs): each
//! step takes the loader lock and the namespace to pick the next function,
//! then calls it without them, so it may call dlopen & co.

use crate::loader::{F_FINI_DONE, F_INIT_DONE, F_INIT_STARTED, F_MAIN};
use crate::state::{lock, Namespace, Obj};
use alloc::vec::Vec;

type InitFn = extern "C" fn(i32, *const *const u8, *const *const u8);
type FiniFn = extern "C" fn();

/// Post-order over DT_NEEDED edges from `roots`: objects not yet initialised.
pub fn order(ns: &Namespace, roots: &[Obj]) -> Vec<Obj> {
    let mut out = Vec::new();
    let mut seen: Vec<Obj> = Vec::new();
    for &r in roots {
        visit(ns, r, &mut seen, &mut out);
    }
    out
}

fn visit(ns: &Namespace, p: Obj, seen: &mut Vec<Obj>, out: &mut Vec<Obj>) {
    if seen.contains(&p) || ns.obj(p).flags & F_INIT_STARTED != 0 {
        return;
    }
    seen.push(p);
    for &n in ns.obj(p).needed.iter() {
        visit(ns, n, seen, out);
    }
    out.push(p);
}

/// Is `f` in an executable segment of a loaded object?
fn is_code(ns: &Namespace, f: usize) -> bool {
    ns.objs().iter().any(|&o| ns.obj(o).img.executable(f))
}

/// Which array of an object a step reads.
#[derive(Clone, Copy)]
enum Array {
    Preinit,
    Init,
    Fini,
}

/// Entry `k` of `p`'s array (0 and -1 skipped: `Some(0)`), read and checked
/// when it is about to run: an earlier constructor may have written it.
/// `None` past the end, or when `p` was unloaded meanwhile.
fn array_entry(p: Obj, which: Array, k: usize) -> Option<usize> {
    let lk = lock();
    let ns = lk.ns()?;
    if !ns.contains(p) {
        return None;
    }
    let d = ns.obj(p);
    let (addr, size, what) = match which {
        Array::Preinit => (d.dy.preinit_array, d.dy.preinit_arraysz, &b"DT_PREINIT_ARRAY"[..]),
        Array::Init => (d.dy.init_array, d.dy.init_arraysz, &b"DT_INIT_ARRAY"[..]),
        Array::Fini => (d.dy.fini_array, d.dy.fini_arraysz, &b"DT_FINI_ARRAY"[..]),
    };
    let f = *d.img.slice::<u64>(addr, size / 8).unwrap_or(&[]).get(k)? as usize;
    if f == 0 || f == usize::MAX {
        return Some(0);
    }
    if !is_code(&ns, f) {
        let mut m = crate::diag::msg(&[d.name(), b": bad ", what, b" entry "]);
        m.hex(f).s(" (not in an executable segment): not called");
        crate::diag::warn(&m);
        return Some(0);
    }
    Some(f)
}

/// Number of entries of `p`'s array.
fn array_len(ns: &Namespace, p: Obj, which: Array) -> usize {
    let y = &ns.obj(p).dy;
    match which {
        Array::Preinit => y.preinit_arraysz / 8,
        Array::Init => y.init_arraysz / 8,
        Array::Fini => y.fini_arraysz / 8,
    }
}

/// Runs `p`'s init or preinit array forwards.
fn call_array(p: Obj, which: Array, n: usize, args: (usize, usize, usize)) {
    for k in 0..n {
        match array_entry(p, which, k) {
            None => return,
            Some(0) => {}
            Some(f) => {
                // SAFETY: an init function (in an executable segment) with the (argc, argv, envp) convention.
                let g: InitFn = unsafe { core::mem::transmute(f) };
                crate::diag::call_out(f, || g(args.0 as i32, args.1 as _, args.2 as _));
            }
        }
    }
}

/// Every relocated DT_PREINIT_ARRAY/DT_INIT_ARRAY/DT_FINI_ARRAY entry of the
/// objects in `list` (0 and -1 are skipped) must point into an executable
/// segment of a loaded object: checked after relocation, before any runs.
pub fn check_arrays(ns: &Namespace, list: &[Obj]) -> Result<(), crate::diag::Msg> {
    let code = |f: usize| f == 0 || f == usize::MAX || is_code(ns, f);
    for &p in list {
        let d = ns.obj(p);
        let y = &d.dy;
        for (a, n, what) in [
            (y.preinit_array, y.preinit_arraysz, &b"DT_PREINIT_ARRAY"[..]),
            (y.init_array, y.init_arraysz, b"DT_INIT_ARRAY"),
            (y.fini_array, y.fini_arraysz, b"DT_FINI_ARRAY"),
        ] {
            // decode_dynamic checked the array lies in a mapped segment.
            let Some(v) = d.img.slice::<u64>(a, n / 8) else { continue };
            if let Some(&f) = v.iter().find(|&&f| !code(f as usize)) {
                let mut m = crate::diag::msg(&[d.name(), b": bad ", what, b" entry "]);
                m.hex(f as usize).s(" (not in an executable segment)");
                return Err(m);
            }
        }
    }
    Ok(())
}

/// Runs DT_INIT + DT_INIT_ARRAY of each object in `list` (skipping the program,
/// whose initialisers libc runs), recording them for fini.
pub fn run_inits(list: &[Obj]) {
    for &p in list {
        // Under the lock: claim the object, record it, read what to call.
        let (init, n, args) = {
            let lk = lock();
            let Some(mut ns) = lk.ns() else { return };
            if !ns.contains(p) || ns.obj(p).flags & F_INIT_STARTED != 0 {
                continue;
            }
            ns.obj_mut(p).flags |= F_INIT_STARTED;
            ns.init_order.push(p);
            let d = ns.obj(p);
            if d.flags & F_MAIN != 0 {
                (0, 0, (0, 0, 0))
            } else {
                (d.dy.init, array_len(&ns, p, Array::Init), (ns.argc, ns.argv, ns.envp))
            }
        };
        if init != 0 {
            // SAFETY: DT_INIT is a function in this object (checked by decode_dynamic).
            let f: InitFn = unsafe { core::mem::transmute(init) };
            crate::diag::call_out(init, || f(args.0 as i32, args.1 as _, args.2 as _));
        }
        call_array(p, Array::Init, n, args);
        let lk = lock();
        let Some(mut ns) = lk.ns() else { return };
        if ns.contains(p) {
            ns.obj_mut(p).flags |= F_INIT_DONE;
        }
    }
}

/// The program's DT_PREINIT_ARRAY.
pub fn run_preinit(main: Obj) {
    let (n, args) = {
        let lk = lock();
        let Some(ns) = lk.ns() else { return };
        (array_len(&ns, main, Array::Preinit), (ns.argc, ns.argv, ns.envp))
    };
    call_array(main, Array::Preinit, n, args);
}

/// Runs one object's DT_FINI_ARRAY (backwards) and DT_FINI, once; nothing
/// if `p` is no longer loaded.
pub fn run_fini(p: Obj) {
    let (n, fini) = {
        let lk = lock();
        let Some(mut ns) = lk.ns() else { return };
        if !ns.contains(p) {
            return;
        }
        let d = ns.obj_mut(p);
        if d.flags & F_FINI_DONE != 0 || d.flags & F_INIT_STARTED == 0 {
            return;
        }
        d.flags |= F_FINI_DONE;
        let fini = d.dy.fini;
        (array_len(&ns, p, Array::Fini), fini)
    };
    for k in (0..n).rev() {
        match array_entry(p, Array::Fini, k) {
            None => return,
            Some(0) => {}
            Some(f) => {
                // SAFETY: a finalizer in an executable segment.
                let g: FiniFn = unsafe { core::mem::transmute(f) };
                crate::diag::call_out(f, || g());
            }
        }
    }
    if fini != 0 {
        // SAFETY: DT_FINI is a function in this object.
        let f: FiniFn = unsafe { core::mem::transmute(fini) };
        crate::diag::call_out(fini, || f());
    }
}

/// Passed to the program in %rdx (libc registers it with atexit): the program's
/// finalizers first, then every object in reverse initialisation order.
pub extern "C" fn fini_all() {
    // Held throughout, as glibc's _dl_fini: no dlopen of another thread mixes in.
    let lk = lock();
    let main = {
        let Some(mut ns) = lk.ns() else { return };
        let main = ns.main;
        ns.obj_mut(main).flags |= F_INIT_STARTED;
        main
    };
    run_fini(main);
    let mut i = match lk.ns() {
        Some(ns) => ns.init_order.len(),
        None => return,
    };
    while i > 0 {
        i -= 1;
        // The list may shrink if a finalizer dlcloses.
        let p = match lk.ns().and_then(|ns| ns.init_order.get(i).copied()) {
            Some(p) => p,
            None => continue,
        };
        run_fini(p);
    }
}
