//! `-d`: the dynamic section.

use crate::elf::{Elf, StrTab};
use crate::names::dynamic_tag;
use std::fmt::Write;
use vibix_elf::*;

const FLAGS_1: &[&str] = &[
    "NOW", "GLOBAL", "GROUP", "NODELETE", "LOADFLTR", "INITFIRST", "NOOPEN", "ORIGIN", "DIRECT", "TRANS",
    "INTERPOSE", "NODEFLIB", "NODUMP", "CONFALT", "ENDFILTEE", "DISPRELDNE", "DISPRELPND", "NODIRECT",
    "IGNMULDEF", "NOKSYMS", "NOHDR", "EDITED", "NORELOC", "SYMINTPOSE", "GLOBAUDIT", "SINGLETON", "STUB",
    "PIE", "KMOD", "WEAKFILTER", "NOCOMMON",
];

fn flags(v: u64) -> String {
    let names = ["ORIGIN", "SYMBOLIC", "TEXTREL", "BIND_NOW", "STATIC_TLS"];
    let mut out = Vec::new();
    let mut rest = v;
    while rest != 0 {
        let bit = rest & rest.wrapping_neg();
        rest &= !bit;
        out.push(names.get(bit.trailing_zeros() as usize).copied().unwrap_or("unknown"));
    }
    out.join(" ")
}

fn flags_1(v: u64) -> String {
    let mut s = String::from("Flags:");
    let mut rest = v;
    for (i, n) in FLAGS_1.iter().enumerate() {
        if v & (1 << i) != 0 {
            s.push(' ');
            s.push_str(n);
            rest &= !(1 << i);
        }
    }
    if rest != 0 {
        let _ = write!(s, " {rest:x}");
    }
    s
}

/// The value column for one entry.
pub fn value(tag: i64, v: u64, strtab: &StrTab) -> String {
    match tag {
        DT_NEEDED => format!("Shared library: [{}]", strtab.show(v)),
        DT_SONAME => format!("Library soname: [{}]", strtab.show(v)),
        DT_RPATH => format!("Library rpath: [{}]", strtab.show(v)),
        DT_RUNPATH => format!("Library runpath: [{}]", strtab.show(v)),
        0x7fff_fffd => format!("Auxiliary library: [{}]", strtab.show(v)),
        0x7fff_ffff => format!("Filter library: [{}]", strtab.show(v)),
        0x6fff_fefa => format!("Configuration file: {}", strtab.show(v)),
        0x6fff_fefb => format!("Dependency audit library: {}", strtab.show(v)),
        0x6fff_fefc => format!("Audit library: {}", strtab.show(v)),
        DT_FLAGS => flags(v),
        DT_FLAGS_1 => flags_1(v),
        DT_PLTREL => dynamic_tag(v as i64),
        DT_PLTRELSZ | DT_RELASZ | DT_STRSZ | DT_RELSZ | DT_RELAENT | DT_SYMENT | DT_RELENT | DT_RELRSZ
        | DT_RELRENT | DT_PREINIT_ARRAYSZ | DT_INIT_ARRAYSZ | DT_FINI_ARRAYSZ | 0x6fff_fdf6 | 0x6fff_fdf7
        | 0x6fff_fdf9 | 0x6fff_fdfa | 0x6fff_fdfb | 0x6fff_fdfe | 0x6fff_fdff => format!("{v} (bytes)"),
        DT_VERDEFNUM | DT_VERNEEDNUM | DT_RELACOUNT | DT_RELCOUNT => format!("{v}"),
        _ => format!("{v:#x}"),
    }
}

pub fn show(o: &mut String, elf: &Elf) {
    let Some((off, _)) = elf.dynamic_location() else {
        let _ = writeln!(o, "\nThere is no dynamic section in this file.");
        return;
    };
    let dy = elf.dynamic();
    let strtab = StrTab::new(elf.dynstr(&dy));
    let n = dy.len();
    let _ = writeln!(o, "\nDynamic section at offset {off:#x} contains {n} {}:", if n == 1 { "entry" } else { "entries" });
    let _ = writeln!(o, "  Tag        Type                         Name/Value");
    for d in &dy {
        let name = dynamic_tag(d.d_tag);
        let pad = 19 - name.len() as isize;
        let pad = if pad >= 1 { pad as usize } else { (-pad).max(1) as usize };
        let v = if d.d_tag == DT_BIND_NOW { String::new() } else { value(d.d_tag, d.d_val, &strtab) };
        let _ = writeln!(o, " 0x{:016x} ({name}){:pad$}{v}", d.d_tag as u64, " ");
    }
}
