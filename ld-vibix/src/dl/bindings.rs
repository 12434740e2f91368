//! Dependencies created by binding: when a dlopened object's relocation (or a
//! dlsym with RTLD_DEFAULT/RTLD_NEXT from its code) resolves to a symbol in
//! another dlopened object, the first keeps the second loaded, as a DT_NEEDED
//! edge would (glibc does the same). Only objects that dlclose may unload are
//! tracked: start-up and NODELETE objects stay anyway.

use crate::loader::{Dso, F_NODELETE};
use crate::state::dso;
use crate::sync::SpinLock;
use alloc::vec::Vec;

struct Edges(Vec<(*mut Dso, *mut Dso)>);
// SAFETY: the pointers are only compared here; objects are dereferenced by
// the callers under the loader lock.
unsafe impl Send for Edges {}

static EDGES: SpinLock<Edges> = SpinLock::new(Edges(Vec::new()));

/// `from` bound a symbol defined in `to`. Called for every resolved symbol, so
/// the common case (a start-up or NODELETE definition) is one test.
#[inline]
pub fn note(from: *mut Dso, to: *mut Dso) {
    if dso(to).flags & F_NODELETE == 0 && from != to {
        note_slow(from, to);
    }
}

#[cold]
fn note_slow(from: *mut Dso, to: *mut Dso) {
    // A NODELETE user never goes away, so its edges would never matter.
    if dso(from).flags & F_NODELETE != 0 || dso(from).needed.contains(&to) {
        return;
    }
    let mut e = EDGES.lock();
    if !e.0.contains(&(from, to)) {
        e.0.push((from, to));
    }
}

/// Objects `from` bound symbols into (beyond its DT_NEEDED).
pub fn targets(from: *mut Dso) -> Vec<*mut Dso> {
    EDGES.lock().0.iter().filter(|e| e.0 == from).map(|e| e.1).collect()
}

/// Unloading `gone`: forget the edges that start or end there.
pub fn forget(gone: &[*mut Dso]) {
    EDGES.lock().0.retain(|e| !gone.contains(&e.0) && !gone.contains(&e.1));
}
