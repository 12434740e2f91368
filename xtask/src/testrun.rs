//! `cargo xtask test`: host unit tests, the sysroot build, then every
//! `testlibs/**/run.sh` (environment: testlibs/README.md), one line per case and
//! a closing `N passed, N failed, N skipped`.
//!
//! Options: `--no-unit` (skip `cargo test`), `--no-build` (use the installed
//! sysroot), `-j N` (parallel cases; default 2), `--list`, and substrings that
//! select cases (`cargo xtask test ld/` runs testlibs/ld/*; implies --no-unit).
//! A case's time limit is `VIBIX_TEST_TIMEOUT` (default 120 s), or the number
//! in a `timeout` file next to its run.sh; a case that overruns is killed with
//! its whole process group and fails.

use crate::{apt, command, paths, sysroot};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Workspace members `cargo test` cannot run on the host (no_std cdylibs, the
/// kernel, the crt objects); everything else gets its unit tests run.
const NOT_HOST_TESTABLE: &[&str] = &["ld-vibix", "vibix_libc", "crt", "kernel"];

const DEFAULT_TIMEOUT_SECS: u64 = 120;

type Suite = fn() -> Result<(), String>;

/// Checks driven by other xtask modules, run after the testlibs cases (and
/// selected by the same filters), each counted as one case. Owners add theirs.
const SUITES: &[(&str, Suite)] = &[
    ("bench/smoke", || crate::bench::main(&["--smoke".into()])),
    ("ld/fuzz", || crate::fuzz::main(&[])),
];

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Pass,
    Fail,
    Skip,
}

struct Tally {
    passed: usize,
    failed: Vec<String>,
    skipped: usize,
}

impl Tally {
    fn record(&mut self, name: &str, outcome: Outcome) {
        match outcome {
            Outcome::Pass => self.passed += 1,
            Outcome::Fail => self.failed.push(name.to_string()),
            Outcome::Skip => self.skipped += 1,
        }
    }
}

struct Options {
    unit: bool,
    build: bool,
    list: bool,
    jobs: usize,
    filters: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options { unit: true, build: true, list: false, jobs: 2, filters: vec![] };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--no-unit" => o.unit = false,
            "--no-build" => o.build = false,
            "--list" => o.list = true,
            "-j" | "--jobs" => {
                let n = it.next().ok_or("-j needs a number")?;
                o.jobs = n.parse().map_err(|_| format!("bad job count `{n}`"))?;
            }
            s if s.starts_with("-j") => {
                o.jobs = s[2..].parse().map_err(|_| format!("bad job count `{s}`"))?;
            }
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s => o.filters.push(s.to_string()),
        }
    }
    if !o.filters.is_empty() {
        o.unit = false;
    }
    o.jobs = o.jobs.max(1);
    Ok(o)
}

pub fn main(args: &[String]) -> Result<(), String> {
    let opts = parse(args)?;
    let testlibs = paths::workspace().join("testlibs");
    let cases = discover(&testlibs, &opts.filters)?;
    if opts.list {
        for c in &cases {
            println!("{c}");
        }
        for (name, _) in SUITES {
            println!("{name}");
        }
        return Ok(());
    }
    if let Err(e) = apt::ensure(apt::TEST_PACKAGES) {
        eprintln!("xtask: warning: could not install test packages: {e}");
    }

    let mut tally = Tally { passed: 0, failed: vec![], skipped: 0 };
    if opts.unit {
        let outcome = unit_tests();
        report_line("unit/cargo-test", outcome, Duration::ZERO, "");
        tally.record("unit/cargo-test", outcome);
    }

    let sysroot = if opts.build {
        match sysroot::build() {
            Ok(p) => Some(p),
            Err(e) => {
                println!("FAIL build: {e}");
                tally.record("build", Outcome::Fail);
                None
            }
        }
    } else {
        Some(paths::sysroot())
    };

    match sysroot {
        Some(root) => run_cases(&testlibs, &root, &cases, opts.jobs, &mut tally),
        None => {
            for c in &cases {
                println!("FAIL {c} (not run: the build failed)");
                tally.record(c, Outcome::Fail);
            }
        }
    }
    for (name, suite) in SUITES {
        if !opts.filters.is_empty() && !opts.filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let started = Instant::now();
        let (outcome, detail) = match suite() {
            Ok(()) => (Outcome::Pass, String::new()),
            Err(e) => (Outcome::Fail, format!("    {e}\n")),
        };
        report_line(name, outcome, started.elapsed(), &detail);
        tally.record(name, outcome);
    }

    if !tally.failed.is_empty() {
        println!("\nfailed: {}", tally.failed.join(" "));
    }
    println!("{} passed, {} failed, {} skipped", tally.passed, tally.failed.len(), tally.skipped);
    if !tally.failed.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}

