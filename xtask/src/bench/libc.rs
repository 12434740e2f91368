//! The libc section: `testlibs/bench/libc.c`, built by each toolchain, runs one
//! benchmark per invocation. Per benchmark and C library: instructions per
//! operation (callgrind collecting only inside `bench_body`/`bench_thread`,
//! deterministic) and the minimum wall time per operation (the program's own
//! repeated timing; the three libraries take turns, round by round).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::build::Toolchain;
use std::fmt::Write as _;

use super::report::{self, Row, Target};
use super::Loader;

/// One benchmark's numbers, per loader in `Loader::ALL` order.
pub struct Bench {
    pub name: String,
    pub ir_per_op: Row,
    pub wall_ns_per_op: Row,
}

pub struct LibcResults {
    pub benches: Vec<Bench>,
    /// Why a library's column is empty (a toolchain that is not installed).
    pub notes: Vec<String>,
    /// Build or run failures of an available toolchain.
    pub failures: Vec<String>,
}

impl LibcResults {
    pub fn get(&self, name: &str) -> Option<&Bench> {
        self.benches.iter().find(|b| b.name == name)
    }
}

/// How long each timed invocation repeats its benchmark, and how many rounds.
const TIME_MS: u32 = 150;
const ROUNDS: usize = 3;

/// Builds and measures everything. `smoke`: small sizes, one checked run of
/// each program, no callgrind, no timing.
pub fn run(toolchains: &[Toolchain], root: &Path, work: &Path, smoke: bool, have_valgrind: bool) -> LibcResults {
    let src = root.join("testlibs/bench/libc.c");
    let (mut notes, mut failures) = (Vec::new(), Vec::new());
    let progs: Vec<Result<PathBuf, String>> = toolchains
        .iter()
        .map(|t| {
            let r = build(t, &src, &work.join(t.loader.name()).join("libc"));
            match &r {
                Err(e) if e.starts_with("n/a: ") => notes.push(format!("{}: {}", t.loader.name(), &e[5..])),
                Err(e) => failures.push(format!("{}: {e}", t.loader.name())),
                Ok(_) => {}
            }
            r
        })
        .collect();
    let names = match progs.iter().flatten().next().map(|p| list(p)) {
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            failures.push(e);
            Vec::new()
        }
        None => Vec::new(),
    };
    let mut benches = Vec::new();
    for name in names {
        eprintln!("bench: libc {name} ...");
        let mut ir: Row = Loader::ALL.map(|_| Err("n/a".to_string()));
        let mut wall: Row = Loader::ALL.map(|_| Err("n/a".to_string()));
        for (i, p) in progs.iter().enumerate() {
            let Ok(p) = p else { continue };
            if smoke {
                ir[i] = Err(invoke(p, &name, &["smoke"]).err().unwrap_or_else(|| "n/a: smoke run".into()));
                continue;
            }
            ir[i] = if have_valgrind { callgrind_per_op(p, &name) } else { Err("n/a: valgrind not installed".into()) };
        }
        if !smoke {
            for _ in 0..ROUNDS {
                for (i, p) in progs.iter().enumerate() {
                    let Ok(p) = p else { continue };
                    let ms = TIME_MS.to_string();
                    let got = invoke(p, &name, &["time", &ms]).map(|(_, ns)| ns);
                    wall[i] = match (&wall[i], got) {
                        (Ok(old), Ok(new)) => Ok(old.min(new)),
                        (Err(_), Ok(new)) => Ok(new),
                        (_, Err(e)) => Err(e),
                    };
                }
            }
        }
        benches.push(Bench { name, ir_per_op: ir, wall_ns_per_op: wall });
    }
    LibcResults { benches, notes, failures }
}

fn build(t: &Toolchain, src: &Path, dir: &Path) -> Result<PathBuf, String> {
    if let Some(why) = &t.missing {
        return Err(format!("n/a: {why}"));
    }
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let exe = dir.join("libc");
    let out = Command::new(&t.cc)
        .args(["-O2", "-pthread"])
        .arg(src)
        .arg("-o")
        .arg(&exe)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", t.cc.display()))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{} failed building {}: {}", t.cc.display(), exe.display(), err.lines().next().unwrap_or("")));
    }
    Ok(exe)
}

