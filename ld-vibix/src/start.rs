//! Stage 2: everything after self-relocation, as a list of steps:
//! stack/auxv → settings → program (kernel-mapped, or mapped by us when run
//! directly) → preloads + DT_NEEDED breadth-first → version checks → static TLS
//! layout + main thread → relocate (reverse load order) → IRELATIVE → debugger
//! list → RELRO → preinit/init → return the entry point.

use crate::diag::{die, msg, write_stdout, Msg, DBG_LIBS};
use crate::env::Stack;
use crate::loader::{map, Dso, F_GLOBAL, F_LDSO, F_MAIN, F_RELOCATED};
use crate::search::Found;
use crate::state::{Namespace, Obj};
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use vibix_elf::plan::Limits;
use vibix_elf::*;

static SECURE: AtomicBool = AtomicBool::new(false);
static TLS_READY: AtomicBool = AtomicBool::new(false);
static DEBUG: AtomicU32 = AtomicU32::new(0);

pub fn is_secure() -> bool {
    SECURE.load(Ordering::Relaxed)
}
pub fn tls_ready() -> bool {
    TLS_READY.load(Ordering::Relaxed)
}
pub fn debug_flags() -> u32 {
    DEBUG.load(Ordering::Relaxed)
}

#[repr(C)]
pub struct Entry {
    pub entry: usize,
    pub fini: usize,
}

const USAGE: &str = "usage: ld-vibix.so.1 [--list] [--library-path PATH] [--preload LIBS] PROGRAM [ARGS...]";


/// Stage 2 entry, called from `_vibix_start` with the original stack pointer.
///
/// # Safety
/// Called once, after `relocate_self`, with the process entry stack.
pub unsafe extern "C" fn stage2(sp: *mut usize) -> Entry {
    // SAFETY: sp is the entry stack.
    let mut stack = unsafe { Stack::parse(sp) };
    let aux = stack.aux();
    SECURE.store(aux.secure, Ordering::Relaxed);
    let mut settings = stack.settings(&aux);
    DEBUG.store(settings.debug, Ordering::Relaxed);

    let base = crate::arch::self_base();
    // SAFETY: our own ELF header is mapped at base.
    let eh = unsafe { &*(base as *const Ehdr) };
    let direct = aux.entry == base + eh.e_entry as usize;
    let (main, ldso_path): (Box<Dso>, &[u8]) = if direct {
        let mut k = 1;
        loop {
            match stack.arg(k) {
                b"--list" => settings.list = true,
                b"--help" => crate::usage::help(),
                b"--version" => crate::usage::version(),
                b"--library-path" if !aux.secure => {
                    k += 1;
                    settings.library_path = stack.arg(k);
                }
                b"--preload" if !aux.secure => {
                    k += 1;
                    settings.preload = stack.arg(k);
                }
                _ => break,
            }
            k += 1;
        }
        let prog = stack.arg(k);
        if prog.is_empty() {
            die(&msg(&[USAGE.as_bytes()]));
        }
        let fd = map::open(prog).unwrap_or_else(|_| die(&msg(&[prog, b": cannot open program file"])));
        let m = map::map_file(&fd, map::file_info(&fd), prog, &Limits::PROGRAM).unwrap_or_else(|e| die(&e));
        let ldpath = stack.arg(0);
        stack.drop_args(k);
        stack.set_aux(AT_PHDR, m.phdr as usize);
        stack.set_aux(AT_PHNUM, m.phnum);
        stack.set_aux(AT_ENTRY, m.entry);
        stack.set_aux(AT_BASE, base);
        // SAFETY: argv[0] now points at the program path.
        stack.set_aux(AT_EXECFN, unsafe { *stack.argv } as usize);
        (m, ldpath)
    } else {
        // SAFETY: AT_EXECFN is a NUL-terminated path on the stack.
        let path = unsafe { crate::mem::c_bytes(aux.execfn as *const u8) };
        let m = map::kernel_mapped(aux.phdr, aux.phnum, aux.entry, path).unwrap_or_else(|e| die(&e));
        // PT_INTERP names us (its directory is a search directory), if it is a
        // NUL-terminated string inside the mapped image.
        let interp = m
            .phdrs()
            .iter()
            .find(|p| p.p_type == PT_INTERP)
            .and_then(|p| m.img.tail(m.base.wrapping_add(p.p_vaddr as usize)))
            .and_then(|t| t.iter().position(|&c| c == 0).map(|n| &t[..n]))
            .unwrap_or(b"/lib/ld-vibix.so.1");
        (m, interp)
    };
    let mut main = main;
    main.flags |= F_MAIN | F_GLOBAL;

    // SAFETY: our own program headers, mapped with our ELF header.
    let own = unsafe { core::slice::from_raw_parts((base + eh.e_phoff as usize) as *const Phdr, eh.e_phnum as usize) };
    let mut ldso = vibix_elf::plan::plan(eh, own, u64::MAX, &Limits::LIBRARY)
        .map_err(|e| msg(&[ldso_path, b": ", e.message().as_bytes()]))
        .and_then(|plan| Dso::new(base, &plan, own.as_ptr(), own.len(), ldso_path))
        .unwrap_or_else(|e| die(&e));
    ldso.flags |= F_LDSO | F_GLOBAL | F_RELOCATED;

    // The namespace lives here until the initialisers run; each stage gets `&mut`.
    let args = (stack.argc, stack.argv as usize, stack.envp as usize);
    let mut ns = Namespace::new(main, ldso, settings, vibix_elf::search::dirname(ldso_path), args);
    let s = &mut ns;
    if let Err(e) = load_initial(s) {
        die(&e);
    }
    crate::dl::note_initial(s);
    crate::symbol::note_program(s);
    if settings.list {
        list(s);
        crate::sys_rt::exit_group(0);
    }
    let objs: Vec<Obj> = s.objs().to_vec();
    for &p in &objs {
        if let Err(e) = check_versions(s, s.obj(p)) {
            die(&e);
        }
    }
    crate::tls::layout_initial(s, settings.tls_surplus);
    if let Err(e) = crate::tls::setup_main_thread(aux.random) {
        die(&e);
    }
    TLS_READY.store(true, Ordering::Relaxed);
    for &p in objs.iter().rev() {
        if let Err(e) = crate::reloc::relocate(s, p) {
            die(&e);
        }
    }
    for &p in objs.iter().rev() {
        if p != s.ldso {
            if let Err(e) = crate::reloc::apply_irelative(s.obj(p)) {
                die(&e);
            }
        }
    }
    crate::tls::copy_initial_images();
    let r = crate::debug::rdebug();
    // SAFETY: start-up; DT_DEBUG's slot is in the program's (not yet sealed) dynamic section.
    unsafe {
        (*r).r_ldbase = base;
        if s.obj(s.main).dy.debug != 0 {
            *(s.obj(s.main).dy.debug as *mut usize) = r as usize;
        }
    }
    crate::debug::sync(s, crate::debug::RT_CONSISTENT);
    for &p in &objs {
        crate::reloc::seal_relro(s.obj(p));
    }
    if let Err(e) = crate::init::check_arrays(s, &objs) {
        die(&e);
    }
    let main = s.main;
    let entry = s.obj(main).entry;
    // From here on the program's code runs, and may call dlopen & co.
    crate::state::install(ns);
    crate::init::run_preinit(main);
    let order = {
        let lk = crate::state::lock();
        let s = lk.ns().unwrap_or_else(|| die(&msg(&[b"internal error: namespace not installed"])));
        let order = crate::init::order(&s, &objs);
        if settings.debug & DBG_LIBS != 0 {
            for &p in order.iter().filter(|&&p| p != main) {
                crate::diag::debug_line(&msg(&[b"calling init: ", s.obj(p).name()]));
            }
        }
        order
    };
    crate::init::run_inits(&order);
    Entry { entry, fini: crate::init::fini_all as *const () as usize }
}

