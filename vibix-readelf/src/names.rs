//! The strings binutils readelf prints for header fields, segment/section types
//! and dynamic tags (so the output compares equal field by field).

use vibix_elf::*;

pub fn class_name(c: u8) -> String {
    match c {
        0 => "none".into(),
        1 => "ELF32".into(),
        2 => "ELF64".into(),
        _ => format!("<unknown: {c:x}>"),
    }
}

pub fn data_name(d: u8) -> String {
    match d {
        0 => "none".into(),
        1 => "2's complement, little endian".into(),
        2 => "2's complement, big endian".into(),
        _ => format!("<unknown: {d:x}>"),
    }
}

pub fn osabi_name(o: u8) -> String {
    let s = match o {
        0 => "UNIX - System V",
        1 => "UNIX - HP-UX",
        2 => "UNIX - NetBSD",
        3 => "UNIX - GNU",
        6 => "UNIX - Solaris",
        7 => "UNIX - AIX",
        8 => "UNIX - IRIX",
        9 => "UNIX - FreeBSD",
        10 => "UNIX - TRU64",
        11 => "Novell - Modesto",
        12 => "UNIX - OpenBSD",
        13 => "VMS - OpenVMS",
        14 => "HP - Non-Stop Kernel",
        15 => "AROS",
        16 => "FenixOS",
        17 => "Nuxi CloudABI",
        18 => "Stratus Technologies OpenVOS",
        _ => return format!("<unknown: {o:x}>"),
    };
    s.into()
}

pub fn file_type(eh: &Ehdr, pie: bool) -> String {
    match eh.e_type {
        ET_NONE => "NONE (None)".into(),
        ET_REL => "REL (Relocatable file)".into(),
        ET_EXEC => "EXEC (Executable file)".into(),
        ET_DYN if pie => "DYN (Position-Independent Executable file)".into(),
        ET_DYN => "DYN (Shared object file)".into(),
        ET_CORE => "CORE (Core file)".into(),
        t if t >= 0xff00 => format!("Processor Specific: ({t:x})"),
        t if t >= 0xfe00 => format!("OS Specific: ({t:x})"),
        t => format!("<unknown>: {t:x}"),
    }
}

pub fn machine_name(m: u16) -> String {
    let s = match m {
        0 => "None",
        2 => "Sparc",
        3 => "Intel 80386",
        8 => "MIPS R3000",
        20 => "PowerPC",
        21 => "PowerPC64",
        22 => "IBM S/390",
        40 => "ARM",
        43 => "Sparc v9",
        50 => "Intel IA-64",
        62 => "Advanced Micro Devices X86-64",
        183 => "AArch64",
        243 => "RISC-V",
        247 => "Linux BPF",
        258 => "LoongArch",
        _ => return format!("<unknown>: 0x{m:x}"),
    };
    s.into()
}

pub fn segment_type(t: u32) -> String {
    let s = match t {
        PT_NULL => "NULL",
        PT_LOAD => "LOAD",
        PT_DYNAMIC => "DYNAMIC",
        PT_INTERP => "INTERP",
        PT_NOTE => "NOTE",
        PT_SHLIB => "SHLIB",
        PT_PHDR => "PHDR",
        PT_TLS => "TLS",
        PT_GNU_EH_FRAME => "GNU_EH_FRAME",
        PT_GNU_STACK => "GNU_STACK",
        PT_GNU_RELRO => "GNU_RELRO",
        PT_GNU_PROPERTY => "GNU_PROPERTY",
        crate::elf::PT_GNU_SFRAME => "GNU_SFRAME",
        0x7000_0000..=0x7fff_ffff => return format!("LOPROC+{:#x}", t - 0x7000_0000),
        0x6000_0000..=0x6fff_ffff => return format!("LOOS+{:#x}", t - 0x6000_0000),
        _ => return format!("<unknown>: {t:x}"),
    };
    s.into()
}

