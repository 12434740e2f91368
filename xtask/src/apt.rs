//! Installing the Debian packages the tests need, only when they are missing.
//!
//! `apt-get update` runs at most once per xtask process, and only when
//! something must be installed. Set `VIBIX_NO_APT=1` to never touch apt (tests
//! that need a missing tool then skip or fail on their own).

use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

/// Packages `cargo xtask test` makes sure of: the C toolchain vibix-cc drives,
/// binutils' readelf for cross-checks, gdb and valgrind (loader tests, bench),
/// musl-tools (reference loader for bench), QEMU (kernel tests), python3
/// (ELF patching in loader tests), strace (system-call counts in bench),
/// tzdata (zoneinfo files for the libc time zone tests), gettext (msgfmt
/// for the .mo catalogs of libc/gettext-catalogs).
pub const TEST_PACKAGES: &[&str] =
    &["gcc", "binutils", "gdb", "valgrind", "musl-tools", "qemu-system-x86", "python3", "strace", "tzdata", "gettext"];

static UPDATED: AtomicBool = AtomicBool::new(false);

/// `cargo xtask apt [PKG...]`: install PKGs (default: [`TEST_PACKAGES`]) when missing.
pub fn main(args: &[String]) -> Result<(), String> {
    if args.is_empty() {
        ensure(TEST_PACKAGES)
    } else {
        let pkgs: Vec<&str> = args.iter().map(String::as_str).collect();
        ensure(&pkgs)
    }
}

fn installed(pkg: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${db:Status-Abbrev}", pkg])
        .output()
        .map(|o| o.status.success() && o.stdout.starts_with(b"ii"))
        .unwrap_or(false)
}

/// Install whichever of `pkgs` are missing. Without apt or root this only warns.
pub fn ensure(pkgs: &[&str]) -> Result<(), String> {
    if std::env::var_os("VIBIX_NO_APT").is_some_and(|v| v == "1") {
        return Ok(());
    }
    if Command::new("dpkg-query").arg("--version").output().is_err() {
        eprintln!("xtask: no dpkg/apt on this machine; not installing {pkgs:?}");
        return Ok(());
    }
    let missing: Vec<&str> = pkgs.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    // SAFETY: geteuid has no preconditions; declared here to avoid a libc dependency.
    let euid = unsafe { geteuid() };
    let sudo: &[&str] = if euid == 0 { &[] } else { &["sudo", "-n"] };
    eprintln!("xtask: installing missing packages: {}", missing.join(" "));
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut cmd = Command::new(all[0]);
        cmd.args(&all[1..])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdin(std::process::Stdio::null());
        crate::command::run(&mut cmd)
    };
    if !UPDATED.swap(true, Ordering::SeqCst) {
        apt(&["-q", "update"])?;
    }
    let mut args = vec!["-q", "-y", "--no-install-recommends", "install"];
    args.extend_from_slice(&missing);
    apt(&args)
}

extern "C" {
    fn geteuid() -> u32;
}
