//! dlsym/dlvsym (RTLD_DEFAULT, RTLD_NEXT via the caller's return address, or a
//! handle's dependency group) and dladdr.

use super::set_error;
use crate::diag::{msg, Msg};
use crate::loader::F_GLOBAL;
use crate::mem::c_bytes;
use crate::state::{lock, Namespace, Obj};
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
fn scope(s: &Namespace, handle: usize, caller: usize) -> Result<Vec<Obj>, &'static [u8]> {
    if handle == 0 || handle == s.main.as_ptr() as usize {
        return Ok(s.global_scope().collect());
    }
    if handle == RTLD_NEXT {
        let Some(c) = s.containing(caller) else { return Err(b"RTLD_NEXT used in code not dynamically loaded") };
        let pos = s.objs().iter().position(|&p| p == c).unwrap_or(0);
        let group = &s.obj(c).group;
        return Ok(s.objs()[pos + 1..]
            .iter()
            .copied()
            .filter(|&p| s.obj(p).flags & F_GLOBAL != 0 || group.contains(&p))
            .collect());
    }
    let Some(h) = s.from_handle(handle as *mut c_void) else {
        return Err(b"invalid handle");
    };
    // The handle's object and its dependencies, breadth-first.
    let mut g = alloc::vec![h];
    let mut i = 0;
    while i < g.len() {
        for &n in s.obj(g[i]).needed.iter() {
            if !g.contains(&n) {
                g.push(n);
            }
        }
        i += 1;
    }
    Ok(g)
}

/// What the address of a found symbol needs once the namespace is given back.
enum Addr {
    Plain(usize),
    /// An IFUNC resolver: it is the program's code.
    Ifunc(usize),
    /// The calling thread's copy of a TLS symbol.
    Tls(crate::tls::TlsIndex),
}

fn address(s: &Namespace, def: &Def) -> Result<Addr, Msg> {
    let d = s.obj(def.dso);
    if def.sym.kind() == STT_TLS {
        return Ok(Addr::Tls(crate::tls::TlsIndex { module: d.tls.map_or(0, |t| t.id), offset: def.sym.st_value as usize }));
    }
    let a = def.addr(s);
    if !d.img.spans(a) && def.sym.st_shndx != SHN_ABS {
        return Err(crate::reloc::bad_value(s, def));
    }
    if def.sym.kind() == STT_GNU_IFUNC {
        if !d.img.executable(a) {
            let name = d.syms.name(def.sym).unwrap_or(b"?");
            return Err(msg(&[d.name(), b": IFUNC symbol `", name, b"' outside the executable segments"]));
        }
        return Ok(Addr::Ifunc(a));
    }
    Ok(Addr::Plain(a))
}

unsafe extern "C" fn dlsym_impl(handle: usize, name: *const c_char, caller: usize, version: *const c_char) -> *mut c_void {
    let lk = lock();
    let found = lk.ns_or_err("dlsym").and_then(|s| {
        // SAFETY: C strings from the caller.
        let (name, ver) = unsafe { (c_bytes(name as *const u8), c_bytes(version as *const u8)) };
        lookup(&s, handle, name, caller, (!version.is_null()).then_some(ver))
    });
    match found {
        Ok(Addr::Plain(a)) => a as *mut c_void,
        Ok(Addr::Ifunc(f)) => {
            // SAFETY: the symbol's value is its resolver.
            let g: extern "C" fn() -> usize = unsafe { core::mem::transmute(f) };
            crate::diag::call_out(f, || g()) as *mut c_void
        }
        // SAFETY: a valid module id of a loaded object.
        Ok(Addr::Tls(ti)) => (unsafe { crate::tls::__tls_get_addr(&ti) }) as *mut c_void,
        Err(m) => {
            set_error(m);
            core::ptr::null_mut()
        }
    }
}

fn lookup(s: &Namespace, handle: usize, name: &[u8], caller: usize, ver: Option<&[u8]>) -> Result<Addr, Msg> {
    let scope = scope(s, handle, caller).map_err(|e| msg(&[b"dlsym: ", e]))?;
    let vreq = ver.map(|v| VersionReq { name: v, hash: sysv_hash(v) });
    let q = SymQuery::new(name, vreq);
    // A scope that starts with a non-PIE program sees its canonical PLT addresses.
    let canon = match scope.first() {
        Some(&p) if is_canon_program(s, p) => canonical(s, &q, None, Bind::Data),
        _ => None,
    };
    match canon.or_else(|| lookup_in(s, &q, scope.into_iter(), None)) {
        Some(def) => {
            // A lookup in the global scope (not through a handle the caller
            // holds) keeps the definition loaded for the calling object.
            if handle == 0 || handle == RTLD_NEXT || handle == s.main.as_ptr() as usize {
                if let Some(c) = s.containing(caller) {
                    super::note_binding(s, c, def.dso);
                }
            }
            address(s, &def)
        }
        None => {
            let mut m = msg(&[b"undefined symbol: ", name]);
            if let Some(v) = ver {
                m.s(", version ").push(v);
            }
            Err(m)
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
    let lk = lock();
    let Some(s) = lk.ns() else { return 0 };
    let a = addr as usize;
    let Some(p) = s.containing(a) else { return 0 };
    let d = s.obj(p);
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
