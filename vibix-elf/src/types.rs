//! `repr(C)` ELF64 structures, exactly as the gABI lays them out.

use static_assertions::const_assert_eq;

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ehdr {
    pub e_ident: [u8; 16],
    pub e_type: u16,
    pub e_machine: u16,
    pub e_version: u32,
    pub e_entry: u64,
    pub e_phoff: u64,
    pub e_shoff: u64,
    pub e_flags: u32,
    pub e_ehsize: u16,
    pub e_phentsize: u16,
    pub e_phnum: u16,
    pub e_shentsize: u16,
    pub e_shnum: u16,
    pub e_shstrndx: u16,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Phdr {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shdr {
    pub sh_name: u32,
    pub sh_type: u32,
    pub sh_flags: u64,
    pub sh_addr: u64,
    pub sh_offset: u64,
    pub sh_size: u64,
    pub sh_link: u32,
    pub sh_info: u32,
    pub sh_addralign: u64,
    pub sh_entsize: u64,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dyn {
    pub d_tag: i64,
    pub d_val: u64,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sym {
    pub st_name: u32,
    pub st_info: u8,
    pub st_other: u8,
    pub st_shndx: u16,
    pub st_value: u64,
    pub st_size: u64,
}

impl Sym {
    pub const fn bind(&self) -> u8 {
        self.st_info >> 4
    }
    pub const fn kind(&self) -> u8 {
        self.st_info & 0xf
    }
    pub const fn visibility(&self) -> u8 {
        self.st_other & 3
    }
    pub const fn is_undefined(&self) -> bool {
        self.st_shndx == crate::SHN_UNDEF
    }
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rela {
    pub r_offset: u64,
    pub r_info: u64,
    pub r_addend: i64,
}

impl Rela {
    pub const fn sym(&self) -> u32 {
        (self.r_info >> 32) as u32
    }
    pub const fn kind(&self) -> u32 {
        self.r_info as u32
    }
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rel {
    pub r_offset: u64,
    pub r_info: u64,
}

/// `Elf64_Verdef`: one version definition (`.gnu.version_d`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Verdef {
    pub vd_version: u16,
    pub vd_flags: u16,
    pub vd_ndx: u16,
    pub vd_cnt: u16,
    pub vd_hash: u32,
    pub vd_aux: u32,
    pub vd_next: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Verdaux {
    pub vda_name: u32,
    pub vda_next: u32,
}

/// `Elf64_Verneed`: versions required from one file (`.gnu.version_r`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Verneed {
    pub vn_version: u16,
    pub vn_cnt: u16,
    pub vn_file: u32,
    pub vn_aux: u32,
    pub vn_next: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vernaux {
    pub vna_hash: u32,
    pub vna_flags: u16,
    pub vna_other: u16,
    pub vna_name: u32,
    pub vna_next: u32,
}

/// Auxiliary vector entry.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Auxv {
    pub a_type: u64,
    pub a_val: u64,
}

const_assert_eq!(core::mem::size_of::<Ehdr>(), 64);
const_assert_eq!(core::mem::size_of::<Phdr>(), 56);
const_assert_eq!(core::mem::size_of::<Shdr>(), 64);
const_assert_eq!(core::mem::size_of::<Dyn>(), 16);
const_assert_eq!(core::mem::size_of::<Sym>(), 24);
const_assert_eq!(core::mem::size_of::<Rela>(), 24);
const_assert_eq!(core::mem::size_of::<Rel>(), 16);
const_assert_eq!(core::mem::size_of::<Verdef>(), 20);
const_assert_eq!(core::mem::size_of::<Verdaux>(), 8);
const_assert_eq!(core::mem::size_of::<Verneed>(), 16);
const_assert_eq!(core::mem::size_of::<Vernaux>(), 16);
const_assert_eq!(core::mem::size_of::<Auxv>(), 16);
const_assert_eq!(core::mem::offset_of!(Ehdr, e_entry), 24);
const_assert_eq!(core::mem::offset_of!(Ehdr, e_phoff), 32);
const_assert_eq!(core::mem::offset_of!(Ehdr, e_phnum), 56);
const_assert_eq!(core::mem::offset_of!(Phdr, p_vaddr), 16);
const_assert_eq!(core::mem::offset_of!(Phdr, p_memsz), 40);
const_assert_eq!(core::mem::offset_of!(Sym, st_value), 8);
const_assert_eq!(core::mem::offset_of!(Rela, r_addend), 16);
const_assert_eq!(core::mem::offset_of!(Verdef, vd_next), 16);
const_assert_eq!(core::mem::offset_of!(Vernaux, vna_name), 8);
