//! Applying relocations (bind-now): DT_RELR, then DT_RELA + DT_JMPREL through one
//! `match` over [`RelocKind`]. IRELATIVE and IFUNC-valued symbols are collected
//! and applied in [`apply_irelative`], after every object's other relocations.

use crate::arch::{is_symbol_slot, reloc_kind, reloc_name, RelocKind};
use crate::diag::{msg, Msg, DBG_RELOC};
use crate::loader::{Dso, F_IRELATIVE, F_NODELETE, F_RELOCATED};
use crate::state::{Namespace, Obj};
use crate::symbol::{resolve, Bind, Def, Scope};
use crate::tls::StaticTls;
use vibix_elf::*;

fn rela_table(addr: usize, size: usize) -> &'static [Rela] {
    if addr == 0 || size == 0 {
        return &[];
    }
    // SAFETY: loader::decode_dynamic checked DT_RELA/DT_JMPREL tables lie in a mapped segment.
    unsafe { core::slice::from_raw_parts(addr as *const Rela, size / core::mem::size_of::<Rela>()) }
}

/// A relocation target outside the object's writable segments (or a resolver
/// outside its executable ones).
#[cold]
fn bad_target(d: &Dso, what: &[u8], r: &Rela) -> Msg {
    let mut m = msg(&[d.name(), b": bad relocation: ", what, b" "]);
    m.hex(r.r_offset as usize).s(" (").s(reloc_name(r.kind())).s(")");
    m
}

/// Value of a resolved symbol, calling its IFUNC resolver if it is one (and in
/// an executable segment of its object; else 0, so the program faults, not us).
/// `None`: the value lies outside its object's image (see [`bad_value`]).
#[inline(always)]
fn sym_value(ns: &Namespace, def: &Def) -> Option<usize> {
    let a = def.addr(ns);
    let d = ns.obj(def.dso);
    if !d.img.spans(a) && def.sym.st_shndx != SHN_ABS {
        return None;
    }
    if def.sym.kind() == STT_GNU_IFUNC && def.sym.st_shndx != SHN_UNDEF {
        if !d.img.executable(a) {
            return Some(0);
        }
        // SAFETY: an IFUNC symbol's value is a resolver taking no arguments.
        let f: extern "C" fn() -> usize = unsafe { core::mem::transmute(a) };
        return Some(crate::diag::call_out(a, || f()));
    }
    Some(a)
}

/// A defined symbol whose value is outside its object's segments: handing
/// that address out would send the program anywhere (into ld-vibix even).
#[cold]
pub fn bad_value(ns: &Namespace, def: &Def) -> Msg {
    let d = ns.obj(def.dso);
    let name = d.syms.name(def.sym).unwrap_or(b"?");
    let mut m = msg(&[d.name(), b": symbol `", name, b"' has a value outside the object's segments ("]);
    m.hex(def.sym.st_value as usize).s(")");
    m
}

/// Relocates `p` (everything except IRELATIVE). IFUNC resolvers run with the
/// namespace lent to us: a dl* call from one is refused (state.rs).
pub fn relocate(ns: &mut Namespace, p: Obj) -> Result<(), Msg> {
    if ns.obj(p).flags & F_RELOCATED != 0 {
        return Ok(());
    }
    let irel = relocate_shared(ns, p)?;
    ns.obj_mut(p).flags |= F_RELOCATED | if irel { F_IRELATIVE } else { 0 };
    Ok(())
}

/// Returns whether the object has IRELATIVE relocations (left for [`apply_irelative`]).
fn relocate_shared(ns: &Namespace, p: Obj) -> Result<bool, Msg> {
    let d = ns.obj(p);
    if d.dy.relr != 0 && d.base != 0 {
        d.img.apply_relr(d.dy.relr, d.dy.relrsz).map_err(|at| {
            let mut m = msg(&[d.name(), b": bad relocation: DT_RELR target "]);
            m.hex(at).s(" is not in a writable segment");
            m
        })?;
    }
    if crate::start::debug_flags() & DBG_RELOC != 0 {
        crate::diag::debug_line(&msg(&[b"relocation processing: ", d.name()]));
    }
    // Fast path: the linker sorts RELATIVE entries first and counts them.
    let rela = rela_table(d.dy.rela, d.dy.relasz);
    // Like glibc we trust DT_RELACOUNT once its first and last entries check out
    // (a bad count only corrupts the object that lies about it).
    let mut nrel = d.dy.relacount.min(rela.len());
    if nrel > 0 && (rela[0].kind() != R_X86_64_RELATIVE || rela[nrel - 1].kind() != R_X86_64_RELATIVE) {
        nrel = 0;
    }
    d.img.apply_relative(&rela[..nrel]).map_err(|r| bad_target(d, b"r_offset", r))?;
    let tables = [&rela[nrel..], rela_table(d.dy.jmprel, d.dy.pltrelsz)];
    // Rules that rarely apply are chosen once per object, so the loop of a
    // start-up PIE has no test for them: canonical PLT addresses (non-PIE
    // program) and binding edges (objects dlclose may unload).
    let track = d.flags & F_NODELETE == 0;
    match (ns.canon.is_some(), track) {
        (false, false) => symbolic::<false, false>(ns, p, tables),
        (false, true) => symbolic::<false, true>(ns, p, tables),
        (true, false) => symbolic::<true, false>(ns, p, tables),
        (true, true) => symbolic::<true, true>(ns, p, tables),
    }
}