pub fn section_type(t: u32) -> String {
    let s = match t {
        SHT_NULL => "NULL",
        SHT_PROGBITS => "PROGBITS",
        SHT_SYMTAB => "SYMTAB",
        SHT_STRTAB => "STRTAB",
        SHT_RELA => "RELA",
        SHT_HASH => "HASH",
        SHT_DYNAMIC => "DYNAMIC",
        SHT_NOTE => "NOTE",
        SHT_NOBITS => "NOBITS",
        SHT_REL => "REL",
        SHT_SHLIB => "SHLIB",
        SHT_DYNSYM => "DYNSYM",
        SHT_INIT_ARRAY => "INIT_ARRAY",
        SHT_FINI_ARRAY => "FINI_ARRAY",
        SHT_PREINIT_ARRAY => "PREINIT_ARRAY",
        SHT_GROUP => "GROUP",
        SHT_SYMTAB_SHNDX => "SYMTAB SECTION INDICES",
        SHT_RELR => "RELR",
        SHT_GNU_ATTRIBUTES => "GNU_ATTRIBUTES",
        SHT_GNU_HASH => "GNU_HASH",
        0x6fff_fff7 => "GNU_LIBLIST",
        0x6fff_fff8 => "CHECKSUM",
        SHT_GNU_VERDEF => "VERDEF",
        SHT_GNU_VERNEED => "VERNEED",
        SHT_GNU_VERSYM => "VERSYM",
        0x6fff_fffa => "SUNW_move",
        0x6fff_fffc => "SUNW_syminfo",
        0x6fff_4c00 => "LLVM_ODRTAB",
        0x6fff_4c01 => "LLVM_LINKER_OPTIONS",
        0x6fff_4c02 => "LLVM_CALL_GRAPH_PROFILE",
        0x6fff_4c03 => "LLVM_ADDRSIG",
        0x6fff_4c04 => "LLVM_DEPENDENT_LIBRARIES",
        0x6fff_4c05 => "LLVM_SYMPART",
        0x6fff_4c06 => "LLVM_PART_EHDR",
        0x6fff_4c07 => "LLVM_PART_PHDR",
        0x6fff_4c08 => "LLVM_BB_ADDR_MAP_V0",
        0x6fff_4c09 => "LLVM_CALL_GRAPH_PROFILE",
        0x6fff_4c0a => "LLVM_BB_ADDR_MAP",
        0x6fff_4c0b => "LLVM_OFFLOADING",
        0x6fff_4c0c => "LLVM_LTO",
        SHT_X86_64_UNWIND => "X86_64_UNWIND",
        0x7000_0000..=0x7fff_ffff => return format!("LOPROC+{:#x}", t - 0x7000_0000),
        0x6000_0000..=0x6fff_ffff => return format!("LOOS+{:#x}", t - 0x6000_0000),
        0x8000_0000..=0xffff_ffff => return format!("LOUSER+{:#x}", t - 0x8000_0000),
        _ => return format!("{t:08x}: <unknown>"),
    };
    s.into()
}

/// GNU or FreeBSD OS/ABI: SHF_GNU_RETAIN is shown as 'R'.
pub fn gnu_osabi(o: u8) -> bool {
    o == 3 || o == 9
}

/// Section flag letters in bit order, as readelf's key prints them.
pub fn section_flags(f: u64, osabi: u8) -> String {
    let mut s = String::new();
    let mut rest = f;
    while rest != 0 {
        let bit = rest & rest.wrapping_neg();
        rest &= !bit;
        s.push(match bit {
            0x1 => 'W',
            0x2 => 'A',
            0x4 => 'X',
            0x10 => 'M',
            0x20 => 'S',
            0x40 => 'I',
            0x80 => 'L',
            0x100 => 'O',
            0x200 => 'G',
            0x400 => 'T',
            0x800 => 'C',
            0x20_0000 if gnu_osabi(osabi) => 'R',
            0x8000_0000 => 'E',
            0x1000_0000 => 'l',
            b if b & 0x0ff0_0000 != 0 => 'o',
            b if b & 0xf000_0000 != 0 => 'p',
            _ => 'x',
        });
    }
    s
}

