//! Mutation fuzzing over real binaries, run for a bounded time in `cargo test`:
//! every view, --audit and the binding resolver must return (no panic, no hang)
//! on any input. Fixed crashers live in tests/crashers/ and are replayed first.
//! VIBIX_FUZZ_SECS (default 8) and VIBIX_FUZZ_SEED tune the run.

mod common;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use vibix_readelf::{audit, bindings, cli, dynobj::DynObj, show_views};

/// Runs everything the tool can do with one input's bytes.
fn exercise(data: &[u8]) {
    let opts = cli::parse(&["-a".into(), "-W".into(), "--dyn-syms".into()]).unwrap();
    let (mut o, mut e) = (String::new(), String::new());
    show_views(&mut o, &mut e, "fuzz", data, &opts);
    let narrow = cli::parse(&["-a".into()]).unwrap();
    show_views(&mut o, &mut e, "fuzz", data, &narrow);
    audit::show(&mut o, &mut e, "fuzz", data);
    if let Ok(d) = DynObj::new("fuzz".into(), data) {
        let _ = bindings::bind_all(std::slice::from_ref(&d));
    }
}

/// The whole --bindings path (library search from disk, then binding) on a file
/// holding `data`: hostile DT_NEEDED / RPATH / RUNPATH strings included.
fn exercise_bindings(data: &[u8]) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let f = std::env::temp_dir().join(format!("vibix-readelf-fuzzbind-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&f, data).unwrap();
    let name = f.display().to_string();
    let opts = cli::parse(&["--bindings".into(), "--ldso".into(), "/lib64/ld-linux-x86-64.so.2".into(), name.clone()]).unwrap();
    let (mut o, mut e) = (String::new(), String::new());
    bindings::show(&mut o, &mut e, &name, data, &opts);
    let _ = std::fs::remove_file(f);
}

/// Runs `exercise` on a worker thread; Err describes a panic or a hang.
fn check(data: Vec<u8>, limit: Duration) -> Result<(), String> {
    check_with(data, limit, false)
}

fn check_with(data: Vec<u8>, limit: Duration, with_bindings: bool) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let r = std::panic::catch_unwind(|| {
            exercise(&data);
            if with_bindings {
                exercise_bindings(&data);
            }
        });
        let _ = tx.send(r.map_err(|p| {
            p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
        }));
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(msg)) => Err(format!("panic: {msg}")),
        Err(_) => Err(format!("no result within {limit:?} (hang?)")),
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const INTERESTING: &[u64] = &[0, 1, 2, 7, 8, 0x10, 0x40, 0x7f, 0x80, 0xff, 0xffff, 0x7fff_ffff, 0xffff_ffff, 0x8000_0000_0000_0000, u64::MAX, 0x1000, 0x6fff_fff0];

/// Offsets of the places hostile inputs go for: headers and table entries.
fn hot_offsets(d: &[u8]) -> Vec<usize> {
    let mut v: Vec<usize> = (0..64).collect();
    let rd = |o: usize, n: usize| d.get(o..o + n).map(|b| b.iter().rev().fold(0u64, |a, &c| a << 8 | c as u64)).unwrap_or(0) as usize;
    let (phoff, shoff, phnum, shnum) = (rd(32, 8), rd(40, 8), rd(56, 2), rd(60, 2));
    for i in 0..phnum.min(64) {
        v.extend((0..56).map(|k| phoff.saturating_add(i * 56 + k)));
    }
    for i in 0..shnum.min(256) {
        let sh = shoff.saturating_add(i * 64);
        v.extend((0..64).map(|k| sh.saturating_add(k)));
        // The tables the loader-side code walks: dynamic, hash, version, relocation sections.
        let (ty, off, size) = (rd(sh + 4, 4), rd(sh + 24, 8), rd(sh + 32, 8));
        if matches!(ty, 4 | 5 | 6 | 19 | 0x6fff_fff6 | 0x6fff_fffd | 0x6fff_fffe | 0x6fff_ffff) {
            v.extend((0..size.min(512)).map(|k| off.saturating_add(k)));
        }
    }
    v.retain(|&o| o < d.len());
    v
}