/// Everything after the leading RELATIVE run: one `match` over [`RelocKind`].
/// `CANON`: the program has canonical PLT addresses; `TRACK`: record binding edges.
/// Returns whether an IRELATIVE entry was seen.
fn symbolic<const CANON: bool, const TRACK: bool>(ns: &Namespace, p: Obj, tables: [&[Rela]; 2]) -> Result<bool, Msg> {
    let d = ns.obj(p);
    let base = d.base;
    let mut irel = false;
    let scope = Scope::global(ns);
    let slot = d.img.slot_check();
    let mut cache: (u32, Option<Def>);
    for table in tables {
        // The program's GOT and PLT entries for one symbol can bind differently
        // (canonical PLT addresses), so no lookup is shared across the tables.
        cache = (0, None);
        for r in table {
            let at = base.wrapping_add(r.r_offset as usize) as *mut usize;
            let a = r.r_addend as usize;
            let si = r.sym();
            // GLOB_DAT/JUMP_SLOT (nearly every symbolic relocation) without the general dispatch.
            if is_symbol_slot(r.kind()) {
                if !slot.ok(at as usize) {
                    return Err(bad_target(d, b"r_offset", r));
                }
                let v = if si == 0 {
                    0
                } else {
                    if cache.0 != si {
                        let bind = if CANON && r.kind() == R_X86_64_JUMP_SLOT { Bind::Plt } else { Bind::Data };
                        cache = (si, resolve::<CANON, TRACK>(ns, &scope, p, si, bind).map_err(|u| u.msg(ns))?);
                    }
                    match &cache.1 {
                        None => 0,
                        Some(x) => sym_value(ns, x).ok_or_else(|| bad_value(ns, x))?,
                    }
                };
                // SAFETY: relocation targets lie in this object's writable segments.
                unsafe { *at = v };
                continue;
            }
            let kind = reloc_kind(r.kind());
            // Every write is checked: 8 bytes (a TLS descriptor 16, COPY its size below).
            let width = if matches!(kind, RelocKind::TlsDesc) { 16 } else { 8 };
            if !matches!(kind, RelocKind::None | RelocKind::Unsupported(_)) && !d.img.writable(at as usize, width) {
                return Err(bad_target(d, b"r_offset", r));
            }
            // Consecutive relocations against one symbol (GOT + PLT) share a lookup;
            // COPY looks up differently (skipping the program) and is not cached.
            let def = if si == 0 || matches!(kind, RelocKind::Relative | RelocKind::IRelative | RelocKind::None) {
                None
            } else {
                let copy = matches!(kind, RelocKind::Copy);
                if cache.0 != si || copy {
                    let bind = if copy { Bind::Copy } else { Bind::Data };
                    cache = (if copy { 0 } else { si }, resolve::<CANON, TRACK>(ns, &scope, p, si, bind).map_err(|u| u.msg(ns))?);
                }
                cache.1
            };
            // SAFETY: relocation targets lie in this object's writable segments.
            unsafe {
                match kind {
                    RelocKind::None => {}
                    RelocKind::IRelative => irel = true,
                    RelocKind::Relative => *at = base.wrapping_add(a),
                    RelocKind::Abs64 | RelocKind::GlobDat => {
                        let v = match &def {
                            None => 0,
                            Some(x) => sym_value(ns, x).ok_or_else(|| bad_value(ns, x))?,
                        };
                        *at = if matches!(kind, RelocKind::Abs64) { v.wrapping_add(a) } else { v };
                    }
                    RelocKind::Copy => {
                        if let Some(def) = def {
                            let n = d.syms.symtab[si as usize].st_size.min(def.sym.st_size) as usize;
                            if !d.img.writable(at as usize, n) || !ns.obj(def.dso).img.holds(def.addr(ns), n, PF_R) {
                                return Err(bad_target(d, b"COPY of a size beyond its segment at", r));
                            }
                            core::ptr::copy_nonoverlapping(def.addr(ns) as *const u8, at as *mut u8, n);
                        }
                    }
                    RelocKind::TpOff64 => {
                        let (off, _, v) = tls_def(ns, p, si, def)?;
                        if off == 0 {
                            return Err(msg(&[d.name(), b": initial-exec TLS refers to a dynamic TLS module"]));
                        }
                        *at = v.wrapping_add(a).wrapping_sub(off);
                    }
                    RelocKind::DtpMod64 => {
                        let m = if si == 0 { p } else { def.map_or(p, |x| x.dso) };
                        *at = ns.obj(m).tls.map_or(0, |t| t.id);
                    }
                    RelocKind::TlsDesc => {
                        let (off, id, v) = tls_def(ns, p, si, def)?;
                        let desc = if off != 0 {
                            [crate::arch::tlsdesc_static(), v.wrapping_add(a).wrapping_sub(off)]
                        } else {
                            crate::arch::tlsdesc_dynamic(id, v.wrapping_add(a))
                                .ok_or_else(|| msg(&[d.name(), b": TLS descriptor offset out of range"]))?
                        };
                        *at = desc[0];
                        *at.add(1) = desc[1];
                    }
                    RelocKind::DtpOff64 => *at = tls_def(ns, p, si, def)?.2.wrapping_add(a),
                    RelocKind::Unsupported(t) => {
                        let mut m = msg(&[d.name(), b": unsupported relocation type "]);
                        m.s(reloc_name(t)).s(" (").dec(t as usize).s(")");
                        return Err(m);
                    }
                }
            }
        }
    }
    Ok(irel)
}

