//! Symbol resolution across objects: the referencing object's symbol (name +
//! required version) is looked up with GNU/SysV hash in each object of the scope,
//! in load order.

use crate::diag::{msg, Msg, DBG_BINDINGS, DBG_SYMBOLS};
use crate::loader::Dso;
use crate::state::{dso, st};
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicPtr, Ordering};
use vibix_elf::*;

/// Where a symbol was found.
#[derive(Clone, Copy)]
pub struct Def {
    pub dso: *mut Dso,
    pub sym: &'static Sym,
}

impl Def {
    /// The symbol's run-time address (without IFUNC resolution).
    pub fn addr(&self) -> usize {
        if self.sym.st_shndx == SHN_ABS {
            self.sym.st_value as usize
        } else {
            dso(self.dso).base.wrapping_add(self.sym.st_value as usize)
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
pub fn lookup_in(q: &SymQuery, scope: impl Iterator<Item = *mut Dso>, skip: *mut Dso) -> Option<Def> {
    let debug = crate::start::debug_flags() & DBG_SYMBOLS != 0;
    for p in scope {
        if p == skip {
            continue;
        }
        let d = dso(p);
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
    pub r: *mut Dso,
    pub i: u32,
}

impl Unresolved {
    #[cold]
    pub fn msg(self) -> Msg {
        let d = dso(self.r);
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
fn trace_binding(d: &Dso, def: &Def, q: &SymQuery) {
    let mut m = msg(&[b"binding file ", d.name(), b" to ", dso(def.dso).name(), b": normal symbol `", q.name, b"'"]);
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
struct Canon {
    prog: *mut Dso,
    /// (GNU hash of the name, symbol index), in symbol order.
    syms: Vec<(u32, u32)>,
}

/// Set once at start-up (before other threads exist), never changed; null when
/// the program has no canonical PLT entries (every PIE).
static CANON: AtomicPtr<Canon> = AtomicPtr::new(core::ptr::null_mut());

/// Start-up: records the program's canonical PLT symbols.
pub fn note_program(prog: *mut Dso) {
    let d = dso(prog);
    let mut syms = Vec::new();
    for (i, sym) in d.syms.symtab.iter().enumerate() {
        if sym.is_undefined() && sym.st_value != 0 && sym.kind() == STT_FUNC && sym.bind() != STB_LOCAL {
            if let Some(name) = d.syms.name(sym) {
                syms.push((gnu_hash(name), i as u32));
            }
        }
    }
    if !syms.is_empty() {
        CANON.store(Box::into_raw(Box::new(Canon { prog, syms })), Ordering::Release);
    }
}

/// The program's canonical address for `q`, if it has one.
#[cold]
fn canon_lookup(c: &Canon, q: &SymQuery) -> Option<Def> {
    let d = dso(c.prog);
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
pub fn canonical(q: &SymQuery, r: *mut Dso, bind: Bind) -> Option<Def> {
    let c = CANON.load(Ordering::Acquire);
    if c.is_null() {
        return None;
    }
    // SAFETY: written once at start-up from Box::into_raw, never freed.
    let c = unsafe { &*c };
    if bind == Bind::Copy || (bind == Bind::Plt && r == c.prog) {
        return None;
    }
    canon_lookup(c, q)
}

/// Does the program have canonical PLT addresses at all?
pub fn has_canonical() -> bool {
    !CANON.load(Ordering::Acquire).is_null()
}

/// Is `p` the program that owns canonical PLT addresses (dlsym scopes that
/// start with it see them)?
pub fn is_canon_program(p: *mut Dso) -> bool {
    let c = CANON.load(Ordering::Acquire);
    // SAFETY: as in canonical().
    !c.is_null() && unsafe { (*c).prog } == p
}

/// Resolves symbol `i` referenced by `r` for relocation: local symbols bind to
/// `r` itself; otherwise the global scope, then `r`'s local group (dlopen).
/// `Ok(None)` = undefined weak.
#[inline(always)]
/// `CANON`: the program's canonical PLT addresses apply ([`has_canonical`]);
/// `TRACK`: `r` may be unloaded, so bindings into other such objects are
/// recorded (dl/bindings.rs).
pub fn resolve<const CANON: bool, const TRACK: bool>(r: *mut Dso, i: u32, bind: Bind) -> Result<Option<Def>, Unresolved> {
    let copy = bind == Bind::Copy;
    let d = dso(r);
    let Some(sym) = d.syms.symtab.get(i as usize) else {
        return Err(Unresolved { r, i });
    };
    if sym.bind() == STB_LOCAL {
        return Ok(Some(Def { dso: r, sym }));
    }
    let q = SymQuery::from_strtab(d.syms.strtab, sym.st_name as usize, version_req(d, i))
        .unwrap_or_else(|| SymQuery::new(b"", None));
    // SAFETY: called during start-up or with the loader lock held.
    let s = unsafe { st() };
    let skip = if copy { s.main } else { core::ptr::null_mut() };
    let mut found = None;
    if d.dy.symbolic && !copy {
        found = lookup_in(&q, core::iter::once(r), core::ptr::null_mut());
    }
    // The program is first in the global scope: its canonical entries win.
    if CANON && found.is_none() {
        found = canonical(&q, r, bind);
    }
    if found.is_none() {
        found = lookup_in(&q, s.global_scope(), skip);
    }
    if found.is_none() && !d.group.is_empty() {
        found = lookup_in(&q, d.group.iter().copied(), skip);
    }
    if found.is_none() && !sym.is_undefined() && !copy {
        found = Some(Def { dso: r, sym });
    }
    match found {
        Some(def) => {
            if TRACK {
                crate::dl::note_binding(r, def.dso);
            }
            if crate::start::debug_flags() & DBG_BINDINGS != 0 {
                trace_binding(d, &def, &q);
            }
            Ok(Some(def))
        }
        None if sym.bind() == STB_WEAK => Ok(None),
        None => Err(Unresolved { r, i }),
    }
}