fn list(prog: &Path) -> Result<Vec<String>, String> {
    let out = Command::new(prog).arg("list").output().map_err(|e| format!("{}: {e}", prog.display()))?;
    if !out.status.success() {
        return Err(format!("{} list: {}", prog.display(), out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
}

/// Runs `prog NAME ARGS...` in its own directory (the stdio benchmarks write
/// a file there); returns (operations, ns per operation).
fn invoke(prog: &Path, name: &str, args: &[&str]) -> Result<(f64, f64), String> {
    let out = Command::new(prog)
        .env_clear()
        .current_dir(prog.parent().unwrap_or(Path::new(".")))
        .arg(name)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", prog.display()))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{name}: {} ({})", out.status, err.lines().next().unwrap_or("").trim()));
    }
    parse_line(&String::from_utf8_lossy(&out.stdout), name)
}

/// `NAME OPS NS` -> (OPS, NS).
fn parse_line(text: &str, name: &str) -> Result<(f64, f64), String> {
    let mut it = text.split_whitespace();
    match (it.next(), it.next().and_then(|s| s.parse().ok()), it.next().and_then(|s| s.parse().ok())) {
        (Some(n), Some(ops), Some(ns)) if n == name => Ok((ops, ns)),
        _ => Err(format!("{name}: unexpected output `{}`", text.trim())),
    }
}

/// Ir inside the measured functions divided by the operations done.
fn callgrind_per_op(prog: &Path, name: &str) -> Result<f64, String> {
    let dir = prog.parent().unwrap_or(Path::new("."));
    let out = dir.join(format!("callgrind.{name}.out"));
    let _ = fs::remove_file(&out);
    let res = Command::new("valgrind")
        .env_clear()
        .current_dir(dir)
        .args(["--tool=callgrind", "--toggle-collect=bench_body", "--toggle-collect=bench_thread"])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(prog)
        .args([name, "count"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    if !res.status.success() {
        return Err(format!("{name} under callgrind: {}", res.status));
    }
    let (ops, _) = parse_line(&String::from_utf8_lossy(&res.stdout), name)?;
    let text = fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let ir: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("totals:").or_else(|| l.strip_prefix("summary:")))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| format!("{}: no totals", out.display()))?;
    if ir == 0 {
        return Err(format!("{name}: callgrind collected nothing (no bench_body?)"));
    }
    Ok(ir as f64 / ops)
}

/// Sum of two benchmarks' per-operation numbers (e.g. print + parse).
fn sum(a: &Row, b: &Row) -> Row {
    [0, 1, 2].map(|i| match (&a[i], &b[i]) {
        (Ok(x), Ok(y)) => Ok(x + y),
        (Err(e), _) | (_, Err(e)) => Err(e.clone()),
    })
}

fn scaled(row: &Row, i: usize, f: f64) -> Result<f64, String> {
    row[i].clone().map(|v| v * f)
}

/// The libc targets of issue 15, compared against glibc. Wall-time targets
/// allow 5 % for noise of the shared machine; "near" instruction counts 10 %.
pub fn targets(r: &LibcResults) -> Vec<Target> {
    let (v, g) = (0, 1);
    let mut out = Vec::new();
    let mut wall = |what: &'static str, row: Option<Row>, f: f64| {
        if let Some(row) = row {
            out.push(Target { what, ours: row[v].clone(), theirs: scaled(&row, g, f), strict: false });
        }
    };
    let w = |n: &str| r.get(n).map(|b| b.wall_ns_per_op.clone());
    wall("strlen 1 KiB: wall min <= glibc's x1.05", w("strlen-1k"), 1.05);
    wall("memchr 1 KiB: wall min <= glibc's x1.05", w("memchr-1k"), 1.05);
    wall("memcmp 1 KiB: wall min <= glibc's x1.05", w("memcmp-1k"), 1.05);
    wall("qsort 1M ints: wall min <= glibc's x1.05", w("qsort-1m"), 1.05);
    let g17 = w("printf-g17").zip(w("strtod")).map(|(a, b)| sum(&a, &b));
    wall("%.17g + strtod: wall min <= glibc's x1.05", g17, 1.05);
    wall("malloc/free: wall min <= glibc's x1.05", w("malloc-free"), 1.05);
    if let Some(b) = r.get("snprintf-int") {
        let row = &b.ir_per_op;
        out.push(Target {
            what: "snprintf of ints/strings: Ir <= glibc's x1.10",
            ours: row[v].clone(),
            theirs: scaled(row, g, 1.10),
            strict: false,
        });
    }
    out
}