pub fn dynamic_tag(t: i64) -> String {
    if let Some(n) = dt_name(t) {
        return n[3..].into();
    }
    let s = match t {
        0x6fff_fdf4 => "GNU_FLAGS_1",
        0x6fff_fdf5 => "GNU_PRELINKED",
        0x6fff_fdf6 => "GNU_CONFLICTSZ",
        0x6fff_fdf7 => "GNU_LIBLISTSZ",
        0x6fff_fdf8 => "CHECKSUM",
        0x6fff_fdf9 => "PLTPADSZ",
        0x6fff_fdfa => "MOVEENT",
        0x6fff_fdfb => "MOVESZ",
        0x6fff_fdfc => "FEATURE",
        0x6fff_fdfd => "POSFLAG_1",
        0x6fff_fdfe => "SYMINSZ",
        0x6fff_fdff => "SYMINENT",
        0x6fff_fef8 => "GNU_CONFLICT",
        0x6fff_fef9 => "GNU_LIBLIST",
        0x6fff_fefa => "CONFIG",
        0x6fff_fefb => "DEPAUDIT",
        0x6fff_fefc => "AUDIT",
        0x6fff_fefd => "PLTPAD",
        0x6fff_fefe => "MOVETAB",
        0x6fff_feff => "SYMINFO",
        0x7fff_fffd => "AUXILIARY",
        0x7fff_fffe => "USED",
        0x7fff_ffff => "FILTER",
        0x7000_0000..=0x7fff_ffff => return format!("Processor Specific: {t:x}"),
        0x6000_000d..=0x6fff_f000 => return format!("Operating System specific: {t:x}"),
        _ => return format!("<unknown>: {t:x}"),
    };
    s.into()
}

pub fn reloc_type(t: u32) -> String {
    match r_x86_64_name(t) {
        Some(n) => n.into(),
        None => format!("unrecognized: {t:<7x}"),
    }
}

pub fn sym_type(t: u8, osabi: u8) -> String {
    match t {
        STT_GNU_IFUNC if gnu_osabi(osabi) => "IFUNC".into(),
        STT_NOTYPE => "NOTYPE".into(),
        STT_OBJECT => "OBJECT".into(),
        STT_FUNC => "FUNC".into(),
        STT_SECTION => "SECTION".into(),
        STT_FILE => "FILE".into(),
        STT_COMMON => "COMMON".into(),
        STT_TLS => "TLS".into(),
        13..=15 => format!("<processor specific>: {t}"),
        10..=12 => format!("<OS specific>: {t}"),
        _ => format!("<unknown>: {t}"),
    }
}

pub fn sym_bind(b: u8, osabi: u8) -> String {
    match b {
        STB_GNU_UNIQUE if gnu_osabi(osabi) => "UNIQUE".into(),
        STB_LOCAL => "LOCAL".into(),
        STB_GLOBAL => "GLOBAL".into(),
        STB_WEAK => "WEAK".into(),
        13..=15 => format!("<processor specific>: {b}"),
        10..=12 => format!("<OS specific>: {b}"),
        _ => format!("<unknown>: {b}"),
    }
}

pub fn sym_vis(v: u8) -> &'static str {
    match v & 3 {
        STV_DEFAULT => "DEFAULT",
        STV_INTERNAL => "INTERNAL",
        STV_HIDDEN => "HIDDEN",
        _ => "PROTECTED",
    }
}

pub fn sym_shndx(i: u16) -> String {
    match i {
        SHN_UNDEF => "UND".into(),
        SHN_ABS => "ABS".into(),
        SHN_COMMON => "COM".into(),
        0xff02 => "LARGE_COM".into(),
        0xff00..=0xff1f => format!("PRC[0x{i:04x}]"),
        0xff20..=0xff3f => format!("OS [0x{i:04x}]"),
        0xff40..=0xffff => format!("RSV[0x{i:04x}]"),
        _ => format!("{i:3}"),
    }
}
