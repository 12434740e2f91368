//! `cargo xtask fuzz [--seed N] [--count N] [-j N] [--timeout S] [--replay LINE]
//! [--work DIR] [--save DIR]`: the malformed-ELF fuzzer for ld-vibix.
//!
//! Builds the inputs of xtask/fuzz/ (a program and its library, three flavours),
//! then runs the corpus of past crashers (xtask/fuzz/corpus.txt) and `count`
//! seeded ELF-aware mutants (fuzz/mutate.rs) each as `ld-vibix.so.1 ./prog`
//! or through PT_INTERP, mutating the program or its DT_NEEDED library (the
//! `dl` flavour dlopens it). Every run must end cleanly: the program ran, or
//! ld-vibix refused the file with exit 127 and one `ld-vibix: FILE: ...` line.
//! A crash or hang inside ld-vibix fails the run; a crash of the program
//! after ld-vibix handed over is counted and reported apart (fuzz/exec.rs
//! tells them apart by the faulting address). Mutant N of seed S is the same
//! on every machine, and every failure is printed as a corpus line.
//! `--save DIR` keeps every mutant as DIR/m<N>/{prog,libfz.so} and lists them
//! in DIR/mutants (`m<N> direct|interp` per line), for the kernel's QEMU run
//! (testlibs/loader/fuzz-qemu).

mod exec;
mod inputs;
mod mutate;
mod rng;

use exec::Verdict;
use inputs::Input;
use mutate::{Edit, Layout};
use rng::Rng;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// One mutant: which input, how it is started, which file is edited and how.
#[derive(Clone, Debug)]
pub struct Mutant {
    input: String,
    interp: bool,
    lib: bool,
    edits: Vec<Edit>,
}

impl Mutant {
    /// `INPUT MODE TARGET EDIT[; EDIT...]`, e.g. `a direct lib dyn[RELASZ].val=0x100000000`.
    fn show(&self) -> String {
        let e: Vec<String> = self.edits.iter().map(Edit::show).collect();
        format!("{} {} {} {}", self.input, if self.interp { "interp" } else { "direct" }, if self.lib { "lib" } else { "prog" }, e.join("; "))
    }

    fn parse(line: &str) -> Result<Mutant, String> {
        let mut it = line.splitn(4, ' ');
        let (input, mode, target, edits) = (it.next(), it.next(), it.next(), it.next());
        let bad = || format!("bad mutant line `{line}`");
        let edits = edits.ok_or_else(bad)?.split(';').map(|e| Edit::parse(e.trim())).collect::<Result<Vec<_>, _>>()?;
        Ok(Mutant {
            input: input.ok_or_else(bad)?.to_string(),
            interp: match mode {
                Some("interp") => true,
                Some("direct") => false,
                _ => return Err(bad()),
            },
            lib: match target {
                Some("lib") => true,
                Some("prog") => false,
                _ => return Err(bad()),
            },
            edits,
        })
    }

    fn random(seed: u64, index: u64, inputs: &[(Input, Layout, Layout)]) -> Mutant {
        let mut rng = Rng::new(seed, index);
        let (input, pl, ll) = rng.pick(inputs);
        // The dl program stays intact, so it hands dlopen valid arguments and a
        // fault inside dlopen is ld-vibix's (a and b mutate programs).
        let lib = input.name == "dl" || rng.below(2) == 0;
        let l = if lib { ll } else { pl };
        let n = match rng.below(10) {
            0..=6 => 1,
            7..=8 => 2,
            _ => 3,
        };
        let edits = (0..n).map(|_| mutate::random_edit(&mut rng, l)).collect();
        Mutant { input: input.name.to_string(), interp: rng.below(4) == 0, lib, edits }
    }
}

struct Options {
    seed: u64,
    count: u64,
    jobs: usize,
    timeout: u32,
    replay: Vec<String>,
    work: Option<PathBuf>,
    save: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options { seed: 1, count: 5000, jobs: 2, timeout: 3, replay: vec![], work: None, save: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or(format!("{a} needs a value"));
        let n = |s: &String| s.parse::<u64>().map_err(|_| format!("bad number `{s}`"));
        match a.as_str() {
            "--seed" => o.seed = n(val()?)?,
            "--count" => o.count = n(val()?)?,
            "-j" | "--jobs" => o.jobs = n(val()?)?.max(1) as usize,
            "--timeout" => o.timeout = n(val()?)?.max(1) as u32,
            "--replay" => o.replay.push(val()?.clone()),
            "--work" => o.work = Some(PathBuf::from(val()?)),
            "--save" => o.save = Some(PathBuf::from(val()?)),
            _ => return Err(format!("unknown option `{a}`")),
        }
    }
    Ok(o)
}

#[derive(Default)]
struct Stats {
    ran: usize,
    refused: usize,
    exec_refused: usize,
    program_crash: usize,
    program_hang: usize,
    loader: Vec<(String, Verdict)>,
    messages: std::collections::BTreeMap<String, usize>,
}

impl Stats {
    fn add(&mut self, m: &Mutant, v: Verdict) {
        match &v {
            Verdict::Ran(_) => self.ran += 1,
            Verdict::Refused(msg) => {
                self.refused += 1;
                // Group messages by what is wrong (the part after the file name).
                let what = msg.rsplit(": ").next().unwrap_or(msg).to_string();
                *self.messages.entry(what).or_default() += 1;
            }
            Verdict::ExecRefused(_) => self.exec_refused += 1,
            Verdict::ProgramCrash { .. } => self.program_crash += 1,
            Verdict::ProgramHang => self.program_hang += 1,
            _ => self.loader.push((m.show(), v)),
        }
    }
}

