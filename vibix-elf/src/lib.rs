//! no_std, no-alloc ELF64 definitions shared by ld-vibix, the kernel and vibix-readelf:
//! `repr(C)` types, constants with name lookups, the GNU/SysV hash functions, and a
//! bounds-checked symbol lookup over one object's tables, ld-vibix's library
//! search order (`search`), the dependency walk (`deps`) and the program-header
//! validator (`plan`).
#![no_std]

mod consts;
pub mod deps;
mod hash;
pub(crate) mod lookup;
pub mod plan;
pub mod search;
mod types;
mod version;

pub use consts::*;
pub use hash::{gnu_hash, gnu_hash_cstr, sysv_hash, GnuHash, SysvHash};
pub use lookup::{c_str_at, HashTable, SymQuery, SymbolTable, VersionReq};
pub use types::*;
pub use version::*;

/// Plain-old-data ELF structures that may be read from arbitrary bytes.
///
/// # Safety
/// Implementors must be `repr(C)` with no padding-dependent invariants and valid for any bit pattern.
pub unsafe trait Pod: Copy {}
// SAFETY: all of these are repr(C) structs of integers; every bit pattern is valid.
unsafe impl Pod for Ehdr {}
// SAFETY: as above.
unsafe impl Pod for Phdr {}
// SAFETY: as above.
unsafe impl Pod for Shdr {}
// SAFETY: as above.
unsafe impl Pod for Dyn {}
// SAFETY: as above.
unsafe impl Pod for Sym {}
// SAFETY: as above.
unsafe impl Pod for Rela {}
// SAFETY: as above.
unsafe impl Pod for Rel {}
// SAFETY: as above.
unsafe impl Pod for Verdef {}
// SAFETY: as above.
unsafe impl Pod for Verdaux {}
// SAFETY: as above.
unsafe impl Pod for Verneed {}
// SAFETY: as above.
unsafe impl Pod for Vernaux {}
// SAFETY: as above.
unsafe impl Pod for Auxv {}
// SAFETY: integers.
unsafe impl Pod for u16 {}
// SAFETY: integers.
unsafe impl Pod for u8 {}
// SAFETY: integers.
unsafe impl Pod for u32 {}
// SAFETY: integers.
unsafe impl Pod for u64 {}

/// Reads a `T` at byte offset `off` of `bytes`, or `None` if it does not fit.
pub fn read<T: Pod>(bytes: &[u8], off: usize) -> Option<T> {
    let end = off.checked_add(core::mem::size_of::<T>())?;
    if end > bytes.len() {
        return None;
    }
    // SAFETY: the range [off, end) is inside `bytes`, and T is valid for any bits.
    Some(unsafe { core::ptr::read_unaligned(bytes.as_ptr().add(off) as *const T) })
}

/// Why an ELF header is unacceptable for x86_64 dynamic loading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderError {
    Truncated,
    NotElf,
    WrongClass,
    WrongEndian,
    WrongMachine,
    WrongType,
    BadPhdrs,
}

impl HeaderError {
    pub fn message(self) -> &'static str {
        match self {
            Self::Truncated => "file too short",
            Self::NotElf => "not an ELF file",
            Self::WrongClass => "not a 64-bit ELF file",
            Self::WrongEndian => "not a little-endian ELF file",
            Self::WrongMachine => "wrong architecture (not x86_64)",
            Self::WrongType => "not an executable or shared object",
            Self::BadPhdrs => "bad program headers",
        }
    }
}

/// Validates the identification and header of an x86_64 ET_EXEC/ET_DYN file.
pub fn check_header(bytes: &[u8]) -> Result<Ehdr, HeaderError> {
    if bytes.len() >= 4 && bytes[..4] != ELFMAG {
        return Err(HeaderError::NotElf);
    }
    let eh: Ehdr = read(bytes, 0).ok_or(if bytes.len() < 4 { HeaderError::NotElf } else { HeaderError::Truncated })?;
    if eh.e_ident[EI_CLASS] != ELFCLASS64 {
        return Err(HeaderError::WrongClass);
    }
    if eh.e_ident[EI_DATA] != ELFDATA2LSB {
        return Err(HeaderError::WrongEndian);
    }
    if eh.e_machine != EM_X86_64 {
        return Err(HeaderError::WrongMachine);
    }
    if eh.e_type != ET_EXEC && eh.e_type != ET_DYN {
        return Err(HeaderError::WrongType);
    }
    if eh.e_phentsize as usize != core::mem::size_of::<Phdr>() || eh.e_phnum == 0 {
        return Err(HeaderError::BadPhdrs);
    }
    Ok(eh)
}

#[cfg(test)]
mod tests;
