//! `-r`: relocation sections (REL, RELA, and RELR decoded into addresses).

use crate::elf::{table, Elf};
use crate::names::reloc_type;
use crate::symtab::{SymTab, VerKind, Versions};
use crate::view::sections::clip;
use std::fmt::Write;
use vibix_elf::*;

/// Expands a DT_RELR/SHT_RELR word list into the addresses it relocates.
/// Bounded by the input: at most 63 addresses per word.
pub fn decode_relr(words: &[u64]) -> Vec<u64> {
    let mut out = Vec::new();
    let mut next = 0u64;
    for &w in words {
        if w & 1 == 0 {
            out.push(w);
            next = w.wrapping_add(8);
        } else {
            let mut bits = w >> 1;
            let mut i = 0u64;
            while bits != 0 {
                if bits & 1 != 0 {
                    out.push(next.wrapping_add(i * 8));
                }
                bits >>= 1;
                i += 1;
            }
            next = next.wrapping_add(63 * 8);
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "entry"
    } else {
        "entries"
    }
}

pub fn show(o: &mut String, elf: &Elf, wide: bool) {
    let vers = Versions::from_sections(elf);
    let mut any = false;
    for s in elf.shdrs() {
        if !matches!(s.sh_type, SHT_RELA | SHT_REL | SHT_RELR) || s.sh_size == 0 {
            continue;
        }
        any = true;
        let data = elf.section_data(s).unwrap_or(&[]);
        let name = elf.section_label(s);
        if s.sh_type == SHT_RELR {
            let words = table::<u64>(data);
            let _ = writeln!(o, "\nRelocation section '{name}' at offset {:#x} contains {} {}:", s.sh_offset, words.len(), plural(words.len()));
            let addrs = decode_relr(&words);
            let _ = writeln!(o, "  {} offset{}", addrs.len(), if addrs.len() == 1 { "" } else { "s" });
            for a in addrs {
                let _ = writeln!(o, "{a:016x}");
            }
            continue;
        }
        let rela = s.sh_type == SHT_RELA;
        let relocs: Vec<Rela> = if rela {
            table::<Rela>(data)
        } else {
            table::<Rel>(data).into_iter().map(|r| Rela { r_offset: r.r_offset, r_info: r.r_info, r_addend: 0 }).collect()
        };
        let _ = writeln!(o, "\nRelocation section '{name}' at offset {:#x} contains {} {}:", s.sh_offset, relocs.len(), plural(relocs.len()));
        let tail = if rela { " + Addend" } else { "" };
        if wide {
            let _ = writeln!(o, "    Offset             Info             Type               Symbol's Value  Symbol's Name{tail}");
        } else {
            let _ = writeln!(o, "  Offset          Info           Type           Sym. Value    Sym. Name{tail}");
        }
        let tab = if s.sh_link != 0 { SymTab::from_section(elf, s.sh_link as usize) } else { None };
        for r in &relocs {
            if wide {
                let _ = write!(o, "{:016x}  {:016x} {:<22}", r.r_offset, r.r_info, reloc_type(r.kind()));
            } else {
                let t: String = reloc_type(r.kind()).chars().take(17).collect();
                let _ = write!(o, "{:012x}  {:012x} {t:<17}", r.r_offset, r.r_info);
            }
            let si = r.sym() as usize;
            if si != 0 {
                match tab.as_ref().and_then(|t| t.syms.get(si).map(|s| (t, s))) {
                    None => {
                        let _ = write!(o, " <bad symbol index: {si:08x}>");
                    }
                    Some((t, sym)) => {
                        if sym.kind() == STT_GNU_IFUNC {
                            // readelf shows `name()` instead of an IFUNC's value: the
                            // relocation uses what the resolver returns.
                            let mut n = t.name(sym);
                            let len = n.chars().count();
                            if !wide && len > 14 {
                                n = clip(&n, 14);
                            }
                            let ver = if t.dynamic { vers.of_symbol(si, sym) } else { None };
                            let _ = write!(o, " {n}");
                            match ver {
                                Some((v, VerKind::Public)) => {
                                    let _ = write!(o, "@@{v}");
                                }
                                Some((v, _)) => {
                                    let _ = write!(o, "@{v}");
                                }
                                None => {}
                            }
                            let _ = write!(o, "() {:1$}", "", 14usize.saturating_sub(len.min(14)));
                        } else {
                            let _ = write!(o, " {:016x} ", sym.st_value);
                        }
                        let mut n = if sym.st_name == 0 {
                            if sym.kind() == STT_SECTION {
                                match sym.st_shndx {
                                    SHN_ABS => "ABS".into(),
                                    SHN_COMMON => "COMMON".into(),
                                    i if (i as u64) < elf.shnum => {
                                        elf.shdrs().get(i as usize).map(|h| elf.section_name(h)).unwrap_or_default()
                                    }
                                    i => format!("<section 0x{i:x}>"),
                                }
                            } else {
                                String::new()
                            }
                        } else {
                            t.name(sym)
                        };
                        if !wide {
                            n = clip(&n, 22);
                        }
                        let _ = write!(o, "{n}");
                        if t.dynamic && sym.st_name != 0 {
                            match vers.of_symbol(si, sym) {
                                Some((v, VerKind::Public)) => {
                                    let _ = write!(o, "@@{v}");
                                }
                                Some((v, _)) => {
                                    let _ = write!(o, "@{v}");
                                }
                                None => {}
                            }
                        }
                        if rela {
                            let a = r.r_addend;
                            if a < 0 {
                                let _ = write!(o, " - {:x}", a.unsigned_abs());
                            } else {
                                let _ = write!(o, " + {a:x}");
                            }
                        }
                    }
                }
            } else if rela {
                let a = r.r_addend;
                let _ = write!(o, "{:20}", "");
                if a < 0 {
                    let _ = write!(o, "-{:x}", a.unsigned_abs());
                } else {
                    let _ = write!(o, "{a:x}");
                }
            }
            let _ = writeln!(o);
        }
    }
    if !any {
        let _ = writeln!(o, "\nThere are no relocations in this file.");
    }
}
