//! `-n`: ELF notes (GNU build-id, ABI tag, properties; others by type number).

use crate::elf::{printable, Elf};
use std::fmt::Write;
use vibix_elf::*;

const NT_GNU_ABI_TAG: u32 = 1;
const NT_GNU_HWCAP: u32 = 2;
const NT_GNU_BUILD_ID: u32 = 3;
const NT_GNU_GOLD_VERSION: u32 = 4;
const NT_GNU_PROPERTY_TYPE_0: u32 = 5;

struct Note<'a> {
    name: &'a [u8],
    kind: u32,
    desc: &'a [u8],
}

/// Walks a note section; stops at the first malformed entry (bounded by the bytes).
fn notes(b: &[u8], align: usize) -> (Vec<Note<'_>>, bool) {
    let mut out = Vec::new();
    let mut off = 0usize;
    let up = |v: usize| v.checked_add(align - 1).map(|x| x & !(align - 1));
    while off < b.len() {
        let (Some(namesz), Some(descsz), Some(kind)) = (read::<u32>(b, off), read::<u32>(b, off + 4), read::<u32>(b, off + 8)) else {
            return (out, false);
        };
        let name_off = off + 12;
        let Some(desc_off) = name_off.checked_add(namesz as usize).and_then(up) else { return (out, false) };
        let Some(end) = desc_off.checked_add(descsz as usize) else { return (out, false) };
        let (Some(name), Some(desc)) = (b.get(name_off..name_off + namesz as usize), b.get(desc_off..end)) else {
            return (out, false);
        };
        let name = name.split(|&c| c == 0).next().unwrap_or(&[]);
        out.push(Note { name, kind, desc });
        match up(end) {
            Some(n) if n > off => off = n,
            _ => break,
        }
    }
    (out, true)
}

fn gnu_type(t: u32) -> String {
    match t {
        NT_GNU_ABI_TAG => "NT_GNU_ABI_TAG (ABI version tag)".into(),
        NT_GNU_HWCAP => "NT_GNU_HWCAP (DSO-supplied software HWCAP info)".into(),
        NT_GNU_BUILD_ID => "NT_GNU_BUILD_ID (unique build ID bitstring)".into(),
        NT_GNU_GOLD_VERSION => "NT_GNU_GOLD_VERSION (gold version)".into(),
        NT_GNU_PROPERTY_TYPE_0 => "NT_GNU_PROPERTY_TYPE_0".into(),
        _ => format!("Unknown note type: (0x{t:08x})"),
    }
}

fn bits(v: u32, names: &[&str]) -> String {
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if v & (1 << i) != 0 {
            out.push(n.to_string());
        }
    }
    let rest = v & !((1u64 << names.len()) - 1) as u32;
    if rest != 0 {
        out.push(format!("<unknown: {rest:x}>"));
    }
    if out.is_empty() {
        "<None>".into()
    } else {
        out.join(", ")
    }
}

fn properties(d: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut off = 0usize;
    while off + 8 <= d.len() {
        let (Some(t), Some(sz)) = (read::<u32>(d, off), read::<u32>(d, off + 4)) else { break };
        let Some(v) = d.get(off + 8..off + 8 + sz as usize) else {
            parts.push(format!("<corrupt length: {sz:#x}>"));
            break;
        };
        let w = read::<u32>(v, 0).unwrap_or(0);
        let isa = ["x86-64-baseline", "x86-64-v2", "x86-64-v3", "x86-64-v4"];
        let f2 = ["x86", "x87", "MMX", "XMM", "YMM", "ZMM", "FXSR", "XSAVE", "XSAVEOPT", "XSAVEC", "TMM", "MASK"];
        parts.push(match t {
            0xc000_0002 => format!("x86 feature: {}", bits(w, &["IBT", "SHSTK", "LAM_U48", "LAM_U57"])),
            0xc000_8002 => format!("x86 ISA needed: {}", bits(w, &isa)),
            0xc001_0002 => format!("x86 ISA used: {}", bits(w, &isa)),
            0xc000_8001 => format!("x86 feature needed: {}", bits(w, &f2)),
            0xc001_0001 => format!("x86 feature used: {}", bits(w, &f2)),
            1 => format!("stack size: {:#x}", read::<u64>(v, 0).unwrap_or(0)),
            2 => "no copy on protected".into(),
            0xb000_8000 => format!("1_needed: {}", if w & 1 != 0 { "indirect external access" } else { "<None>" }),
            _ => format!("<unknown type {t:#x} data: {}>", hex(v)),
        });
        let Some(n) = (off + 8).checked_add((sz as usize + 7) & !7) else { break };
        off = n;
    }
    parts.join(", ")
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|c| format!("{c:02x}")).collect::<Vec<_>>().join(" ")
}

