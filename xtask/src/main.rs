//! `cargo xtask <command>`: builds the vibix sysroot, runs the demo and the tests.
//!
//! This file only dispatches; each command lives in its own module. To add a
//! command, add a module with a `pub fn main(args: &[String]) -> Result<(), String>`
//! and one line to `COMMANDS` (xtask/src/kernel.rs and bench.rs belong to the
//! kernel and benchmark engineers).

mod apt;
mod bench;
mod busybox;
mod command;
mod demo;
mod elf_relocs;
mod fuzz;
mod kernel;
mod kernel_libs;
mod kernel_snap;
mod paths;
mod sysroot;
mod testrun;

type CommandFn = fn(&[String]) -> Result<(), String>;

/// (name, handler, one-line help)
const COMMANDS: &[(&str, CommandFn, &str)] = &[
    ("build", sysroot::main, "build ld-vibix, vibix_libc, crt and install target/sysroot"),
    ("run", demo::main, "build, then compile a demo C program with vibix-cc and run it"),
    ("test", testrun::main, "host unit tests, build, then every testlibs/**/run.sh"),
    ("elf-relocs", elf_relocs::main, "print the relocation types an ELF file carries"),
    ("bench", bench::main, "ld-vibix vs glibc vs musl start-up benchmarks (--smoke: quick CI run)"),
    ("fuzz", fuzz::main, "malformed-ELF fuzzer for ld-vibix (--seed N --count N -j N --replay LINE)"),
    ("kernel", kernel::main, "the vibix kernel: build | test (boots QEMU) | run (Rust hello on vibix)"),
    ("busybox", busybox::main, "build (or reuse) the busybox the vibix initramfs gets, print its path"),
    ("qemu-snapshot", kernel_snap::main, "(for testlibs/lib.sh) note a case's files for `kernel test`"),
    ("apt", apt::main, "install the apt packages the tests need (when missing)"),
];

fn usage() -> String {
    let mut s = String::from("usage: cargo xtask <command> [args]\n\ncommands:\n");
    for (name, _, help) in COMMANDS {
        s.push_str(&format!("  {name:<12} {help}\n"));
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        eprint!("{}", usage());
        std::process::exit(2);
    };
    if name == "help" || name == "--help" || name == "-h" {
        print!("{}", usage());
        return;
    }
    let Some((_, handler, _)) = COMMANDS.iter().find(|(n, _, _)| n == name) else {
        eprint!("xtask: unknown command `{name}`\n\n{}", usage());
        std::process::exit(2);
    };
    if let Err(e) = handler(&args[1..]) {
        eprintln!("xtask {name}: {e}");
        std::process::exit(1);
    }
}
