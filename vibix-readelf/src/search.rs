//! Which files ld-vibix would load for a program, in its order: the program,
//! LD_PRELOAD, then DT_NEEDED breadth-first, and ld-vibix itself last unless needed.
//! Each is found as ld-vibix finds it: glibc soname aliases, already-loaded
//! objects, then vibix-elf's `SearchOrder` (the code ld-vibix/src/search.rs uses).
//! The scope walk mirrors ld-vibix/src/start.rs `load_initial`; keep them in step.

use crate::dynobj::DynObj;
use std::os::unix::fs::MetadataExt;
use vibix_abi::LDSO_SONAME;
use vibix_elf::search::{alias_str as alias, dirname, preload_names, SearchObj, SearchOrder};

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

pub fn plan(prog: &str, env: &Env) -> LoadPlan {
    let mut objs: Vec<Loaded> = Vec::new();
    let mut how: Vec<String> = Vec::new();
    let mut plan = LoadPlan { files: Vec::new(), ldso: None, missing: Vec::new(), errors: Vec::new() };
    match load(prog, "program") {
        Ok(l) => {
            objs.push(l);
            how.push("program".into());
        }
        Err(e) => {
            plan.errors.push(e);
            return plan;
        }
    }
    let ldso = load(&env.ldso_path, "ld-vibix").map_err(|e| plan.errors.push(e)).ok();
    let mut ldso_in: Option<usize> = None;
    let mut ldso_slot = ldso;
    // Finds `name` for requester `req` (None: LD_PRELOAD); returns an index into objs.
    let mut resolve = |objs: &mut Vec<Loaded>, how: &mut Vec<String>, name: &str, req: Option<usize>, plan: &mut LoadPlan| -> Option<usize> {
        let name = alias(name);
        if name == LDSO_SONAME {
            if let Some(i) = ldso_in {
                return Some(i);
            }
            let l = ldso_slot.take()?;
            objs.push(l);
            how.push(format!("{name} (ld-vibix)"));
            ldso_in = Some(objs.len() - 1);
            return ldso_in;
        }
        if let Some(i) = objs.iter().position(|o| o.soname.as_deref() == Some(name) || o.path == name) {
            return Some(i);
        }
        let order = SearchOrder {
            requester: req.map(|r| obj(&objs[r])),
            main: obj(&objs[0]),
            library_path: env.library_path.as_deref().unwrap_or("").as_bytes(),
            ldso_dir: dirname(env.ldso_path.as_bytes()),
        };
        let mut buf = [0u8; 4096];
        let found = order.find(name.as_bytes(), false, &mut buf, |p| {
            let p = String::from_utf8_lossy(p).into_owned();
            file_id(&p).map(|id| (p, id))
        });
        if let Some((c, id)) = found {
            if let Some(i) = objs.iter().position(|o| o.id == id && id != (0, 0)) {
                return Some(i);
            }
            let by = req.map_or("LD_PRELOAD".to_string(), |r| objs[r].path.clone());
            return match load(&c, &format!("needed by {by}")) {
                Ok(l) => {
                    objs.push(l);
                    how.push(format!("{name} (needed by {by})"));
                    Some(objs.len() - 1)
                }
                Err(e) => {
                    plan.errors.push(e);
                    None
                }
            };
        }
        let by = req.map_or("LD_PRELOAD".to_string(), |r| objs[r].path.clone());
        plan.missing.push((name.to_string(), by));
        None
    };
    if let Some(pre) = &env.preload {
        for name in preload_names(pre.as_bytes()) {
            resolve(&mut objs, &mut how, &String::from_utf8_lossy(name), None, &mut plan);
        }
    }
    let mut i = 0;
    // Bounded: every iteration either finds an existing object or adds a new file.
    while i < objs.len() {
        let names = objs[i].needed.clone();
        for n in names {
            resolve(&mut objs, &mut how, &n, Some(i), &mut plan);
        }
        i += 1;
    }
    if ldso_in.is_none() {
        if let Some(l) = ldso_slot.take() {
            objs.push(l);
            how.push("ld-vibix (appended to the scope)".into());
            ldso_in = Some(objs.len() - 1);
        }
    }
    plan.ldso = ldso_in;
    plan.files = objs.into_iter().zip(how).map(|(o, h)| (o.path, o.data, h)).collect();
    plan
}
