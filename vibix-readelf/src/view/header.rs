//! `-h`: the ELF file header.

use crate::elf::Elf;
use crate::names::*;
use std::fmt::Write;
use vibix_elf::*;

pub fn show(o: &mut String, elf: &Elf) {
    let eh = &elf.eh;
    let id = &eh.e_ident;
    let _ = writeln!(o, "ELF Header:");
    let _ = write!(o, "  Magic:   ");
    for b in id {
        let _ = write!(o, "{b:02x} ");
    }
    let _ = writeln!(o);
    let field = |o: &mut String, k: &str, v: String| {
        let _ = writeln!(o, "  {:<35}{}", format!("{k}:"), v);
    };
    field(o, "Class", class_name(id[EI_CLASS]));
    field(o, "Data", data_name(id[EI_DATA]));
    let v = id[EI_VERSION];
    let vs = match v {
        1 => "(current)",
        0 => "",
        _ => "<unknown>",
    };
    field(o, "Version", format!("{v} {vs}"));
    field(o, "OS/ABI", osabi_name(id[EI_OSABI]));
    field(o, "ABI Version", format!("{}", id[8]));
    field(o, "Type", file_type(eh, elf.is_pie()));
    field(o, "Machine", machine_name(eh.e_machine));
    field(o, "Version", format!("{:#x}", eh.e_version));
    field(o, "Entry point address", format!("{:#x}", eh.e_entry));
    field(o, "Start of program headers", format!("{} (bytes into file)", eh.e_phoff));
    field(o, "Start of section headers", format!("{} (bytes into file)", eh.e_shoff));
    field(o, "Flags", format!("{:#x}", eh.e_flags));
    field(o, "Size of this header", format!("{} (bytes)", eh.e_ehsize));
    field(o, "Size of program headers", format!("{} (bytes)", eh.e_phentsize));
    field(o, "Number of program headers", format!("{}", eh.e_phnum));
    field(o, "Size of section headers", format!("{} (bytes)", eh.e_shentsize));
    let shnum = if eh.e_shnum == 0 && elf.shnum != 0 {
        format!("0 ({})", elf.shnum)
    } else {
        format!("{}", eh.e_shnum)
    };
    field(o, "Number of section headers", shnum);
    let strndx = if eh.e_shstrndx == 0xffff {
        format!("65535 ({})", elf.shstrndx)
    } else {
        format!("{}", eh.e_shstrndx)
    };
    field(o, "Section header string table index", strndx);
}
