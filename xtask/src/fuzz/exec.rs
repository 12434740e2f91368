//! Running one mutant under ptrace and deciding whose fault a crash or hang is.
//!
//! The child runs with ASLR off (so a mutant behaves the same every time),
//! `PTRACE_TRACEME` and an `alarm`. A fatal signal or the alarm stops it
//! before it dies; we then read `%rip` and `/proc/PID/maps`. The fault is the
//! loader's when `%rip` lies in ld-vibix's mapping, or when `%rip` is in no
//! executable mapping and the word at `%rsp` (the return address of a call to
//! a wild pointer) points into ld-vibix. ld-vibix only ever transfers control
//! to addresses it checked to be in an executable segment, so everything else
//! happened after it handed over: the program's (or library's) own crash.
//! Two cases look like ld-vibix's but are not, and are told apart: a wild
//! jump while ld-vibix is calling the program's code at another, executable
//! address (ld-vibix records it in `diag::CALLOUT`, read here through its
//! symbol table: the called code went astray), and a fault in ld-vibix with
//! `%rsp` outside every mapping (a function it called destroyed the stack
//! pointer; an overflow of ld-vibix's own stack would leave `%rsp` just below
//! the stack).

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The program ran and exited with this status.
    Ran(i32),
    /// The loader refused the file: exit 127 with this one-line message.
    Refused(String),
    /// execve itself failed (the host kernel refused the file).
    ExecRefused(String),
    /// The loader exited without a proper message, or with a panic message.
    BadExit(i32, String),
    LoaderCrash { sig: i32, rip: u64, at: String },
    LoaderHang { rip: u64, at: String },
    ProgramCrash { sig: i32, rip: u64 },
    ProgramHang,
}


const FATAL: &[i32] = &[libc::SIGSEGV, libc::SIGBUS, libc::SIGILL, libc::SIGFPE, libc::SIGTRAP, libc::SIGABRT, libc::SIGSYS];

/// A mapping from /proc/PID/maps: (start, end, executable, path).
fn maps(pid: i32) -> Vec<(u64, u64, bool, String)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let (range, perms) = (it.next()?, it.next()?);
            let path = it.nth(3).unwrap_or("").to_string();
            let (a, b) = range.split_once('-')?;
            Some((u64::from_str_radix(a, 16).ok()?, u64::from_str_radix(b, 16).ok()?, perms.contains('x'), path))
        })
        .collect()
}

fn regs(pid: i32) -> Option<libc::user_regs_struct> {
    // SAFETY: an all-zero user_regs_struct is valid; the tracee is stopped.
    let mut r: libc::user_regs_struct = unsafe { std::mem::zeroed() };
    // SAFETY: PTRACE_GETREGS writes one user_regs_struct into `r`.
    let rc = unsafe { libc::ptrace(libc::PTRACE_GETREGS, pid, 0, &mut r as *mut _ as *mut libc::c_void) };
    (rc == 0).then_some(r)
}

fn peek(pid: i32, addr: u64) -> u64 {
    // SAFETY: PEEKDATA reads one word of the stopped tracee (errors give -1).
    unsafe { libc::ptrace(libc::PTRACE_PEEKDATA, pid, addr as *mut libc::c_void, 0) as u64 }
}

/// Offset of ld-vibix's `diag::CALLOUT` from its load address (its .symtab).
fn callout_offset(ldso: &str) -> Option<u64> {
    use object::read::elf::ElfFile64;
    use object::{Object, ObjectSymbol};
    static CACHE: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    *CACHE.get_or_init(|| {
        let data = std::fs::read(ldso).ok()?;
        let f = ElfFile64::<object::Endianness>::parse(&*data).ok()?;
        f.symbols().find(|s| s.name().is_ok_and(|n| n.contains("4diag7CALLOUT"))).map(|s| s.address())
    })
}

/// Is the stopped tracee executing (or was it sent into the void by) ld-vibix?
fn in_loader(pid: i32, r: &libc::user_regs_struct) -> Option<String> {
    let m = maps(pid);
    let is_ldso = |p: &str| p.ends_with("ld-vibix.so.1");
    let at = |a: u64| m.iter().find(|x| a >= x.0 && a < x.1);
    // Offsets from ld-vibix's load address (its lowest mapping), as addr2line wants them.
    let base = m.iter().filter(|x| is_ldso(&x.3)).map(|x| x.0).min().unwrap_or(0);
    match at(r.rip) {
        Some(x) if is_ldso(&x.3) => {
            let below_stack = m.iter().any(|x| x.3 == "[stack]" && r.rsp < x.0 && x.0 - r.rsp < 1 << 20);
            if at(r.rsp).is_none() && !below_stack {
                return None;
            }
            return Some(format!("{} + {:#x}", x.3, r.rip - base));
        }
        Some(x) if x.2 => return None,
        _ => {}
    }
    // A call to a non-executable address: whose return address is on top?
    let ret = peek(pid, r.rsp);
    let x = at(ret).filter(|x| is_ldso(&x.3) && x.2)?;
    let callout = callout_offset(&x.3).map_or(0, |o| peek(pid, base + o));
    if callout != 0 && callout != r.rip && at(callout).is_some_and(|y| y.2 && !is_ldso(&y.3)) {
        return None;
    }
    Some(format!("wild call from {} + {:#x} to {:#x}", x.3, ret - base, r.rip))
}

