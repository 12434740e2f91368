//! Dependencies created by binding: when a dlopened object's relocation (or a
//! dlsym with RTLD_DEFAULT/RTLD_NEXT from its code) resolves to a symbol in
//! another dlopened object, the first keeps the second loaded, as a DT_NEEDED
//! edge would (glibc does the same). Only objects that dlclose may unload are
//! tracked: start-up and NODELETE objects stay anyway. The edges live in the
//! namespace (`ns.edges`); unloading an object drops its edges.

use crate::loader::F_NODELETE;
use crate::state::{Namespace, Obj};
use alloc::vec::Vec;

/// `from` bound a symbol defined in `to`. Called for every resolved symbol, so
/// the common case (a start-up or NODELETE definition) is one test.
#[inline]
pub fn note(ns: &Namespace, from: Obj, to: Obj) {
    if ns.obj(to).flags & F_NODELETE == 0 && from != to {
        note_slow(ns, from, to);
    }
}

#[cold]
fn note_slow(ns: &Namespace, from: Obj, to: Obj) {
    // A NODELETE user never goes away, so its edges would never matter.
    if ns.obj(from).flags & F_NODELETE != 0 || ns.obj(from).needed.contains(&to) {
        return;
    }
    let mut e = ns.edges.borrow_mut();
    if !e.contains(&(from, to)) {
        e.push((from, to));
    }
}

/// Objects `from` bound symbols into (beyond its DT_NEEDED).
pub fn targets(ns: &Namespace, from: Obj) -> Vec<Obj> {
    ns.edges.borrow().iter().filter(|e| e.0 == from).map(|e| e.1).collect()
}
