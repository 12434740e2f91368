//! `cargo xtask bench [--smoke]`: start-up cost of ld-vibix against glibc's
//! ld.so and musl's, side by side in one run. Each benchmark program is built
//! three ways (vibix-cc, host gcc, musl-gcc) and measured with callgrind
//! (instructions before `main`, repeatable), a spawn loop (wall time) and
//! getrusage (minor faults). The full run writes docs/benchmarks.md and
//! docs/benchmarks.png; `--smoke` uses small programs and one run of each, and
//! has no thresholds: it is the CI check that the harness and every loader work.

mod build;
mod chart;
mod font;
mod gen;
mod libc;
mod measure;
mod png;
mod profile;
mod report;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use std::{env, fs};

use crate::paths;
use build::{Built, Toolchain};
use measure::{Budget, Instrs, Wall};

/// Whose dynamic linker runs the program.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Loader {
    Vibix,
    Glibc,
    Musl,
}

impl Loader {
    pub const ALL: [Loader; 3] = [Loader::Vibix, Loader::Glibc, Loader::Musl];

    pub fn name(self) -> &'static str {
        match self {
            Loader::Vibix => "vibix",
            Loader::Glibc => "glibc",
            Loader::Musl => "musl",
        }
    }
}

/// The benchmark programs; each `*Base` has the shape of the one after it
/// but a single relocation of the kind measured.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Prog {
    Hello,
    SymsBase,
    Syms,
    SymsShort,
    SymsLong,
    RelBase,
    Rel,
    RelrBase,
    Relr,
}

impl Prog {
    pub const ALL: [Prog; 9] = [
        Prog::Hello,
        Prog::SymsBase,
        Prog::Syms,
        Prog::SymsShort,
        Prog::SymsLong,
        Prog::RelBase,
        Prog::Rel,
        Prog::RelrBase,
        Prog::Relr,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Prog::Hello => "hello",
            Prog::SymsBase => "syms-base",
            Prog::Syms => "syms",
            Prog::SymsShort => "syms-short",
            Prog::SymsLong => "syms-long",
            Prog::RelBase => "rel-base",
            Prog::Rel => "rel",
            Prog::RelrBase => "relr-base",
            Prog::Relr => "relr",
        }
    }

    pub fn title(self, sizes: Sizes) -> String {
        match self {
            Prog::Hello => "(a) C hello".into(),
            Prog::SymsBase => "(b) baseline: 1 function + 1 object".into(),
            Prog::Syms => format!("(b) {} functions + {} objects", sizes.syms, sizes.syms),
            Prog::SymsShort => format!("(b) {} + {}, short names (2-6 B)", sizes.syms, sizes.syms),
            Prog::SymsLong => format!("(b) {} + {}, C++ mangled names (40-120 B)", sizes.syms, sizes.syms),
            Prog::RelBase => "(c) baseline: 1 RELATIVE".into(),
            Prog::Rel => format!("(c) {} RELATIVE", sizes.rel),
            Prog::RelrBase => "(c) baseline: 1 RELATIVE, DT_RELR".into(),
            Prog::Relr => format!("(c) {} RELATIVE, DT_RELR", sizes.rel),
        }
    }

    /// The name shape of a symbol-binding program.
    pub fn names(self) -> gen::Names {
        match self {
            Prog::SymsShort => gen::Names::Short,
            Prog::SymsLong => gen::Names::Long,
            _ => gen::Names::Typical,
        }
    }

    fn packed(self) -> bool {
        matches!(self, Prog::RelrBase | Prog::Relr)
    }
}

/// How big the generated programs are.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub syms: usize,
    pub rel: usize,
}

/// Everything measured for one program built by one toolchain.
pub struct Cell {
    pub built: Result<Built, String>,
    pub instrs: Result<Instrs, String>,
    pub wall: Result<Wall, String>,
    pub syscalls: Result<u64, String>,
}

impl Cell {
    fn failed(why: String) -> Cell {
        Cell { built: Err(why.clone()), instrs: Err(why.clone()), wall: Err(why.clone()), syscalls: Err(why) }
    }
}

/// All cells, indexed `[prog][loader]` in `Prog::ALL` / `Loader::ALL` order.
pub struct Results {
    pub sizes: Sizes,
    pub smoke: bool,
    pub cells: Vec<Vec<Cell>>,
    pub toolchains: Vec<Toolchain>,
    pub environment: Vec<(String, String)>,
    /// The libc section (`None` when not run).
    pub libc: Option<libc::LibcResults>,
}

impl Results {
    pub fn cell(&self, p: Prog, l: Loader) -> &Cell {
        let pi = Prog::ALL.iter().position(|&x| x == p).unwrap();
        let li = Loader::ALL.iter().position(|&x| x == l).unwrap();
        &self.cells[pi][li]
    }
}

