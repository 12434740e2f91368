//! The dependency walk, written once: the LD_PRELOAD names, then the
//! DT_NEEDED names of every object breadth-first, in load order. ld-vibix walks
//! with it at start-up and in dlopen, vibix-readelf `--bindings` to predict
//! what ld-vibix loads; each brings its own way of finding and loading a name
//! ([`DepGraph`]). No allocation.

use crate::search::preload_names;

/// The objects loaded so far, by index in load order, and how to add one.
pub trait DepGraph {
    /// A DT_NEEDED name, detached from the graph so [`DepGraph::find`] may change it.
    type Name: AsRef<[u8]>;
    type Error;
    /// Objects loaded so far (the walk also visits the ones it adds).
    fn len(&self) -> usize;
    /// The `k`-th DT_NEEDED name of object `i`.
    fn needed(&self, i: usize, k: usize) -> Option<Self::Name>;
    /// Finds `name` for object `requester` (`None`: LD_PRELOAD), loading it if
    /// it is new: its index, or `None` to go on without it.
    fn find(&mut self, name: &[u8], requester: Option<usize>) -> Result<Option<usize>, Self::Error>;
    /// Object `i` needs object `j` (called in DT_NEEDED order).
    fn edge(&mut self, i: usize, j: usize);
}

/// Loads `preload` (a colon- or space-separated list), then the DT_NEEDED
/// closure of objects `from..`, breadth-first. Stops at the first error.
pub fn walk<G: DepGraph>(g: &mut G, preload: &[u8], from: usize) -> Result<(), G::Error> {
    for name in preload_names(preload) {
        g.find(name, None)?;
    }
    let mut i = from;
    // Bounded: every step visits an object; objects are added only for new files.
    while i < g.len() {
        let mut k = 0;
        while let Some(name) = g.needed(i, k) {
            if let Some(j) = g.find(name.as_ref(), Some(i))? {
                g.edge(i, j);
            }
            k += 1;
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Objects named by one letter; `deps[x]` are x's DT_NEEDED names.
    struct Toy {
        deps: &'static [(&'static str, &'static str)],
        loaded: [u8; 8],
        n: usize,
        edges: [(u8, u8); 16],
        ne: usize,
    }

    impl DepGraph for Toy {
        type Name = [u8; 1];
        type Error = u8;
        fn len(&self) -> usize {
            self.n
        }
        fn needed(&self, i: usize, k: usize) -> Option<[u8; 1]> {
            let me = self.loaded[i];
            self.deps.iter().find(|d| d.0.as_bytes()[0] == me)?.1.as_bytes().get(k).map(|&c| [c])
        }
        fn find(&mut self, name: &[u8], _: Option<usize>) -> Result<Option<usize>, u8> {
            if name[0] == b'!' {
                return Err(b'!');
            }
            if name[0] == b'?' {
                return Ok(None);
            }
            if let Some(i) = self.loaded[..self.n].iter().position(|&c| c == name[0]) {
                return Ok(Some(i));
            }
            self.loaded[self.n] = name[0];
            self.n += 1;
            Ok(Some(self.n - 1))
        }
        fn edge(&mut self, i: usize, j: usize) {
            self.edges[self.ne] = (self.loaded[i], self.loaded[j]);
            self.ne += 1;
        }
    }

    fn toy(deps: &'static [(&'static str, &'static str)]) -> Toy {
        Toy { deps, loaded: [b'p', 0, 0, 0, 0, 0, 0, 0], n: 1, edges: [(0, 0); 16], ne: 0 }
    }

    #[test]
    fn breadth_first_with_preloads_and_shared_deps() {
        let mut t = toy(&[("p", "ab"), ("a", "c?"), ("b", "ca"), ("c", "p")]);
        walk(&mut t, b"z", 0).unwrap();
        assert_eq!(&t.loaded[..t.n], b"pzabc");
        let e: [(u8, u8); 6] = [(b'p', b'a'), (b'p', b'b'), (b'a', b'c'), (b'b', b'c'), (b'b', b'a'), (b'c', b'p')];
        assert_eq!(&t.edges[..t.ne], &e);
        let mut t = toy(&[("p", "a!b")]);
        assert_eq!(walk(&mut t, b"", 0), Err(b'!'));
        assert_eq!(&t.loaded[..t.n], b"pa");
    }
}
