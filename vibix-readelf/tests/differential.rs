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

fn run(files: &[std::path::PathBuf]) -> Vec<String> {
    let mut bad = Vec::new();
    for f in files {
        for v in VIEWS {
            if let Some(d) = compare(f, v) {
                bad.push(d);
            }
        }
    }
    bad
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
