//! Program start-up.
//!
//! 1. ld-vibix runs libc's `.init_array` constructor [`libc_init`] before any other
//!    constructor (dependencies first): it records `environ`, auxv and the program
//!    name. It makes no syscalls and allocates nothing.
//! 2. crt1's `_start` calls [`__libc_start_main`] (glibc signature): it registers
//!    the loader's finalizer with `atexit`, runs the executable's DT_INIT and
//!    DT_INIT_ARRAY (found through AT_PHDR), calls `main` and `exit`s.
use core::ffi::{c_char, c_int, c_ulong, c_void};
use core::ptr::null_mut;

use crate::header::stdlib::exit::{atexit, exit};
use crate::thread::area::set_errno;

pub mod exe;

/// The current environment (the program's `environ`).
pub fn env() -> *mut *mut c_char {
    // SAFETY: reading the pointer variable.
    unsafe { *crate::got!(environ) }
}

pub fn set_env(e: *mut *mut c_char) {
    // SAFETY: writing the pointer variable(s); single writer by contract of setenv.
    unsafe {
        *crate::got!(environ) = e;
        *crate::got!(__environ) = e;
    }
}

/// `char **environ` (and its glibc aliases below). Always accessed through
/// `got!`: a program may own the real object (copy relocation).
#[unsafe(no_mangle)]
pub static mut environ: *mut *mut c_char = null_mut();
#[unsafe(no_mangle)]
pub static mut __environ: *mut *mut c_char = null_mut();
/// GNU `program_invocation_name` / `program_invocation_short_name`.
#[unsafe(no_mangle)]
pub static mut program_invocation_name: *mut c_char = null_mut();
#[unsafe(no_mangle)]
pub static mut program_invocation_short_name: *mut c_char = null_mut();
/// The auxiliary vector: pairs of (type, value), ending with AT_NULL.
static mut AUXV: *const usize = core::ptr::null();

type InitFn = unsafe extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char);

/// libc's own constructor; ld-vibix calls it with (argc, argv, envp).
unsafe extern "C" fn libc_init(argc: c_int, argv: *mut *mut c_char, envp: *mut *mut c_char) {
    // SAFETY: called once, single-threaded, with the kernel's argv/envp.
    unsafe { setup(argc, argv, envp) };
}

#[used]
#[unsafe(link_section = ".init_array")]
static LIBC_INIT: InitFn = libc_init;

/// Records environ, auxv and the program name. Idempotent (also called from
/// `__libc_start_main` in case a loader skipped our constructor).
unsafe fn setup(argc: c_int, argv: *mut *mut c_char, mut envp: *mut *mut c_char) {
    // SAFETY: the start-up stack layout is argv[argc] = NULL, envp..., NULL, auxv.
    unsafe {
        if !AUXV.is_null() {
            return;
        }
        if envp.is_null() {
            envp = argv.add(argc as usize + 1);
        }
        *crate::got!(environ) = envp;
        *crate::got!(__environ) = envp;
        let mut p = envp;
        while !(*p).is_null() {
            p = p.add(1);
        }
        AUXV = p.add(1) as *const usize;
        if argc > 0 && !(*argv).is_null() {
            let name = *argv;
            *crate::got!(program_invocation_name) = name;
            let mut short = name;
            let mut q = name;
            while *q != 0 {
                if *q == b'/' as c_char {
                    short = q.add(1);
                }
                q = q.add(1);
            }
            *crate::got!(program_invocation_short_name) = short;
        }
    }
}

/// glibc's `__libc_start_main`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __libc_start_main(
    main: unsafe extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char) -> c_int,
    argc: c_int,
    argv: *mut *mut c_char,
    init: Option<InitFn>,
    _fini: Option<extern "C" fn()>,
    rtld_fini: Option<extern "C" fn()>,
    _stack_end: *mut c_void,
) -> c_int {
    // SAFETY: argv comes from the kernel's start-up stack.
    unsafe {
        setup(argc, argv, null_mut());
        crate::thread::pthread::MAIN_STACK_END = _stack_end as usize;
    }
    if let Some(f) = rtld_fini {
        atexit(f);
    }
    // SAFETY: environ was just set up; the init functions are the program's own.
    unsafe {
        let envp: *mut *mut c_char = *crate::got!(environ);
        match init {
            Some(f) => f(argc, argv, envp),
            None => exe::run_init(argc, argv, envp),
        }
        exit(main(argc, argv, envp))
    }
}

/// argv[0], or NULL.
pub fn program_name() -> *const c_char {
    // SAFETY: reading the pointer variable.
    unsafe { *crate::got!(program_invocation_name) }
}

/// The auxv value of type `t`, if present.
pub fn aux(t: usize) -> Option<usize> {
    // SAFETY: AUXV is set once at start-up and points at the kernel's vector.
    unsafe {
        let mut p = AUXV;
        if p.is_null() {
            return None;
        }
        while *p != 0 {
            if *p == t {
                return Some(*p.add(1));
            }
            p = p.add(2);
        }
    }
    None
}

/// `unsigned long getauxval(unsigned long type)`.
#[unsafe(no_mangle)]
pub extern "C" fn getauxval(t: c_ulong) -> c_ulong {
    match aux(t as usize) {
        Some(v) => v as c_ulong,
        None => {
            set_errno(2); // ENOENT
            0
        }
    }
}
