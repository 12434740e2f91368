//! The in-kernel test runner (vibix's "init"): runs every program listed in
//! the initramfs manifest `/etc/vibix/tests`, one after another, checks exit
//! status and stdout, reports on the serial port and leaves QEMU through
//! isa-debug-exit with `EXIT_PASS` only if every case passed.
//!
//! Manifest: one case per line, tab-separated:
//! `name  expect  stdout-file|-  cwd  env|-  argv0 [argv1 ...]`
//! where `expect` is an exit code (`0`), `sig<N>` (killed by signal N),
//! `E<errno>` (the kernel must refuse to start it with that errno) or `any`
//! (malformed-ELF fuzz mutants: any exit, signal or refusal passes; only a
//! kernel panic or a timeout fails); `env` is a
//! list of NAME=value separated by 0x1f; argv0 is also the path that is executed
//! (relative to `cwd`, which is also the process's working directory).
//! The stdout field may name a second file after a 0x1f: every line of it must
//! occur somewhere in what the program wrote to fd 2 (error messages checked by
//! the host case, without the parts that differ per run such as addresses).
//! A case also fails when it leaves user frames behind (see `user_frames`).
use crate::arch::x86_64::{cpu, timer};
use crate::errno::Errno;
use crate::fs::initramfs;
use crate::fs::tree;
use crate::mm::{frame, heap};
use crate::proc::{self, Block, ExitStatus, Wake};
use crate::{exec, kprintln};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

const MANIFEST: &[u8] = b"/etc/vibix/tests";
const TIMEOUT_NS: u64 = 120_000_000_000;
/// isa-debug-exit: QEMU exits with (value << 1) | 1.
pub const EXIT_PASS: u32 = 0x10; // 33
pub const EXIT_FAIL: u32 = 0x11; // 35
pub const EXIT_PANIC: u32 = 0x12; // 37

pub fn qemu_exit(v: u32) -> ! {
    cpu::outl(0xf4, v);
    cpu::halt_forever()
}

fn file_text(path: &[u8]) -> Result<&'static [u8], Errno> {
    Ok(initramfs::node(initramfs::resolve("", path, true)?).data)
}

/// Frames in use outside the kernel heap and file data: user pages and page
/// tables. Every case must end with as many as it started with (a test's
/// processes are all gone by then; files it left and heap growth do not count).
fn user_frames() -> i64 {
    let used = frame::total() as i64 - frame::free_count() as i64;
    used - heap::frames() as i64 - tree::file_frames() as i64
}

fn status_text(s: ExitStatus) -> String {
    match s {
        ExitStatus::Code(c) => format!("{c}"),
        ExitStatus::Signal(n) => format!("sig{n}"),
    }
}

fn run_case(fields: &[&str]) -> Result<(), String> {
    let [_, expect, stdout, cwd, env, argv @ ..] = fields else { return Err(String::from("malformed manifest line")) };
    if argv.is_empty() {
        return Err(String::from("no argv"));
    }
    let argv: Vec<Vec<u8>> = argv.iter().map(|a| Vec::from(a.as_bytes())).collect();
    let envp: Vec<Vec<u8>> = if *env == "-" { Vec::new() } else { env.split('\x1f').filter(|e| !e.is_empty()).map(|e| Vec::from(e.as_bytes())).collect() };
    let cwd = cwd.trim_matches('/');
    let started = match exec::load_program(cwd, &argv[0], &argv, &envp, Default::default()) {
        Ok(s) => s,
        Err(e) => {
            return if *expect == format!("E{e}") || *expect == "any" { Ok(()) } else { Err(format!("exec failed with errno {e}")) };
        }
    };
    if expect.starts_with('E') {
        return Err(String::from("exec succeeded, expected it to be refused"));
    }
    let name = String::from(fields[0]);
    let pid = proc::spawn_user(name, started.aspace, started.entry, started.sp, true);
    if let Some(p) = proc::sched().procs.get_mut(&pid) {
        p.cwd = String::from(cwd);
        p.exe = started.exe.clone();
        p.cred = started.cred;
    }
    if let Some(t) = proc::sched().threads.get_mut(&pid) {
        t.comm = proc::policy::comm_from(argv[0].rsplit(|&c| c == b'/').next().unwrap_or(&argv[0]));
    }
    let deadline = timer::monotonic_ns() + TIMEOUT_NS;
    while proc::sched().procs.get(&pid).is_some_and(|p| p.exit.is_none()) {
        if proc::block(Block::WaitProc(pid), Some(deadline)) == Wake::Timeout {
            proc::finish_process(pid, ExitStatus::Signal(9));
            proc::reap(pid);
            return Err(String::from("timed out"));
        }
    }
    // Whatever the test left running (orphans) ends with it.
    let left: Vec<u64> = proc::sched().procs.values().filter(|p| p.capture_to == pid && p.pid != pid && p.exit.is_none()).map(|p| p.pid).collect();
    for p in left {
        proc::finish_process(p, ExitStatus::Signal(9));
    }
    let (out, err) = proc::sched()
        .procs
        .get_mut(&pid)
        .map(|p| (p.capture.take().unwrap_or_default(), core::mem::take(&mut p.capture_err)))
        .unwrap_or_default();
    let status = proc::reap(pid).ok_or_else(|| String::from("process vanished"))?;
    if status_text(status) != *expect && *expect != "any" {
        return Err(format!("exit status {} (expected {expect})", status_text(status)));
    }
    let (stdout, stderr) = stdout.split_once('\x1f').unwrap_or((stdout, "-"));
    if stderr != "-" {
        let want = file_text(stderr.as_bytes()).map_err(|e| format!("cannot read {stderr}: errno {e}"))?;
        for line in want.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
            if !err.windows(line.len()).any(|w| w == line) {
                return Err(format!("stderr lacks `{}`", String::from_utf8_lossy(line)));
            }
        }
    }
    if stdout != "-" {
        let want = file_text(stdout.as_bytes()).map_err(|e| format!("cannot read {stdout}: errno {e}"))?;
        // Trailing newlines are not significant (the shell's $(...) comparisons drop them too).
        let trim = |b: &[u8]| b.len() - b.iter().rev().take_while(|&&c| c == b'\n').count();
        if out[..trim(&out)] != want[..trim(want)] {
            return Err(format!("stdout differs from {stdout} ({} bytes, expected {})", out.len(), want.len()));
        }
    }
    Ok(())
}

pub fn run() -> ! {
    let Ok(text) = file_text(MANIFEST) else {
        kprintln!("vibix-test: no manifest /etc/vibix/tests in the initramfs");
        qemu_exit(EXIT_FAIL);
    };
    let text = core::str::from_utf8(text).unwrap_or("");
    let (mut pass, mut fail) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        kprintln!("vibix-test: RUN  {}", fields[0]);
        let before = user_frames();
        let t0 = timer::monotonic_ns();
        let result = run_case(&fields).and_then(|()| match user_frames() - before {
            0 => Ok(()),
            n => Err(format!("{n} frames leaked (user memory or page tables not freed)")),
        });
        let ms = (timer::monotonic_ns() - t0) / 1_000_000;
        match result {
            Ok(()) => {
                pass += 1;
                kprintln!("vibix-test: PASS {} ({ms} ms)", fields[0]);
            }
            Err(why) => {
                fail += 1;
                kprintln!("vibix-test: FAIL {}: {} ({ms} ms)", fields[0], why);
            }
        }
    }
    kprintln!("vibix-test: summary: {} passed, {} failed", pass, fail);
    qemu_exit(if fail == 0 && pass > 0 { EXIT_PASS } else { EXIT_FAIL })
}