pub fn show(o: &mut String, elf: &Elf, wide: bool) {
    let mut regions: Vec<(String, &[u8], u64)> = Vec::new();
    if !elf.shdrs().is_empty() {
        for s in elf.shdrs().iter().filter(|s| s.sh_type == SHT_NOTE) {
            regions.push((format!("Displaying notes found in: {}", elf.section_name(s)), elf.section_data(s).unwrap_or(&[]), s.sh_addralign));
        }
    } else {
        for p in elf.phdrs().iter().filter(|p| p.p_type == PT_NOTE) {
            regions.push((
                format!("Displaying notes found at file offset 0x{:08x} with length 0x{:08x}:", p.p_offset, p.p_filesz),
                elf.bytes(p.p_offset, p.p_filesz).unwrap_or(&[]),
                p.p_align,
            ));
        }
    }
    for (title, b, align) in regions {
        let _ = writeln!(o, "\n{title}");
        let _ = writeln!(o, "  Owner                Data size \tDescription");
        let (list, ok) = notes(b, if align == 8 { 8 } else { 4 });
        for n in list {
            let owner = printable(n.name);
            let gnu = n.name == b"GNU";
            let ty = if gnu {
                gnu_type(n.kind)
            } else if n.name == b"FDO" && n.kind == 0xcafe_1a7e {
                "FDO_PACKAGING_METADATA".into()
            } else if n.name == b"stapsdt" && n.kind == 3 {
                "NT_STAPSDT (SystemTap probe descriptors)".into()
            } else if n.name == b"Go" && n.kind == 4 {
                "GO BUILDID".into()
            } else {
                format!("Unknown note type: (0x{:08x})", n.kind)
            };
            let nl = if wide { "\t" } else { "\n" };
            let _ = write!(o, "  {owner:<20} 0x{:08x}\t{ty}", n.desc.len());
            match (gnu, n.kind) {
                (true, NT_GNU_BUILD_ID) => {
                    let _ = writeln!(o, "{nl}    Build ID: {}", hex(n.desc).replace(' ', ""));
                }
                (true, NT_GNU_ABI_TAG) if n.desc.len() >= 16 => {
                    let w = |i: usize| read::<u32>(n.desc, i * 4).unwrap_or(0);
                    let os = match w(0) {
                        0 => "Linux".to_string(),
                        1 => "Hurd".into(),
                        2 => "Solaris".into(),
                        3 => "FreeBSD".into(),
                        4 => "NetBSD".into(),
                        5 => "Syllable".into(),
                        6 => "NaCl".into(),
                        x => format!("Unknown ({x:x})"),
                    };
                    let _ = writeln!(o, "{nl}    OS: {os}, ABI: {}.{}.{}", w(1), w(2), w(3));
                }
                (true, NT_GNU_GOLD_VERSION) => {
                    let _ = writeln!(o, "{nl}    Version: {}", printable(n.desc.split(|&c| c == 0).next().unwrap_or(&[])));
                }
                (true, NT_GNU_PROPERTY_TYPE_0) => {
                    let _ = writeln!(o, "{nl}      Properties: {}", properties(n.desc));
                }
                _ if n.name == b"stapsdt" && n.kind == 3 && n.desc.len() >= 24 => {
                    let q = |i: usize| read::<u64>(n.desc, i * 8).unwrap_or(0);
                    let mut strs = n.desc[24..].split(|&c| c == 0).map(printable);
                    let (prov, name, args) = (strs.next().unwrap_or_default(), strs.next().unwrap_or_default(), strs.next().unwrap_or_default());
                    let _ = writeln!(o, "{nl}    Provider: {prov}\n    Name: {name}");
                    let _ = writeln!(o, "    Location: 0x{:016x}, Base: 0x{:016x}, Semaphore: 0x{:016x}", q(0), q(1), q(2));
                    let _ = writeln!(o, "    Arguments: {args}");
                }
                _ if n.name == b"FDO" && n.kind == 0xcafe_1a7e => {
                    let text = n.desc.split(|&c| c == 0).next().unwrap_or(&[]);
                    let _ = writeln!(o, "{nl}    Packaging Metadata: {}", printable(text));
                }
                _ => {
                    let _ = writeln!(o, "{nl}   description data: {} ", hex(n.desc));
                }
            }
        }
        if !ok {
            let _ = writeln!(o, "  <corrupt note>");
        }
    }
}
