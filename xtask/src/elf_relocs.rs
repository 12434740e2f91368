//! `cargo xtask elf-relocs [--dynamic] [-v] FILE...`: which relocation types a
//! file carries, parsed with the `object` crate (independent of our own ELF code,
//! so tests cross-check what our toolchain produced).
//!
//! Default output, one line per type, sorted by type number:
//! `R_X86_64_GLOB_DAT 3`. DT_RELR-packed relocations count as `RELR <n>`.
//! `--dynamic` only counts allocated sections (what the loader applies).
//! `-v` lists every relocation: `<section> <offset> <type> <symbol>[+addend]`.

use object::elf;
use object::read::elf::{FileHeader, SectionHeader, SectionTable, Sym};
use object::Endianness;
use std::collections::BTreeMap;

type Elf = elf::FileHeader64<Endianness>;

pub fn main(args: &[String]) -> Result<(), String> {
    let (mut dynamic_only, mut verbose, mut files) = (false, false, Vec::new());
    for a in args {
        match a.as_str() {
            "--dynamic" | "-D" => dynamic_only = true,
            "-v" | "--verbose" => verbose = true,
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s => files.push(s),
        }
    }
    if files.is_empty() {
        return Err("usage: cargo xtask elf-relocs [--dynamic] [-v] FILE...".into());
    }
    for f in &files {
        if files.len() > 1 {
            println!("{f}:");
        }
        let data = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        let report = scan(&data, dynamic_only).map_err(|e| format!("{f}: {e}"))?;
        if verbose {
            for line in &report.listing {
                println!("{line}");
            }
        } else {
            for (ty, n) in &report.counts {
                println!("{} {n}", type_name(*ty));
            }
            if report.relr > 0 {
                println!("RELR {}", report.relr);
            }
        }
    }
    Ok(())
}

#[derive(Default)]
struct Report {
    counts: BTreeMap<u32, usize>,
    relr: usize,
    listing: Vec<String>,
}

fn scan(data: &[u8], dynamic_only: bool) -> Result<Report, String> {
    let err = |e: object::read::Error| e.to_string();
    let header = Elf::parse(data).map_err(err)?;
    let endian = header.endian().map_err(err)?;
    if header.e_machine(endian) != elf::EM_X86_64 {
        return Err("not an x86_64 ELF file".into());
    }
    let sections = header.sections(endian, data).map_err(err)?;
    let mut report = Report::default();
    for section in sections.iter() {
        if dynamic_only && section.sh_flags(endian) & u64::from(elf::SHF_ALLOC) == 0 {
            continue;
        }
        let name = sections.section_name(endian, section).unwrap_or(b"?");
        let name = String::from_utf8_lossy(name);
        match section.sh_type(endian) {
            elf::SHT_RELA => {
                let Some((relas, link)) = section.rela(endian, data).map_err(err)? else {
                    continue;
                };
                for r in relas {
                    let (ty, sym) = (r.r_type(endian, false), r.r_sym(endian, false));
                    *report.counts.entry(ty).or_default() += 1;
                    let target = symbol_name(&sections, endian, data, link, sym);
                    let addend = r.r_addend.get(endian);
                    report.listing.push(format!(
                        "{name} {:#x} {} {target}{addend:+}",
                        r.r_offset.get(endian),
                        type_name(ty)
                    ));
                }
            }
            elf::SHT_REL => {
                let Some((rels, link)) = section.rel(endian, data).map_err(err)? else {
                    continue;
                };
                for r in rels {
                    let (ty, sym) = (r.r_type(endian), r.r_sym(endian));
                    *report.counts.entry(ty).or_default() += 1;
                    let target = symbol_name(&sections, endian, data, link, sym);
                    report.listing.push(format!(
                        "{name} {:#x} {} {target}",
                        r.r_offset.get(endian),
                        type_name(ty)
                    ));
                }
            }
            elf::SHT_RELR => {
                let words = section.data(endian, data).map_err(err)?;
                let n = relr_count(words);
                report.relr += n;
                report.listing.push(format!("{name} RELR {n} relative relocations"));
            }
            _ => {}
        }
    }
    Ok(report)
}

