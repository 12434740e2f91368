//! The initial user stack, as the x86_64 psABI lays it out (low to high):
//! argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL, padding, then the
//! 16 AT_RANDOM bytes and the strings. %rsp points at argc, 16-byte aligned.
use crate::arch::x86_64::cpu;
use crate::errno::*;
use crate::mm::vm::{AddressSpace, STACK_TOP};
use crate::rng;
use alloc::vec::Vec;
use vibix_elf::*;

pub struct Info<'a> {
    pub phdr: u64,
    pub phnum: u64,
    pub base: u64,
    pub entry: u64,
    pub execfn: &'a [u8],
    pub cred: crate::proc::cred::Cred,
}

/// argv + envp strings and pointers: a quarter of the 8 MiB stack (Linux's ARG_MAX rule).
pub const MAX_ARG_BYTES: usize = 2 << 20;
/// One argument or environment string, NUL included (Linux's MAX_ARG_STRLEN).
pub const MAX_ARG_STRLEN: usize = 32 * 4096;

pub fn build(asp: &mut AddressSpace, argv: &[Vec<u8>], envp: &[Vec<u8>], info: &Info) -> Result<u64, Errno> {
    let top = STACK_TOP - 16;
    // Strings area, built downwards from `top`.
    let mut strings: Vec<u8> = Vec::new();
    let mut push = |s: &[u8]| -> u64 {
        strings.extend_from_slice(s);
        strings.push(0);
        strings.len() as u64 // distance from the end of the area, fixed up below
    };
    let execfn = push(info.execfn);
    let platform = push(b"x86_64");
    let args: Vec<u64> = argv.iter().map(|a| push(a)).collect();
    let envs: Vec<u64> = envp.iter().map(|e| push(e)).collect();
    let mut random = [0u8; 16];
    rng::fill_at_random(&mut random);
    strings.extend_from_slice(&random);
    if strings.len() + 8 * (argv.len() + envp.len()) > MAX_ARG_BYTES {
        return Err(E2BIG);
    }
    let strings_lo = (top - strings.len() as u64) & !15;
    // A string pushed when the area was `n` bytes long starts at strings_lo + n - len - 1.
    let addr_of = |end: u64, len: usize| strings_lo + end - len as u64 - 1;
    let random_addr = strings_lo + strings.len() as u64 - 16;

    let auxv: [(u64, u64); 19] = [
        (AT_PHDR, info.phdr),
        (AT_PHENT, 56),
        (AT_PHNUM, info.phnum),
        (AT_PAGESZ, 4096),
        (AT_BASE, info.base),
        (AT_FLAGS, 0),
        (AT_ENTRY, info.entry),
        (AT_UID, info.cred.ruid as u64),
        (AT_EUID, info.cred.euid as u64),
        (AT_GID, info.cred.rgid as u64),
        (AT_EGID, info.cred.egid as u64),
        (AT_SECURE, info.cred.secure() as u64),
        (AT_RANDOM, random_addr),
        (AT_HWCAP, cpu::cpuid(1, 0)[3] as u64),
        (AT_HWCAP2, 0),
        (AT_CLKTCK, 100),
        (AT_PLATFORM, addr_of(platform, 6)),
        (AT_EXECFN, addr_of(execfn, info.execfn.len())),
        (AT_MINSIGSTKSZ, crate::abi::MINSIGSTKSZ),
    ];
    let words = 1 + argv.len() + 1 + envp.len() + 1 + 2 * (auxv.len() + 1);
    let sp = (strings_lo - words as u64 * 8) & !15;
    let mut v: Vec<u64> = Vec::with_capacity(words);
    v.push(argv.len() as u64);
    v.extend(args.iter().zip(argv).map(|(&e, a)| addr_of(e, a.len())));
    v.push(0);
    v.extend(envs.iter().zip(envp).map(|(&e, s)| addr_of(e, s.len())));
    v.push(0);
    for (k, val) in auxv {
        v.push(k);
        v.push(val);
    }
    v.extend([AT_NULL, 0]);
    let mut image: Vec<u8> = Vec::with_capacity((top - sp) as usize);
    for w in &v {
        image.extend_from_slice(&w.to_le_bytes());
    }
    image.resize((strings_lo - sp) as usize, 0);
    image.extend_from_slice(&strings);
    asp.write_bytes(sp, &image)?;
    Ok(sp)
}
