//! `--bindings` against real loaders' LD_DEBUG=bindings output:
//! glibc's ld.so (always available on the host: same search result here because
//! the test's RUNPATH dir holds a `libc.so` link to the host libc, which is what
//! ld-vibix's soname alias asks for) and ld-vibix itself when the sysroot is built.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

type Key = (String, String, String); // (from, symbol, version)

fn canon(p: &str, cwd: &Path) -> String {
    std::fs::canonicalize(cwd.join(p)).map(|c| c.display().to_string()).unwrap_or_else(|_| p.to_string())
}

/// Parses `binding file A [n] to B [n]: normal symbol `x' [V]` lines (glibc and ld-vibix).
fn parse_ld_debug(text: &str, cwd: &Path) -> BTreeMap<Key, BTreeSet<String>> {
    let mut m: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    for l in text.lines() {
        let Some(rest) = l.split("binding file ").nth(1) else { continue };
        let Some((from, rest)) = rest.split_once(" to ") else { continue };
        let Some((to, rest)) = rest.split_once(": ") else { continue };
        let Some(sym) = rest.split('`').nth(1).and_then(|s| s.split('\'').next()) else { continue };
        let ver = rest.rsplit_once(" [").map(|(_, v)| v.trim_end_matches(']').to_string()).unwrap_or_default();
        let strip = |s: &str| s.split(" [").next().unwrap_or(s).to_string();
        let key = (canon(&strip(from), cwd), sym.to_string(), ver);
        m.entry(key).or_default().insert(canon(&strip(to), cwd));
    }
    m
}

/// Parses our `--bindings` output into the same shape (searched bindings only).
fn parse_ours(text: &str, cwd: &Path) -> (BTreeMap<Key, String>, usize) {
    let mut m = BTreeMap::new();
    let mut from = String::new();
    let mut unresolved = 0;
    for l in text.lines() {
        if let Some(r) = l.strip_prefix("Bindings of '") {
            from = canon(r.split('\'').next().unwrap_or(""), cwd);
            continue;
        }
        let f: Vec<&str> = l.split_whitespace().collect();
        if f.len() < 5 || f[3] != "->" || !f[1].starts_with("R_X86_64_") {
            continue;
        }
        let (sym, ver) = f[2].split_once('@').unwrap_or((f[2], ""));
        if f[4].starts_with("UNDEFINED") {
            unresolved += 1;
            continue;
        }
        if f[4].starts_with("UNRESOLVED") {
            continue; // undefined weak
        }
        if l.ends_with("(local)") {
            continue;
        }
        let to = canon(f[4].trim_end_matches(':'), cwd);
        m.insert((from.clone(), sym.to_string(), ver.to_string()), to);
    }
    (m, unresolved)
}

fn sh(cmd: &mut Command) -> bool {
    cmd.status().is_ok_and(|s| s.success())
}

/// Builds prog -> libuse -> libdep (versioned), prog interposing dep_fn.
fn build_case(dir: &Path) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let w = |n: &str, s: &str| std::fs::write(dir.join(n), s).unwrap();
    w("dep.c", "int shared_var = 42;\nint dep_fn(void) { return 1; }\nint vfn(void) { return 2; }\n");
    w("dep.map", "VER_1 { global: vfn; dep_fn; shared_var; local: *; };\n");
    w("use.c", "extern int dep_fn(void); extern int shared_var; extern int vfn(void);\nint use_fn(void) { return dep_fn() + shared_var + vfn(); }\n");
    w("prog.c", "#include <stdio.h>\nextern int use_fn(void);\nint dep_fn(void) { return 100; }\nint main(void) { printf(\"%d\\n\", use_fn()); return 0; }\n");
    let cc = |args: &[&str]| sh(Command::new("cc").current_dir(dir).args(args));
    let ok = cc(&["-shared", "-fPIC", "-o", "libdep.so", "dep.c", "-Wl,--version-script=dep.map", "-Wl,-soname,libdep.so"])
        && cc(&["-shared", "-fPIC", "-o", "libuse.so", "use.c", "-L.", "-ldep", "-Wl,-soname,libuse.so", "-Wl,-rpath,$ORIGIN"])
        && cc(&["-o", "prog", "prog.c", "-L.", "-luse", "-ldep", "-rdynamic", "-Wl,-rpath,$ORIGIN", "-Wl,--enable-new-dtags", "-Wl,-z,now"]);
    ok.then(|| dir.join("prog"))
}

