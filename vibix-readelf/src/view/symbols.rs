//! `-s` / `--dyn-syms`: symbol tables.

use crate::elf::Elf;
use crate::names::*;
use crate::symtab::{SymTab, VerKind, Versions};
use std::fmt::Write;
use vibix_elf::*;

/// readelf's `print_symbol` in narrow mode: width 0 prints nothing, a negative
/// width pads to |width|, a name longer than the width ends in "[...]".
fn print_symbol(name: &str, width: i64) -> String {
    if width == 0 {
        return String::new();
    }
    let w = width.unsigned_abs() as usize;
    let n = name.chars().count();
    let mut s = if n > w { format!("{}[...]", name.chars().take(w.saturating_sub(5)).collect::<String>()) } else { name.to_string() };
    if width < 0 {
        while s.chars().count() < w {
            s.push(' ');
        }
    }
    s
}

/// readelf's DEC_5 size column.
fn size5(v: u64) -> String {
    if v <= 99999 {
        format!("{v:5}")
    } else {
        format!("{v:#x}")
    }
}

pub fn show(o: &mut String, elf: &Elf, wide: bool, dyn_only: bool) {
    let vers = Versions::from_sections(elf);
    let osabi = elf.eh.e_ident[EI_OSABI];
    for (idx, s) in elf.shdrs().iter().enumerate() {
        if !(s.sh_type == SHT_DYNSYM || (!dyn_only && s.sh_type == SHT_SYMTAB)) {
            continue;
        }
        let Some(tab) = SymTab::from_section(elf, idx) else { continue };
        let n = tab.syms.len();
        let name = elf.section_label(s);
        let _ = writeln!(o, "\nSymbol table '{name}' contains {n} {}:", if n == 1 { "entry" } else { "entries" });
        let _ = writeln!(o, "   Num:    Value          Size Type    Bind   Vis      Ndx Name");
        for (i, sym) in tab.syms.iter().enumerate() {
            let vis = sym.st_other & 3;
            let other = if sym.st_other ^ vis != 0 { format!(" [<other>: {:x}] ", sym.st_other ^ vis) } else { String::new() };
            let mut name = if sym.kind() == STT_SECTION && sym.st_name == 0 && (sym.st_shndx as u64) < elf.shnum {
                elf.shdrs().get(sym.st_shndx as usize).map(|h| elf.section_label(h)).unwrap_or_default()
            } else {
                tab.name(sym)
            };
            let ver = if tab.dynamic { vers.of_symbol(i, sym) } else { None };
            let suffix = match &ver {
                Some((v, VerKind::Needed(n))) => format!("@{v} ({n})"),
                Some((v, VerKind::Hidden)) => format!("@{v}"),
                Some((v, VerKind::Public)) => format!("@@{v}"),
                None => String::new(),
            };
            // Non-wide: name and version together fit 21 columns, the name is cut.
            if !wide {
                name = print_symbol(&name, 21 - suffix.chars().count() as i64);
            }
            let _ = writeln!(
                o,
                "{i:6}: {:016x} {} {:<7} {:<6} {:<7}{other} {:>4} {name}{suffix}",
                sym.st_value,
                size5(sym.st_size),
                sym_type(sym.kind(), osabi),
                sym_bind(sym.bind(), osabi),
                sym_vis(vis),
                sym_shndx(sym.st_shndx)
            );
        }
    }
}
