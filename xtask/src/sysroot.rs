//! `cargo xtask build`: build the userland and install `<target dir>/sysroot`.
//!
//! ```text
//! sysroot/
//!   bin/vibix-cc            crt/vibix-cc.sh (finds the sysroot from its own path)
//!   bin/vibix-readelf       when the crate builds a binary
//!   include/                copy of vibix_libc/include
//!   lib/ld-vibix.so.1       the interpreter (cargo: libld_vibix.so)
//!   lib/libc.so             vibix_libc (cargo: libvibix_libc.so)
//!   lib/lib{m,pthread,dl,rt,util,gcc_s}.so -> libc.so   (link-time names only)
//!   lib/crt1.o Scrt1.o crti.o crtn.o
//! ```
//!
//! ld-vibix is built first: vibix_libc links against it (DT_NEEDED ld-vibix.so.1)
//! and finds it through `$VIBIX_LDSO` (the installed file) in its build script.

use crate::command::{self, cargo};
use crate::paths;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Link-time names that all mean vibix_libc, so `-lm -lpthread ...` resolve.
pub const LIBC_LINK_NAMES: &[&str] =
    &["libm.so", "libpthread.so", "libdl.so", "librt.so", "libutil.so", "libgcc_s.so"];

/// rustc flags for the two shared objects' own crates (`cargo rustc`: their
/// dependencies are built as usual). With full RELRO (the host default) rustc
/// calls functions of other crates through the GOT (`call *f@GOTPCREL`, a
/// relocation no linker relaxes), so each callee costs a GOT slot and a
/// RELATIVE relocation at every start-up (~350 in libc.so). With "partial" it
/// calls through the PLT, which the linker turns into direct calls for
/// functions of the same object. Both link with `-z now` and `-z relro`
/// themselves (build.rs), so nothing else changes.
const DIRECT_CALLS: &[&str] = &["-C", "relro-level=partial"];

/// (cfg value, installed object name)
const CRT_OBJECTS: &[(&str, &str)] =
    &[("crt1", "crt1.o"), ("scrt1", "Scrt1.o"), ("crti", "crti.o"), ("crtn", "crtn.o")];

pub fn main(args: &[String]) -> Result<(), String> {
    if let Some(a) = args.first() {
        return Err(format!("unexpected argument `{a}`"));
    }
    let root = build()?;
    println!("sysroot installed at {}", root.display());
    Ok(())
}

/// Build everything and install the sysroot; returns its path.
pub fn build() -> Result<PathBuf, String> {
    let root = paths::sysroot();
    let lib = root.join("lib");
    let bin = root.join("bin");
    for d in [&lib, &bin] {
        fs::create_dir_all(d).map_err(|e| format!("mkdir {}: {e}", d.display()))?;
    }
    let release = paths::release_dir();

    command::run(cargo().args(["rustc", "--release", "-p", "ld-vibix", "--"]).args(DIRECT_CALLS))?;
    let ldso = lib.join("ld-vibix.so.1");
    install(&release.join("libld_vibix.so"), &ldso, 0o755)?;

    command::run(
        cargo()
            .args(["rustc", "--release", "-p", "vibix_libc", "--"])
            .args(DIRECT_CALLS)
            .env("VIBIX_LDSO", &ldso)
            .env("VIBIX_SYSROOT", &root),
    )?;
    install(&release.join("libvibix_libc.so"), &lib.join("libc.so"), 0o755)?;
    for name in LIBC_LINK_NAMES {
        symlink(Path::new("libc.so"), &lib.join(name))?;
    }

    build_crt(&lib)?;
    install_headers(&paths::workspace().join("vibix_libc/include"), &root.join("include"))?;
    install(&paths::workspace().join("crt/vibix-cc.sh"), &bin.join("vibix-cc"), 0o755)?;
    install_readelf(&bin)?;
    Ok(root)
}

/// Compile crt/src/lib.rs once per object with `rustc --emit=obj`.
fn build_crt(lib: &Path) -> Result<(), String> {
    let src = paths::workspace().join("crt/src/lib.rs");
    let tmp = paths::target_dir().join("crt");
    fs::create_dir_all(&tmp).map_err(|e| format!("mkdir {}: {e}", tmp.display()))?;
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    for (cfg, name) in CRT_OBJECTS {
        let out = tmp.join(name);
        command::run(
            Command::new(&rustc)
                .args(["--edition=2021", "--crate-type=lib", "--crate-name=crt", "--emit=obj"])
                .args(["-C", "panic=abort", "-C", "opt-level=2", "-C", "embed-bitcode=no"])
                .args(["-C", "relocation-model=pic", "--cfg"])
                .arg(format!("vibix_crt=\"{cfg}\""))
                .arg(&src)
                .arg("-o")
                .arg(&out),
        )?;
        install(&out, &lib.join(name), 0o644)?;
    }
    Ok(())
}

/// Replace `dst` by a fresh copy of the headers in `src`.
fn install_headers(src: &Path, dst: &Path) -> Result<(), String> {
    if dst.exists() {
        fs::remove_dir_all(dst).map_err(|e| format!("rm -r {}: {e}", dst.display()))?;
    }
    copy_tree(src, dst)
}

fn copy_tree(src: &Path, dst: &Path) -> Result<(), String> {
    fs::create_dir_all(dst).map_err(|e| format!("mkdir {}: {e}", dst.display()))?;
    let entries = fs::read_dir(src).map_err(|e| format!("read {}: {e}", src.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("read {}: {e}", src.display()))?;
        let path = entry.path();
        let to = dst.join(entry.file_name());
        if path.is_dir() {
            copy_tree(&path, &to)?;
        } else {
            fs::copy(&path, &to).map_err(|e| format!("cp {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// vibix-readelf, once its crate is a real binary.
fn install_readelf(bin: &Path) -> Result<(), String> {
    command::run(cargo().args(["build", "--release", "-p", "vibix-readelf"]))?;
    install(&paths::release_dir().join("vibix-readelf"), &bin.join("vibix-readelf"), 0o755)
}

/// Copy `src` to `dst` unless identical (keeps mtimes stable, so nothing that
/// depends on the installed file rebuilds needlessly). Replaces by rename, so a
/// program that has the old file mapped keeps running.
pub fn install(src: &Path, dst: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    let data = fs::read(src).map_err(|e| format!("read {}: {e}", src.display()))?;
    if fs::read(dst).is_ok_and(|old| old == data) {
        return Ok(());
    }
    let tmp = dst.with_extension("xtask-tmp");
    fs::write(&tmp, &data).map_err(|e| format!("write {}: {e}", tmp.display()))?;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(mode))
        .map_err(|e| format!("chmod {}: {e}", tmp.display()))?;
    fs::rename(&tmp, dst).map_err(|e| format!("rename to {}: {e}", dst.display()))
}

fn symlink(target: &Path, link: &Path) -> Result<(), String> {
    if fs::read_link(link).is_ok_and(|t| t == target) {
        return Ok(());
    }
    let _ = fs::remove_file(link);
    std::os::unix::fs::symlink(target, link)
        .map_err(|e| format!("ln -s {} {}: {e}", target.display(), link.display()))
}
