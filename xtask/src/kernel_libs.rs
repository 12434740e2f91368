//! The shared libraries a recorded program loads from outside the sysroot, for
//! `cargo xtask kernel test`: what its DT_NEEDED entries (and theirs) resolve to
//! through DT_RPATH, LD_LIBRARY_PATH and DT_RUNPATH (with `$ORIGIN`), in the
//! order ld-vibix searches them (docs/loader.md). The sysroot's lib/ is packed
//! as a whole and the sonames it serves (libc.so.6, libgcc_s.so.1 ...) are not
//! looked for elsewhere; system directories are never searched, so a glibc
//! library cannot slip into the initramfs.
use object::elf;
use object::read::elf::{Dyn, FileHeader};
use object::Endianness;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Every library file `exe` needs that one of its search directories holds,
/// transitively, as found on the host (symlinks as named, not resolved).
pub fn needed_outside(exe: &Path, ld_library_path: &str, sysroot: &Path) -> Vec<PathBuf> {
    let lib = sysroot.join("lib");
    let mut found: Vec<PathBuf> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<PathBuf> = vec![exe.to_path_buf()];
    while let Some(obj) = todo.pop() {
        let Some(dynamic) = dynamic_of(&obj) else { continue };
        let origin = obj.parent().map(Path::to_path_buf).unwrap_or_default();
        let expand = |list: &str| -> Vec<PathBuf> {
            let o = origin.to_string_lossy();
            list.split(':').filter(|d| !d.is_empty()).map(|d| PathBuf::from(d.replace("${ORIGIN}", &o).replace("$ORIGIN", &o))).collect()
        };
        let mut dirs: Vec<PathBuf> = Vec::new();
        if dynamic.runpath.is_none() {
            dirs.extend(dynamic.rpath.as_deref().map(expand).unwrap_or_default());
        }
        dirs.extend(ld_library_path.split(':').filter(|d| !d.is_empty()).map(PathBuf::from));
        dirs.extend(dynamic.runpath.as_deref().map(expand).unwrap_or_default());
        for name in dynamic.needed {
            if lib.join(&name).exists() || !seen.insert(name.clone()) {
                continue;
            }
            if let Some(p) = dirs.iter().filter(|d| !d.starts_with(sysroot)).map(|d| d.join(&name)).find(|p| p.is_file()) {
                found.push(p.clone());
                todo.push(p);
            }
        }
    }
    found
}

struct Dynamic {
    needed: Vec<String>,
    rpath: Option<String>,
    runpath: Option<String>,
}

/// DT_NEEDED, DT_RPATH and DT_RUNPATH of an ELF64 file (None when it has no dynamic section).
fn dynamic_of(path: &Path) -> Option<Dynamic> {
    let data = fs::read(path).ok()?;
    let header = elf::FileHeader64::<Endianness>::parse(&*data).ok()?;
    let endian = header.endian().ok()?;
    let sections = header.sections(endian, &*data).ok()?;
    let (entries, link) = sections.dynamic(endian, &*data).ok()??;
    let strings = sections.strings(endian, &*data, link).ok()?;
    let text = |d: &elf::Dyn64<Endianness>| d.string(endian, strings).ok().map(|s| String::from_utf8_lossy(s).into_owned());
    let mut out = Dynamic { needed: Vec::new(), rpath: None, runpath: None };
    for d in entries {
        match d.tag32(endian) {
            Some(elf::DT_NEEDED) => out.needed.extend(text(d)),
            Some(elf::DT_RPATH) => out.rpath = text(d),
            Some(elf::DT_RUNPATH) => out.runpath = text(d),
            _ => {}
        }
    }
    Some(out)
}