/// Adds a found object to the list (new ones become global), returning it.
pub fn adopt(s: &mut Namespace, f: Found, global: bool) -> (Obj, bool) {
    match f {
        Found::Loaded(p) => {
            let added = !s.contains(p);
            s.list(p);
            (p, added)
        }
        Found::New(mut b) => {
            if global {
                b.flags |= F_GLOBAL;
            }
            if debug_flags() & DBG_LIBS != 0 {
                let mut m = msg(&[b"file=", b.name(), b" loaded at "]);
                m.hex(b.base);
                crate::diag::debug_line(&m);
            }
            (s.adopt(b), true)
        }
    }
}

/// LD_PRELOAD objects, then DT_NEEDED of every object breadth-first (the
/// walk of vibix-elf's `deps`), then ld-vibix itself if nobody needed it.
fn load_initial(s: &mut Namespace) -> Result<(), Msg> {
    let pre = s.settings.preload;
    crate::search::load_deps(s, pre, 0, true)?;
    let ldso = s.ldso;
    s.list(ldso);
    Ok(())
}

/// `--list`: like ldd.
fn list(s: &Namespace) {
    for &p in s.objs() {
        let d = s.obj(p);
        if p == s.main {
            continue;
        }
        let mut m = Msg::new();
        m.s("\t");
        if let Some(so) = d.soname().filter(|_| p != s.ldso) {
            if so != d.path_bytes() {
                m.push(so).s(" => ");
            }
        }
        m.push(d.path_bytes()).s(" (").hex(d.base).s(")\n");
        write_stdout(m.bytes());
    }
}

/// Every version an object requires (DT_VERNEED) must be defined by the named
/// file, unless that file has no version definitions at all (vibix objects).
pub fn check_versions(s: &Namespace, d: &Dso) -> Result<(), Msg> {
    let Some(vn) = d.verneed else { return Ok(()) };
    for e in vn.iter() {
        let file = d.dynstr(e.need.vn_file as usize).unwrap_or(b"?");
        let target = crate::search::find_loaded(s, crate::search::alias(file))
            .or_else(|| s.objs().iter().copied().find(|&o| s.obj(o).path_bytes().ends_with(file)));
        let Some(t) = target else { continue };
        let t = s.obj(t);
        if t.syms.verdef.is_none() {
            continue;
        }
        for a in e.auxes() {
            if a.vna_flags & VER_FLG_WEAK != 0 {
                continue;
            }
            let name = d.dynstr(a.vna_name as usize).unwrap_or(b"?");
            if !t.syms.defines_version(name, a.vna_hash) {
                return Err(msg(&[d.name(), b": ", t.name(), b": version `", name, b"' not found (required by ", d.name(), b")"]));
            }
        }
    }
    Ok(())
}