fn unit_tests() -> Outcome {
    let mut cmd = command::cargo();
    cmd.args(["test", "--workspace"]);
    for p in NOT_HOST_TESTABLE {
        cmd.args(["--exclude", p]);
    }
    match command::run(&mut cmd) {
        Ok(()) => Outcome::Pass,
        Err(e) => {
            eprintln!("{e}");
            Outcome::Fail
        }
    }
}

/// Every `run.sh` below `testlibs/`, as `feature/case` names, sorted.
fn discover(testlibs: &Path, filters: &[String]) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) -> Result<(), String> {
        let entries = fs::read_dir(dir).map_err(|e| format!("read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, out)?;
            } else if entry.file_name() == "run.sh" {
                let rel = dir.strip_prefix(base).unwrap_or(dir);
                out.push(rel.to_string_lossy().into_owned());
            }
        }
        Ok(())
    }
    let mut cases = Vec::new();
    walk(testlibs, testlibs, &mut cases)?;
    cases.retain(|c| filters.is_empty() || filters.iter().any(|f| c.contains(f.as_str())));
    cases.sort();
    Ok(cases)
}

fn run_cases(testlibs: &Path, sysroot: &Path, cases: &[String], jobs: usize, tally: &mut Tally) {
    let queue = Mutex::new(cases.iter());
    let results = Mutex::new(&mut *tally);
    let print = Mutex::new(());
    std::thread::scope(|s| {
        for _ in 0..jobs.min(cases.len().max(1)) {
            s.spawn(|| loop {
                let Some(case) = queue.lock().unwrap_or_else(|e| e.into_inner()).next() else {
                    break;
                };
                let (outcome, took, detail) = run_case(testlibs, sysroot, case);
                {
                    let _guard = print.lock().unwrap_or_else(|e| e.into_inner());
                    report_line(case, outcome, took, &detail);
                }
                results.lock().unwrap_or_else(|e| e.into_inner()).record(case, outcome);
            });
        }
    });
}

fn report_line(case: &str, outcome: Outcome, took: Duration, detail: &str) {
    let word = match outcome {
        Outcome::Pass => "PASS",
        Outcome::Fail => "FAIL",
        Outcome::Skip => "SKIP",
    };
    if took.is_zero() {
        println!("{word} {case}");
    } else {
        println!("{word} {case} ({:.1}s)", took.as_secs_f64());
    }
    if !detail.is_empty() {
        print!("{detail}");
    }
}

