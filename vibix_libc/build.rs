//! Link arguments for libc.so: no start files, no host libc, bind-now, RELRO,
//! packed relative relocations (DT_RELR), our soname, and DT_NEEDED ld-vibix.so.1.
//!
//! Symbol binding: `--dynamic-list` instead of `-Bsymbolic`. For a shared
//! library it binds every reference to libc's own definitions at link time,
//! exactly like -Bsymbolic, except for the listed data symbols, which stay
//! preemptible (a program may own them through copy relocations). -Bsymbolic
//! would also set DF_SYMBOLIC, which tells the loader to look in libc first even
//! for those, so the program's copy of `optind`/`environ` would never be seen.
//!
//! ld-vibix.so.1 is taken from `$VIBIX_LDSO` (the loader `cargo xtask build` just
//! built). Without it (a plain `cargo build -p vibix_libc`) we link against a
//! symbol-less stub with the same soname: the DT_NEEDED entry is identical, and
//! the loader's symbols are resolved at run time anyway.
use std::{env, path::PathBuf, process::Command};

fn main() {
    println!("cargo:rerun-if-env-changed=VIBIX_LDSO");
    println!("cargo:rerun-if-changed=build.rs");
    for arg in [
        "-nostartfiles",
        "-nostdlib",
        "-Wl,-z,now",
        "-Wl,-z,relro",
        // DT_RELR: libc's ~1,100 RELATIVE relocations pack into a few dozen
        // words, which ld-vibix applies in ~2 Ir each instead of ~12.
        "-Wl,-z,pack-relative-relocs",
        "-Wl,-soname,libc.so",
        "-Wl,--no-as-needed",
    ] {
        println!("cargo:rustc-link-arg-cdylib={arg}");
    }
    // Data symbols a program may copy-relocate (it then owns the real object):
    // they stay preemptible, everything else binds locally; libc reaches them
    // through its GOT (`got!`), so both sides see one variable.
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap());
    let list = out.join("dynamic.list");
    std::fs::write(
        &list,
        "{ environ; __environ; optind; optarg; opterr; optopt; optreset; \
         program_invocation_name; program_invocation_short_name; tzname; timezone; daylight; signgam; getdate_err; };\n",
    )
    .unwrap();
    println!("cargo:rustc-link-arg-cdylib=-Wl,--dynamic-list={}", list.display());
    let ldso = match env::var_os("VIBIX_LDSO") {
        Some(p) => PathBuf::from(p),
        None => stub_ldso(),
    };
    println!("cargo:rustc-link-arg-cdylib={}", ldso.display());
}

fn stub_ldso() -> PathBuf {
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap());
    let src = out.join("ldso_stub.c");
    let so = out.join("ld-vibix.so.1");
    std::fs::write(&src, "/* link-time stand-in for ld-vibix.so.1 */\n").unwrap();
    let cc = env::var("CC").unwrap_or_else(|_| "cc".into());
    let ok = Command::new(cc)
        .args(["-shared", "-nostdlib", "-Wl,-soname,ld-vibix.so.1", "-o"])
        .arg(&so)
        .arg(&src)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "building the ld-vibix.so.1 link stub failed");
    so
}