/// (static TLS offset of the defining module (0 = dynamic), its module id,
/// symbol offset in its block).
fn tls_def(ns: &Namespace, p: Obj, si: u32, def: Option<Def>) -> Result<(usize, usize, usize), Msg> {
    let (m, v) = match def {
        Some(def) if si != 0 => (def.dso, def.sym.st_value as usize),
        _ => (p, 0),
    };
    match ns.obj(m).tls {
        Some(t) => Ok((t.offset, t.id, v)),
        None => Err(msg(&[ns.obj(p).name(), b": TLS relocation against an object without TLS"])),
    }
}

/// Runs IRELATIVE resolvers of `p` (its own and its dependencies' relocations
/// are done; relocate() checked every target). A resolver outside the object's
/// executable segments is an error.
pub fn apply_irelative(d: &Dso) -> Result<(), Msg> {
    // Most objects have none: no second pass over their tables.
    if d.flags & F_IRELATIVE == 0 {
        return Ok(());
    }
    for table in [rela_table(d.dy.rela, d.dy.relasz), rela_table(d.dy.jmprel, d.dy.pltrelsz)] {
        for r in table {
            if matches!(reloc_kind(r.kind()), RelocKind::IRelative) {
                let resolver = d.base.wrapping_add(r.r_addend as usize);
                if !d.img.executable(resolver) {
                    return Err(bad_target(d, b"IRELATIVE resolver outside the executable segments, at", r));
                }
                // SAFETY: the addend names a resolver function in this object.
                unsafe {
                    let f: extern "C" fn() -> usize = core::mem::transmute(resolver);
                    *(d.base.wrapping_add(r.r_offset as usize) as *mut usize) = crate::diag::call_out(resolver, || f());
                }
            }
        }
    }
    Ok(())
}

/// Where a dlopened `d`'s TLS must go: initial-exec code (DF_STATIC_TLS,
/// TPOFF64) needs the static surplus; TLS descriptors work either way.
pub fn static_tls_need(d: &Dso) -> StaticTls {
    if d.dy.flags & DF_STATIC_TLS != 0 {
        return StaticTls::Required;
    }
    let mut need = StaticTls::No;
    for t in [rela_table(d.dy.rela, d.dy.relasz), rela_table(d.dy.jmprel, d.dy.pltrelsz)] {
        for r in t {
            match reloc_kind(r.kind()) {
                RelocKind::TpOff64 => return StaticTls::Required,
                RelocKind::TlsDesc => need = StaticTls::Preferred,
                _ => {}
            }
        }
    }
    need
}

/// Makes PT_GNU_RELRO read-only.
pub fn seal_relro(d: &Dso) {
    let (s, e) = d.relro;
    if e > s {
        // SAFETY: the range is inside this object's own mapping.
        let _ = unsafe { rustix::mm::mprotect(s as *mut _, e - s, rustix::mm::MprotectFlags::READ) };
    }
}
