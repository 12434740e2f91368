//! Symbol resolution across objects: the referencing object's symbol (name +
//! required version) is looked up with GNU/SysV hash in each object of the scope,
//! in load order.

use crate::diag::{msg, Msg, DBG_BINDINGS, DBG_SYMBOLS};
use crate::loader::Dso;
use crate::state::{Namespace, Obj};
use alloc::vec::Vec;
use vibix_elf::*;

/// Where a symbol was found.
#[derive(Clone, Copy)]
pub struct Def {
    pub dso: Obj,
    pub sym: &'static Sym,
}

impl Def {
    /// The symbol's run-time address (without IFUNC resolution).
    pub fn addr(&self, ns: &Namespace) -> usize {
        if self.sym.st_shndx == SHN_ABS {
            self.sym.st_value as usize
        } else {
            ns.obj(self.dso).base.wrapping_add(self.sym.st_value as usize)
        }
    }
}

/// The version required for symbol `i` of `d`, if any.
#[inline]
pub fn version_req(d: &Dso, i: u32) -> Option<VersionReq<'static>> {
    let versym = d.syms.versym?;
    version_req_slow(d, versym, i)
}

fn version_req_slow(d: &Dso, versym: &[u16], i: u32) -> Option<VersionReq<'static>> {
    let vs = *versym.get(i as usize)? & !VERSYM_HIDDEN;
    if vs <= VER_NDX_GLOBAL {
        return None;
    }
    if let Some((_, a)) = d.verneed.and_then(|v| v.find(vs)) {
        return Some(VersionReq { name: d.dynstr(a.vna_name as usize)?, hash: a.vna_hash });
    }
    let e = d.syms.verdef?.find(vs)?;
    Some(VersionReq { name: d.dynstr(e.name as usize)?, hash: e.def.vd_hash })
}

/// Looks `q` up in `scope` in order, skipping `skip` (COPY relocations skip the program).
pub fn lookup_in(ns: &Namespace, q: &SymQuery, scope: impl Iterator<Item = Obj>, skip: Option<Obj>) -> Option<Def> {
    let debug = crate::start::debug_flags() & DBG_SYMBOLS != 0;
    for p in scope {
        if Some(p) == skip {
            continue;
        }
        let d = ns.obj(p);
        if !d.may_define {
            continue;
        }
        if debug {
            trace_lookup(q, d);
        }
        if let Some((_, sym)) = d.syms.lookup(q) {
            return Some(Def { dso: p, sym });
        }
    }
    None
}

#[cold]
fn trace_lookup(q: &SymQuery, d: &Dso) {
    {
        {
            let mut m = msg(&[b"symbol=", q.name, b";  lookup in file=", d.name()]);
            crate::diag::debug_line(m.s(""));
        }
    }
}

/// A failed lookup, kept small so the hot path returns in registers; turned
/// into a message only when reported.
#[derive(Clone, Copy)]
pub struct Unresolved {
    pub r: Obj,
    pub i: u32,
}

impl Unresolved {
    #[cold]
    pub fn msg(self, ns: &Namespace) -> Msg {
        let d = ns.obj(self.r);
        let Some(sym) = d.syms.symtab.get(self.i as usize) else {
            return msg(&[d.name(), b": symbol index out of range"]);
        };
        let name = d.syms.name(sym).unwrap_or(b"?");
        let mut m = msg(&[b"symbol lookup error: ", d.name(), b": undefined symbol: ", name]);
        if let Some(v) = version_req(d, self.i) {
            m.s(", version ").push(v.name);
        }
        m
    }
}

#[cold]
fn trace_binding(ns: &Namespace, d: &Dso, def: &Def, q: &SymQuery) {
    let mut m = msg(&[b"binding file ", d.name(), b" to ", ns.obj(def.dso).name(), b": normal symbol `", q.name, b"'"]);
    if let Some(v) = q.version {
        m.s(" [").push(v.name).s("]");
    }
    crate::diag::debug_line(&m);
}

/// Which kind of reference is being bound.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Bind {
    /// Data or address use: GLOB_DAT, R_X86_64_64, TLS.
    Data,
    /// A PLT slot (R_X86_64_JUMP_SLOT).
    Plt,
    /// R_X86_64_COPY: looked up skipping the program.
    Copy,
}

/// The program's canonical function addresses: undefined `STT_FUNC` symbols
/// with a non-zero value are its PLT entries, which non-PIC code uses as the
/// function's address. Every reference except the program's own PLT slots must
/// bind to them, so `&f` is the same everywhere (as with glibc).
/// Kept in the namespace (`ns.canon`), set once at start-up; none when the
/// program has no canonical PLT entries (every PIE).
pub struct Canon {
    prog: Obj,
    /// (GNU hash of the name, symbol index), in symbol order.
    syms: Vec<(u32, u32)>,
}

/// Start-up: records the program's canonical PLT symbols.
pub fn note_program(ns: &mut Namespace) {
    let prog = ns.main;
    let d = ns.obj(prog);
    let mut syms = Vec::new();
    for (i, sym) in d.syms.symtab.iter().enumerate() {
        if sym.is_undefined() && sym.st_value != 0 && sym.kind() == STT_FUNC && sym.bind() != STB_LOCAL {
            if let Some(name) = d.syms.name(sym) {
                syms.push((gnu_hash(name), i as u32));
            }
        }
    }
    if !syms.is_empty() {
        ns.canon = Some(Canon { prog, syms });
    }
}

