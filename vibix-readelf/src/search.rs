//! Which files ld-vibix would load for a program, in its order: the program,
//! LD_PRELOAD, then DT_NEEDED breadth-first, and ld-vibix itself last unless needed.
//! Each is found as ld-vibix finds it: glibc soname aliases, already-loaded
//! objects, then vibix-elf's `SearchOrder`, walked by vibix-elf's `deps::walk`:
//! the code ld-vibix/src/search.rs uses at start-up and in dlopen.

use crate::dynobj::DynObj;
use std::os::unix::fs::MetadataExt;
use vibix_abi::LDSO_SONAME;
use vibix_elf::deps::{walk, DepGraph};
use vibix_elf::search::{alias_str as alias, dirname, SearchObj, SearchOrder};

/// Where the files came from and in which order they are searched for symbols.
pub struct LoadPlan {
    /// (path as ld-vibix names it, file bytes, how it was asked for).
    pub files: Vec<(String, Vec<u8>, String)>,
    /// Index of ld-vibix in `files`, if it could be read.
    pub ldso: Option<usize>,
    /// Libraries that could not be found (name, needed by).
    pub missing: Vec<(String, String)>,
    pub errors: Vec<String>,
}

pub struct Env {
    pub library_path: Option<String>,
    pub preload: Option<String>,
    /// ld-vibix's path; its directory is a search directory.
    pub ldso_path: String,
}

fn file_id(path: &str) -> Option<(u64, u64)> {
    std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| (m.dev(), m.ino()))
}

struct Loaded {
    path: String,
    data: Vec<u8>,
    id: (u64, u64),
    soname: Option<String>,
    needed: Vec<String>,
    rpath: Option<String>,
    runpath: Option<String>,
}

fn obj(o: &Loaded) -> SearchObj<'_> {
    SearchObj { path: o.path.as_bytes(), rpath: o.rpath.as_deref().map(str::as_bytes), runpath: o.runpath.as_deref().map(str::as_bytes) }
}

fn load(path: &str, how: &str) -> Result<Loaded, String> {
    let data = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let id = file_id(path).unwrap_or((0, 0));
    let o = DynObj::new(path.to_string(), &data).map_err(|e| format!("{e} ({how})"))?;
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let (soname, needed, rpath, runpath) = (o.soname().map(s), o.needed().into_iter().map(s).collect(), o.rpath().map(s), o.runpath().map(s));
    drop(o);
    Ok(Loaded { path: path.into(), data, id, soname, needed, rpath, runpath })
}

/// The walk's state: what is loaded so far (vibix-elf's `deps::walk` drives it).
struct Walk<'e> {
    objs: Vec<Loaded>,
    how: Vec<String>,
    plan: LoadPlan,
    env: &'e Env,
    /// ld-vibix, until it is needed (or appended at the end).
    ldso_slot: Option<Loaded>,
    ldso_in: Option<usize>,
}

impl Walk<'_> {
    /// Finds `name` for requester `req` (None: LD_PRELOAD), as ld-vibix would.
    fn resolve(&mut self, name: &str, req: Option<usize>) -> Option<usize> {
        let name = alias(name);
        if name == LDSO_SONAME {
            if self.ldso_in.is_none() {
                self.objs.push(self.ldso_slot.take()?);
                self.how.push(format!("{name} (ld-vibix)"));
                self.ldso_in = Some(self.objs.len() - 1);
            }
            return self.ldso_in;
        }
        if let Some(i) = self.objs.iter().position(|o| o.soname.as_deref() == Some(name) || o.path == name) {
            return Some(i);
        }
        let order = SearchOrder {
            requester: req.map(|r| obj(&self.objs[r])),
            main: obj(&self.objs[0]),
            library_path: self.env.library_path.as_deref().unwrap_or("").as_bytes(),
            ldso_dir: dirname(self.env.ldso_path.as_bytes()),
        };
        let mut buf = [std::mem::MaybeUninit::uninit(); 4096];
        let found = order.find(name.as_bytes(), false, &mut buf, |p| {
            let p = String::from_utf8_lossy(p).into_owned();
            file_id(&p).map(|id| (p, id))
        });
        let by = req.map_or("LD_PRELOAD".to_string(), |r| self.objs[r].path.clone());
        let Some((c, id)) = found else {
            self.plan.missing.push((name.to_string(), by));
            return None;
        };
        if let Some(i) = self.objs.iter().position(|o| o.id == id && id != (0, 0)) {
            return Some(i);
        }
        match load(&c, &format!("needed by {by}")) {
            Ok(l) => {
                self.objs.push(l);
                self.how.push(format!("{name} (needed by {by})"));
                Some(self.objs.len() - 1)
            }
            Err(e) => {
                self.plan.errors.push(e);
                None
            }
        }
    }
}

impl DepGraph for Walk<'_> {
    type Name = String;
    type Error = std::convert::Infallible;
    fn len(&self) -> usize {
        self.objs.len()
    }
    fn needed(&self, i: usize, k: usize) -> Option<String> {
        self.objs[i].needed.get(k).cloned()
    }
    fn find(&mut self, name: &[u8], req: Option<usize>) -> Result<Option<usize>, Self::Error> {
        Ok(self.resolve(&String::from_utf8_lossy(name), req))
    }
    fn edge(&mut self, _: usize, _: usize) {}
}

pub fn plan(prog: &str, env: &Env) -> LoadPlan {
    let mut w = Walk {
        objs: Vec::new(),
        how: Vec::new(),
        plan: LoadPlan { files: Vec::new(), ldso: None, missing: Vec::new(), errors: Vec::new() },
        env,
        ldso_slot: None,
        ldso_in: None,
    };
    match load(prog, "program") {
        Ok(l) => {
            w.objs.push(l);
            w.how.push("program".into());
        }
        Err(e) => {
            w.plan.errors.push(e);
            return w.plan;
        }
    }
    w.ldso_slot = load(&env.ldso_path, "ld-vibix").map_err(|e| w.plan.errors.push(e)).ok();
    let pre = env.preload.clone().unwrap_or_default();
    let Ok(()) = walk(&mut w, pre.as_bytes(), 0);
    if w.ldso_in.is_none() {
        if let Some(l) = w.ldso_slot.take() {
            w.objs.push(l);
            w.how.push("ld-vibix (appended to the scope)".into());
            w.ldso_in = Some(w.objs.len() - 1);
        }
    }
    let mut plan = w.plan;
    plan.ldso = w.ldso_in;
    plan.files = w.objs.into_iter().zip(w.how).map(|(o, h)| (o.path, o.data, h)).collect();
    plan
}
