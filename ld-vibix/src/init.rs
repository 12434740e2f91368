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

fn call_array(addr: usize, size: usize, argc: usize, argv: usize, envp: usize) {
    for i in 0..size / 8 {
        // SAFETY: the array holds function pointers (relocated); -1/0 entries are skipped.
        let f = unsafe { *((addr + i * 8) as *const usize) };
        if f != 0 && f != usize::MAX {
            // SAFETY: an init function with the (argc, argv, envp) convention.
            let f: InitFn = unsafe { core::mem::transmute(f) };
            f(argc as i32, argv as _, envp as _);
        }
    }
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
            call_array(d.dy.init_array, d.dy.init_arraysz, argc, argv, envp);
        }
        dso(p).flags |= F_INIT_DONE;
    }
}

/// The program's DT_PREINIT_ARRAY.
pub fn run_preinit(main: &Dso) {
    // SAFETY: start-up.
    let (argc, argv, envp) = unsafe { (st().argc, st().argv, st().envp) };
    call_array(main.dy.preinit_array, main.dy.preinit_arraysz, argc, argv, envp);
}

/// Runs one object's DT_FINI_ARRAY (backwards) and DT_FINI, once.
pub fn run_fini(p: *mut Dso) {
    let d = dso(p);
    if d.flags & F_FINI_DONE != 0 || d.flags & F_INIT_STARTED == 0 {
        return;
    }
    d.flags |= F_FINI_DONE;
    let (a, n) = (d.dy.fini_array, d.dy.fini_arraysz / 8);
    for i in (0..n).rev() {
        // SAFETY: relocated array of function pointers.
        let f = unsafe { *((a + i * 8) as *const usize) };
        if f != 0 && f != usize::MAX {
            // SAFETY: a finalizer.
            let f: FiniFn = unsafe { core::mem::transmute(f) };
            f();
        }
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