fn ours(prog: &Path, ldso: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_vibix-readelf"))
        .current_dir(prog.parent().unwrap())
        .env_remove("LD_LIBRARY_PATH")
        .env_remove("LD_PRELOAD")
        .args(["--bindings", "--ldso", ldso, "./prog"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every binding both report must go to the same object; ours must all be reported by the loader.
fn compare(loader: &BTreeMap<Key, BTreeSet<String>>, ours: &BTreeMap<Key, String>, skip_from: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for (k, to) in ours {
        if k.0 == skip_from {
            continue; // the loader does not report its own relocations
        }
        match loader.get(k) {
            Some(t) if t.contains(to) => {}
            Some(t) => bad.push(format!("{k:?}: loader -> {t:?}, ours -> {to}")),
            None => bad.push(format!("{k:?}: ours -> {to}, loader reported nothing")),
        }
    }
    bad
}

#[test]
fn matches_glibc_ld_so() {
    let ldso = "/lib64/ld-linux-x86-64.so.2";
    let libc = "/lib/x86_64-linux-gnu/libc.so.6";
    if !Path::new(ldso).exists() || !Path::new(libc).exists() {
        eprintln!("skipped: no glibc loader");
        return;
    }
    let dir = std::env::temp_dir().join(format!("vibix-readelf-bind-{}", std::process::id()));
    let Some(prog) = build_case(&dir) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let _ = std::os::unix::fs::symlink(libc, dir.join("libc.so"));
    let run = Command::new(&prog).current_dir(&dir).env("LD_DEBUG", "bindings").env("LD_BIND_NOW", "1").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout).trim(), "144");
    let loader = parse_ld_debug(&String::from_utf8_lossy(&run.stderr), &dir);
    let text = ours(&prog, ldso);
    let (mine, unresolved) = parse_ours(&text, &dir);
    let p = |s: &str| canon(s, &dir);
    // The interesting ones, spelled out.
    assert_eq!(mine.get(&(p("libuse.so"), "dep_fn".into(), "VER_1".into())), Some(&p("prog")), "{text}");
    assert_eq!(mine.get(&(p("libuse.so"), "vfn".into(), "VER_1".into())), Some(&p("libdep.so")), "{text}");
    assert_eq!(mine.get(&(p("prog"), "printf".into(), "GLIBC_2.2.5".into())), Some(&p(libc)), "{text}");
    assert!(mine.len() > 50, "too few bindings:\n{text}");
    assert_eq!(unresolved, 0, "undefined symbols:\n{text}");
    let bad = compare(&loader, &mine, &p(ldso));
    assert!(bad.is_empty(), "{} mismatches:\n{}", bad.len(), bad.join("\n"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn matches_ld_vibix() {
    let sysroot = std::env::var("SYSROOT").map(PathBuf::from).unwrap_or_else(|_| common::workspace().join("target/sysroot"));
    let ldso = sysroot.join("lib/ld-vibix.so.1");
    if !ldso.exists() || !sysroot.join("lib/libc.so").exists() {
        eprintln!("skipped: no ld-vibix sysroot at {} (run cargo xtask build)", sysroot.display());
        return;
    }
    let dir = std::env::temp_dir().join(format!("vibix-readelf-bindv-{}", std::process::id()));
    let Some(prog) = build_case(&dir) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let ldso_s = ldso.display().to_string();
    let run = Command::new(&ldso).arg("./prog").current_dir(&dir).env("LD_DEBUG", "bindings").output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    let loader = parse_ld_debug(&stderr, &dir);
    if loader.is_empty() {
        eprintln!("skipped: ld-vibix printed no LD_DEBUG=bindings lines:\n{stderr}");
        return;
    }
    let text = ours(&prog, &ldso_s);
    let (mine, _) = parse_ours(&text, &dir);
    // ld-vibix may stop at the first undefined symbol: compare what it did bind.
    let mut bad = Vec::new();
    for (k, to) in &loader {
        match mine.get(k) {
            Some(t) if to.contains(t) => {}
            other => bad.push(format!("{k:?}: ld-vibix -> {to:?}, ours -> {other:?}")),
        }
    }
    assert!(bad.is_empty(), "{} mismatches:\n{}\nours:\n{text}", bad.len(), bad.join("\n"));
    let _ = std::fs::remove_dir_all(dir);
}
