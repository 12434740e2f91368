//! `cargo xtask kernel <build|test|run>`: the vibix kernel in QEMU.
//!
//! * `build`: `cargo build -p kernel --release`, prints the ELF's path.
//! * `test`: builds the kernel, the raw-syscall programs of testlibs/kernel/static,
//!   a set of malformed ELF files, and collects the programs that the testlibs
//!   cases listed in testlibs/kernel/qemu/cases check on the host (their run.sh
//!   is run with `VIBIX_QEMU_CASES` set, see `vibix_qemu_record` in lib.sh); packs
//!   everything with the sysroot and busybox (/bin/sh and applets, see busybox.rs)
//!   into an initramfs (cpio newc) and boots QEMU.
//!   The kernel's runner executes every program, compares exit status and stdout,
//!   and exits QEMU with `PASS_CODE` only when all of them passed.
//! * `run`: boots vibix with a dynamically linked Rust std hello world (with a
//!   thread) started through PT_INTERP.
//!
//! QEMU uses TCG (what CI has; nested KVM on these VMs hits emulation failures
//! and then hangs); `VIBIX_QEMU_ACCEL=kvm` opts into KVM when /dev/kvm is usable.
//! `VIBIX_QEMU_TIMEOUT` (seconds, default 600) bounds one boot;
//! `VIBIX_QEMU_CASE_LIST` names another case list than testlibs/kernel/qemu/cases.

use crate::{apt, busybox, command, kernel_libs, kernel_snap, paths};
use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// isa-debug-exit makes QEMU exit with (value << 1) | 1; the kernel writes 0x10
/// only when every case passed. A triple fault exits 0, a kernel panic 37.
const PASS_CODE: i32 = 33;
const SUMMARY: &str = "vibix-test: summary:";

pub fn main(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("build") => {
            println!("{}", build_kernel()?.display());
            Ok(())
        }
        Some("test") => test(),
        Some("run") => run(),
        _ => Err("usage: cargo xtask kernel <build|test|run>".into()),
    }
}

fn build_kernel() -> Result<PathBuf, String> {
    command::run(command::cargo().args(["build", "--release", "-p", "kernel"]))?;
    Ok(paths::release_dir().join("kernel"))
}

fn ensure_sysroot() -> Result<PathBuf, String> {
    let sysroot = paths::sysroot();
    if !sysroot.join("lib/ld-vibix.so.1").exists() || !sysroot.join("bin/vibix-cc").exists() {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        command::run(Command::new(exe).arg("build"))?;
    }
    Ok(sysroot)
}

