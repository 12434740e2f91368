//! `cargo xtask run`: build the sysroot, compile xtask/demo/hello.c with
//! vibix-cc and run it, first through PT_INTERP, then by invoking ld-vibix
//! directly; then boot the vibix kernel in QEMU to run a Rust std hello there.

use crate::{command, paths, sysroot};
use std::process::Command;

pub fn main(args: &[String]) -> Result<(), String> {
    let root = sysroot::build()?;
    let dir = paths::target_dir().join("demo");
    std::fs::create_dir_all(&dir).map_err(|e| format!("mkdir {}: {e}", dir.display()))?;
    let src = paths::workspace().join("xtask/demo/hello.c");
    let exe = dir.join("hello");
    command::run(
        Command::new(root.join("bin/vibix-cc")).args(["-O2", "-Wall", "-o"]).arg(&exe).arg(&src),
    )?;
    let ldso = root.join("lib/ld-vibix.so.1");
    let demo_args: Vec<&str> =
        if args.is_empty() { vec!["from", "vibix"] } else { args.iter().map(String::as_str).collect() };

    println!("$ {} {}", exe.display(), demo_args.join(" "));
    command::run(Command::new(&exe).args(&demo_args).env_remove("LD_LIBRARY_PATH"))?;
    println!("\n$ {} {} {}", ldso.display(), exe.display(), demo_args.join(" "));
    command::run(Command::new(&ldso).arg(&exe).args(&demo_args).env_remove("LD_LIBRARY_PATH"))?;

    println!("\n# booting vibix in QEMU");
    crate::kernel::main(&["run".to_string()])
}
