//! Building the benchmark programs with each toolchain, and checking that the
//! result carries the relocations it is meant to measure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{gen, tool_version, Loader, Prog, Sizes};

/// A compiler driver that produces programs for one loader.
pub struct Toolchain {
    pub loader: Loader,
    pub cc: PathBuf,
    /// Why this toolchain cannot be used at all.
    pub missing: Option<String>,
    /// Why this toolchain's programs cannot use DT_RELR (column shows n/a).
    pub no_relr: Option<String>,
}

/// Relocations in a built executable (its libraries are not counted).
#[derive(Clone, Copy, Debug, Default)]
pub struct Relocs {
    pub relative: usize,
    /// JUMP_SLOT + GLOB_DAT + R_X86_64_64: the ones that need a symbol lookup.
    pub symbolic: usize,
    /// The executable has DT_RELR (relative relocations packed).
    pub relr: bool,
}

pub struct Built {
    pub path: PathBuf,
    pub dir: PathBuf,
    pub relocs: Relocs,
}

impl Toolchain {
    pub fn detect(loader: Loader, sysroot: &Path) -> Toolchain {
        let (cc, missing) = match loader {
            Loader::Vibix => {
                let cc = sysroot.join("bin/vibix-cc");
                let ldso = sysroot.join("lib/ld-vibix.so.1");
                let missing = if !cc.exists() || !ldso.exists() {
                    Some(format!("{} or {} missing (run `cargo xtask build`)", cc.display(), ldso.display()))
                } else {
                    None
                };
                (cc, missing)
            }
            Loader::Glibc => {
                let missing = tool_version("gcc", "--version").is_none().then(|| "gcc not found".to_string());
                (PathBuf::from("gcc"), missing)
            }
            Loader::Musl => {
                let missing = tool_version("musl-gcc", "--version")
                    .is_none()
                    .then(|| "musl-gcc not found (apt-get install musl-tools)".to_string());
                (PathBuf::from("musl-gcc"), missing)
            }
        };
        let mut no_relr = None;
        if !linker_packs_relative() {
            no_relr = Some("the linker has no -z pack-relative-relocs".to_string());
        } else if loader == Loader::Musl {
            if let Some(v) = musl_version() {
                if version_lt(&v, &[1, 2, 4]) {
                    no_relr = Some(format!("musl {v} cannot load DT_RELR (added in 1.2.4)"));
                }
            }
        }
        Toolchain { loader, cc, missing, no_relr }
    }

    /// Builds `prog` into `work/<prog>/`.
    pub fn build(&self, prog: Prog, sizes: Sizes, src: &Path, work: &Path) -> Result<Built, String> {
        if let Some(why) = &self.missing {
            return Err(format!("n/a: {why}"));
        }
        if prog.packed() {
            if let Some(why) = &self.no_relr {
                return Err(format!("n/a: {why}"));
            }
        }
        let dir = work.join(prog.key());
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let exe = dir.join(prog.key());
        let now = "-Wl,-z,now";
        match prog {
            Prog::Hello => self.cc(&["-O2", now], &[&src.join("hello.c")], &exe, &[])?,
            Prog::SymsBase | Prog::Syms | Prog::SymsShort | Prog::SymsLong => {
                let n = if prog == Prog::SymsBase { 1 } else { sizes.syms };
                let shape = prog.names().key();
                let lib = dir.join("libbenchsyms.so");
                self.cc(&["-O1", "-fPIC", "-shared", now], &[&src.join(format!("syms-lib-{shape}-{n}.c"))], &lib, &[])?;
                let rpath = format!("-Wl,-rpath,{}", dir.display());
                let libdir = format!("-L{}", dir.display());
                let main = src.join(format!("syms-main-{shape}-{n}.c"));
                self.cc(&["-O1", "-fPIC", now], &[&main], &exe, &[&libdir, "-lbenchsyms", &rpath])?;
            }
            Prog::RelBase | Prog::Rel | Prog::RelrBase | Prog::Relr => {
                let n = if matches!(prog, Prog::Rel | Prog::Relr) { sizes.rel } else { 1 };
                let mut flags = vec!["-O1", now];
                if prog.packed() {
                    flags.push("-Wl,-z,pack-relative-relocs");
                }
                self.cc(&flags, &[&src.join(format!("rel-{n}.c"))], &exe, &[])?;
            }
        }
        let relocs = count_relocs(&exe)?;
        if prog.packed() && !relocs.relr {
            return Err("linked with -z pack-relative-relocs but has no DT_RELR".into());
        }
        Ok(Built { path: exe, dir, relocs })
    }