struct Options {
    smoke: bool,
    /// Where the markdown goes; `None` prints only.
    doc: Option<PathBuf>,
    /// `--annotate PROG[:LOADER]`: profile one program instead of benchmarking.
    annotate: Option<(Prog, Loader)>,
    /// `--only startup|libc`: run one section.
    startup: bool,
    libc: bool,
}

fn parse_args(args: &[String], root: &Path) -> Result<Options, String> {
    let mut opts =
        Options { smoke: false, doc: Some(root.join("docs/benchmarks.md")), annotate: None, startup: true, libc: true };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--smoke" => opts.smoke = true,
            "--no-doc" => opts.doc = None,
            "--doc" => opts.doc = Some(PathBuf::from(it.next().ok_or("--doc needs a path")?)),
            "--only" => match it.next().map(String::as_str) {
                Some("startup") => opts.libc = false,
                Some("libc") => opts.startup = false,
                _ => return Err("--only needs `startup` or `libc`".into()),
            },
            "--annotate" => opts.annotate = Some(profile::parse(it.next().ok_or("--annotate needs PROG[:LOADER]")?)?),
            "-h" | "--help" => {
                return Err("usage: cargo xtask bench [--smoke] [--no-doc | --doc FILE.md] [--only startup|libc] [--annotate PROG[:LOADER]]\n  \
                     --smoke: small programs, one run each, no thresholds, writes no doc\n  \
                     --only: just the start-up section or just the libc section (writes no doc)\n  \
                     --annotate: callgrind_annotate of one program before main (LOADER: vibix|glibc|musl)\n  \
                     PROG: hello, syms-base, syms, syms-short, syms-long, rel-base, rel, relr-base, relr"
                    .into())
            }
            other => return Err(format!("bench: unknown argument `{other}` (try --help)")),
        }
    }
    if opts.smoke || !(opts.startup && opts.libc) {
        opts.doc = None;
    }
    Ok(opts)
}

/// `cargo xtask bench` entry point; `args` excludes the `bench` word itself.
/// The sysroot is `paths::sysroot()` unless `$SYSROOT` names another one.
pub fn main(args: &[String]) -> Result<(), String> {
    let root = paths::workspace();
    let opts = parse_args(args, &root)?;
    let work = paths::target_dir().join("bench");
    let sysroot = env::var_os("SYSROOT").map(PathBuf::from).unwrap_or_else(paths::sysroot);
    let sizes = if opts.smoke { Sizes { syms: 200, rel: 1000 } } else { Sizes { syms: 20_000, rel: 100_000 } };
    let budget = if opts.smoke {
        Budget { min_runs: 1, max_runs: 1, max_time: Duration::ZERO, warmup: 0 }
    } else {
        Budget { min_runs: 30, max_runs: 400, max_time: Duration::from_secs(8), warmup: 3 }
    };

    let toolchains: Vec<Toolchain> = Loader::ALL.iter().map(|&l| Toolchain::detect(l, &sysroot)).collect();
    for t in &toolchains {
        match &t.missing {
            None => eprintln!("bench: {}: {}", t.loader.name(), t.cc.display()),
            Some(why) => eprintln!("bench: {}: skipped: {why}", t.loader.name()),
        }
    }
    let have_valgrind = tool_version("valgrind", "--version").is_some();
    if !have_valgrind {
        eprintln!("bench: valgrind not found: no instruction counts (apt-get install valgrind)");
    }

    let have_strace = tool_version("strace", "-V").is_some();
    let src = work.join("src");
    build::write_sources(&root, &src, sizes)?;
    if let Some((prog, loader)) = opts.annotate {
        let tc = toolchains.iter().find(|t| t.loader == loader).unwrap();
        return profile::annotate(tc, prog, sizes, &src, &work.join(loader.name()));
    }
    let mut cells = Vec::new();
    for p in Prog::ALL.into_iter().filter(|_| opts.startup) {
        eprintln!("bench: {} ...", p.key());
        let mut row: Vec<Cell> = toolchains
            .iter()
            .map(|t| match t.build(p, sizes, &src, &work.join(t.loader.name())) {
                Ok(b) => Cell {
                    built: Ok(b),
                    instrs: Err(String::new()),
                    wall: Err(String::new()),
                    syscalls: Err(String::new()),
                },
                Err(e) => Cell::failed(e),
            })
            .collect();
        for c in row.iter_mut() {
            if let Ok(b) = &c.built {
                c.instrs = if have_valgrind {
                    callgrind_checked(&b.path, &b.dir, opts.smoke)
                } else {
                    Err("valgrind not installed".into())
                };
                c.syscalls = if have_strace {
                    measure::syscalls(&b.path, &b.dir)
                } else {
                    Err("n/a: strace not installed".into())
                };
            }
        }
        let progs: Vec<Option<&Path>> = row.iter().map(|c| c.built.as_ref().ok().map(|b| b.path.as_path())).collect();
        let walls = measure::wall_interleaved(&progs, budget);
        for (c, w) in row.iter_mut().zip(walls) {
            if c.built.is_ok() {
                c.wall = w;
            }
        }
        cells.push(row);
    }

    let libc = opts.libc.then(|| libc::run(&toolchains, &root, &work, opts.smoke, have_valgrind));
    let results = Results { sizes, smoke: opts.smoke, cells, toolchains, environment: environment(&sysroot), libc };
    let md = report::markdown(&results);
    println!("{md}");
    if let Some(doc) = &opts.doc {
        report::write_doc(doc, &md)?;
        let png = doc.with_extension("png");
        fs::write(&png, chart::render(&results).encode()).map_err(|e| format!("{}: {e}", png.display()))?;
        eprintln!("bench: wrote {} and {}", doc.display(), png.display());
    } else {
        let png = work.join("benchmarks.png");
        fs::write(&png, chart::render(&results).encode()).map_err(|e| format!("{}: {e}", png.display()))?;
    }
    check(&results)
}

