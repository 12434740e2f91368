//! `-S`: section headers.

use crate::elf::Elf;
use crate::names::*;
use std::fmt::Write;

/// readelf's non-wide truncation: long names end in "[...]".
pub fn clip(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        return name.into();
    }
    let keep: String = name.chars().take(width.saturating_sub(5)).collect();
    format!("{keep}[...]")
}

pub fn show(o: &mut String, elf: &Elf, wide: bool, with_header: bool) -> Result<(), String> {
    if elf.shnum == 0 {
        let _ = writeln!(o, "\nThere are no sections in this file.");
        return Ok(());
    }
    let shdrs = elf.shdrs.as_ref().map_err(|e| e.clone())?;
    if !with_header {
        let _ = writeln!(o, "There are {} section headers, starting at offset {:#x}:", shdrs.len(), elf.eh.e_shoff);
    }
    let _ = writeln!(o, "{}", if shdrs.len() > 1 { "\nSection Headers:" } else { "\nSection Header:" });
    if wide {
        let _ = writeln!(o, "  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al");
    } else {
        let _ = writeln!(o, "  [Nr] Name              Type             Address           Offset");
        let _ = writeln!(o, "       Size              EntSize          Flags  Link  Info  Align");
    }
    for (i, s) in shdrs.iter().enumerate() {
        let name = elf.section_name(s);
        let ty = section_type(s.sh_type);
        let fl = section_flags(s.sh_flags, elf.eh.e_ident[vibix_elf::EI_OSABI]);
        if wide {
            let _ = writeln!(
                o,
                "  [{i:2}] {name:<17} {ty:<15} {:016x} {:06x} {:06x} {:02x} {fl:>3} {:2} {:3} {:2}",
                s.sh_addr, s.sh_offset, s.sh_size, s.sh_entsize, s.sh_link, s.sh_info, s.sh_addralign
            );
        } else {
            let ty: String = ty.chars().take(15).collect();
            let _ = writeln!(o, "  [{i:2}] {:<17} {ty:<15}  {:016x}  {:08x}", clip(&name, 17), s.sh_addr, s.sh_offset);
            let _ = writeln!(
                o,
                "       {:016x}  {:016x} {fl:>3}      {:2}   {:3}     {}",
                s.sh_size, s.sh_entsize, s.sh_link, s.sh_info, s.sh_addralign
            );
        }
    }
    let _ = writeln!(o, "Key to Flags:");
    let _ = writeln!(o, "  W (write), A (alloc), X (execute), M (merge), S (strings), I (info),");
    let _ = writeln!(o, "  L (link order), O (extra OS processing required), G (group), T (TLS),");
    let _ = writeln!(o, "  C (compressed), x (unknown), o (OS specific), E (exclude),");
    let retain = if gnu_osabi(elf.eh.e_ident[vibix_elf::EI_OSABI]) { "R (retain), " } else { "" };
    let _ = writeln!(o, "  {retain}D (mbind), l (large), p (processor specific)");
    Ok(())
}
