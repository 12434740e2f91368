//! Link ld-vibix as a self-contained, self-relocating interpreter.
fn main() {
    for arg in [
        "-nostartfiles",
        "-nostdlib",
        "-Wl,-Bsymbolic",
        "-Wl,-z,now",
        "-Wl,-z,relro",
        "-Wl,-z,pack-relative-relocs",
        "-Wl,-z,noexecstack",
        "-Wl,-z,max-page-size=4096",
        "-Wl,-e,_vibix_start",
        "-Wl,-soname,ld-vibix.so.1",
        "-Wl,--hash-style=both",
        "-Wl,--no-undefined",
    ] {
        println!("cargo:rustc-link-arg-cdylib={arg}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