/// Callgrind counts are deterministic: the full run measures twice and says
/// so if the two differ.
fn callgrind_checked(prog: &Path, dir: &Path, smoke: bool) -> Result<Instrs, String> {
    let first = measure::callgrind(prog, dir)?;
    if smoke {
        return Ok(first);
    }
    let second = measure::callgrind(prog, dir)?;
    Ok(Instrs {
        before_main: first.before_main.min(second.before_main),
        total: first.total.min(second.total),
        spread: first.before_main.abs_diff(second.before_main),
        ..first
    })
}

/// A failure of an available toolchain is an error (no performance thresholds).
fn check(r: &Results) -> Result<(), String> {
    let mut errors = Vec::new();
    for (pi, p) in Prog::ALL.iter().enumerate().take(r.cells.len()) {
        for (li, t) in r.toolchains.iter().enumerate() {
            if t.missing.is_some() || (p.packed() && t.no_relr.is_some()) {
                continue;
            }
            let c = &r.cells[pi][li];
            for (what, res) in [
                ("build", c.built.as_ref().err()),
                ("callgrind", c.instrs.as_ref().err()),
                ("run", c.wall.as_ref().err()),
                ("strace", c.syscalls.as_ref().err()),
            ] {
                if let Some(e) = res {
                    if !e.is_empty() && !e.contains("valgrind not installed") && !e.starts_with("n/a") {
                        errors.push(format!("{} {} {what}: {e}", p.key(), t.loader.name()));
                    }
                }
            }
        }
    }
    if let Some(l) = &r.libc {
        for b in &l.benches {
            for (li, t) in r.toolchains.iter().enumerate() {
                for res in [&b.ir_per_op[li], &b.wall_ns_per_op[li]] {
                    if let Err(e) = res {
                        if t.missing.is_none() && !e.starts_with("n/a") {
                            errors.push(format!("libc {} {}: {e}", b.name, t.loader.name()));
                        }
                    }
                }
            }
        }
        errors.extend(l.failures.iter().map(|f| format!("libc: {f}")));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("bench: {} failure(s):\n  {}", errors.len(), errors.join("\n  ")))
    }
}

/// First line of `tool arg`'s output, if the tool runs.
pub fn tool_version(tool: &str, arg: &str) -> Option<String> {
    let out = Command::new(tool).arg(arg).output().ok()?;
    let text = if out.stdout.is_empty() { out.stderr } else { out.stdout };
    String::from_utf8_lossy(&text).lines().next().map(|s| s.trim().to_string())
}

fn environment(sysroot: &Path) -> Vec<(String, String)> {
    let mut env = Vec::new();
    let mut add = |k: &str, v: Option<String>| env.push((k.to_string(), v.unwrap_or_else(|| "n/a".into())));
    add("valgrind", tool_version("valgrind", "--version"));
    add("gcc", tool_version("gcc", "--version"));
    add("binutils ld", tool_version("ld", "--version"));
    add("glibc", tool_version("ldd", "--version"));
    add("musl", build::musl_version().map(|v| format!("musl libc {v}")));
    add("sysroot", Some(sysroot.display().to_string()));
    let commit = Command::new("git")
        .args(["-C", &paths::workspace().display().to_string(), "describe", "--always", "--dirty"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    add("vibix commit", commit);
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| t.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()));
    add("cpu", cpu);
    add("kernel", tool_version("uname", "-r"));
    env
}