fn case_timeout(dir: &Path) -> u64 {
    let default = std::env::var("VIBIX_TEST_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_TIMEOUT_SECS);
    fs::read_to_string(dir.join("timeout"))
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Run one case under `timeout`; returns its outcome, duration and (for a
/// failure or skip) the log lines worth showing.
fn run_case(testlibs: &Path, sysroot: &Path, case: &str) -> (Outcome, Duration, String) {
    let dir = testlibs.join(case);
    let work = paths::target_dir().join("testlibs").join(case);
    let out = work.join("out");
    let log = work.join("log");
    let _ = fs::remove_dir_all(&work);
    if let Err(e) = fs::create_dir_all(&out) {
        return (Outcome::Fail, Duration::ZERO, format!("    cannot create {}: {e}\n", out.display()));
    }
    let secs = case_timeout(&dir);
    let started = Instant::now();
    let status = fs::File::create(&log).and_then(|f| {
        let f2 = f.try_clone()?;
        let mut cmd = Command::new("timeout");
        cmd.args(["-k", "10", &secs.to_string(), "bash", "run.sh"])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(f)
            .stderr(f2);
        case_env(&mut cmd, testlibs, sysroot, &out, case);
        cmd.status()
    });
    let took = started.elapsed();
    let tail = |n: usize| -> String {
        let text = fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let mut s = String::new();
        for l in &lines[lines.len().saturating_sub(n)..] {
            s.push_str("    ");
            s.push_str(l);
            s.push('\n');
        }
        s
    };
    match status {
        Err(e) => (Outcome::Fail, took, format!("    cannot run: {e}\n")),
        Ok(st) => match st.code() {
            Some(0) => (Outcome::Pass, took, String::new()),
            Some(77) => (Outcome::Skip, took, tail(1)),
            Some(124) | Some(137) if took.as_secs() + 1 >= secs => (
                Outcome::Fail,
                took,
                format!("{}    timed out after {secs}s (log: {})\n", tail(15), log.display()),
            ),
            _ => (
                Outcome::Fail,
                took,
                format!("{}    {st} (log: {})\n", tail(25), log.display()),
            ),
        },
    }
}

/// The variables testlibs/README.md promises, plus a few helpers' needs; and
/// none of what `cargo run` leaks into the xtask's own environment.
fn case_env(cmd: &mut Command, testlibs: &Path, sysroot: &Path, out: &Path, case: &str) {
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy();
        if k == "LD_LIBRARY_PATH"
            || k == "LD_PRELOAD"
            || k == "CARGO_MANIFEST_DIR"
            || k == "CARGO_MANIFEST_PATH"
            || k == "CARGO_PRIMARY_PACKAGE"
            || k.starts_with("CARGO_PKG_")
            || k.starts_with("CARGO_BIN_")
            || k.starts_with("CARGO_CRATE_")
        {
            cmd.env_remove(k.as_ref());
        }
    }
    let exe: PathBuf = std::env::current_exe().unwrap_or_else(|_| "xtask".into());
    cmd.env("SYSROOT", sysroot)
        .env("VIBIX_CC", sysroot.join("bin/vibix-cc"))
        .env("LDSO", sysroot.join("lib/ld-vibix.so.1"))
        .env("OUT", out)
        .env("TESTLIB", testlibs.join("lib.sh"))
        .env("VIBIX_XTASK", exe)
        .env("VIBIX_WORKSPACE", paths::workspace())
        .env("VIBIX_TARGET_DIR", paths::target_dir())
        .env("VIBIX_CASE", case)
        .env("LC_ALL", "C");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A throw-away testlibs tree with one case per outcome.
    fn fixture(name: &str, script: &str, timeout: Option<&str>) -> (PathBuf, String) {
        let root = paths::target_dir().join("xtask-selftest").join(name);
        let case = format!("selftest/{name}");
        let dir = root.join(&case);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("run.sh"), script).unwrap();
        if let Some(t) = timeout {
            fs::write(dir.join("timeout"), t).unwrap();
        }
        (root, case)
    }

    fn outcome(name: &str, script: &str, timeout: Option<&str>) -> (Outcome, Duration, String) {
        let (root, case) = fixture(name, script, timeout);
        run_case(&root, Path::new("/nonexistent-sysroot"), &case)
    }

    #[test]
    fn exit_codes_map_to_outcomes() {
        assert!(outcome("pass", "test -n \"$OUT\" && test -d \"$OUT\"\n", None).0 == Outcome::Pass);
        assert!(outcome("fail", "echo broken; exit 3\n", None).0 == Outcome::Fail);
        let (o, _, detail) = outcome("skip", "echo 'SKIP: no tool' >&2; exit 77\n", None);
        assert!(o == Outcome::Skip && detail.contains("no tool"));
        assert!(outcome("signal", "kill -SEGV $$\n", None).0 == Outcome::Fail);
    }

    #[test]
    fn a_hanging_case_times_out_with_its_children() {
        let (o, took, detail) = outcome("hang", "sleep 300 & sleep 300\n", Some("2\n"));
        assert!(o == Outcome::Fail);
        assert!(took < Duration::from_secs(20), "took {took:?}");
        assert!(detail.contains("timed out"), "{detail}");
    }

    #[test]
    fn filters_select_cases() {
        let (root, _) = fixture("filter", "exit 0\n", None);
        let all = discover(&root, &[]).unwrap();
        assert_eq!(all, vec!["selftest/filter".to_string()]);
        assert!(discover(&root, &["nomatch".into()]).unwrap().is_empty());
    }
}
