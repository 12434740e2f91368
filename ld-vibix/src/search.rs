//! Finding a DT_NEEDED library: aliases, already-loaded objects, then the search
//! path: DT_RPATH (only without DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH,
//! ld-vibix's own directory, /lib:/usr/lib. `$ORIGIN` and `$LIB` are expanded.

use crate::diag::{msg, Msg};
use crate::loader::{map, Dso};
use crate::state::{dso, State};
use alloc::boxed::Box;
use vibix_abi::{LDSO_SONAME, SONAME_ALIASES};

/// Result of a search: an already loaded object, or a newly mapped one.
pub enum Found {
    Loaded(*mut Dso),
    New(Box<Dso>),
}

/// `name` after applying glibc soname aliases.
pub fn alias(name: &[u8]) -> &[u8] {
    for (from, to) in SONAME_ALIASES {
        if name == from.as_bytes() {
            return to.as_bytes();
        }
    }
    name
}

fn dirname(p: &[u8]) -> &[u8] {
    match p.iter().rposition(|&c| c == b'/') {
        Some(0) => b"/",
        Some(i) => &p[..i],
        None => b".",
    }
}

/// Looks for an already-loaded object called `name` (soname or path).
pub fn find_loaded(st: &State, name: &[u8]) -> Option<*mut Dso> {
    if name == LDSO_SONAME.as_bytes() {
        return Some(st.ldso);
    }
    st.objs.iter().copied().find(|&d| {
        let d = dso(d);
        d.soname() == Some(name) || d.path_bytes() == name
    })
}

/// Appends `dir` (with $ORIGIN/$LIB expanded for `origin_of`) + "/" + name to buf.
fn build(buf: &mut [u8], dir: &[u8], name: &[u8], origin_of: &[u8], secure: bool) -> Option<usize> {
    let mut n = 0;
    let mut push = |s: &[u8], n: &mut usize| -> Option<()> {
        buf.get_mut(*n..*n + s.len())?.copy_from_slice(s);
        *n += s.len();
        Some(())
    };
    let mut i = 0;
    while i < dir.len() {
        let rest = &dir[i..];
        let var = [(&b"$ORIGIN"[..], 7), (b"${ORIGIN}", 9), (b"$LIB", 4), (b"${LIB}", 6)]
            .into_iter()
            .find(|(v, _)| rest.starts_with(v));
        match var {
            Some((v, len)) => {
                if v.contains(&b'O') {
                    if secure {
                        return None;
                    }
                    push(dirname(origin_of), &mut n)?;
                } else {
                    push(b"lib", &mut n)?;
                }
                i += len;
            }
            None => {
                push(&dir[i..i + 1], &mut n)?;
                i += 1;
            }
        }
    }
    if n > 0 {
        push(b"/", &mut n)?;
    }
    push(name, &mut n)?;
    Some(n)
}

/// Opens and maps `path`, or finds it already loaded by file identity.
fn try_path(st: &State, path: &[u8]) -> Option<Result<Found, Msg>> {
    let fd = map::open(path).ok()?;
    let (dev, ino, _) = map::file_id(&fd);
    if let Some(&d) = st.objs.iter().find(|&&d| dso(d).dev == dev && dso(d).ino == ino && dev | ino != 0) {
        return Some(Ok(Found::Loaded(d)));
    }
    Some(map::map_file(&fd, path).map(Found::New))
}

/// Finds `name` needed by `req` (null for LD_PRELOAD / dlopen by the program).
pub fn search(st: &State, name: &[u8], req: Option<&Dso>) -> Result<Found, Msg> {
    let name = alias(name);
    if let Some(d) = find_loaded(st, name) {
        return Ok(Found::Loaded(d));
    }
    if name.contains(&b'/') {
        return try_path(st, name).unwrap_or_else(|| Err(msg(&[name, b": cannot open shared object file: No such file or directory"])));
    }
    let secure = crate::start::is_secure();
    let main = dso(st.main);
    let mut buf = alloc::vec![0u8; 4096];
    let mut attempt = |dirs: &[u8], origin: &[u8]| -> Option<Result<Found, Msg>> {
        for dir in dirs.split(|&c| c == b':') {
            let n = build(&mut buf, dir, name, origin, secure)?;
            if let Some(r) = try_path(st, &buf[..n]) {
                return Some(r);
            }
        }
        None
    };
    let rpath_of = |d: &Dso| if d.dy.runpath.is_none() { d.dy.rpath.and_then(|o| d.dynstr(o)) } else { None };
    if let Some(r) = req {
        if let Some(p) = rpath_of(r) {
            if let Some(res) = attempt(p, r.path_bytes()) {
                return res;
            }
        }
    }
    if let Some(p) = rpath_of(main) {
        if let Some(res) = attempt(p, main.path_bytes()) {
            return res;
        }
    }
    if !st.settings.library_path.is_empty() {
        if let Some(res) = attempt(st.settings.library_path, main.path_bytes()) {
            return res;
        }
    }
    if let Some(r) = req {
        if let Some(p) = r.dy.runpath.and_then(|o| r.dynstr(o)) {
            if let Some(res) = attempt(p, r.path_bytes()) {
                return res;
            }
        }
    }
    if let Some(res) = attempt(&st.ldso_dir, b"") {
        return res;
    }
    if let Some(res) = attempt(b"/lib:/usr/lib", b"") {
        return res;
    }
    let mut m = msg(&[name, b": cannot open shared object file: No such file or directory"]);
    if let Some(r) = req {
        m.s(" (needed by ").push(r.path_bytes()).s(")");
    }
    Err(m)
}
