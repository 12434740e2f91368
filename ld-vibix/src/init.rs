//! Initialisers in dependency order (dependencies first; a cycle is broken at
//! the edge that closes it, so the order is deterministic), finalizers in reverse.

use crate::loader::{Dso, F_FINI_DONE, F_INIT_DONE, F_INIT_STARTED, F_MAIN};
use crate::state::{dso, st};
use alloc::vec::Vec;

type InitFn = extern "C" fn(i32, *const *const u8, *const *const u8);
type FiniFn = extern "C" fn();

/// Post-order over DT_NEEDED edges from `roots`: objects not yet initialised.
pub fn order(roots: &[*mut Dso]) -> Vec<*mut Dso> {
    let mut out = Vec::new();
    let mut seen: Vec<*mut Dso> = Vec::new();
    for &r in roots {
        visit(r, &mut seen, &mut out);
    }
    out
}

fn visit(p: *mut Dso, seen: &mut Vec<*mut Dso>, out: &mut Vec<*mut Dso>) {
    if seen.contains(&p) || dso(p).flags & F_INIT_STARTED != 0 {
        return;
    }
    seen.push(p);
    let needed = dso(p).needed.clone();
    for n in needed {
        visit(n, seen, out);
    }
    out.push(p);
}

/// Is `f` in an executable segment of a loaded object?
fn is_code(f: usize) -> bool {
    // SAFETY: start-up or under the loader lock.
    unsafe { st() }.objs.iter().any(|&o| dso(o).img.executable(f))
}

/// The function pointers of one init/fini array (checked to lie in the image),
/// each checked again when called: an earlier constructor may have written it.
fn array_fns<'a>(d: &'a Dso, addr: usize, size: usize, what: &[u8]) -> impl DoubleEndedIterator<Item = usize> + 'a {
    let v = d.img.slice::<u64>(addr, size / 8).unwrap_or(&[]);
    let what = Vec::from(what);
    v.iter().map(|&f| f as usize).filter(|&f| f != 0 && f != usize::MAX).filter(move |&f| {
        let ok = is_code(f);
        if !ok {
            let mut m = crate::diag::msg(&[d.name(), b": bad ", &what, b" entry "]);
            m.hex(f).s(" (not in an executable segment): not called");
            crate::diag::warn(&m);
        }
        ok
    })
}

fn call_array(d: &Dso, addr: usize, size: usize, what: &[u8], argc: usize, argv: usize, envp: usize) {
    for f in array_fns(d, addr, size, what) {
        // SAFETY: an init function (in an executable segment) with the (argc, argv, envp) convention.
        let f: InitFn = unsafe { core::mem::transmute(f) };
        f(argc as i32, argv as _, envp as _);
    }
}

/// Every relocated DT_PREINIT_ARRAY/DT_INIT_ARRAY/DT_FINI_ARRAY entry of the
/// objects in `list` (0 and -1 are skipped) must point into an executable
/// segment of a loaded object: checked after relocation, before any runs.
pub fn check_arrays(list: &[*mut Dso]) -> Result<(), crate::diag::Msg> {
    let code = |f: usize| f == 0 || f == usize::MAX || is_code(f);
    for &p in list {
        let d = dso(p);
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
pub fn run_inits(list: &[*mut Dso]) {
    // SAFETY: start-up or under the loader lock.
    let (argc, argv, envp) = unsafe { (st().argc, st().argv, st().envp) };
    for &p in list {
        let d = dso(p);
        if d.flags & F_INIT_STARTED != 0 {
            continue;
        }
        d.flags |= F_INIT_STARTED;
        // SAFETY: as above.
        unsafe { st().init_order.push(p) };
        if d.flags & F_MAIN == 0 {
            if d.dy.init != 0 {
                // SAFETY: DT_INIT is a function in this object.
                let f: InitFn = unsafe { core::mem::transmute(d.dy.init) };
                f(argc as i32, argv as _, envp as _);
            }
            call_array(d, d.dy.init_array, d.dy.init_arraysz, b"DT_INIT_ARRAY", argc, argv, envp);
        }
        dso(p).flags |= F_INIT_DONE;
    }
}

/// The program's DT_PREINIT_ARRAY.
pub fn run_preinit(main: &Dso) {
    // SAFETY: start-up.
    let (argc, argv, envp) = unsafe { (st().argc, st().argv, st().envp) };
    call_array(main, main.dy.preinit_array, main.dy.preinit_arraysz, b"DT_PREINIT_ARRAY", argc, argv, envp);
}

/// Runs one object's DT_FINI_ARRAY (backwards) and DT_FINI, once.
pub fn run_fini(p: *mut Dso) {
    let d = dso(p);
    if d.flags & F_FINI_DONE != 0 || d.flags & F_INIT_STARTED == 0 {
        return;
    }
    d.flags |= F_FINI_DONE;
    let fns: Vec<usize> = array_fns(d, d.dy.fini_array, d.dy.fini_arraysz, b"DT_FINI_ARRAY").collect();
    for &f in fns.iter().rev() {
        // SAFETY: a finalizer in an executable segment.
        let f: FiniFn = unsafe { core::mem::transmute(f) };
        f();
    }
    if d.dy.fini != 0 {
        // SAFETY: DT_FINI is a function in this object.
        let f: FiniFn = unsafe { core::mem::transmute(d.dy.fini) };
        f();
    }
}

/// Passed to the program in %rdx (libc registers it with atexit): the program's
/// finalizers first, then every object in reverse initialisation order.
pub extern "C" fn fini_all() {
    let _g = crate::state::LOCK.lock();
    // SAFETY: lock held.
    let s = unsafe { st() };
    let main = s.main;
    if dso(main).flags & F_INIT_STARTED == 0 {
        dso(main).flags |= F_INIT_STARTED;
    }
    run_fini(main);
    let mut i = s.init_order.len();
    while i > 0 {
        i -= 1;
        // SAFETY: lock held; the list may shrink if a finalizer dlcloses.
        let p = match unsafe { st() }.init_order.get(i) {
            Some(&p) => p,
            None => continue,
        };
        run_fini(p);
    }
}