/// What each benchmark does, for the table (one operation = one call unless said).
fn describe(name: &str) -> &'static str {
    match name {
        "strlen-16" | "strlen-64" | "strlen-1k" => "strlen of a 16 B / 64 B / 1 KiB string",
        "memchr-16" | "memchr-1k" => "memchr for the last byte of 16 B / 1 KiB",
        "strchr-16" | "strchr-1k" => "strchr for the last byte of 16 B / 1 KiB",
        "memcmp-16" | "memcmp-1k" => "memcmp of equal 16 B / 1 KiB buffers",
        "memcpy-16" | "memcpy-1k" | "memcpy-64k" => "memcpy of 16 B / 1 KiB / 64 KiB",
        "malloc-free" => "free + malloc (16-1039 B) in a ring of 64 blocks",
        "malloc-free-8t" => "the same in 8 threads at once (per pair, all threads)",
        "qsort-1m" => "qsort of 1M random ints (one sort)",
        "printf-g17" => "snprintf(\"%.17g\") of a random double",
        "strtod" => "strtod of a %.17g string",
        "snprintf-int" => "snprintf(\"%d %ld %x %s:%5u\")",
        "stdio-write" => "fputs of a 65 B line to a file (fopen..fclose)",
        "stdio-read" => "fgets of a 65 B line from a file (fopen..fclose)",
        _ => "",
    }
}

/// The libc tables and targets.
pub fn markdown(r: &LibcResults, smoke: bool, s: &mut String) {
    s.push_str("\n## libc functions\n\n");
    if smoke {
        s.push_str("Smoke run: every benchmark ran once, small, and checked its result; nothing was measured.\n\n");
    } else {
        let _ = writeln!(
            s,
            "`testlibs/bench/libc.c`, built by each toolchain with `-O2`. Ir per operation: callgrind \
             counting only inside the measured function (deterministic). Wall: minimum ns per operation \
             over {ROUNDS} rounds of ~{TIME_MS} ms of repetitions, the three libraries in turns. glibc picks \
             AVX2 string functions on this CPU (its ifuncs, CPUID at start-up); vibix picks its AVX2 \
             strlen/strchr/memchr/memcmp/memcpy on the first call (CPUID then), SSE2 elsewhere.\n"
        );
    }
    if smoke {
        let names: Vec<&str> = r.benches.iter().map(|b| b.name.as_str()).collect();
        let _ = writeln!(s, "Ran: {}.\n", names.join(", "));
        for n in r.notes.iter().chain(&r.failures) {
            let _ = writeln!(s, "- not run: {n}");
        }
        return;
    }
    s.push_str("| benchmark | what (one operation) | metric | vibix | glibc | musl | vibix/glibc | vibix/musl |\n");
    s.push_str("|---|---|---|---|---|---|---|---|\n");
    for b in &r.benches {
        for (metric, row) in [("Ir/op", &b.ir_per_op), ("wall min ns/op", &b.wall_ns_per_op)] {
            let label = format!("{} | {} | {metric}", b.name, describe(&b.name));
            report::row_line(s, &label, row);
        }
    }
    {
        s.push_str("\n### libc targets\n\n| target | vibix | reference | status |\n|---|---|---|---|\n");
        for t in targets(r) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                t.what,
                report::cell_text(&t.ours),
                report::cell_text(&t.theirs),
                t.status()
            );
        }
    }
    for n in r.notes.iter().chain(&r.failures) {
        let _ = writeln!(s, "\n- not measured: {n}");
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_line_is_parsed() {
        assert_eq!(parse_line("strlen-1k 2000 12.75\n", "strlen-1k"), Ok((2000.0, 12.75)));
        assert!(parse_line("other 1 2", "strlen-1k").is_err());
        assert!(parse_line("", "x").is_err());
    }

    #[test]
    fn combined_targets_add_both_benchmarks() {
        let b = |name: &str, v: f64, g: f64| Bench {
            name: name.into(),
            ir_per_op: [Ok(1.0), Ok(1.0), Err("n/a".into())],
            wall_ns_per_op: [Ok(v), Ok(g), Err("n/a".into())],
        };
        let r = LibcResults { benches: vec![b("printf-g17", 100.0, 50.0), b("strtod", 10.0, 60.0)], notes: vec![], failures: vec![] };
        let t = targets(&r);
        let g17 = t.iter().find(|t| t.what.starts_with("%.17g")).unwrap();
        assert_eq!(g17.ours, Ok(110.0));
        assert!((g17.theirs.clone().unwrap() - 115.5).abs() < 1e-9);
        assert_eq!(g17.status(), "met");
    }
}
