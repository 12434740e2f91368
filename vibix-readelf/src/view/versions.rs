//! `-V`: .gnu.version, .gnu.version_d and .gnu.version_r.

use crate::elf::{printable, table, Elf, StrTab};
use crate::symtab::Versions;
use std::fmt::Write;
use vibix_elf::*;

fn ver_flags(f: u16) -> String {
    if f == 0 {
        return "none".into();
    }
    let mut parts = Vec::new();
    if f & VER_FLG_BASE != 0 {
        parts.push("BASE");
    }
    if f & VER_FLG_WEAK != 0 {
        parts.push("WEAK");
    }
    if f & 4 != 0 {
        parts.push("INFO");
    }
    let mut s = parts.join(" | ");
    if f & !7 != 0 {
        s.push_str(" <unknown>");
    }
    s
}

/// `%#06x` as C prints it (no 0x prefix for zero).
fn idx(v: usize) -> String {
    if v == 0 {
        "000000".into()
    } else {
        format!("{v:#06x}")
    }
}

fn strname(tab: &StrTab, off: u32) -> Option<String> {
    tab.get(off as u64).map(printable)
}

pub fn show(o: &mut String, elf: &Elf) {
    let vers = Versions::from_sections(elf);
    let mut any = false;
    for s in elf.shdrs() {
        if !matches!(s.sh_type, SHT_GNU_VERSYM | SHT_GNU_VERDEF | SHT_GNU_VERNEED) {
            continue;
        }
        any = true;
        let data = elf.section_data(s).unwrap_or(&[]);
        let link = elf.shdrs().get(s.sh_link as usize);
        let link_name = link.map(|l| elf.section_label(l)).unwrap_or_else(|| "<corrupt>".into());
        let strtab = StrTab::new(link.and_then(|l| elf.section_data(l)).unwrap_or(&[]));
        let strtab = &strtab;
        // Entries printed per section: bounded so overlapping hostile chains stay linear.
        let mut budget = data.len() / 8 + 16;
        let name = elf.section_label(s);
        let addr_line = |o: &mut String| {
            let _ = writeln!(o, " Addr: 0x{:016x}  Offset: 0x{:08x}  Link: {} ({link_name})", s.sh_addr, s.sh_offset, s.sh_link);
        };
        match s.sh_type {
            SHT_GNU_VERDEF => {
                let n = s.sh_info;
                let _ = writeln!(o, "\nVersion definition section '{name}' contains {n} {}:", if n == 1 { "entry" } else { "entries" });
                addr_line(o);
                let mut off = 0usize;
                for _ in 0..n {
                    let Some(d) = read::<Verdef>(data, off) else { break };
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    let _ = write!(o, "  {}: Rev: {}  Flags: {}  Index: {}  Cnt: {}  ", idx(off), d.vd_version, ver_flags(d.vd_flags), d.vd_ndx, d.vd_cnt);
                    let mut aoff = off.saturating_add(d.vd_aux as usize);
                    match read::<Verdaux>(data, aoff) {
                        Some(a) => match strname(strtab, a.vda_name) {
                            Some(nm) => {
                                let _ = writeln!(o, "Name: {nm}");
                            }
                            None => {
                                let _ = writeln!(o, "Name index: {}", a.vda_name);
                            }
                        },
                        None => {
                            let _ = writeln!(o);
                            break;
                        }
                    }
                    let mut prev = read::<Verdaux>(data, aoff);
                    for j in 1..d.vd_cnt {
                        let Some(p) = prev else { break };
                        if budget == 0 || p.vda_next == 0 {
                            break;
                        }
                        budget -= 1;
                        aoff = aoff.saturating_add(p.vda_next as usize);
                        let Some(a) = read::<Verdaux>(data, aoff) else {
                            let _ = writeln!(o, "  Version def aux past end of section");
                            break;
                        };
                        match strname(strtab, a.vda_name) {
                            Some(nm) => {
                                let _ = writeln!(o, "  {}: Parent {j}: {nm}", idx(aoff));
                            }
                            None => {
                                let _ = writeln!(o, "  {}: Parent {j}, name index: {}", idx(aoff), a.vda_name);
                            }
                        }
                        prev = Some(a);
                    }
                    if d.vd_next == 0 {
                        break;
                    }
                    off = off.saturating_add(d.vd_next as usize);
                }
            }
            SHT_GNU_VERNEED => {
                let n = s.sh_info;
                let _ = writeln!(o, "\nVersion needs section '{name}' contains {n} {}:", if n == 1 { "entry" } else { "entries" });
                addr_line(o);
                let mut off = 0usize;
                for _ in 0..n {
                    let Some(v) = read::<Verneed>(data, off) else { break };
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    let _ = write!(o, "  {}: Version: {}", idx(off), v.vn_version);
                    match strname(strtab, v.vn_file) {
                        Some(f) => {
                            let _ = write!(o, "  File: {f}");
                        }
                        None => {
                            let _ = write!(o, "  File: {:x}", v.vn_file);
                        }
                    }
                    let _ = writeln!(o, "  Cnt: {}", v.vn_cnt);
                    let mut aoff = off.saturating_add(v.vn_aux as usize);
                    for _ in 0..v.vn_cnt {
                        let Some(a) = read::<Vernaux>(data, aoff) else { break };
                        if budget == 0 {
                            break;
                        }
                        budget -= 1;
                        match strname(strtab, a.vna_name) {
                            Some(nm) => {
                                let _ = write!(o, "  {}:   Name: {nm}", idx(aoff));
                            }
                            None => {
                                let _ = write!(o, "  {}:   Name index: {:x}", idx(aoff), a.vna_name);
                            }
                        }
                        let _ = writeln!(o, "  Flags: {}  Version: {}", ver_flags(a.vna_flags), a.vna_other);
                        if a.vna_next == 0 {
                            break;
                        }
                        aoff = aoff.saturating_add(a.vna_next as usize);
                    }
                    if v.vn_next == 0 {
                        break;
                    }
                    off = off.saturating_add(v.vn_next as usize);
                }
            }
            _ => {
                let vs = table::<u16>(data);
                let syms = link.map(|l| table::<Sym>(elf.section_data(l).unwrap_or(&[]))).unwrap_or_default();
                let n = vs.len();
                let _ = writeln!(o, "\nVersion symbols section '{name}' contains {n} {}:", if n == 1 { "entry" } else { "entries" });
                addr_line(o);
                for (row, chunk) in vs.chunks(4).enumerate() {
                    let _ = write!(o, "  {:03x}:", row * 4);
                    for (j, &v) in chunk.iter().enumerate() {
                        match v {
                            0 => o.push_str("   0 (*local*)    "),
                            1 => o.push_str("   1 (*global*)   "),
                            _ => {
                                let head = format!("{:4x}{}", v & !VERSYM_HIDDEN, if v & VERSYM_HIDDEN != 0 { 'h' } else { ' ' });
                                let mut nn = head.len();
                                o.push_str(&head);
                                let Some(sym) = syms.get(row * 4 + j) else { continue };
                                // Copy-relocated data is defined yet versioned by a Verneed.
                                let (need, def) = (true, sym.st_shndx != SHN_UNDEF);
                                let ndx = v & !VERSYM_HIDDEN;
                                let mut name = None;
                                if need {
                                    name = vers.need_name(ndx);
                                }
                                if name.is_none() && def && v != 0x8001 {
                                    name = vers.def_name(ndx);
                                }
                                if let Some(nm) = name {
                                    let pad = 12usize.abs_diff(nm.len()).max(1);
                                    let t = format!("({nm}{:<pad$}", ")");
                                    nn += t.len();
                                    o.push_str(&t);
                                }
                                if nn < 18 {
                                    let _ = write!(o, "{:1$}", "", 18 - nn);
                                }
                            }
                        }
                    }
                    let _ = writeln!(o);
                }
            }
        }
    }
    if !any {
        let _ = writeln!(o, "\nNo version information found in this file.");
    }
}
