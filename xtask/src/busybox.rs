//! busybox for the vibix initramfs: `/bin/busybox`, `/bin/sh` and every other
//! applet as a symlink to it, so programs that spawn `sh`, `echo`, `cat`
//! (std::process::Command, system, popen, io.popen) and shell scripts run
//! inside vibix.
//!
//! Which build (docs/kernel.md, "busybox"): by default the vibix-cc build
//! (`testlibs/busybox/build.sh vibix $SYSROOT/bin/vibix-cc`, PT_INTERP
//! ld-vibix, DT_NEEDED libc.so), so shell scripts in QEMU exercise our own
//! loader and libc. `VIBIX_BUSYBOX=musl-static` selects the static musl-gcc
//! build (`build.sh musl-static "musl-gcc -static"`) instead, `VIBIX_BUSYBOX=/path`
//! takes a ready binary. build.sh is incremental: after the first build
//! (a few minutes) a call only runs a no-op make.

use crate::{apt, command, paths};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Busybox {
    pub binary: PathBuf,
    /// Applet names (`busybox --list`), `busybox` itself left out.
    pub applets: Vec<String>,
}

/// Builds (or reuses) busybox and lists its applets.
pub fn get(sysroot: &Path) -> Result<Busybox, String> {
    let choice = std::env::var("VIBIX_BUSYBOX").unwrap_or_default();
    let binary = match choice.as_str() {
        "" | "vibix" => build("vibix", &sysroot.join("bin/vibix-cc").to_string_lossy())?,
        "musl-static" => {
            if Command::new("musl-gcc").arg("--version").output().is_err() {
                apt::ensure(&["musl-tools"])?;
            }
            build("musl-static", "musl-gcc -static")?
        }
        path => PathBuf::from(path),
    };
    // The vibix build runs on the host through its PT_INTERP, the static one as it is.
    let list = command::output(Command::new(&binary).arg("--list"))?;
    let applets: Vec<String> = list.lines().map(str::trim).filter(|a| !a.is_empty() && *a != "busybox").map(String::from).collect();
    if !applets.iter().any(|a| a == "sh") {
        return Err(format!("{} has no sh applet", binary.display()));
    }
    Ok(Busybox { binary, applets })
}

/// `cargo xtask busybox`: builds (or reuses) the initramfs busybox, prints its path.
pub fn main(args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask busybox (VIBIX_BUSYBOX=vibix (default)|musl-static|PATH)".into());
    }
    println!("{}", get(&paths::sysroot())?.binary.display());
    Ok(())
}

fn build(name: &str, cc: &str) -> Result<PathBuf, String> {
    let script = paths::workspace().join("testlibs/busybox/build.sh");
    let top = paths::target_dir().join("busybox");
    std::fs::create_dir_all(&top).map_err(|e| format!("{}: {e}", top.display()))?;
    // Test cases run two at a time and more than one may want busybox: one build at a time.
    let dir = command::output(
        Command::new("flock")
            .arg(top.join(format!(".lock-{name}")))
            .arg("bash")
            .arg(&script)
            .args([name, cc])
            .env("VIBIX_TARGET_DIR", paths::target_dir()),
    )
    .map_err(|e| format!("busybox ({name}) for the initramfs: {e}"))?;
    let bin = PathBuf::from(dir.lines().last().unwrap_or_default()).join("busybox");
    if !bin.is_file() {
        return Err(format!("busybox build.sh printed no binary ({})", bin.display()));
    }
    Ok(bin)
}
