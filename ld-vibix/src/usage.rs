//! `--help`, `--version` and `LD_DEBUG=help`: text on stdout, exit status 0.

use crate::diag::{write_stdout, Msg, DEBUG_CATEGORIES};
use crate::env::{DEFAULT_TLS_SURPLUS, TLS_SURPLUS_VAR};

const OPTIONS: &[(&str, &str)] = &[
    ("--list", "list all dependencies and how they are resolved, do not run"),
    ("--library-path PATH", "use PATH instead of LD_LIBRARY_PATH"),
    ("--preload LIBS", "load LIBS (like LD_PRELOAD) before the program's dependencies"),
    ("--help", "display this help and exit"),
    ("--version", "output version information and exit"),
];

const VARIABLES: &[(&[u8], &str)] = &[
    (b"LD_LIBRARY_PATH", "directories searched before RUNPATH and the defaults (`:` separated)"),
    (b"LD_PRELOAD", "objects loaded right after the program (`:` or space separated)"),
    (b"LD_DEBUG", "trace on stderr; LD_DEBUG=help lists the categories"),
    (b"LD_BIND_NOW", "accepted; binding is always immediate"),
];

/// One `  name   what` line, written at once (a [`Msg`] holds 480 bytes).
fn line(name: &[u8], width: usize, what: &str) {
    write_stdout(start_line(name, width).s(what).s("\n").bytes());
}

fn start_line(name: &[u8], width: usize) -> Msg {
    let mut m = Msg::new();
    m.s("  ").push(name);
    for _ in name.len()..width {
        m.s(" ");
    }
    m.s(" ");
    m
}

fn text(s: &str) {
    write_stdout(s.as_bytes());
}

/// `ld-vibix.so.1 --help`
pub fn help() -> ! {
    text("Usage: ld-vibix.so.1 [OPTION]... PROGRAM [ARGS...]\n");
    text("The vibix program interpreter: loads PROGRAM and its libraries, then runs it.\n");
    text("The kernel normally starts it from a program's PT_INTERP.\n\n");
    for (o, w) in OPTIONS {
        line(o.as_bytes(), 21, w);
    }
    text("\nEnvironment (all ignored in setuid/setgid programs):\n");
    for (v, w) in VARIABLES {
        line(v, 21, w);
    }
    let mut m = start_line(TLS_SURPLUS_VAR, 21);
    m.s("static TLS surplus in bytes for dlopened initial-exec TLS (default ").dec(DEFAULT_TLS_SURPLUS).s(")\n");
    write_stdout(m.bytes());
    crate::sys_rt::exit_group(0)
}

/// `ld-vibix.so.1 --version`
pub fn version() -> ! {
    text(concat!("ld-vibix.so.1 (vibix) ", env!("CARGO_PKG_VERSION"), "\n"));
    text("The vibix dynamic linker, written in Rust.\n");
    crate::sys_rt::exit_group(0)
}

/// `LD_DEBUG=help`
pub fn debug_help() -> ! {
    text("Valid options for the LD_DEBUG environment variable are:\n\n");
    for (name, _, what) in DEBUG_CATEGORIES {
        line(name.as_bytes(), 10, what);
    }
    line(b"help", 10, "display this help message and exit");
    text("\nCategories are separated by commas, colons or spaces; the trace goes to stderr.\n");
    crate::sys_rt::exit_group(0)
}
