//! The initial user stack, laid out as Linux does (low to high): argc, argv[],
//! NULL, envp[], NULL, auxv pairs, AT_NULL, padding, the 16 AT_RANDOM bytes,
//! the AT_PLATFORM string, padding, then the argv and envp strings, the
//! AT_EXECFN string and 8 zero bytes at the very top. %rsp points at argc,
//! 16-byte aligned. Programs may rely on this order (the environment block
//! ends where AT_EXECFN starts) and on the zero word above the last string.
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
    // Strings area: argv, envp, execfn, ending 8 bytes below the top.
    let mut strings: Vec<u8> = Vec::new();
    let mut push = |s: &[u8]| -> u64 {
        let at = strings.len() as u64; // offset from the area's start, fixed up below
        strings.extend_from_slice(s);
        strings.push(0);
        at
    };
    let args: Vec<u64> = argv.iter().map(|a| push(a)).collect();
    let envs: Vec<u64> = envp.iter().map(|e| push(e)).collect();
    let execfn = push(info.execfn);
    if strings.len() + 8 * (argv.len() + envp.len()) > MAX_ARG_BYTES {
        return Err(E2BIG);
    }
    let strings_lo = STACK_TOP - 8 - strings.len() as u64;
    let addr_of = |at: u64| strings_lo + at;
    // Below the strings: AT_RANDOM's 16 bytes, then "x86_64\0" above them.
    let platform = b"x86_64\0";
    let random_addr = (strings_lo - platform.len() as u64 - 16) & !15;
    let platform_addr = random_addr + 16;
    let mut random = [0u8; 16];
    rng::fill_at_random(&mut random);

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
        (AT_PLATFORM, platform_addr),
        (AT_EXECFN, addr_of(execfn)),
        (AT_MINSIGSTKSZ, crate::abi::MINSIGSTKSZ),
    ];
    let words = 1 + argv.len() + 1 + envp.len() + 1 + 2 * (auxv.len() + 1);
    let sp = (random_addr - words as u64 * 8) & !15;
    let mut v: Vec<u64> = Vec::with_capacity(words);
    v.push(argv.len() as u64);
    v.extend(args.iter().map(|&at| addr_of(at)));
    v.push(0);
    v.extend(envs.iter().map(|&at| addr_of(at)));
    v.push(0);
    for (k, val) in auxv {
        v.push(k);
        v.push(val);
    }
    v.extend([AT_NULL, 0]);
    let mut image: Vec<u8> = Vec::with_capacity((STACK_TOP - sp) as usize);
    for w in &v {
        image.extend_from_slice(&w.to_le_bytes());
    }
    image.resize((random_addr - sp) as usize, 0);
    image.extend_from_slice(&random);
    image.extend_from_slice(platform);
    image.resize((strings_lo - sp) as usize, 0);
    image.extend_from_slice(&strings);
    image.extend_from_slice(&[0; 8]);
    asp.write_bytes(sp, &image)?;
    Ok(sp)
}
