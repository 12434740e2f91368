//! Helpers shared by the integration tests: finding ELF files to test on.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn is_elf(p: &Path) -> bool {
    use std::io::Read;
    let mut b = [0u8; 4];
    std::fs::File::open(p).and_then(|mut f| f.read_exact(&mut b)).is_ok() && b == *b"\x7fELF"
}

/// Regular ELF files directly in `dir`, sorted, at most `max`, symlinks resolved and deduplicated.
pub fn elf_files_in(dir: &str, filter: impl Fn(&str) -> bool, max: usize) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&filter))
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .filter(|p| p.is_file() && is_elf(p))
        .collect();
    v.sort();
    v.dedup();
    // Spread the sample over the directory instead of taking the first `max`.
    if v.len() > max {
        let step = v.len() as f64 / max as f64;
        v = (0..max).map(|i| v[(i as f64 * step) as usize].clone()).collect();
    }
    v
}

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// ELF files the project built: the sysroot and the top level of the cargo target dirs.
pub fn project_files(max: usize) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let ws = workspace();
    let mut targets = vec![ws.join("target")];
    if let Ok(t) = std::env::var("CARGO_TARGET_DIR") {
        targets.push(PathBuf::from(t));
    }
    for t in &targets {
        for sub in ["sysroot/lib", "sysroot/bin", "debug", "release"] {
            dirs.push(t.join(sub));
        }
    }
    let mut v = Vec::new();
    for d in dirs {
        v.extend(elf_files_in(d.to_str().unwrap_or(""), |_| true, max));
    }
    v.sort();
    v.dedup();
    v.truncate(max);
    v
}

/// System libraries and programs (at least `n` in total when the host has them).
pub fn system_files(n: usize) -> Vec<PathBuf> {
    let mut v = elf_files_in("/usr/lib/x86_64-linux-gnu", |n| n.contains(".so"), n / 2);
    // A few relocatable objects (crt files): section symbols, REL(A) against sections.
    v.extend(elf_files_in("/usr/lib/x86_64-linux-gnu", |n| n.ends_with(".o"), 4));
    v.extend(elf_files_in("/usr/bin", |_| true, n - v.len()));
    v
}