/// Number of relocations in a DT_RELR table: an even word is one address, an
/// odd word is a bitmap of the 63 words after the previous address.
fn relr_count(bytes: &[u8]) -> usize {
    bytes
        .chunks_exact(8)
        .map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8])))
        .map(|w| if w & 1 == 0 { 1 } else { (w >> 1).count_ones() as usize })
        .sum()
}

fn symbol_name(
    sections: &SectionTable<'_, Elf>,
    endian: Endianness,
    data: &[u8],
    link: object::SectionIndex,
    sym: u32,
) -> String {
    if sym == 0 {
        return "-".into();
    }
    let Ok(table) = sections.symbol_table_by_index(endian, data, link) else {
        return format!("#{sym}");
    };
    let Ok(s) = table.symbol(object::SymbolIndex(sym as usize)) else {
        return format!("#{sym}");
    };
    if let Ok(n) = table.symbol_name(endian, s) {
        if !n.is_empty() {
            return String::from_utf8_lossy(n).into_owned();
        }
    }
    // Section symbols have no name of their own: show the section's.
    if s.st_type() == elf::STT_SECTION {
        if let Ok(sec) = sections.section(object::SectionIndex(s.st_shndx(endian).into())) {
            if let Ok(n) = sections.section_name(endian, sec) {
                return String::from_utf8_lossy(n).into_owned();
            }
        }
    }
    format!("#{sym}")
}

/// psABI names of the x86_64 relocation types.
pub fn type_name(ty: u32) -> String {
    const NAMES: &[&str] = &[
        "NONE", "64", "PC32", "GOT32", "PLT32", "COPY", "GLOB_DAT", "JUMP_SLOT", "RELATIVE",
        "GOTPCREL", "32", "32S", "16", "PC16", "8", "PC8", "DTPMOD64", "DTPOFF64", "TPOFF64",
        "TLSGD", "TLSLD", "DTPOFF32", "GOTTPOFF", "TPOFF32", "PC64", "GOTOFF64", "GOTPC32",
        "GOT64", "GOTPCREL64", "GOTPC64", "GOTPLT64", "PLTOFF64", "SIZE32", "SIZE64",
        "GOTPC32_TLSDESC", "TLSDESC_CALL", "TLSDESC", "IRELATIVE", "RELATIVE64", "PC32_BND",
        "PLT32_BND", "GOTPCRELX", "REX_GOTPCRELX",
    ];
    match NAMES.get(ty as usize) {
        Some(n) => format!("R_X86_64_{n}"),
        None => format!("R_X86_64_UNKNOWN_{ty}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_psabi_numbers() {
        assert_eq!(type_name(elf::R_X86_64_RELATIVE), "R_X86_64_RELATIVE");
        assert_eq!(type_name(elf::R_X86_64_TPOFF64), "R_X86_64_TPOFF64");
        assert_eq!(type_name(elf::R_X86_64_IRELATIVE), "R_X86_64_IRELATIVE");
        assert_eq!(type_name(elf::R_X86_64_REX_GOTPCRELX), "R_X86_64_REX_GOTPCRELX");
        assert_eq!(type_name(99), "R_X86_64_UNKNOWN_99");
    }

    #[test]
    fn relr_words_decode() {
        let mut t = Vec::new();
        t.extend_from_slice(&0x1000u64.to_le_bytes()); // one address
        t.extend_from_slice(&0b1011u64.to_le_bytes()); // bitmap: 2 more
        assert_eq!(relr_count(&t), 3);
    }

    #[test]
    fn own_binary_has_relocations() {
        let exe = std::env::current_exe().unwrap();
        let data = std::fs::read(exe).unwrap();
        let r = scan(&data, true).unwrap();
        assert!(r.counts.contains_key(&elf::R_X86_64_RELATIVE) || r.relr > 0);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(scan(b"not an elf file at all", false).is_err());
        assert!(scan(&[0x7f, b'E', b'L', b'F', 2, 1], false).is_err());
    }
}
