//! `-l`: program headers and the section-to-segment mapping.

use crate::elf::{Elf, SHF_ALLOC, SHF_TLS};
use crate::names::*;
use std::fmt::Write;
use vibix_elf::*;

pub fn show(o: &mut String, elf: &Elf, wide: bool, with_header: bool) -> Result<(), String> {
    let eh = &elf.eh;
    if eh.e_phnum == 0 {
        let _ = writeln!(o, "\nThere are no program headers in this file.");
        return Ok(());
    }
    let phdrs = elf.phdrs.as_ref().map_err(|e| e.clone())?;
    if !with_header {
        let _ = writeln!(o, "\nElf file type is {}", file_type(eh, elf.is_pie()));
        let _ = writeln!(o, "Entry point {:#x}", eh.e_entry);
        let _ = writeln!(o, "There are {} program headers, starting at offset {}", phdrs.len(), eh.e_phoff);
    }
    let _ = writeln!(o, "\nProgram Headers:");
    if wide {
        let _ = writeln!(o, "  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align");
    } else {
        let _ = writeln!(o, "  Type           Offset             VirtAddr           PhysAddr");
        let _ = writeln!(o, "                 FileSiz            MemSiz              Flags  Align");
    }
    for p in phdrs {
        let ty = segment_type(p.p_type);
        let ty: String = ty.chars().take(14).collect();
        let f = |bit: u32, c: char| if p.p_flags & bit != 0 { c } else { ' ' };
        let flags = format!("{}{}{}", f(PF_R, 'R'), f(PF_W, 'W'), f(PF_X, 'E'));
        if wide {
            let _ = writeln!(
                o,
                "  {ty:<14} 0x{:06x} 0x{:016x} 0x{:016x} 0x{:06x} 0x{:06x} {flags} {}",
                p.p_offset, p.p_vaddr, p.p_paddr, p.p_filesz, p.p_memsz, alt_hex(p.p_align)
            );
        } else {
            let _ = writeln!(o, "  {ty:<14} 0x{:016x} 0x{:016x} 0x{:016x}", p.p_offset, p.p_vaddr, p.p_paddr);
            let _ = writeln!(o, "                 0x{:016x} 0x{:016x}  {flags}    {:#x}", p.p_filesz, p.p_memsz, p.p_align);
        }
        if p.p_type == PT_INTERP {
            if let Some(b) = elf.bytes(p.p_offset, p.p_filesz) {
                let n = b.iter().position(|&c| c == 0).unwrap_or(b.len());
                let _ = writeln!(o, "      [Requesting program interpreter: {}]", crate::elf::printable(&b[..n]));
            }
        }
    }
    let shdrs = elf.shdrs();
    if shdrs.is_empty() {
        return Ok(());
    }
    // Hostile header counts could make the pairwise check quadratic.
    if phdrs.len().saturating_mul(shdrs.len()) > 20_000_000 {
        let _ = writeln!(o, "\n Section to Segment mapping: skipped (too many headers)");
        return Ok(());
    }
    let _ = writeln!(o, "\n Section to Segment mapping:");
    let _ = writeln!(o, "  Segment Sections...");
    for (i, p) in phdrs.iter().enumerate() {
        let _ = write!(o, "   {i:02}     ");
        for s in shdrs.iter().skip(1) {
            if !tbss_special(s, p) && section_in_segment(s, p) {
                let _ = write!(o, "{} ", elf.section_label(s));
            }
        }
        let _ = writeln!(o);
    }
    Ok(())
}

/// C's `%#lx`: zero has no 0x prefix.
fn alt_hex(v: u64) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("{v:#x}")
    }
}

/// A .tbss-like section outside PT_TLS occupies no address space.
fn tbss_special(s: &Shdr, p: &Phdr) -> bool {
    s.sh_flags & SHF_TLS != 0 && s.sh_type == SHT_NOBITS && p.p_type != PT_TLS
}

fn section_size(s: &Shdr, p: &Phdr) -> u64 {
    if tbss_special(s, p) {
        0
    } else {
        s.sh_size
    }
}

/// binutils' strict "section in segment" rule (offsets and addresses both inside).
pub fn section_in_segment(s: &Shdr, p: &Phdr) -> bool {
    let tls = s.sh_flags & SHF_TLS != 0;
    let alloc = s.sh_flags & SHF_ALLOC != 0;
    let t = p.p_type;
    let kind_ok = (tls && matches!(t, PT_TLS | PT_GNU_RELRO | PT_LOAD)) || (!tls && t != PT_TLS && t != PT_PHDR);
    let alloc_only = matches!(t, PT_LOAD | PT_DYNAMIC | PT_GNU_EH_FRAME | PT_GNU_STACK | PT_GNU_RELRO)
        || t == crate::elf::PT_GNU_SFRAME
        || (0x6474_e555..=0x6474_f554).contains(&t);
    if !kind_ok || (!alloc && alloc_only) {
        return false;
    }
    let size = section_size(s, p);
    let off_ok = s.sh_type == SHT_NOBITS
        || (s.sh_offset >= p.p_offset
            && s.sh_offset - p.p_offset <= p.p_filesz.wrapping_sub(1)
            && (s.sh_offset - p.p_offset).wrapping_add(size) <= p.p_filesz);
    let vma_ok = !alloc
        || (s.sh_addr >= p.p_vaddr
            && s.sh_addr - p.p_vaddr <= p.p_memsz.wrapping_sub(1)
            && (s.sh_addr - p.p_vaddr).wrapping_add(size) <= p.p_memsz);
    let edge_ok = !matches!(t, PT_DYNAMIC | PT_NOTE)
        || s.sh_size != 0
        || p.p_memsz == 0
        || ((s.sh_type == SHT_NOBITS || (s.sh_offset > p.p_offset && s.sh_offset - p.p_offset < p.p_filesz))
            && (!alloc || (s.sh_addr > p.p_vaddr && s.sh_addr - p.p_vaddr < p.p_memsz)));
    off_ok && vma_ok && edge_ok
}