fn kill(pid: i32) {
    // SAFETY: our own traced child.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
        let mut st = 0;
        libc::waitpid(pid, &mut st, libc::__WALL);
    }
}

/// Runs `argv` in `dir` (stdout/stderr to files there) for at most `secs`.
pub fn run(dir: &Path, argv: &[&str], secs: u32) -> Verdict {
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let (Ok(fo), Ok(fe)) = (std::fs::File::create(&out), std::fs::File::create(&err)) else {
        return Verdict::ExecRefused("cannot create output files".into());
    };
    let mut cmd = Command::new(argv[0]);
    cmd.args(&argv[1..]).current_dir(dir).env_clear().stdin(Stdio::null()).stdout(fo).stderr(fe);
    // execve ourselves: std's execvp would hand a file the kernel refuses
    // (ENOEXEC) to /bin/sh. Built before fork (no allocation after it).
    let Ok(cargs) = argv.iter().map(|a| std::ffi::CString::new(*a)).collect::<Result<Vec<_>, _>>() else {
        return Verdict::ExecRefused("NUL in an argument".into());
    };
    let mut ptrs: Vec<*const libc::c_char> = cargs.iter().map(|c| c.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    let envp: [*const libc::c_char; 1] = [std::ptr::null()];
    let (path, av, ev) = (ptrs[0] as usize, ptrs.as_ptr() as usize, envp.as_ptr() as usize);
    // SAFETY: only async-signal-safe calls between fork and exec; the
    // pointers stay valid (cargs, ptrs and envp outlive spawn()).
    unsafe {
        cmd.pre_exec(move || {
            libc::personality(libc::ADDR_NO_RANDOMIZE as libc::c_ulong);
            libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0);
            libc::alarm(secs);
            libc::execve(path as *const libc::c_char, av as *const *const libc::c_char, ev as *const *const libc::c_char);
            Err(std::io::Error::last_os_error())
        });
    }
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Verdict::ExecRefused(e.to_string()),
    };
    let pid = child.id() as i32;
    let mut started = false;
    loop {
        let mut st = 0;
        // SAFETY: waiting for our own child.
        if unsafe { libc::waitpid(pid, &mut st, libc::__WALL) } < 0 {
            return Verdict::BadExit(-1, "waitpid failed".into());
        }
        if libc::WIFEXITED(st) {
            let code = libc::WEXITSTATUS(st);
            let text = String::from_utf8_lossy(&std::fs::read(&err).unwrap_or_default()).into_owned();
            return classify_exit(code, text);
        }
        if libc::WIFSIGNALED(st) {
            let sig = libc::WTERMSIG(st);
            return Verdict::ProgramCrash { sig, rip: 0 };
        }
        let sig = libc::WSTOPSIG(st);
        if !started && sig == libc::SIGTRAP {
            started = true;
            // SAFETY: the stopped tracee; EXITKILL so it never outlives us.
            unsafe {
                libc::ptrace(libc::PTRACE_SETOPTIONS, pid, 0, libc::PTRACE_O_EXITKILL as usize);
                libc::ptrace(libc::PTRACE_CONT, pid, 0, 0);
            }
            continue;
        }
        if sig == libc::SIGALRM || FATAL.contains(&sig) {
            let Some(r) = regs(pid) else {
                kill(pid);
                return Verdict::BadExit(-1, "cannot read registers".into());
            };
            let who = in_loader(pid, &r);
            kill(pid);
            return match (sig == libc::SIGALRM, who) {
                (true, Some(at)) => Verdict::LoaderHang { rip: r.rip, at },
                (true, None) => Verdict::ProgramHang,
                (false, Some(at)) => Verdict::LoaderCrash { sig, rip: r.rip, at },
                (false, None) => Verdict::ProgramCrash { sig, rip: r.rip },
            };
        }
        // SAFETY: pass any other signal on to the tracee.
        unsafe { libc::ptrace(libc::PTRACE_CONT, pid, 0, sig as usize) };
    }
}

/// Exit 127 must come with exactly one line `ld-vibix: FILE: what` (FILE is the
/// program, its library, or a DT_NEEDED name read from a mutated string table).
fn classify_exit(code: i32, stderr: String) -> Verdict {
    if code != 127 {
        return Verdict::Ran(code);
    }
    let line = stderr.trim_end_matches('\n');
    if line.starts_with("ld-vibix: ") && !line.contains('\n') && !line.contains("internal error") {
        Verdict::Refused(line.to_string())
    } else {
        Verdict::BadExit(code, line.to_string())
    }
}
