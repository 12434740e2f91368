//! Which files ld-vibix would load for a program, in its order: the program,
//! LD_PRELOAD, then DT_NEEDED breadth-first, each found by ld-vibix's search
//! (glibc soname aliases, already-loaded objects, DT_RPATH of the requester and
//! of the program (only without DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH,
//! ld-vibix's own directory, /lib:/usr/lib), and ld-vibix itself last unless needed.
//! Mirrors ld-vibix/src/search.rs and start.rs `load_initial`; keep them in step.

use crate::dynobj::DynObj;
use std::os::unix::fs::MetadataExt;
use vibix_abi::{LDSO_SONAME, SONAME_ALIASES};

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

pub fn alias(name: &str) -> &str {
    SONAME_ALIASES.iter().find(|(from, _)| *from == name).map_or(name, |(_, to)| to)
}

fn dirname(p: &str) -> &str {
    match p.rfind('/') {
        Some(0) => "/",
        Some(i) => &p[..i],
        None => ".",
    }
}

/// `dir` with $ORIGIN/$LIB expanded, joined to `name` as ld-vibix's `build` does.
fn build(dir: &str, name: &str, origin_of: &str) -> String {
    let o = dirname(origin_of);
    let d = dir.replace("${ORIGIN}", o).replace("$ORIGIN", o).replace("${LIB}", "lib").replace("$LIB", "lib");
    if d.is_empty() {
        name.to_string()
    } else {
        format!("{d}/{name}")
    }
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
        let mut candidates: Vec<String> = Vec::new();
        if name.contains('/') {
            candidates.push(name.to_string());
        } else {
            let main = &objs[0];
            let rpath_of = |o: &Loaded| if o.runpath.is_none() { o.rpath.clone() } else { None };
            let mut dirs: Vec<(String, String)> = Vec::new();
            if let Some(r) = req {
                if let Some(p) = rpath_of(&objs[r]) {
                    dirs.push((p, objs[r].path.clone()));
                }
            }
            if let Some(p) = rpath_of(main) {
                dirs.push((p, main.path.clone()));
            }
            if let Some(p) = env.library_path.as_ref().filter(|p| !p.is_empty()) {
                dirs.push((p.clone(), main.path.clone()));
            }
            if let Some(r) = req {
                if let Some(p) = objs[r].runpath.clone() {
                    dirs.push((p, objs[r].path.clone()));
                }
            }
            dirs.push((dirname(&env.ldso_path).to_string(), String::new()));
            dirs.push(("/lib:/usr/lib".into(), String::new()));
            for (list, origin) in dirs {
                for d in list.split(':') {
                    candidates.push(build(d, name, &origin));
                }
            }
        }
        for c in candidates {
            let Some(id) = file_id(&c) else { continue };
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
        for name in pre.split([':', ' ']).filter(|n| !n.is_empty()) {
            resolve(&mut objs, &mut how, name, None, &mut plan);
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
