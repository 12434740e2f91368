//! Running one benchmark program: instruction counts under callgrind, wall time
//! and minor page faults from a plain spawn loop.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Instruction counts from one callgrind run.
#[derive(Clone, Copy, Debug)]
pub struct Instrs {
    /// Ir from the first instruction up to the entry of `main`.
    pub before_main: u64,
    /// Ir of the whole run.
    pub total: u64,
    /// Whether valgrind's LD_PRELOAD libraries were actually loaded: a loader
    /// that ignores LD_PRELOAD looks ~11k Ir cheaper than it is.
    pub preload_loaded: bool,
    /// How much Ir before main differed between repeated runs (0: identical).
    pub spread: u64,
}

/// Runs `prog` under `valgrind --tool=callgrind --dump-before=main` in an empty
/// environment. Callgrind writes one part per dump: `<out>.1` ends at `main`,
/// `<out>` holds the rest.
pub fn callgrind(prog: &Path, scratch: &Path) -> Result<Instrs, String> {
    let out = scratch.join("callgrind.out");
    for p in [out.clone(), out.with_extension("out.1")] {
        let _ = fs::remove_file(p);
    }
    let res = Command::new("valgrind")
        .env_clear()
        .arg("--tool=callgrind")
        .arg("--dump-before=main")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(prog)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("valgrind: {e}"))?;
    if !res.status.success() {
        let err = String::from_utf8_lossy(&res.stderr);
        let last = err.lines().rev().find(|l| !l.trim_start_matches('=').trim().is_empty());
        return Err(format!("under callgrind: {} ({})", res.status, last.unwrap_or("").trim()));
    }
    let first = out.with_extension("out.1");
    let rest = read_totals(&out)?;
    let (before_main, preload_loaded) = match fs::read_to_string(&first) {
        Ok(text) => (totals_of(&text).ok_or("no totals in callgrind part 1")?, mentions_preload(&text)),
        // No dump at `main`: the program never got there.
        Err(_) => return Err("callgrind never saw `main`".into()),
    };
    Ok(Instrs { before_main, total: before_main + rest, preload_loaded, spread: 0 })
}

fn read_totals(path: &Path) -> Result<u64, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    totals_of(&text).ok_or_else(|| format!("{}: no totals line", path.display()))
}

fn totals_of(text: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix("totals:").or_else(|| l.strip_prefix("summary:")))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

fn mentions_preload(text: &str) -> bool {
    // Names are defined once, on `ob=` or (as a call target) on `cob=` lines.
    text.lines().any(|l| (l.starts_with("ob=") || l.starts_with("cob=")) && l.contains("vgpreload"))
}

/// System calls of one run, counted with `strace -f` (wall time goes to
/// mmap/mprotect and page faults more than to instructions).
pub fn syscalls(prog: &Path, scratch: &Path) -> Result<u64, String> {
    let out = scratch.join("strace.out");
    let status = Command::new("strace")
        .env_clear()
        .args(["-f", "-qq", "-o"])
        .arg(&out)
        .arg(prog)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("strace: {e}"))?;
    if !status.success() {
        return Err(format!("under strace: {status}"));
    }
    let text = fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    // One line per call; `+++ exited` and `--- SIG` lines are not calls.
    Ok(text.lines().filter(|l| !l.contains("+++ ") && !l.contains("--- ") && !l.contains("resumed>")).count() as u64)
}

/// Wall time and page faults over many runs.
#[derive(Clone, Copy, Debug)]
pub struct Wall {
    pub min_us: f64,
    pub median_us: f64,
    pub runs: usize,
    /// Minor page faults per run (mean over the runs; they barely vary).
    pub minor_faults: f64,
}

/// How long to keep re-running one program.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pub min_runs: usize,
    pub max_runs: usize,
    pub max_time: Duration,
    pub warmup: usize,
}

/// Measures all `progs` in turns (one run of each per round), so that noise
/// from other work on the machine hits every loader alike. `None` entries are
/// skipped and come back as errors.
pub fn wall_interleaved(progs: &[Option<&Path>], budget: Budget) -> Vec<Result<Wall, String>> {
    let mut samples: Vec<Result<Vec<(f64, i64)>, String>> = progs
        .iter()
        .map(|p| if p.is_some() { Ok(Vec::new()) } else { Err("not built".to_string()) })
        .collect();
    let started = Instant::now();
    for round in 0.. {
        let measured = round >= budget.warmup;
        let done = round - budget.warmup.min(round);
        if measured
            && done >= budget.min_runs
            && (done >= budget.max_runs || started.elapsed() >= budget.max_time)
        {
            break;
        }
        let mut any = false;
        for (prog, acc) in progs.iter().zip(samples.iter_mut()) {
            let (Some(prog), Ok(list)) = (prog, acc.as_mut()) else { continue };
            any = true;
            let before = children_minor_faults();
            match run_once(prog) {
                Ok(us) if measured => list.push((us, children_minor_faults() - before)),
                Ok(_) => {}
                Err(e) => *acc = Err(e),
            }
        }
        if !any {
            break;
        }
    }
    samples.into_iter().map(|s| s.map(summarize)).collect()
}

fn summarize(list: Vec<(f64, i64)>) -> Wall {
    let runs = list.len();
    let faults: i64 = list.iter().map(|s| s.1).sum();
    let mut times: Vec<f64> = list.into_iter().map(|s| s.0).collect();
    times.sort_by(f64::total_cmp);
    let median_us = if runs % 2 == 1 { times[runs / 2] } else { (times[runs / 2 - 1] + times[runs / 2]) / 2.0 };
    Wall { min_us: times[0], median_us, runs, minor_faults: faults as f64 / runs as f64 }
}

/// One run, in µs, in an empty environment like the callgrind run.
fn run_once(prog: &Path) -> Result<f64, String> {
    let t = Instant::now();
    let status = Command::new(prog)
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("{}: {e}", prog.display()))?;
    let us = t.elapsed().as_secs_f64() * 1e6;
    if !status.success() {
        return Err(format!("{}: {status}", prog.display()));
    }
    Ok(us)
}

/// `struct rusage` of x86_64 Linux: two timevals, then 14 longs.
#[repr(C)]
struct Rusage {
    utime: [i64; 2],
    stime: [i64; 2],
    fields: [i64; 14],
}
const RU_MINFLT: usize = 4; // maxrss, ixrss, idrss, isrss, minflt
const RUSAGE_CHILDREN: i32 = -1;

extern "C" {
    // std already links the C library; declaring it avoids a dependency.
    fn getrusage(who: i32, usage: *mut Rusage) -> i32;
}

/// Minor faults summed over all children waited for so far.
fn children_minor_faults() -> i64 {
    let mut ru = Rusage { utime: [0; 2], stime: [0; 2], fields: [0; 14] };
    // SAFETY: `ru` has the kernel's `struct rusage` layout and outlives the call.
    let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut ru) };
    if rc == 0 {
        ru.fields[RU_MINFLT]
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_line_is_parsed() {
        assert_eq!(totals_of("events: Ir\nfn=x\n1 2\ntotals: 42743\n"), Some(42743));
        assert_eq!(totals_of("events: Ir\n"), None);
    }

    #[test]
    fn rusage_has_the_kernel_size() {
        assert_eq!(std::mem::size_of::<Rusage>(), 144);
    }
}
