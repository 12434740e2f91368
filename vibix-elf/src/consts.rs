//! ELF constants. Each family is declared once with `named!`, which also
//! generates a `*_name` function mapping a value back to its symbolic name.

/// Declares `pub const NAME: T = value;` items and `pub fn fname(v: T) -> Option<&'static str>`.
macro_rules! named {
    ($(#[$m:meta])* fn $fname:ident($t:ty) { $($name:ident = $val:expr,)* }) => {
        $(pub const $name: $t = $val;)*
        $(#[$m])*
        #[allow(unreachable_patterns)]
        pub fn $fname(v: $t) -> Option<&'static str> {
            match v {
                $($name => Some(stringify!($name)),)*
                _ => None,
            }
        }
    };
}

pub const ELFMAG: [u8; 4] = *b"\x7fELF";
pub const EI_CLASS: usize = 4;
pub const EI_DATA: usize = 5;
pub const EI_VERSION: usize = 6;
pub const EI_OSABI: usize = 7;
pub const ELFCLASS64: u8 = 2;
pub const ELFDATA2LSB: u8 = 1;
pub const EV_CURRENT: u8 = 1;
pub const SHN_UNDEF: u16 = 0;
pub const SHN_ABS: u16 = 0xfff1;
pub const SHN_COMMON: u16 = 0xfff2;
pub const PF_X: u32 = 1;
pub const PF_W: u32 = 2;
pub const PF_R: u32 = 4;
pub const DF_ORIGIN: u64 = 0x1;
pub const DF_SYMBOLIC: u64 = 0x2;
pub const DF_TEXTREL: u64 = 0x4;
pub const DF_BIND_NOW: u64 = 0x8;
pub const DF_STATIC_TLS: u64 = 0x10;
pub const DF_1_NOW: u64 = 0x1;
pub const DF_1_NODELETE: u64 = 0x8;
pub const DF_1_PIE: u64 = 0x0800_0000;
pub const VER_NDX_LOCAL: u16 = 0;
pub const VER_NDX_GLOBAL: u16 = 1;
pub const VERSYM_HIDDEN: u16 = 0x8000;
pub const VER_FLG_BASE: u16 = 0x1;
pub const VER_FLG_WEAK: u16 = 0x2;

named! { /// `e_type` names.
fn et_name(u16) {
    ET_NONE = 0, ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4,
}}

named! { /// `e_machine` names (the few we care about).
fn em_name(u16) {
    EM_386 = 3, EM_ARM = 40, EM_X86_64 = 62, EM_AARCH64 = 183, EM_RISCV = 243,
}}

named! { /// Program header types.
fn pt_name(u32) {
    PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_SHLIB = 5,
    PT_PHDR = 6, PT_TLS = 7, PT_GNU_EH_FRAME = 0x6474_e550, PT_GNU_STACK = 0x6474_e551,
    PT_GNU_RELRO = 0x6474_e552, PT_GNU_PROPERTY = 0x6474_e553,
}}

named! { /// Section header types.
fn sht_name(u32) {
    SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_HASH = 5,
    SHT_DYNAMIC = 6, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_REL = 9, SHT_SHLIB = 10, SHT_DYNSYM = 11,
    SHT_INIT_ARRAY = 14, SHT_FINI_ARRAY = 15, SHT_PREINIT_ARRAY = 16, SHT_GROUP = 17,
    SHT_SYMTAB_SHNDX = 18, SHT_RELR = 19, SHT_GNU_ATTRIBUTES = 0x6fff_fff5, SHT_GNU_HASH = 0x6fff_fff6,
    SHT_GNU_VERDEF = 0x6fff_fffd, SHT_GNU_VERNEED = 0x6fff_fffe, SHT_GNU_VERSYM = 0x6fff_ffff,
    SHT_X86_64_UNWIND = 0x7000_0001,
}}

named! { /// Dynamic section tags.
fn dt_name(i64) {
    DT_NULL = 0, DT_NEEDED = 1, DT_PLTRELSZ = 2, DT_PLTGOT = 3, DT_HASH = 4, DT_STRTAB = 5,
    DT_SYMTAB = 6, DT_RELA = 7, DT_RELASZ = 8, DT_RELAENT = 9, DT_STRSZ = 10, DT_SYMENT = 11,
    DT_INIT = 12, DT_FINI = 13, DT_SONAME = 14, DT_RPATH = 15, DT_SYMBOLIC = 16, DT_REL = 17,
    DT_RELSZ = 18, DT_RELENT = 19, DT_PLTREL = 20, DT_DEBUG = 21, DT_TEXTREL = 22, DT_JMPREL = 23,
    DT_BIND_NOW = 24, DT_INIT_ARRAY = 25, DT_FINI_ARRAY = 26, DT_INIT_ARRAYSZ = 27,
    DT_FINI_ARRAYSZ = 28, DT_RUNPATH = 29, DT_FLAGS = 30, DT_PREINIT_ARRAY = 32,
    DT_PREINIT_ARRAYSZ = 33, DT_SYMTAB_SHNDX = 34, DT_RELRSZ = 35, DT_RELR = 36, DT_RELRENT = 37,
    DT_GNU_HASH = 0x6fff_fef5, DT_TLSDESC_PLT = 0x6fff_fef6, DT_TLSDESC_GOT = 0x6fff_fef7,
    DT_VERSYM = 0x6fff_fff0, DT_RELACOUNT = 0x6fff_fff9, DT_RELCOUNT = 0x6fff_fffa,
    DT_FLAGS_1 = 0x6fff_fffb, DT_VERDEF = 0x6fff_fffc, DT_VERDEFNUM = 0x6fff_fffd,
    DT_VERNEED = 0x6fff_fffe, DT_VERNEEDNUM = 0x6fff_ffff,
}}

named! { /// Symbol types (`st_info & 0xf`).
fn stt_name(u8) {
    STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4, STT_COMMON = 5,
    STT_TLS = 6, STT_GNU_IFUNC = 10,
}}

named! { /// Symbol bindings (`st_info >> 4`).
fn stb_name(u8) {
    STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2, STB_GNU_UNIQUE = 10,
}}

named! { /// Symbol visibility (`st_other & 3`).
fn stv_name(u8) {
    STV_DEFAULT = 0, STV_INTERNAL = 1, STV_HIDDEN = 2, STV_PROTECTED = 3,
}}

named! { /// Auxiliary vector types.
fn at_name(u64) {
    AT_NULL = 0, AT_IGNORE = 1, AT_EXECFD = 2, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5,
    AT_PAGESZ = 6, AT_BASE = 7, AT_FLAGS = 8, AT_ENTRY = 9, AT_NOTELF = 10, AT_UID = 11,
    AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15, AT_HWCAP = 16, AT_CLKTCK = 17,
    AT_SECURE = 23, AT_BASE_PLATFORM = 24, AT_RANDOM = 25, AT_HWCAP2 = 26, AT_EXECFN = 31,
    AT_SYSINFO_EHDR = 33, AT_MINSIGSTKSZ = 51,
}}

named! { /// Every x86_64 relocation type (psABI + binutils extensions).
fn r_x86_64_name(u32) {
    R_X86_64_NONE = 0, R_X86_64_64 = 1, R_X86_64_PC32 = 2, R_X86_64_GOT32 = 3,
    R_X86_64_PLT32 = 4, R_X86_64_COPY = 5, R_X86_64_GLOB_DAT = 6, R_X86_64_JUMP_SLOT = 7,
    R_X86_64_RELATIVE = 8, R_X86_64_GOTPCREL = 9, R_X86_64_32 = 10, R_X86_64_32S = 11,
    R_X86_64_16 = 12, R_X86_64_PC16 = 13, R_X86_64_8 = 14, R_X86_64_PC8 = 15,
    R_X86_64_DTPMOD64 = 16, R_X86_64_DTPOFF64 = 17, R_X86_64_TPOFF64 = 18, R_X86_64_TLSGD = 19,
    R_X86_64_TLSLD = 20, R_X86_64_DTPOFF32 = 21, R_X86_64_GOTTPOFF = 22, R_X86_64_TPOFF32 = 23,
    R_X86_64_PC64 = 24, R_X86_64_GOTOFF64 = 25, R_X86_64_GOTPC32 = 26, R_X86_64_GOT64 = 27,
    R_X86_64_GOTPCREL64 = 28, R_X86_64_GOTPC64 = 29, R_X86_64_GOTPLT64 = 30,
    R_X86_64_PLTOFF64 = 31, R_X86_64_SIZE32 = 32, R_X86_64_SIZE64 = 33,
    R_X86_64_GOTPC32_TLSDESC = 34, R_X86_64_TLSDESC_CALL = 35, R_X86_64_TLSDESC = 36,
    R_X86_64_IRELATIVE = 37, R_X86_64_RELATIVE64 = 38, R_X86_64_PC32_BND = 39,
    R_X86_64_PLT32_BND = 40, R_X86_64_GOTPCRELX = 41, R_X86_64_REX_GOTPCRELX = 42,
    R_X86_64_CODE_4_GOTPCRELX = 43, R_X86_64_CODE_4_GOTTPOFF = 44,
    R_X86_64_CODE_4_GOTPC32_TLSDESC = 45, R_X86_64_CODE_5_GOTPCRELX = 46,
    R_X86_64_CODE_5_GOTTPOFF = 47, R_X86_64_CODE_5_GOTPC32_TLSDESC = 48,
    R_X86_64_CODE_6_GOTPCRELX = 49, R_X86_64_CODE_6_GOTTPOFF = 50,
    R_X86_64_CODE_6_GOTPC32_TLSDESC = 51,
}}