fn stage_dir(name: &str) -> Result<PathBuf, String> {
    let dir = paths::target_dir().join("kernel-qemu").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

fn test() -> Result<(), String> {
    let kernel = build_kernel()?;
    let sysroot = ensure_sysroot()?;
    let stage = stage_dir("test")?;
    let mut rd = Initrd::new();
    rd.add_sysroot(&sysroot)?;
    let mut manifest = String::new();

    // 1. ring 3 with raw syscalls, and W^X from user space.
    let src = paths::workspace().join("testlibs/kernel/static");
    let hello = build_static(&src.join("hello.c"), &stage.join("hello"), false)?;
    let hello_pie = build_static(&src.join("hello.c"), &stage.join("hello-pie"), true)?;
    let wx = build_static(&src.join("wx.c"), &stage.join("wx"), false)?;
    rd.file("bin/hello", &read(&hello)?, 0o755);
    rd.file("bin/hello-pie", &read(&hello_pie)?, 0o755);
    rd.file("bin/wx", &read(&wx)?, 0o755);
    rd.file("etc/expected/hello", b"hello from ring 3\n/bin/hello\nargument one\n", 0o644);
    rd.file("etc/expected/hello-pie", b"hello from ring 3\n/bin/hello-pie\n", 0o644);
    rd.file("etc/expected/wx", &read(&src.join("wx.expected"))?, 0o644);
    manifest.push_str("kernel/hello\t0\t/etc/expected/hello\t/\t-\t/bin/hello\targument one\n");
    manifest.push_str("kernel/hello-pie\t0\t/etc/expected/hello-pie\t/\t-\t/bin/hello-pie\n");
    manifest.push_str("kernel/wx-mprotect\t0\t/etc/expected/wx\t/\t-\t/bin/wx\n");
    let preempt = build_static(&src.join("preempt.c"), &stage.join("preempt"), false)?;
    rd.file("bin/preempt", &read(&preempt)?, 0o755);
    rd.file("etc/expected/preempt", &read(&src.join("preempt.expected"))?, 0o644);
    manifest.push_str("kernel/preempt\t0\t/etc/expected/preempt\t/\t-\t/bin/preempt\n");
    let mremap = build_static(&src.join("mremap.c"), &stage.join("mremap"), false)?;
    rd.file("bin/mremap", &read(&mremap)?, 0o755);
    rd.file("etc/expected/mremap", &read(&src.join("mremap.expected"))?, 0o644);
    manifest.push_str("kernel/mremap\t0\t/etc/expected/mremap\t/\t-\t/bin/mremap\n");
    let wx_alias = build_static(&src.join("wx-alias.c"), &stage.join("wx-alias"), false)?;
    rd.file("bin/wx-alias", &read(&wx_alias)?, 0o755);
    rd.file("etc/expected/wx-alias", &read(&src.join("wx-alias.expected"))?, 0o644);
    manifest.push_str("kernel/wx-alias\t0\t/etc/expected/wx-alias\t/\t-\t/bin/wx-alias\n");
    let layout = build_static(&src.join("stack-layout.c"), &stage.join("stack-layout"), false)?;
    rd.file("bin/stack-layout", &read(&layout)?, 0o755);
    rd.file("etc/expected/stack-layout", &read(&src.join("stack-layout.expected"))?, 0o644);
    manifest.push_str("kernel/stack-layout\t0\t/etc/expected/stack-layout\t/\t-\t/bin/stack-layout\n");
    let stager = build_static(&src.join("stage.c"), &stage.join("vibix-stage"), false)?;
    rd.file("bin/vibix-stage", &read(&stager)?, 0o755);

    // 2. malformed ELF files are refused with an errno, and the kernel keeps running.
    for (name, bytes, errno) in malformed(&read(&hello)?)? {
        rd.file(&format!("bin/bad/{name}"), &bytes, 0o755);
        manifest.push_str(&format!("kernel/bad-elf/{name}\tE{errno}\t-\t/\t-\t/bin/bad/{name}\n"));
    }
    manifest.push_str("kernel/still-alive\t0\t/etc/expected/hello\t/\t-\t/bin/hello\targument one\n");

    // 3. busybox as /bin/sh and the usual commands (before the cases' files, so a host
    //    /bin/sh a case names never replaces it).
    let bb = busybox::get(&sysroot)?;
    rd.file("bin/busybox", &read(&bb.binary)?, 0o755);
    for a in &bb.applets {
        rd.symlink(&format!("bin/{a}"), "busybox");
    }
    rd.symlink("usr/bin/env", "/bin/busybox"); // #!/usr/bin/env scripts

    // 4. the testlibs programs, the same binaries that ran on the host, with the system files they read.
    add_host_files(&mut rd)?;
    let (lines, skipped) = collect_cases(&sysroot, &stage, &mut rd)?;
    manifest.push_str(&lines);
    rd.file("etc/vibix/tests", manifest.as_bytes(), 0o644);
    let initrd = stage.join("initrd.cpio");
    fs::write(&initrd, rd.finish()).map_err(|e| e.to_string())?;

    let log = stage.join("serial.log");
    let (code, out) = qemu(&kernel, &initrd, &log)?;
    let summary = out.lines().find(|l| l.starts_with(SUMMARY)).unwrap_or("(no summary line)");
    for s in &skipped {
        eprintln!("xtask kernel test: not run on vibix: {s}");
    }
    if code != PASS_CODE {
        let failed: Vec<&str> = out.lines().filter(|l| l.starts_with("vibix-test: FAIL") || l.contains("PANIC")).collect();
        return Err(format!("QEMU exit code {code} (pass is {PASS_CODE}); {summary}\n{}\n(serial log: {})", failed.join("\n"), log.display()));
    }
    eprintln!("xtask kernel test: {summary} (serial log: {})", log.display());
    Ok(())
}

fn run() -> Result<(), String> {
    let kernel = build_kernel()?;
    let sysroot = ensure_sysroot()?;
    let stage = stage_dir("run")?;
    let demo = paths::workspace().join("testlibs/kernel/demo");
    let target = stage.join("cargo");
    command::run(
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["build", "--quiet", "--release", "--target", "x86_64-unknown-linux-gnu", "--manifest-path"])
            .arg(demo.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&target)
            .env("RUSTFLAGS", format!("-C linker={}", sysroot.join("bin/vibix-cc").display())),
    )?;
    let mut rd = Initrd::new();
    rd.add_sysroot(&sysroot)?;
    rd.file("bin/rust-hello", &read(&target.join("x86_64-unknown-linux-gnu/release/vibix-demo"))?, 0o755);
    rd.file("etc/vibix/tests", b"rust-hello\t0\t-\t/\tLANG=C\t/bin/rust-hello\tfrom\tvibix\n", 0o644);
    let initrd = stage.join("initrd.cpio");
    fs::write(&initrd, rd.finish()).map_err(|e| e.to_string())?;
    let (code, _) = qemu(&kernel, &initrd, &stage.join("serial.log"))?;
    if code != PASS_CODE {
        return Err(format!("QEMU exit code {code} (pass is {PASS_CODE})"));
    }
    Ok(())
}