fn corpus() -> Vec<String> {
    let p = crate::paths::workspace().join("xtask/fuzz/corpus.txt");
    std::fs::read_to_string(p)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Writes the mutant's files into `dir` and runs it.
fn run_one(dir: &Path, ldso: &Path, m: &Mutant, inputs: &[(Input, Layout, Layout)], timeout: u32) -> Result<Verdict, String> {
    let (input, pl, ll) = inputs.iter().find(|i| i.0.name == m.input).ok_or(format!("no input `{}`", m.input))?;
    let (mut prog, mut lib) = (input.prog.clone(), input.lib.clone());
    let mut perm = std::fs::metadata(dir).map_err(|e| e.to_string())?.permissions();
    let (buf, layout) = if m.lib { (&mut lib, ll) } else { (&mut prog, pl) };
    for e in &m.edits {
        e.apply(layout, buf);
    }
    std::fs::write(dir.join("prog"), &prog).map_err(|e| e.to_string())?;
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
    std::fs::set_permissions(dir.join("prog"), perm).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("libfz.so"), &lib).map_err(|e| e.to_string())?;
    let p = dir.join("prog");
    let (p, l) = (p.to_str().unwrap_or("prog"), ldso.to_str().unwrap_or("ld-vibix.so.1"));
    let argv: &[&str] = if m.interp { &[p] } else { &[l, p] };
    let v = exec::run(dir, argv, timeout);
    // A refused dlopen: NULL and a dlerror() naming the library (dlprog exits 3).
    if m.input == "dl" && v == Verdict::Ran(3) {
        let e = String::from_utf8_lossy(&std::fs::read(dir.join("stderr")).unwrap_or_default()).into_owned();
        if !e.contains("libfz.so") {
            return Ok(Verdict::BadExit(3, format!("dlerror does not name the library: {e}")));
        }
    }
    Ok(v)
}

/// Copies the mutant just run in worker directory `w` to `to`.
fn save(w: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for f in ["prog", "libfz.so"] {
        std::fs::copy(w.join(f), to.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    Ok(())
}

pub fn main(args: &[String]) -> Result<(), String> {
    let o = parse_args(args)?;
    let ldso = crate::paths::sysroot().join("lib/ld-vibix.so.1");
    if !ldso.exists() {
        return Err(format!("{} missing: run `cargo xtask build` first", ldso.display()));
    }
    let work = o.work.clone().unwrap_or_else(|| crate::paths::target_dir().join("fuzz"));
    let built = inputs::build(&work, &ldso)?;
    let mut inputs = Vec::new();
    for i in built {
        let (pl, ll) = (Layout::parse(&i.prog)?, Layout::parse(&i.lib)?);
        inputs.push((i, pl, ll));
    }
    let dirs: Vec<PathBuf> = (0..o.jobs).map(|k| work.join(format!("w{k}"))).collect();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    // The unmutated inputs must run, or every mutant would be refused vacuously.
    for (i, _, _) in &inputs {
        for interp in [false, true] {
            let m = Mutant { input: i.name.into(), interp, lib: false, edits: vec![] };
            match run_one(&dirs[0], &ldso, &m, &inputs, o.timeout)? {
                Verdict::Ran(0) => {}
                v => return Err(format!("unmutated input `{}` ({}) does not run: {v:?}", i.name, if interp { "interp" } else { "direct" })),
            }
        }
    }
    let mut list: Vec<Mutant> = Vec::new();
    let fixed: Vec<String> = if o.replay.is_empty() { corpus() } else { o.replay.clone() };
    for l in &fixed {
        list.push(Mutant::parse(l)?);
    }
    let ncorpus = list.len();
    if o.replay.is_empty() {
        list.extend((0..o.count).map(|i| Mutant::random(o.seed, i, &inputs)));
    }
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let stats = Mutex::new(Stats::default());
    let err = Mutex::new(None);
    std::thread::scope(|s| {
        for d in &dirs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(m) = list.get(i) else { break };
                let r = run_one(d, &ldso, m, &inputs, o.timeout).and_then(|v| {
                    if let Some(dir) = &o.save {
                        save(d, &dir.join(format!("m{i}")))?;
                    }
                    Ok(v)
                });
                match r {
                    Ok(v) => stats.lock().unwrap_or_else(|e| e.into_inner()).add(m, v),
                    Err(e) => *err.lock().unwrap_or_else(|e| e.into_inner()) = Some(e),
                }
            });
        }
    });
    if let Some(e) = err.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    if let Some(dir) = &o.save {
        let list: String = list.iter().enumerate().map(|(i, m)| format!("m{i} {}\n", if m.interp { "interp" } else { "direct" })).collect();
        std::fs::write(dir.join("mutants"), list).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let st = stats.into_inner().unwrap_or_else(|e| e.into_inner());
    println!(
        "fuzz: seed {} : {} mutants ({} from the corpus) in {:.1}s: {} ran, {} refused by ld-vibix, {} refused by execve, {} program crashes and {} program hangs after handover, {} loader failures",
        o.seed,
        list.len(),
        ncorpus,
        started.elapsed().as_secs_f64(),
        st.ran,
        st.refused,
        st.exec_refused,
        st.program_crash,
        st.program_hang,
        st.loader.len()
    );
    let mut top: Vec<(&String, &usize)> = st.messages.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1));
    for (m, n) in top.iter().take(12) {
        println!("  {n:>5}  {m}");
    }
    if st.loader.is_empty() {
        return Ok(());
    }
    println!("loader failures (corpus lines for xtask/fuzz/corpus.txt):");
    for (line, v) in st.loader.iter().take(40) {
        println!("{line}\n    # {v:?}");
    }
    Err(format!("{} loader crash(es)/hang(s)/bad exit(s)", st.loader.len()))
}