    fn cc(&self, flags: &[&str], inputs: &[&Path], out: &Path, libs: &[&str]) -> Result<(), String> {
        let res = Command::new(&self.cc)
            .args(flags)
            .args(inputs)
            .arg("-o")
            .arg(out)
            .args(libs)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("{}: {e}", self.cc.display()))?;
        if res.status.success() {
            Ok(())
        } else {
            let err = String::from_utf8_lossy(&res.stderr);
            let first = err.lines().find(|l| l.contains("error")).or_else(|| err.lines().next()).unwrap_or("");
            Err(format!("{} failed building {}: {}", self.cc.display(), out.display(), first.trim()))
        }
    }
}

/// Writes every source the programs need into `src` (unchanged files are kept).
pub fn write_sources(root: &Path, src: &Path, sizes: Sizes) -> Result<(), String> {
    fs::create_dir_all(src).map_err(|e| format!("{}: {e}", src.display()))?;
    let hello = root.join("testlibs/bench/hello.c");
    let hello = fs::read_to_string(&hello).map_err(|e| format!("{}: {e}", hello.display()))?;
    let mut files = vec![("hello.c".to_string(), hello)];
    for names in gen::Names::ALL {
        let shape = names.key();
        for n in [1, sizes.syms] {
            files.push((format!("syms-lib-{shape}-{n}.c"), gen::syms_lib(n, names)));
            files.push((format!("syms-main-{shape}-{n}.c"), gen::syms_main(n, names)));
        }
    }
    for n in [1, sizes.rel] {
        files.push((format!("rel-{n}.c"), gen::relative(n)));
    }
    for (name, text) in files {
        let path = src.join(name);
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Counts the executable's dynamic relocations with `readelf`.
fn count_relocs(exe: &Path) -> Result<Relocs, String> {
    let run = |flag: &str| -> Result<String, String> {
        let out = Command::new("readelf")
            .args([flag, "-W"])
            .arg(exe)
            .output()
            .map_err(|e| format!("readelf: {e}"))?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let mut r = Relocs { relr: run("-d")?.contains("(RELR)"), ..Relocs::default() };
    for line in run("-r")?.lines() {
        match line.split_whitespace().nth(2) {
            Some("R_X86_64_RELATIVE") => r.relative += 1,
            Some("R_X86_64_JUMP_SLOT" | "R_X86_64_GLOB_DAT" | "R_X86_64_64") => r.symbolic += 1,
            _ => {}
        }
    }
    Ok(r)
}

fn linker_packs_relative() -> bool {
    Command::new("ld")
        .arg("--help")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("pack-relative-relocs"))
        .unwrap_or(false)
}

/// musl's version, from its loader's usage text ("Version 1.2.3").
pub fn musl_version() -> Option<String> {
    let out = Command::new("musl-gcc").arg("-print-file-name=libc.so").output().ok()?;
    let libc = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let mut candidates = vec![PathBuf::from("/lib/ld-musl-x86_64.so.1")];
    if libc.starts_with('/') {
        candidates.insert(0, PathBuf::from(libc));
    }
    for ldso in candidates {
        if let Ok(out) = Command::new(&ldso).output() {
            let text = String::from_utf8_lossy(&out.stderr).into_owned();
            if let Some(v) = text.lines().find_map(|l| l.strip_prefix("Version ")) {
                return Some(v.trim().to_string());
            }
        }
    }
    None
}

fn version_lt(v: &str, want: &[u32]) -> bool {
    let have: Vec<u32> = v.split('.').map(|p| p.parse().unwrap_or(0)).collect();
    have.as_slice() < want
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        assert!(version_lt("1.2.3", &[1, 2, 4]));
        assert!(!version_lt("1.2.10", &[1, 2, 4]));
        assert!(!version_lt("1.2.4", &[1, 2, 4]));
    }
}
