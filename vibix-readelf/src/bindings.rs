//! `--bindings PROG`: for every dynamic relocation of the program and its
//! libraries, the object and symbol (and version) ld-vibix binds it to.
//! The per-object lookup is vibix-elf's `SymbolTable::lookup` (ld-vibix's own);
//! the scope walk mirrors ld-vibix/src/symbol.rs `resolve`.

use crate::cli::Opts;
use crate::dynobj::DynObj;
use crate::names::reloc_type;
use crate::search::{plan, Env};
use crate::view::relocs::decode_relr;
use std::fmt::Write;
use vibix_elf::*;

/// Where one symbol reference goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Bound to object `obj`, symbol index `sym` there.
    Bound { obj: usize, sym: u32 },
    /// Undefined weak: the relocation uses 0.
    WeakZero,
    /// Undefined: ld-vibix stops with "symbol lookup error".
    Undefined,
}

/// One resolved relocation.
pub struct Binding {
    pub from: usize,
    pub reloc: Rela,
    pub name: String,
    pub version: Option<String>,
    pub target: Target,
    /// Found by ld-vibix's search (it prints an LD_DEBUG=bindings line) rather than a local symbol.
    pub searched: bool,
}

fn no_symbol(kind: u32) -> bool {
    matches!(kind, R_X86_64_NONE | R_X86_64_RELATIVE | R_X86_64_IRELATIVE | R_X86_64_RELATIVE64)
}

/// Resolves symbol `si` of object `r` as ld-vibix's `resolve` does.
fn resolve(objs: &[DynObj], r: usize, si: u32, copy: bool) -> Result<(Target, bool), String> {
    let d = &objs[r];
    let sym = d.syms.get(si as usize).ok_or_else(|| format!("{}: symbol index {si} out of range", d.path))?;
    if sym.bind() == STB_LOCAL {
        return Ok((Target::Bound { obj: r, sym: si }, false));
    }
    let name = d.str(sym.st_name as u64).unwrap_or(b"");
    let q = SymQuery::new(name, d.version_req(si));
    let mut found = None;
    if d.symbolic() && !copy {
        found = d.table().and_then(|t| t.lookup(&q)).map(|(i, _)| (r, i));
    }
    if found.is_none() {
        for (i, o) in objs.iter().enumerate() {
            if copy && i == 0 {
                continue;
            }
            if let Some((s, _)) = o.table().and_then(|t| t.lookup(&q)) {
                found = Some((i, s));
                break;
            }
        }
    }
    if found.is_none() && !sym.is_undefined() && !copy {
        found = Some((r, si));
    }
    Ok(match found {
        Some((obj, sym)) => (Target::Bound { obj, sym }, true),
        None if sym.bind() == STB_WEAK => (Target::WeakZero, false),
        None => (Target::Undefined, false),
    })
}

/// Every symbolic relocation of every object, resolved.
pub fn bind_all(objs: &[DynObj]) -> (Vec<Binding>, Vec<String>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (r, d) in objs.iter().enumerate() {
        for rel in &d.relocs {
            let si = rel.sym();
            if si == 0 || no_symbol(rel.kind()) {
                continue;
            }
            match resolve(objs, r, si, rel.kind() == R_X86_64_COPY) {
                Ok((target, searched)) => {
                    let sym = d.syms[si as usize];
                    let name = String::from_utf8_lossy(d.str(sym.st_name as u64).unwrap_or(b"")).into_owned();
                    let version = d.version_req(si).map(|v| String::from_utf8_lossy(v.name).into_owned());
                    out.push(Binding { from: r, reloc: *rel, name, version, target, searched });
                }
                Err(e) => errs.push(e),
            }
        }
    }
    (out, errs)
}

fn interp(o: &DynObj) -> Option<String> {
    let p = o.elf.phdrs().iter().find(|p| p.p_type == PT_INTERP)?;
    let b = o.elf.bytes(p.p_offset, p.p_filesz)?;
    let b = b.split(|&c| c == 0).next()?;
    Some(String::from_utf8_lossy(b).into_owned())
}

pub fn show(o: &mut String, err: &mut String, name: &str, data: &[u8], opts: &Opts) -> i32 {
    let main = match DynObj::new(name.to_string(), data) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "vibix-readelf: Error: {e}");
            return crate::EXIT_ERROR;
        }
    };
    let ldso_path = opts.ldso.clone().or_else(|| interp(&main)).unwrap_or_else(|| "/lib/ld-vibix.so.1".into());
    drop(main);
    let env = Env {
        library_path: std::env::var("LD_LIBRARY_PATH").ok(),
        preload: std::env::var("LD_PRELOAD").ok(),
        ldso_path,
    };
    let p = plan(name, &env);
    let mut code = 0;
    for e in &p.errors {
        let _ = writeln!(err, "vibix-readelf: Error: {e}");
        code = crate::EXIT_ERROR;
    }
    let mut objs = Vec::new();
    for (path, bytes, _) in &p.files {
        match DynObj::new(path.clone(), bytes) {
            Ok(d) => objs.push(d),
            Err(e) => {
                let _ = writeln!(err, "vibix-readelf: Error: {e}");
                return crate::EXIT_ERROR;
            }
        }
    }
    if objs.is_empty() {
        return crate::EXIT_ERROR;
    }
    let _ = writeln!(o, "\nSymbol search scope of '{name}' (ld-vibix load order):");
    for (i, (path, _, how)) in p.files.iter().enumerate() {
        let _ = writeln!(o, "  [{i}] {path}  [{how}]");
    }
    for (n, by) in &p.missing {
        let _ = writeln!(o, "  [-] {n}  [NOT FOUND, needed by {by}] (ld-vibix exits 127)");
        code = crate::EXIT_ERROR;
    }
    let (binds, errs) = bind_all(&objs);
    for e in errs {
        let _ = writeln!(err, "vibix-readelf: Error: {e}");
        code = crate::EXIT_ERROR;
    }
    for (r, d) in objs.iter().enumerate() {
        let mine: Vec<&Binding> = binds.iter().filter(|b| b.from == r).collect();
        let relr = decode_relr(&d.relr).len();
        let plain = d.relocs.iter().filter(|x| x.sym() == 0 || no_symbol(x.kind())).count();
        let _ = writeln!(
            o,
            "\nBindings of '{}': {} symbolic, {} without symbol, {} RELR relocations",
            d.path,
            mine.len(),
            plain,
            relr
        );
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(o, "    Offset             Type                   Symbol -> Object: Value");
        for b in mine {
            let ver = b.version.as_ref().map(|v| format!("@{v}")).unwrap_or_default();
            let _ = write!(o, "  {:016x} {:<22} {}{ver} -> ", b.reloc.r_offset, reloc_type(b.reloc.kind()), b.name);
            match &b.target {
                Target::Bound { obj, sym } => {
                    let t = &objs[*obj];
                    let s = t.syms[*sym as usize];
                    let _ = writeln!(o, "{}: {:#x}{}", t.path, s.st_value, if b.searched { "" } else { " (local)" });
                }
                Target::WeakZero => {
                    let _ = writeln!(o, "UNRESOLVED (weak, 0)");
                }
                Target::Undefined => {
                    let _ = writeln!(o, "UNDEFINED (ld-vibix: symbol lookup error)");
                    code = crate::EXIT_ERROR;
                }
            }
        }
    }
    code
}
