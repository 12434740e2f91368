//! Finding a DT_NEEDED library: aliases, already-loaded objects, then the search
//! path: DT_RPATH (only without DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH,
//! ld-vibix's own directory, /lib:/usr/lib. `$ORIGIN` and `$LIB` are expanded.
//! The aliases, expansion and order are vibix-elf's `search`, shared with vibix-readelf.

use crate::diag::{msg, Msg};
use crate::loader::{map, Dso};
use crate::state::{Namespace, Obj};
use alloc::boxed::Box;
use vibix_abi::LDSO_SONAME;
use vibix_elf::plan::Limits;
pub use vibix_elf::search::alias;
use vibix_elf::deps::DepGraph;
use vibix_elf::search::{SearchObj, SearchOrder};

/// Result of a search: an already loaded object, or a newly mapped one.
pub enum Found {
    Loaded(Obj),
    New(Box<Dso>),
}

/// Looks for an already-loaded object called `name` (soname or path).
pub fn find_loaded(st: &Namespace, name: &[u8]) -> Option<Obj> {
    if name == LDSO_SONAME.as_bytes() {
        return Some(st.ldso);
    }
    st.objs().iter().copied().find(|&d| {
        let d = st.obj(d);
        d.soname() == Some(name) || d.path_bytes() == name
    })
}

/// Opens and maps `path`, or finds it already loaded by file identity.
fn try_path(st: &Namespace, path: &[u8]) -> Option<Result<Found, Msg>> {
    let fd = map::open(path).ok()?;
    let fi = map::file_info(&fd);
    let (dev, ino) = (fi.dev, fi.ino);
    if let Some(&d) = st.objs().iter().find(|&&d| st.obj(d).dev == dev && st.obj(d).ino == ino && dev | ino != 0) {
        return Some(Ok(Found::Loaded(d)));
    }
    if !fi.regular {
        return None; // a directory (or device) of that name: keep searching
    }
    Some(map::map_file(&fd, fi, path, &Limits::LIBRARY).map(Found::New))
}

fn obj(d: &Dso) -> SearchObj<'_> {
    SearchObj { path: d.path_bytes(), rpath: d.dy.rpath.and_then(|o| d.dynstr(o)), runpath: d.dy.runpath.and_then(|o| d.dynstr(o)) }
}

/// The search order of a library needed by `req` (None: LD_PRELOAD, dlopen by the program).
fn order<'a>(st: &'a Namespace, req: Option<&'a Dso>) -> SearchOrder<'a> {
    SearchOrder {
        requester: req.map(obj),
        main: obj(st.obj(st.main)),
        library_path: st.settings.library_path,
        ldso_dir: &st.ldso_dir,
    }
}

/// Finds `name` needed by `req` (null for LD_PRELOAD / dlopen by the program).
pub fn search(st: &Namespace, name: &[u8], req: Option<&Dso>) -> Result<Found, Msg> {
    let name = alias(name);
    if let Some(d) = find_loaded(st, name) {
        return Ok(Found::Loaded(d));
    }
    let order = order(st, req);
    // PATH_MAX; on the stack so the search allocates nothing, uninitialised
    // (zeroing it was 512 stores a search).
    let mut buf = [core::mem::MaybeUninit::uninit(); 4096];
    if let Some(res) = order.find(name, crate::start::is_secure(), &mut buf, |path| try_path(st, path)) {
        return res;
    }
    let mut m = msg(&[name, b": cannot open shared object file: No such file or directory"]);
    if let Some(r) = req.filter(|_| !name.contains(&b'/')) {
        m.s(" (needed by ").push(r.path_bytes()).s(")");
    }
    Err(m)
}

/// Every directory a library needed by `req` is looked for in, in search
/// order, with `$ORIGIN`/`$LIB` expanded and trailing slashes dropped; an
/// empty entry (the current directory) is ".". For dlinfo RTLD_DI_SERINFO.
pub fn for_each_dir(st: &Namespace, req: &Dso, mut f: impl FnMut(&[u8])) {
    let mut buf = [core::mem::MaybeUninit::uninit(); 4096];
    // An empty name: every candidate is "dir/" (or nothing for an empty entry).
    order(st, Some(req)).find(b"", crate::start::is_secure(), &mut buf, |mut d| {
        while d.len() > 1 && d.ends_with(b"/") {
            d = &d[..d.len() - 1];
        }
        f(if d.is_empty() { b"." } else { d });
        None::<()>
    });
}

/// The objects of `st` as vibix-elf's dependency walk sees them; new objects
/// join the global scope when `global` (start-up), not for dlopen.
struct Loading<'a> {
    st: &'a mut Namespace,
    global: bool,
}

impl DepGraph for Loading<'_> {
    type Name = &'static [u8];
    type Error = Msg;
    fn len(&self) -> usize {
        self.st.objs().len()
    }
    fn needed(&self, i: usize, k: usize) -> Option<&'static [u8]> {
        self.st.obj(self.st.objs()[i]).needed_names().nth(k)
    }
    fn find(&mut self, name: &[u8], req: Option<usize>) -> Result<Option<usize>, Msg> {
        let f = search(self.st, name, req.map(|i| self.st.obj(self.st.objs()[i])))?;
        let (p, _) = crate::start::adopt(self.st, f, self.global);
        Ok(self.st.objs().iter().position(|&q| q == p))
    }
    fn edge(&mut self, i: usize, j: usize) {
        let (p, q) = (self.st.objs()[i], self.st.objs()[j]);
        self.st.obj_mut(p).needed.push(q);
    }
}

/// Loads `preload`, then the DT_NEEDED closure of `st.objs[from..]` (vibix-elf's walk).
pub fn load_deps(st: &mut Namespace, preload: &[u8], from: usize, global: bool) -> Result<(), Msg> {
    vibix_elf::deps::walk(&mut Loading { st, global }, preload, from)
}