fn mutate(rng: &mut Rng, base: &[u8], hot: &[usize]) -> Vec<u8> {
    let mut d = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        if d.len() < 2 {
            break;
        }
        let at = if rng.below(3) > 0 && !hot.is_empty() { hot[rng.below(hot.len())] } else { rng.below(d.len()) };
        let at = at % d.len();
        match rng.below(5) {
            0 => d[at] ^= 1 << rng.below(8),
            1 => d[at] = rng.next() as u8,
            2 => {
                let v = INTERESTING[rng.below(INTERESTING.len())];
                let w = [1usize, 2, 4, 8][rng.below(4)];
                for k in 0..w {
                    if let Some(b) = d.get_mut(at + k) {
                        *b = (v >> (8 * k)) as u8;
                    }
                }
            }
            3 => d.truncate(at.max(1)),
            _ => {
                // Copy a chunk over another place (duplicates table entries).
                let from = rng.below(d.len());
                let n = rng.below(64).min(d.len() - from).min(d.len() - at);
                let chunk = d[from..from + n].to_vec();
                d[at..at + n].copy_from_slice(&chunk);
            }
        }
    }
    d
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for p in ["/usr/bin/true", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libpthread.so.0", "/usr/lib/x86_64-linux-gnu/libdl.so.2"] {
        files.push(PathBuf::from(p));
    }
    files.extend(common::project_files(4).into_iter().filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() < 4 << 20)));
    files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|d| (p.display().to_string(), d)))
        .filter(|(_, d)| d.len() > 64 && d.starts_with(b"\x7fELF"))
        .collect()
}

#[test]
fn fixed_crashers_stay_fixed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/crashers");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "md") {
            continue;
        }
        let d = std::fs::read(e.path()).unwrap();
        check(d, Duration::from_secs(20)).unwrap_or_else(|m| panic!("{}: {m}", e.path().display()));
        n += 1;
    }
    eprintln!("{n} crashers replayed");
}

#[test]
fn trivial_inputs() {
    for d in [&b""[..], b"\x7f", b"\x7fELF", b"\x7fELF\x02\x01\x01", b"not an elf file at all", &[0u8; 64], &[0xffu8; 200]] {
        check(d.to_vec(), Duration::from_secs(10)).unwrap();
    }
}

#[test]
fn mutated_real_binaries() {
    let secs: u64 = std::env::var("VIBIX_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(8);
    let seed: u64 = std::env::var("VIBIX_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_abcd_0001);
    let corpus = corpus();
    assert!(!corpus.is_empty(), "no corpus files found");
    let mut rng = Rng(seed | 1);
    let end = Instant::now() + Duration::from_secs(secs);
    let mut runs = 0;
    let hot: Vec<Vec<usize>> = corpus.iter().map(|(_, d)| hot_offsets(d)).collect();
    while Instant::now() < end {
        let i = rng.below(corpus.len());
        let input = mutate(&mut rng, &corpus[i].1, &hot[i]);
        if let Err(m) = check_with(input.clone(), Duration::from_secs(30), runs % 32 == 0) {
            let out = std::env::temp_dir().join(format!("vibix-readelf-crash-{runs}"));
            let _ = std::fs::write(&out, &input);
            panic!("{m} on a mutation of {} (saved as {}; add it to tests/crashers/ once fixed)", corpus[i].0, out.display());
        }
        runs += 1;
    }
    eprintln!("{runs} mutated inputs ran clean in {secs}s (seed {seed:#x})");
}

/// The installed binary on truncated and corrupt files: an error message and exit
/// status 1, never a signal (panic=abort would show up as SIGABRT here).
#[test]
fn binary_reports_corrupt_input() {
    let Some((_, base)) = corpus().into_iter().next() else { return };
    let dir = std::env::temp_dir().join(format!("vibix-readelf-corrupt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut cases: Vec<Vec<u8>> = [1usize, 16, 63, 64, 200, base.len() / 2, base.len() - 1].iter().map(|&n| base[..n.min(base.len())].to_vec()).collect();
    // Section header table pointing past the end, and every section's offset too.
    let mut d = base.clone();
    d[40..48].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
    cases.push(d);
    for (i, c) in cases.iter().enumerate() {
        let f = dir.join(format!("case{i}"));
        std::fs::write(&f, c).unwrap();
        for args in [&["-a", "-W"][..], &["--audit"], &["--bindings"]] {
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_vibix-readelf")).args(args).arg(&f).output().unwrap();
            assert!(o.status.code().is_some(), "case {i} {args:?}: killed by a signal");
            if args[0] == "-a" {
                assert_eq!(o.status.code(), Some(1), "case {i} {args:?}: corrupt input must fail");
                assert!(!o.stderr.is_empty(), "case {i} {args:?}: no error message");
            }
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}
