//! Differential test: vibix-readelf against binutils readelf, field by field
//! (each output line split into whitespace-separated fields), on the ELF files the
//! project builds and on a sample of system libraries and programs.

mod common;

use std::path::Path;
use std::process::Command;

const VIEWS: &[&str] = &["-h", "-l", "-S", "-r", "-d", "--dyn-syms", "-V", "-s", "-n"];

fn fields(out: &[u8]) -> Vec<Vec<String>> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| l.split_whitespace().map(String::from).collect::<Vec<_>>())
        .filter(|f| !f.is_empty())
        .collect()
}

/// Compares one view on one file; returns a description of the first difference.
fn compare(file: &Path, view: &str) -> Option<String> {
    // Annobin build-attribute notes are not decoded (documented in docs/readelf.md).
    if view == "-n" {
        let s = Command::new("readelf").args(["-S", "-W"]).arg(file).output().ok()?;
        if String::from_utf8_lossy(&s.stdout).contains(".gnu.build.attributes") {
            return None;
        }
    }
    compare_args(file, &["-W", view])
}

fn compare_args(file: &Path, args: &[&str]) -> Option<String> {
    let view = args.join(" ");
    let theirs = Command::new("readelf").args(args).arg(file).output().ok()?;
    let ours = Command::new(env!("CARGO_BIN_EXE_vibix-readelf")).args(args).arg(file).output().ok()?;
    let (t, o) = (fields(&theirs.stdout), fields(&ours.stdout));
    for (i, (a, b)) in t.iter().zip(&o).enumerate() {
        if a != b {
            return Some(format!("{} {view}: line {i}:\n  readelf: {}\n  ours:    {}", file.display(), a.join(" "), b.join(" ")));
        }
    }
    if t.len() != o.len() {
        return Some(format!("{} {view}: {} lines vs our {}", file.display(), t.len(), o.len()));
    }
    None
}

fn have_readelf() -> bool {
    Command::new("readelf").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Every view on every file, on two threads (the processes dominate the time).
fn run(files: &[std::path::PathBuf]) -> Vec<String> {
    let half = files.len().div_ceil(2);
    std::thread::scope(|s| {
        let jobs: Vec<_> = files
            .chunks(half.max(1))
            .map(|chunk| s.spawn(move || chunk.iter().flat_map(|f| VIEWS.iter().filter_map(move |v| compare(f, v))).collect::<Vec<_>>()))
            .collect();
        jobs.into_iter().flat_map(|j| j.join().unwrap()).collect()
    })
}

#[test]
fn matches_binutils_on_system_files() {
    if !have_readelf() {
        eprintln!("skipped: binutils readelf not installed");
        return;
    }
    let files = common::system_files(60);
    assert!(files.len() >= 50, "only {} system ELF files found", files.len());
    let bad = run(&files);
    for b in &bad {
        eprintln!("{b}");
    }
    assert!(bad.is_empty(), "{} differences, first ones:\n{}", bad.len(), bad.iter().take(10).cloned().collect::<Vec<_>>().join("\n"));
}

#[test]
fn matches_binutils_on_project_files() {
    if !have_readelf() {
        eprintln!("skipped: binutils readelf not installed");
        return;
    }
    let files = common::project_files(150);
    eprintln!("{} project ELF files", files.len());
    let bad = run(&files);
    for b in &bad {
        eprintln!("{b}");
    }
    assert!(bad.is_empty(), "{} differences, first ones:\n{}", bad.len(), bad.iter().take(10).cloned().collect::<Vec<_>>().join("\n"));
}

/// Narrow (80-column) output and -a: byte-for-byte equal on a smaller sample.
#[test]
fn narrow_and_all_match_exactly() {
    if !have_readelf() {
        eprintln!("skipped: binutils readelf not installed");
        return;
    }
    let mut bad = Vec::new();
    for f in common::system_files(20) {
        for args in [&["-a"][..], &["-a", "-W"]] {
            let theirs = Command::new("readelf").args(args).arg(&f).output().unwrap().stdout;
            let ours = Command::new(env!("CARGO_BIN_EXE_vibix-readelf")).args(args).arg(&f).output().unwrap().stdout;
            if theirs != ours {
                bad.push(compare_args(&f, args).unwrap_or_else(|| format!("{} {args:?}: spacing differs", f.display())));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Objects built here to cover what the host sample may lack: SysV and both hash
/// styles, RELR, lazy binding, COMDAT groups, TLS, copy relocations, static and
/// relocatable files. Compared field by field on every view and byte for byte on -a.
#[test]
fn matches_binutils_on_generated_objects() {
    if !have_readelf() || !Command::new("cc").arg("--version").output().is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: readelf or cc missing");
        return;
    }
    let dir = std::env::temp_dir().join(format!("vibix-readelf-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let w = |n: &str, s: &str| std::fs::write(dir.join(n), s).unwrap();
    w("a.c", "#include <stdio.h>\nint g = 5; int *pg = &g; static int *arr[] = {&g, &g, &g, 0, &g};\n__thread int tv = 3;\nint f(void) { return printf(\"%d %p\\n\", g, (void *)arr[1]) + tv; }\n");
    w("m.c", "#include <stdio.h>\nextern int g; extern int f(void);\nint main(void) { printf(\"%d\\n\", g); return f(); }\n");
    w("t.cc", "#include <string>\ntemplate <class T> T add(T a, T b) { return a + b; }\nstatic thread_local int tl = 3;\nstd::string s(int x) { return std::to_string(add(x, tl)); }\n");
    let cc = |args: &[&str]| {
        let st = Command::new("cc").current_dir(&dir).args(args).status().unwrap();
        assert!(st.success(), "cc {args:?} failed");
    };
    cc(&["-shared", "-fPIC", "-Wl,--hash-style=sysv", "-o", "libsysv.so", "a.c"]);
    cc(&["-shared", "-fPIC", "-Wl,--hash-style=both", "-Wl,-z,lazy", "-o", "libboth.so", "a.c"]);
    cc(&["-shared", "-fPIC", "-Wl,-z,pack-relative-relocs", "-Wl,-z,now", "-o", "librelr.so", "a.c"]);
    cc(&["-no-pie", "-fno-pic", "-o", "copyrel", "m.c", "-L.", "-lboth", "-Wl,-rpath,$ORIGIN"]);
    cc(&["-static", "-o", "static", "m.c", "a.c"]);
    cc(&["-c", "-O1", "-o", "a.o", "a.c"]);
    let mut files = vec!["libsysv.so", "libboth.so", "librelr.so", "copyrel", "static", "a.o"];
    if Command::new("c++").current_dir(&dir).args(["-c", "-O1", "-o", "t.o", "t.cc"]).status().is_ok_and(|s| s.success()) {
        files.push("t.o");
    }
    let mut bad = Vec::new();
    for f in files {
        let p = dir.join(f);
        for v in VIEWS {
            bad.extend(compare(&p, v));
        }
        for args in [&["-a"][..], &["-a", "-W"]] {
            let theirs = Command::new("readelf").args(args).arg(&p).output().unwrap().stdout;
            let ours = Command::new(env!("CARGO_BIN_EXE_vibix-readelf")).args(args).arg(&p).output().unwrap().stdout;
            if theirs != ours {
                bad.push(compare_args(&p, args).unwrap_or_else(|| format!("{f} {args:?}: spacing differs")));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    let _ = std::fs::remove_dir_all(dir);
}
