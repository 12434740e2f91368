//! vibix-readelf: binutils-readelf-compatible views of ELF files, plus
//! `--bindings` (which object each dynamic relocation binds to, using
//! vibix-elf's lookup exactly as ld-vibix does) and `--audit` (hardening checks).
//!
//! Everything is a pure function from bytes to text so the fuzz tests can drive
//! it in-process; nothing may panic or loop on attacker-controlled counts.

pub mod audit;
pub mod bindings;
pub mod cli;
pub mod dynobj;
pub mod elf;
pub mod names;
pub mod search;
pub mod symtab;
pub mod view;

use std::fmt::Write;

/// What one invocation printed and its exit status.
#[derive(Default, Debug)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

pub const EXIT_ERROR: i32 = 1;
pub const EXIT_AUDIT_FAILED: i32 = 2;

/// Runs the readelf views selected by `opts` on one file's bytes.
pub fn show_views(o: &mut String, err: &mut String, name: &str, data: &[u8], opts: &cli::Opts) -> i32 {
    let elf = match elf::Elf::parse(data) {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "vibix-readelf: Error: {name}: {e}");
            return EXIT_ERROR;
        }
    };
    let mut code = 0;
    let mut fail = |err: &mut String, r: Result<(), String>| {
        if let Err(e) = r {
            let _ = writeln!(err, "vibix-readelf: Error: {name}: {e}");
            code = EXIT_ERROR;
        }
    };
    if opts.header {
        view::header::show(o, &elf);
    }
    if opts.sections {
        fail(err, view::sections::show(o, &elf, opts.wide, opts.header));
    }
    if opts.all {
        view::extras::groups(o, &elf);
    }
    if opts.segments {
        fail(err, view::segments::show(o, &elf, opts.wide, opts.header));
    }
    if opts.dynamic {
        view::dynamic::show(o, &elf);
    }
    if opts.relocs {
        view::relocs::show(o, &elf, opts.wide);
    }
    if opts.all {
        view::extras::unwind(o);
    }
    if opts.syms || opts.dyn_syms {
        view::symbols::show(o, &elf, opts.wide, !opts.syms);
    }
    if opts.all {
        view::extras::histograms(o, &elf);
    }
    if opts.versions {
        view::versions::show(o, &elf);
    }
    if opts.notes {
        view::notes::show(o, &elf, opts.wide);
    }
    for w in elf.warnings.borrow().iter() {
        let _ = writeln!(err, "vibix-readelf: Warning: {name}: {w}");
        code = EXIT_ERROR;
    }
    if let Err(e) = &elf.shdrs {
        if opts.syms || opts.dyn_syms || opts.relocs || opts.versions || opts.notes {
            let _ = writeln!(err, "vibix-readelf: Warning: {name}: {e}");
            code = EXIT_ERROR;
        }
    }
    code
}

pub fn run(args: &[String]) -> Outcome {
    let mut out = Outcome::default();
    let opts = match cli::parse(args) {
        Ok(o) => o,
        Err(e) => {
            out.stderr = format!("vibix-readelf: {e}\n{}", cli::USAGE);
            out.code = EXIT_ERROR;
            return out;
        }
    };
    if opts.help {
        out.stdout = cli::USAGE.into();
        return out;
    }
    if opts.version {
        out.stdout = format!("vibix-readelf {}\n", env!("CARGO_PKG_VERSION"));
        return out;
    }
    if !opts.any_view() || opts.files.is_empty() {
        out.stderr = cli::USAGE.into();
        out.code = EXIT_ERROR;
        return out;
    }
    let many = opts.files.len() > 1;
    for f in &opts.files {
        let data = match std::fs::read(f) {
            Ok(d) => d,
            Err(e) => {
                let _ = writeln!(out.stderr, "vibix-readelf: Error: '{f}': {e}");
                out.code = out.code.max(EXIT_ERROR);
                continue;
            }
        };
        if many {
            let _ = writeln!(out.stdout, "\nFile: {f}");
        }
        if opts.any_readelf_view() {
            let c = show_views(&mut out.stdout, &mut out.stderr, f, &data, &opts);
            out.code = out.code.max(c);
        }
        if opts.bindings {
            let c = bindings::show(&mut out.stdout, &mut out.stderr, f, &data, &opts);
            out.code = out.code.max(c);
        }
        if opts.audit {
            let c = audit::show(&mut out.stdout, &mut out.stderr, f, &data);
            out.code = out.code.max(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
