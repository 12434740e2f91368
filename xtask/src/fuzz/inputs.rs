//! Building the fuzz inputs (xtask/fuzz/*.c) with the host gcc, freestanding,
//! against the ld-vibix under test. Each input is a program `prog` and the
//! library it needs, `libfz.so`, found through `DT_RUNPATH=$ORIGIN`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// One program + library pair, as built.
pub struct Input {
    pub name: &'static str,
    pub prog: Vec<u8>,
    pub lib: Vec<u8>,
}

/// (name, library flags, program source, program flags)
const INPUTS: &[(&str, &[&str], &str, &[&str])] = &[
    ("a", &["-Wl,-z,now", "-Wl,--hash-style=gnu", "-Wl,--version-script=lib.map"], "prog.c", &["-Wl,-z,now", "-lfz"]),
    ("b", &["-Wl,-z,lazy", "-Wl,--hash-style=sysv", "-Wl,-z,pack-relative-relocs"], "prog.c", &["-Wl,-z,pack-relative-relocs", "-Wl,--hash-style=sysv", "-lfz"]),
    ("dl", &["-Wl,-z,now", "-Wl,--version-script=lib.map"], "dlprog.c", &["LDSO"]),
];

fn gcc(dir: &Path, common: &Path, args: &[String]) -> Result<(), String> {
    let mut c = Command::new("gcc");
    c.current_dir(dir)
        .args(["-O1", "-fPIC", "-nostdlib", "-ffreestanding", "-fno-stack-protector", "-fno-builtin", "-Wl,--no-as-needed"])
        .arg(format!("-I{}", common.display()))
        .args(args);
    crate::command::run(&mut c)
}

/// Builds every input into `work/inputs/<name>/`.
pub fn build(work: &Path, ldso: &Path) -> Result<Vec<Input>, String> {
    let ws = crate::paths::workspace();
    let src = ws.join("xtask/fuzz");
    let common = ws.join("testlibs/loader/_common");
    let mut v = Vec::new();
    for &(name, lflags, prog_src, pflags) in INPUTS {
        let dir: PathBuf = work.join("inputs").join(name);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let s = |p: &Path| p.display().to_string();
        let mut la: Vec<String> = vec!["-shared".into(), "-Wl,-soname,libfz.so".into(), s(&src.join("lib.c"))];
        la.extend(lflags.iter().map(|f| f.replace("lib.map", &s(&src.join("lib.map")))));
        la.extend(["-o".into(), "libfz.so".into()]);
        gcc(&dir, &common, &la)?;
        let mut pa: Vec<String> = vec!["-pie".into(), s(&common.join("start.S")), s(&src.join(prog_src))];
        pa.extend(pflags.iter().map(|f| if *f == "LDSO" { s(ldso) } else { f.to_string() }));
        pa.extend([
            "-L.".into(),
            format!("-Wl,-rpath-link,{}", s(ldso.parent().unwrap_or(Path::new("/")))),
            "-Wl,-rpath,$ORIGIN".into(),
            "-Wl,--enable-new-dtags".into(),
            format!("-Wl,--dynamic-linker={}", s(ldso)),
            "-o".into(),
            "prog".into(),
        ]);
        gcc(&dir, &common, &pa)?;
        let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"));
        v.push(Input { name, prog: read("prog")?, lib: read("libfz.so")? });
    }
    Ok(v)
}
