//! dlsym/dlvsym (RTLD_DEFAULT, RTLD_NEXT via the caller's return address, or a
//! handle's dependency group) and dladdr.

use super::{obj_containing, set_error, valid_handle};
use crate::diag::msg;
use crate::loader::{Dso, F_GLOBAL};
use crate::mem::c_bytes;
use crate::state::{dso, st, State, LOCK};
use crate::symbol::{canonical, is_canon_program, lookup_in, Bind, Def};
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void};
use vibix_elf::*;

const RTLD_NEXT: usize = usize::MAX;

/// `void *dlsym(void *handle, const char *name)`
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlsym(handle: *mut c_void, name: *const c_char) -> *mut c_void {
    core::arch::naked_asm!("mov rdx, [rsp]", "xor ecx, ecx", "jmp {imp}", imp = sym dlsym_impl)
}

/// `void *dlvsym(void *handle, const char *name, const char *version)`
#[unsafe(naked)]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlvsym(handle: *mut c_void, name: *const c_char, version: *const c_char) -> *mut c_void {
    core::arch::naked_asm!("mov rcx, rdx", "mov rdx, [rsp]", "jmp {imp}", imp = sym dlsym_impl)
}

/// The scope a handle searches.
fn scope(s: &State, handle: usize, caller: usize) -> Result<Vec<*mut Dso>, &'static [u8]> {
    if handle == 0 || handle == s.main as usize {
        return Ok(s.global_scope().collect());
    }
    if handle == RTLD_NEXT {
        let Some(c) = obj_containing(s, caller) else { return Err(b"RTLD_NEXT used in code not dynamically loaded") };
        let pos = s.objs.iter().position(|&p| p == c).unwrap_or(0);
        let group = dso(c).group.clone();
        return Ok(s.objs[pos + 1..]
            .iter()
            .copied()
            .filter(|&p| dso(p).flags & F_GLOBAL != 0 || group.contains(&p))
            .collect());
    }
    let h = handle as *mut Dso;
    if !valid_handle(s, h) {
        return Err(b"invalid handle");
    }
    // The handle's object and its dependencies, breadth-first.
    let mut g = alloc::vec![h];
    let mut i = 0;
    while i < g.len() {
        for &n in dso(g[i]).needed.iter() {
            if !g.contains(&n) {
                g.push(n);
            }
        }
        i += 1;
    }
    Ok(g)
}

/// Address of a found symbol: IFUNCs resolved, TLS for the calling thread.
fn address(def: &Def) -> usize {
    let d = dso(def.dso);
    if def.sym.kind() == STT_TLS {
        let ti = crate::tls::TlsIndex { module: d.tls.map_or(0, |t| t.id), offset: def.sym.st_value as usize };
        // SAFETY: a valid module id of a loaded object.
        return unsafe { crate::tls::__tls_get_addr(&ti) } as usize;
    }
    if def.sym.kind() == STT_GNU_IFUNC {
        // SAFETY: the symbol's value is its resolver.
        let f: extern "C" fn() -> usize = unsafe { core::mem::transmute(def.addr()) };
        return f();
    }
    def.addr()
}

unsafe extern "C" fn dlsym_impl(handle: usize, name: *const c_char, caller: usize, version: *const c_char) -> *mut c_void {
    let _g = LOCK.lock();
    // SAFETY: lock held.
    let s = unsafe { st() };
    // SAFETY: C strings from the caller.
    let (name, ver) = unsafe { (c_bytes(name as *const u8), c_bytes(version as *const u8)) };
    let scope = match scope(s, handle, caller) {
        Ok(v) => v,
        Err(e) => {
            set_error(msg(&[b"dlsym: ", e]));
            return core::ptr::null_mut();
        }
    };
    let vreq = (!version.is_null()).then(|| VersionReq { name: ver, hash: sysv_hash(ver) });
    let q = SymQuery::new(name, vreq);
    // A scope that starts with a non-PIE program sees its canonical PLT addresses.
    let canon = match scope.first() {
        Some(&p) if is_canon_program(p) => canonical(&q, core::ptr::null_mut(), Bind::Data),
        _ => None,
    };
    match canon.or_else(|| lookup_in(&q, scope.into_iter(), core::ptr::null_mut())) {
        Some(def) => {
            // A lookup in the global scope (not through a handle the caller
            // holds) keeps the definition loaded for the calling object.
            if handle == 0 || handle == RTLD_NEXT || handle == s.main as usize {
                if let Some(c) = obj_containing(s, caller) {
                    super::note_binding(c, def.dso);
                }
            }
            address(&def) as *mut c_void
        }
        None => {
            let mut m = msg(&[b"undefined symbol: ", name]);
            if !version.is_null() {
                m.s(", version ").push(ver);
            }
            set_error(m);
            core::ptr::null_mut()
        }
    }
}

#[repr(C)]
pub struct DlInfo {
    pub dli_fname: *const c_char,
    pub dli_fbase: *mut c_void,
    pub dli_sname: *const c_char,
    pub dli_saddr: *mut c_void,
}

/// `int dladdr(const void *addr, Dl_info *info)`: object and nearest preceding symbol.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dladdr(addr: *const c_void, info: *mut DlInfo) -> c_int {
    let _g = LOCK.lock();
    // SAFETY: lock held.
    let s = unsafe { st() };
    let a = addr as usize;
    let Some(p) = obj_containing(s, a) else { return 0 };
    let d = dso(p);
    let mut best: Option<&Sym> = None;
    for sym in d.syms.symtab.iter() {
        if sym.is_undefined() || sym.kind() == STT_TLS || sym.st_value == 0 {
            continue;
        }
        let sa = d.base + sym.st_value as usize;
        let fits = sa <= a && (a < sa + (sym.st_size as usize).max(1) || sym.st_size == 0);
        if fits && best.is_none_or(|b| b.st_value < sym.st_value) {
            best = Some(sym);
        }
    }
    // SAFETY: info is a valid Dl_info per the caller.
    unsafe {
        (*info).dli_fname = d.lm.l_name;
        (*info).dli_fbase = d.map_start.max(d.base) as *mut c_void;
        if d.map_start == 0 {
            (*info).dli_fbase = d.base as *mut c_void;
        }
        match best.and_then(|b| Some((b, d.syms.name(b)?))) {
            Some((b, n)) => {
                (*info).dli_sname = n.as_ptr() as *const c_char;
                (*info).dli_saddr = (d.base + b.st_value as usize) as *mut c_void;
            }
            None => {
                (*info).dli_sname = core::ptr::null();
                (*info).dli_saddr = core::ptr::null_mut();
            }
        }
    }
    1
}
