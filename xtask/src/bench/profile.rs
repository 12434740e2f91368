//! `cargo xtask bench --annotate PROG[:LOADER]`: where the instructions before
//! `main` go, per function (exclusive, then inclusive), for one program built
//! by one toolchain. This is how hotspots for the loader are found.

use std::path::Path;
use std::process::{Command, Stdio};

use super::build::Toolchain;
use super::{Loader, Prog, Sizes};

pub fn parse(spec: &str) -> Result<(Prog, Loader), String> {
    let (p, l) = spec.split_once(':').unwrap_or((spec, "vibix"));
    let prog = Prog::ALL
        .into_iter()
        .find(|x| x.key() == p)
        .ok_or_else(|| format!("--annotate: no program `{p}` (one of: {})", keys()))?;
    let loader = Loader::ALL
        .into_iter()
        .find(|x| x.name() == l)
        .ok_or_else(|| format!("--annotate: no loader `{l}` (vibix, glibc or musl)"))?;
    Ok((prog, loader))
}

fn keys() -> String {
    Prog::ALL.map(|p| p.key()).join(", ")
}

/// Builds `prog` with `tc`, runs it under callgrind and prints the top of
/// `callgrind_annotate` for the part before `main`.
pub fn annotate(tc: &Toolchain, prog: Prog, sizes: Sizes, src: &Path, work: &Path) -> Result<(), String> {
    let built = tc.build(prog, sizes, src, work)?;
    let out = built.dir.join("annotate.out");
    let status = Command::new("valgrind")
        .env_clear()
        .args(["--tool=callgrind", "--dump-before=main", "--dump-instr=yes"])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(&built.path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("valgrind: {e}"))?;
    if !status.success() {
        return Err(format!("{} under callgrind: {status}", built.path.display()));
    }
    let part = out.with_extension("out.1");
    for inclusive in ["no", "yes"] {
        let res = Command::new("callgrind_annotate")
            .arg(format!("--inclusive={inclusive}"))
            .arg(&part)
            .output()
            .map_err(|e| format!("callgrind_annotate: {e}"))?;
        let text = String::from_utf8_lossy(&res.stdout);
        let body = text.split_once("PROGRAM TOTALS").map_or(text.as_ref(), |x| x.1);
        println!("== {} {} before main, {} ==", prog.key(), tc.loader.name(), if inclusive == "yes" { "inclusive" } else { "exclusive" });
        for line in body.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("---")).take(30) {
            println!("{line}");
        }
    }
    println!("(full data: callgrind_annotate --auto=yes {})", part.display());
    Ok(())
}