/// The program's canonical address for `q`, if it has one.
#[cold]
fn canon_lookup(ns: &Namespace, c: &Canon, q: &SymQuery) -> Option<Def> {
    let d = ns.obj(c.prog);
    for &(h, i) in &c.syms {
        if h != q.gnu {
            continue;
        }
        let sym = &d.syms.symtab[i as usize];
        if d.syms.name(sym) != Some(q.name) {
            continue;
        }
        // A versioned reference needs the version the program's reference names.
        if let (Some(want), Some(have)) = (q.version, version_req(d, i)) {
            if want.name != have.name {
                continue;
            }
        }
        return Some(Def { dso: c.prog, sym });
    }
    None
}

/// The canonical definition of `q` for a reference from `r` (none for the
/// program's own PLT slots, which need the real function).
#[inline]
pub fn canonical(ns: &Namespace, q: &SymQuery, r: Option<Obj>, bind: Bind) -> Option<Def> {
    let c = ns.canon.as_ref()?;
    if bind == Bind::Copy || (bind == Bind::Plt && r == Some(c.prog)) {
        return None;
    }
    canon_lookup(ns, c, q)
}

/// Is `p` the program that owns canonical PLT addresses (dlsym scopes that
/// start with it see them)?
pub fn is_canon_program(ns: &Namespace, p: Obj) -> bool {
    ns.canon.as_ref().is_some_and(|c| c.prog == p)
}

/// The global scope as one object's relocation searches it: the objects that
/// may define symbols, in order, each with its symbol table copied out, so a
/// lookup walks one array instead of filtering the object list and following
/// each object's record. Built once per relocated object: the scope cannot
/// change meanwhile (a dl* call from an IFUNC resolver is refused, state.rs).
pub struct Scope {
    objs: Vec<(Obj, SymbolTable<'static>)>,
    /// LD_DEBUG=symbols: look up through [`lookup_in`], which traces every object.
    traced: bool,
}

impl Scope {
    pub fn global(ns: &Namespace) -> Scope {
        let objs = ns.global_scope().filter(|&p| ns.obj(p).may_define).map(|p| (p, ns.obj(p).syms)).collect();
        Scope { objs, traced: crate::start::debug_flags() & DBG_SYMBOLS != 0 }
    }

    /// The first definition of `q` in scope order, skipping `skip`.
    #[inline(always)]
    fn lookup(&self, ns: &Namespace, q: &SymQuery, skip: Option<Obj>) -> Option<Def> {
        if self.traced {
            return lookup_in(ns, q, self.objs.iter().map(|e| e.0), skip);
        }
        for (p, t) in &self.objs {
            if let Some((_, sym)) = t.lookup(q) {
                if Some(*p) != skip {
                    return Some(Def { dso: *p, sym });
                }
            }
        }
        None
    }
}

/// Resolves symbol `i` referenced by `r` for relocation: local symbols bind to
/// `r` itself; otherwise the global scope, then `r`'s local group (dlopen).
/// `Ok(None)` = undefined weak.
#[inline(always)]
/// `CANON`: the program's canonical PLT addresses apply ([`has_canonical`]);
/// `TRACK`: `r` may be unloaded, so bindings into other such objects are
/// recorded (dl/bindings.rs).
pub fn resolve<const CANON: bool, const TRACK: bool>(ns: &Namespace, scope: &Scope, r: Obj, i: u32, bind: Bind) -> Result<Option<Def>, Unresolved> {
    let copy = bind == Bind::Copy;
    let d = ns.obj(r);
    let Some(sym) = d.syms.symtab.get(i as usize) else {
        return Err(Unresolved { r, i });
    };
    if sym.bind() == STB_LOCAL {
        return Ok(Some(Def { dso: r, sym }));
    }
    let q = SymQuery::from_strtab(d.syms.strtab, sym.st_name as usize, version_req(d, i))
        .unwrap_or_else(|| SymQuery::new(b"", None));
    let skip = if copy { Some(ns.main) } else { None };
    let mut found = None;
    if d.dy.symbolic && !copy {
        found = lookup_in(ns, &q, core::iter::once(r), None);
    }
    // The program is first in the global scope: its canonical entries win.
    if CANON && found.is_none() {
        found = canonical(ns, &q, Some(r), bind);
    }
    if found.is_none() {
        found = scope.lookup(ns, &q, skip);
    }
    if found.is_none() && !d.group.is_empty() {
        found = lookup_in(ns, &q, d.group.iter().copied(), skip);
    }
    if found.is_none() && !sym.is_undefined() && !copy {
        found = Some(Def { dso: r, sym });
    }
    match found {
        Some(def) => {
            if TRACK {
                crate::dl::note_binding(ns, r, def.dso);
            }
            if crate::start::debug_flags() & DBG_BINDINGS != 0 {
                trace_binding(ns, d, &def, &q);
            }
            Ok(Some(def))
        }
        None if sym.bind() == STB_WEAK => Ok(None),
        None => Err(Unresolved { r, i }),
    }
}
