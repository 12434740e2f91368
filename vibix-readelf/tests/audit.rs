//! --audit flags a deliberately bad shared object (executable stack, TEXTREL,
//! no RELRO, lazy binding, W+X section) built here with the host C compiler, and
//! passes well-built ones (the project's own libraries when they exist).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn readelf(args: &[&str], file: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_vibix-readelf")).args(args).arg(file).output().unwrap();
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).into_owned())
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vibix-readelf-audit-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Assembles `src` and links it with `flags`; None when no C compiler is installed
/// (a compiler that fails on our source is a test failure, not a skip).
fn build(dir: &Path, src: &str, flags: &[&str]) -> Option<PathBuf> {
    if !Command::new("cc").arg("--version").output().is_ok_and(|o| o.status.success()) {
        return None;
    }
    let s = dir.join("x.s");
    std::fs::write(&s, src).unwrap();
    let out = dir.join("libx.so");
    let st = Command::new("cc").args(flags).arg("-o").arg(&out).arg(&s).status().unwrap();
    assert!(st.success(), "cc {flags:?} failed on:\n{src}");
    Some(out)
}

const BAD: &str = r#"
    .text
    .globl f
f:  movabs $g, %rax          # absolute address in .text: a text relocation
    ret
    .section .wxdata,"awx",@progbits
    .quad 0
    .data
    .globl g
g:  .quad 0
"#;

const GOOD: &str = r#"
    .text
    .globl f
f:  movq g@GOTPCREL(%rip), %rax
    ret
    .section .data.rel.ro,"aw"
p:  .quad g
    .data
    .globl g
g:  .quad 0
    .section .note.GNU-stack,"",@progbits
"#;

#[test]
fn flags_bad_object() {
    let d = scratch("bad");
    let Some(lib) = build(&d, BAD, &["-shared", "-nostdlib", "-Wl,-z,notext", "-Wl,-z,execstack", "-Wl,-z,norelro", "-Wl,-z,lazy"]) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let (code, out) = readelf(&["--audit"], &lib);
    eprintln!("{out}");
    assert_eq!(code, 2, "audit must fail");
    for check in ["W^X", "stack", "RELRO", "BIND_NOW", "TEXTREL"] {
        assert!(
            out.lines().any(|l| l.contains("FAIL") && l.split_whitespace().nth(1) == Some(check)),
            "{check} not flagged"
        );
    }
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn passes_good_object() {
    let d = scratch("good");
    let Some(lib) = build(&d, GOOD, &["-shared", "-nostdlib", "-Wl,-z,now", "-Wl,-z,relro", "-Wl,-z,noexecstack"]) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let (code, out) = readelf(&["--audit"], &lib);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(".data.rel.ro") && out.contains(".got"), "RELRO coverage not reported:\n{out}");
    let _ = std::fs::remove_dir_all(d);
}

#[test]
fn passes_our_libraries() {
    let ws = common::workspace();
    let mut libs: Vec<PathBuf> = ["target/sysroot/lib/libc.so", "target/sysroot/lib/ld-vibix.so.1", "target/release/libld_vibix.so", "target/release/libvibix_libc.so"]
        .iter()
        .map(|p| ws.join(p))
        .filter(|p| p.exists())
        .collect();
    libs.dedup();
    eprintln!("auditing {} project libraries", libs.len());
    for l in libs {
        let (code, out) = readelf(&["--audit"], &l);
        assert_eq!(code, 0, "{}:\n{out}", l.display());
    }
}

#[test]
fn tls_layout_reported() {
    let d = scratch("tls");
    let src = "    .section .tbss,\"awT\",@nobits\n    .balign 64\n    .globl t\nt:  .zero 24\n    .text\n    .globl f\nf:  .byte 0x66\n    leaq t@tlsgd(%rip), %rdi\n    .value 0x6666\n    rex64\n    call __tls_get_addr@PLT\n    ret\n    .section .note.GNU-stack,\"\",@progbits\n";
    let Some(lib) = build(&d, src, &["-shared", "-nostdlib", "-Wl,-z,now", "-Wl,-z,relro"]) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let (_, out) = readelf(&["--audit"], &lib);
    let tls = out.lines().find(|l| l.contains("TLS")).unwrap_or("");
    assert!(tls.contains("size 0x18") && tls.contains("align 0x40") && tls.contains("dynamic"), "{out}");
    let _ = std::fs::remove_dir_all(d);
}

/// Without section headers (as after sstrip) the checks still run from segments
/// and the dynamic table: a good object passes, the GOT check still sees RELRO.
#[test]
fn works_without_section_headers() {
    let d = scratch("nosec");
    let Some(lib) = build(&d, GOOD, &["-shared", "-nostdlib", "-Wl,-z,now", "-Wl,-z,relro", "-Wl,-z,noexecstack"]) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let mut b = std::fs::read(&lib).unwrap();
    b[40..48].fill(0); // e_shoff
    b[60..64].fill(0); // e_shnum, e_shstrndx
    let stripped = d.join("libstripped.so");
    std::fs::write(&stripped, &b).unwrap();
    let (code, out) = readelf(&["--audit"], &stripped);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("PASS  RELRO"), "{out}");
    let (code, out) = readelf(&["-S", "-d"], &stripped);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("There are no sections in this file.") && out.contains("BIND_NOW"), "{out}");
    let _ = std::fs::remove_dir_all(d);
}

/// A PT_LOAD whose file size exceeds its memory size fails the load-plan check
/// (the validator ld-vibix and the kernel share); the good object passes it.
#[test]
fn load_plan_checked() {
    let d = scratch("plan");
    let Some(lib) = build(&d, GOOD, &["-shared", "-nostdlib", "-Wl,-z,now", "-Wl,-z,relro", "-Wl,-z,noexecstack"]) else {
        eprintln!("skipped: no working cc");
        return;
    };
    let (_, out) = readelf(&["--audit"], &lib);
    assert!(out.contains("PASS  load plan"), "{out}");
    let mut b = std::fs::read(&lib).unwrap();
    let phoff = u64::from_le_bytes(b[32..40].try_into().unwrap()) as usize;
    let phnum = u16::from_le_bytes(b[56..58].try_into().unwrap()) as usize;
    let load = (0..phnum).map(|i| phoff + i * 56).find(|&o| b[o..o + 4] == 1u32.to_le_bytes()).unwrap();
    let memsz = u64::from_le_bytes(b[load + 40..load + 48].try_into().unwrap());
    b[load + 32..load + 40].copy_from_slice(&(memsz + 8).to_le_bytes());
    let bad = d.join("libbad.so");
    std::fs::write(&bad, &b).unwrap();
    let (code, out) = readelf(&["--audit"], &bad);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("FAIL  load plan") && out.contains("p_filesz > p_memsz"), "{out}");
    let _ = std::fs::remove_dir_all(d);
}