fn read(p: &Path) -> Result<Vec<u8>, String> {
    fs::read(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn build_static(src: &Path, out: &Path, pie: bool) -> Result<PathBuf, String> {
    let mut cmd = Command::new("gcc");
    cmd.args(["-O2", "-nostdlib", "-ffreestanding", "-fno-builtin", "-fno-stack-protector"]);
    cmd.args(if pie { ["-static-pie", "-fPIE"] } else { ["-static", "-fno-pie"] });
    cmd.arg(src).arg("-o").arg(out);
    command::run(&mut cmd)?;
    Ok(out.to_path_buf())
}

/// Broken variants of a valid static executable, each with the errno the
/// kernel must answer: (name, bytes, errno).
/// (file name, contents, errno the kernel must answer)
type BadElf = (&'static str, Vec<u8>, i32);

fn malformed(good: &[u8]) -> Result<Vec<BadElf>, String> {
    const ENOEXEC: i32 = 8;
    const EACCES: i32 = 13;
    let u16_at = |b: &[u8], o: usize| u16::from_le_bytes([b[o], b[o + 1]]) as usize;
    let u64_at = |b: &[u8], o: usize| u64::from_le_bytes(b[o..o + 8].try_into().unwrap());
    let put64 = |b: &mut Vec<u8>, o: usize, v: u64| b[o..o + 8].copy_from_slice(&v.to_le_bytes());
    let put32 = |b: &mut Vec<u8>, o: usize, v: u32| b[o..o + 4].copy_from_slice(&v.to_le_bytes());
    let phoff = u64_at(good, 32) as usize;
    let phnum = u16_at(good, 56);
    let ph = |i: usize| phoff + 56 * i;
    let loads: Vec<usize> = (0..phnum).filter(|&i| good[ph(i)] == 1).collect();
    let other = (0..phnum).find(|&i| good[ph(i)] != 1).ok_or("test ELF has no non-LOAD header")?;
    if loads.len() < 2 {
        return Err("test ELF needs two PT_LOAD segments".into());
    }
    let mut v = Vec::new();
    let mut b = good.to_vec();
    b[0] = b'X';
    v.push(("bad-magic", b, ENOEXEC));
    v.push(("truncated", good[..40].to_vec(), ENOEXEC));
    let mut b = good.to_vec();
    put64(&mut b, 32, good.len() as u64 - 8); // e_phoff: headers run past the end
    v.push(("phdrs-past-end", b, ENOEXEC));
    let mut b = good.to_vec();
    put64(&mut b, ph(loads[0]) + 8, good.len() as u64 + 4096); // p_offset past the file
    v.push(("offset-past-end", b, ENOEXEC));
    let mut b = good.to_vec();
    put64(&mut b, ph(loads[1]) + 40, 1 << 44); // p_memsz: 16 TiB
    v.push(("huge-segment", b, ENOEXEC));
    let mut b = good.to_vec();
    let first_vaddr = u64_at(good, ph(loads[0]) + 16);
    put64(&mut b, ph(loads[1]) + 16, first_vaddr); // second segment over the first
    v.push(("overlapping", b, ENOEXEC));
    let mut b = good.to_vec();
    put32(&mut b, ph(other), 3); // PT_INTERP over a region of code: no NUL at the end
    put64(&mut b, ph(other) + 8, 0);
    put64(&mut b, ph(other) + 32, 16);
    v.push(("interp-no-nul", b, ENOEXEC));
    let mut b = good.to_vec();
    put32(&mut b, ph(loads[1]) + 4, 7); // PF_R|PF_W|PF_X
    v.push(("wx-segment", b, EACCES));
    Ok(v)
}

/// The host files testlibs/kernel/qemu/host-files lists, and an /etc/shadow without hashes.
fn add_host_files(rd: &mut Initrd) -> Result<(), String> {
    let list = paths::workspace().join("testlibs/kernel/qemu/host-files");
    let text = fs::read_to_string(&list).map_err(|e| format!("{}: {e}", list.display()))?;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut p = PathBuf::from(line);
        // A symlink brings its target (a chain of them, each relative to its directory).
        for _ in 0..8 {
            let Ok(meta) = fs::symlink_metadata(&p) else { break };
            rd.host_file(&p)?;
            if !meta.file_type().is_symlink() {
                break;
            }
            let t = fs::read_link(&p).map_err(|e| e.to_string())?;
            p = p.parent().map_or(t.clone(), |d| d.join(&t));
        }
    }
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    let shadow: String = passwd.lines().filter_map(|l| l.split(':').next()).filter(|n| !n.is_empty()).map(|n| format!("{n}:*:19000:0:99999:7:::\n")).collect();
    rd.file("etc/shadow", shadow.as_bytes(), 0o600);
    Ok(())
}

/// Runs the listed testlibs cases on the host with `VIBIX_QEMU_CASES` set, adds
/// the programs they checked (with their libraries and expected output) to the
/// initramfs, and returns manifest lines plus cases that could not be collected.
fn collect_cases(sysroot: &Path, stage: &Path, rd: &mut Initrd) -> Result<(String, Vec<String>), String> {
    let ws = paths::workspace();
    let testlibs = ws.join("testlibs");
    let list_file = std::env::var_os("VIBIX_QEMU_CASE_LIST").map_or_else(|| testlibs.join("kernel/qemu/cases"), PathBuf::from);
    let list = fs::read_to_string(&list_file).map_err(|e| format!("{}: {e}", list_file.display()))?;
    let records = stage.join("records.tsv");
    let (mut lines, mut skipped) = (String::new(), Vec::new());
    for case in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let dir = testlibs.join(case);
        let out = stage.join("cases").join(case);
        fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let _ = fs::remove_file(&records);
        kernel_snap::clear(&records);
        let mut cmd = Command::new("bash");
        cmd.arg("run.sh").current_dir(&dir).stdin(Stdio::null());
        cmd.env_remove("LD_LIBRARY_PATH").env_remove("LD_PRELOAD");
        cmd.env("SYSROOT", sysroot)
            .env("VIBIX_CC", sysroot.join("bin/vibix-cc"))
            .env("LDSO", sysroot.join("lib/ld-vibix.so.1"))
            .env("OUT", &out)
            .env("TESTLIB", testlibs.join("lib.sh"))
            .env("VIBIX_XTASK", std::env::current_exe().unwrap_or_default())
            .env("VIBIX_WORKSPACE", &ws)
            .env("VIBIX_TARGET_DIR", paths::target_dir())
            .env("VIBIX_CASE", case)
            .env("VIBIX_QEMU_CASES", &records)
            .env("LC_ALL", "C");
        let log = out.join("host.log");
        let logf = fs::File::create(&log).map_err(|e| e.to_string())?;
        cmd.stdout(logf.try_clone().map_err(|e| e.to_string())?).stderr(logf);
        let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
        if !ok {
            skipped.push(format!("{case}: its host run failed (log: {})", log.display()));
            continue;
        }
        let text = fs::read_to_string(&records).unwrap_or_default();
        let mut n = 0;
        // What the initramfs holds of $OUT: the files as the case left them.
        let mut current = kernel_snap::scan(&out, None)?;
        for (p, _) in current.iter().filter(|(_, e)| **e == kernel_snap::Entry::Dir) {
            rd.dir(&p.to_string_lossy()); // empty ones too: a stage may remove them
        }
        for (index, rec) in text.lines().enumerate() {
            let f: Vec<&str> = rec.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let (status, expected, cwd, env, mut argv) = (f[1], f[2], f[3], f[4], &f[5..]);
            // `env [-i] NAME=VALUE... PROG ARGS`: vibix has no env(1); apply it here.
            let mut envs: Vec<String> = Vec::new();
            let mut clear = false;
            if argv[0] == "env" {
                argv = &argv[1..];
                while let Some(a) = argv.first() {
                    if *a == "-i" {
                        clear = true;
                    } else if a.contains('=') && !a.starts_with('-') {
                        envs.push(a.to_string());
                    } else {
                        break;
                    }
                    argv = &argv[1..];
                }
                if argv.is_empty() {
                    continue;
                }
            }
            let exe = if argv[0].starts_with('/') { PathBuf::from(argv[0]) } else { Path::new(cwd).join(argv[0]) };
            if !is_elf(&exe) {
                skipped.push(format!("{case}: `{}` is not an ELF program", argv.join(" ")));
                continue;
            }
            // The glibc reference builds a case compares with are not vibix programs.
            if let Some(interp) = interp_of(&exe).filter(|i| !Path::new(i).starts_with(sysroot) && !i.ends_with("ld-vibix.so.1")) {
                skipped.push(format!("{case}: `{}` is a host reference build (interpreter {interp})", argv.join(" ")));
                continue;
            }
            let added = (|| -> Result<(), String> {
                if !exe.starts_with(sysroot) {
                    rd.host_file(&exe)?;
                }
                for part in expected.split('\x1f').filter(|p| *p != "-") {
                    rd.host_file(Path::new(part))?; // stdout, and the stderr lines to find
                }
                rd.host_dir_files(Path::new(cwd))?;
                rd.dir(cwd); // even when empty: the program runs (and may create files) there
                // The case's scratch directory ($OUT) comes with its sub-directories at any depth
                // (libraries in a/, b/, lib/..., catalogs in locale/de/LC_MESSAGES/; see tree_dirs), and so do directories under it that LD_LIBRARY_PATH names.
                let mut dirs: Vec<PathBuf> = vec![out.clone()];
                for a in argv.iter().copied().chain(envs.iter().map(String::as_str)).chain(env.split('\x1f')) {
                    for part in a.trim_start_matches("LD_LIBRARY_PATH=").split(':') {
                        let p = Path::new(part);
                        if p.is_absolute() && p.starts_with(&out) && p.is_dir() {
                            dirs.push(p.to_path_buf());
                        }
                    }
                }
                for d in dirs {
                    for sub in kernel_snap::tree_dirs(&d) {
                        rd.host_dir_files(&sub)?;
                    }
                }
                // Files named on the command line bring their directory (libraries next to a program).
                for a in argv {
                    let p = if a.starts_with('/') { PathBuf::from(a) } else { Path::new(cwd).join(a) };
                    if p.is_file() && !p.starts_with(sysroot) {
                        rd.host_file(&p)?;
                        if let Some(dir) = p.parent() {
                            rd.host_dir_files(dir)?;
                        }
                    }
                }
                // Libraries found through RUNPATH/RPATH/LD_LIBRARY_PATH elsewhere (a cdylib's
                // directory, the toolchain's libstd-*.so), at their host paths.
                let ld_path = envs.iter().map(String::as_str).chain(env.split('\x1f')).filter_map(|e| e.strip_prefix("LD_LIBRARY_PATH=")).last().unwrap_or("");
                let mut objects = vec![exe.clone()];
                objects.extend(argv.iter().skip(1).map(|a| if a.starts_with('/') { PathBuf::from(a) } else { Path::new(cwd).join(a) }).filter(|p| is_elf(p)));
                for obj in objects {
                    for lib in kernel_libs::needed_outside(&obj, ld_path, sysroot) {
                        rd.host_file(&lib)?;
                        if let Ok(real) = lib.canonicalize() {
                            rd.host_file(&real)?;
                        }
                    }
                }
                Ok(())
            })();
            if let Err(e) = added {
                skipped.push(format!("{case}: `{}`: {e}", argv.join(" ")));
                continue;
            }
            if let Some(state) = kernel_snap::load(&records, index) {
                let ops = kernel_snap::diff(&current, &state);
                if !ops.is_empty() {
                    let list = format!("/etc/vibix/stage/{}.{index}", case.replace('/', "+"));
                    let text = stage_ops(&records, &ops, rd)?;
                    rd.file(&list, text.as_bytes(), 0o644);
                    lines.push_str(&format!("{case}#{}:stage\t0\t-\t/\t-\t/bin/vibix-stage\t{list}\n", n + 1));
                }
                current = state;
            }
            n += 1;
            let status = match status.parse::<i32>() {
                Ok(s) if s > 128 && s < 160 => format!("sig{}", s - 128),
                _ => status.to_string(),
            };
            if !clear {
                envs.extend(["LC_ALL=C", "PATH=/bin", "HOME=/"].map(String::from));
                envs.extend(env.split('\x1f').filter(|e| !e.is_empty()).map(String::from));
            }
            let envs = if envs.is_empty() { String::from("-") } else { envs.join("\x1f") };
            lines.push_str(&format!("{case}#{n}\t{status}\t{expected}\t{cwd}\t{envs}\t{}\n", argv.join("\t")));
        }
        if n == 0 {
            skipped.push(format!("{case}: no program recorded"));
        }
    }
    Ok((lines, skipped))
}

/// `vibix-stage`'s operation list for `ops`; the contents they write go into the initramfs.
fn stage_ops(records: &Path, ops: &[kernel_snap::Op], rd: &mut Initrd) -> Result<String, String> {
    use kernel_snap::Op;
    let mut text = String::new();
    for op in ops {
        let line = match op {
            Op::Rm(p) => format!("rm\t{}", p.display()),
            Op::Rmdir(p) => format!("rmdir\t{}", p.display()),
            Op::Mkdir(p) => format!("mkdir\t{}", p.display()),
            Op::Link(p, t) => format!("ln\t{}\t{t}", p.display()),
            Op::Put(p, h) => {
                let blob = format!("/etc/vibix/snap/{h}");
                rd.file(&blob, &read(&kernel_snap::blob(records, h))?, 0o644);
                format!("put\t{}\t{blob}", p.display())
            }
        };
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

/// An ELF file's PT_INTERP, if it has one.
fn interp_of(p: &Path) -> Option<String> {
    let b = fs::read(p).ok()?;
    let u16_at = |o: usize| Some(u16::from_le_bytes(b.get(o..o + 2)?.try_into().ok()?) as usize);
    let u64_at = |o: usize| Some(u64::from_le_bytes(b.get(o..o + 8)?.try_into().ok()?) as usize);
    let (phoff, phentsize, phnum) = (u64_at(32)?, u16_at(54)?, u16_at(56)?);
    (0..phnum).map(|i| phoff + i * phentsize).find(|&h| b.get(h..h + 4) == Some(&[3, 0, 0, 0])).and_then(|h| {
        let (off, len) = (u64_at(h + 8)?, u64_at(h + 32)?);
        let s = b.get(off..off.checked_add(len)?)?;
        Some(String::from_utf8_lossy(s).trim_end_matches('\0').to_string())
    })
}

fn is_elf(p: &Path) -> bool {
    let mut magic = [0u8; 4];
    fs::File::open(p).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok() && magic == *b"\x7fELF"
}

/// Boots QEMU, echoing the serial console and keeping it in `log`; returns
/// QEMU's exit code and the console text.
fn qemu(kernel: &Path, initrd: &Path, log: &Path) -> Result<(i32, String), String> {
    if Command::new("qemu-system-x86_64").arg("--version").output().is_err() {
        apt::ensure(&["qemu-system-x86"])?;
    }
    let kvm = std::env::var("VIBIX_QEMU_ACCEL").is_ok_and(|v| v == "kvm")
        && fs::OpenOptions::new().read(true).write(true).open("/dev/kvm").is_ok()
        && hardware_virt();
    let r = boot(kernel, initrd, log, kvm)?;
    if kvm && !r.1.contains("vibix: booting") {
        eprintln!("xtask kernel: KVM boot failed (exit {}), retrying with TCG", r.0);
        return boot(kernel, initrd, log, false);
    }
    Ok(r)
}

/// Whether /dev/kvm is backed by VT-x/AMD-V. Without it (e.g. the `kvm_pvm` module on the
/// development VMs) KVM emulates every kernel instruction and dies on SSE: see docs/kernel.md.
fn hardware_virt() -> bool {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let hw = cpuinfo
        .lines()
        .filter(|l| l.starts_with("flags"))
        .any(|l| l.split_whitespace().any(|f| f == "vmx" || f == "svm"));
    if !hw {
        eprintln!("xtask kernel: /dev/kvm has no VT-x/AMD-V behind it (no vmx/svm flag): using TCG");
    }
    hw
}

fn boot(kernel: &Path, initrd: &Path, log: &Path, kvm: bool) -> Result<(i32, String), String> {
    let timeout: u64 = std::env::var("VIBIX_QEMU_TIMEOUT").ok().and_then(|v| v.parse().ok()).unwrap_or(600);
    let mut cmd = Command::new("qemu-system-x86_64");
    if kvm {
        cmd.args(["-accel", "kvm", "-cpu", "host,-arch-capabilities"]);
    } else {
        cmd.args(["-accel", "tcg", "-cpu", "max"]);
    }
    cmd.args(["-m", "2G", "-kernel"]).arg(kernel).arg("-initrd").arg(initrd);
    // 32 bytes from the host's /dev/urandom seed the kernel's generator (kernel/src/rng.rs) even
    // on CPUs without RDRAND/RDSEED; the command line is not visible to user programs.
    let mut seed = [0u8; 32];
    std::io::Read::read_exact(&mut fs::File::open("/dev/urandom").map_err(|e| format!("/dev/urandom: {e}"))?, &mut seed)
        .map_err(|e| format!("/dev/urandom: {e}"))?;
    cmd.arg("-append").arg(format!("vibix.seed={}", seed.iter().map(|b| format!("{b:02x}")).collect::<String>()));
    cmd.args(["-serial", "stdio", "-display", "none", "-monitor", "none", "-no-reboot"]);
    cmd.args(["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::inherit());
    eprintln!("+ {}", command::show(&cmd));
    let mut child = cmd.spawn().map_err(|e| format!("cannot start qemu: {e}"))?;
    let stdout = child.stdout.take().ok_or("no qemu stdout")?;
    let log_path = log.to_path_buf();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let mut logf = fs::File::create(&log_path).ok();
        for line in BufReader::new(stdout).split(b'\n').map_while(Result::ok) {
            let line = String::from_utf8_lossy(&line).into_owned();
            println!("{line}");
            if let Some(f) = logf.as_mut() {
                let _ = writeln!(f, "{line}");
            }
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        if start.elapsed() > Duration::from_secs(timeout) {
            let _ = child.kill();
            let _ = child.wait();
            let _ = reader.join();
            return Err(format!("QEMU timed out after {timeout}s (VIBIX_QEMU_TIMEOUT)"));
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let text = reader.join().unwrap_or_default();
    Ok((status.code().unwrap_or(-1), text))
}

/// An initramfs being written: cpio "newc", parents created on demand.
struct Initrd {
    buf: Vec<u8>,
    ino: u32,
    seen: BTreeSet<String>,
}

impl Initrd {
    fn new() -> Self {
        Self { buf: Vec::new(), ino: 1, seen: BTreeSet::new() }
    }

    fn entry(&mut self, name: &str, mode: u32, data: &[u8]) {
        self.entry_owned(name, mode, (0, 0), data);
    }

    fn entry_owned(&mut self, name: &str, mode: u32, (uid, gid): (u32, u32), data: &[u8]) {
        let hdr = format!(
            "070701{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}",
            self.ino, mode, uid, gid, 1, 0, data.len(), 0, 0, 0, 0, name.len() + 1, 0
        );
        self.ino += 1;
        self.buf.extend_from_slice(hdr.as_bytes());
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(0);
        self.pad();
        self.buf.extend_from_slice(data);
        self.pad();
    }

    fn pad(&mut self) {
        while !self.buf.len().is_multiple_of(4) {
            self.buf.push(0);
        }
    }

    /// Adds the directories above `path` (relative, no leading slash).
    fn parents(&mut self, path: &str) {
        let mut acc = String::new();
        let comps: Vec<&str> = path.split('/').collect();
        for c in &comps[..comps.len() - 1] {
            if !acc.is_empty() {
                acc.push('/');
            }
            acc.push_str(c);
            if self.seen.insert(acc.clone()) {
                let a = acc.clone();
                self.entry(&a, 0o040755, &[]);
            }
        }
    }

    fn file(&mut self, path: &str, data: &[u8], perm: u32) {
        self.file_owned(path, data, perm, (0, 0));
    }

    fn file_owned(&mut self, path: &str, data: &[u8], perm: u32, owner: (u32, u32)) {
        let path = path.trim_start_matches('/');
        if !self.seen.insert(path.to_string()) {
            return;
        }
        self.parents(path);
        self.entry_owned(path, 0o100000 | perm, owner, data);
    }

    /// A directory (and those above it), even with nothing in it.
    fn dir(&mut self, path: &str) {
        let path = path.trim_start_matches('/').trim_end_matches('/');
        if !path.is_empty() {
            self.parents(&format!("{path}/."));
        }
    }

    fn symlink(&mut self, path: &str, target: &str) {
        let path = path.trim_start_matches('/');
        if !self.seen.insert(path.to_string()) {
            return;
        }
        self.parents(path);
        self.entry(path, 0o120777, target.as_bytes());
    }

    /// A host file at its own absolute path (symlinks kept as symlinks).
    fn host_file(&mut self, p: &Path) -> Result<(), String> {
        let meta = fs::symlink_metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p.to_string_lossy().into_owned();
        if meta.file_type().is_symlink() {
            let t = fs::read_link(p).map_err(|e| e.to_string())?;
            self.symlink(&name, &t.to_string_lossy());
        } else if meta.is_file() {
            // Set-user/group-ID bits and the owner come along (loader/secure's setuid program).
            use std::os::unix::fs::MetadataExt;
            self.file_owned(&name, &read(p)?, 0o755 | (meta.mode() & 0o6000), (meta.uid(), meta.gid()));
        }
        Ok(())
    }

    /// Every regular file and symlink directly inside `dir` (not recursive).
    fn host_dir_files(&mut self, dir: &Path) -> Result<(), String> {
        for e in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
            let ft = e.file_type().map_err(|e| e.to_string())?;
            let small = e.metadata().map(|m| m.len() < (64 << 20)).unwrap_or(false);
            if ft.is_symlink() || (ft.is_file() && small) {
                self.host_file(&e.path())?;
            }
        }
        Ok(())
    }

    /// The sysroot's lib/ as /lib, and its absolute path (where PT_INTERP
    /// points) as a symlink to /lib.
    fn add_sysroot(&mut self, sysroot: &Path) -> Result<(), String> {
        let lib = sysroot.join("lib");
        for e in fs::read_dir(&lib).map_err(|e| format!("{}: {e}", lib.display()))?.flatten() {
            let name = format!("lib/{}", e.file_name().to_string_lossy());
            let ft = e.file_type().map_err(|e| e.to_string())?;
            if ft.is_symlink() {
                let t = fs::read_link(e.path()).map_err(|e| e.to_string())?;
                self.symlink(&name, &t.to_string_lossy());
            } else if ft.is_file() {
                self.file(&name, &read(&e.path())?, 0o755);
            }
        }
        self.symlink(&lib.to_string_lossy(), "/lib");
        if let Ok(real) = lib.canonicalize() {
            self.symlink(&real.to_string_lossy(), "/lib");
        }
        Ok(())
    }

    fn finish(mut self) -> Vec<u8> {
        self.entry("TRAILER!!!", 0, &[]);
        while !self.buf.len().is_multiple_of(512) {
            self.buf.push(0);
        }
        self.buf
    }
}
