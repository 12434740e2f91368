//! Unit tests: hashes against known values and the host's libc.so.6, lookup over
//! both a real GNU-hashed library and a hand-built SysV table, name functions.
extern crate std;
use super::*;
use std::vec::Vec;

#[test]
fn hash_known_values() {
    assert_eq!(gnu_hash(b""), 5381);
    assert_eq!(gnu_hash(b"a"), 5381 * 33 + 97);
    assert_eq!(sysv_hash(b""), 0);
    assert_eq!(sysv_hash(b"a"), 97);
    // Known from the gABI / readelf: the hashes ld writes into Vernaux.
    assert_eq!(sysv_hash(b"GLIBC_2.2.5"), 0x0969_1a75);
    assert_eq!(gnu_hash_cstr(b"printf\0junk"), Some((gnu_hash(b"printf"), 6)));
    assert_eq!(gnu_hash_cstr(b"no-nul"), None);
    for name in [&b""[..], b"a", b"ab", b"abc", b"abcd", b"memcpy", b"__libc_start_main"] {
        let mut v = name.to_vec();
        v.push(0);
        assert_eq!(gnu_hash_cstr(&v), Some((gnu_hash(name), name.len())));
    }
    let q = SymQuery::from_strtab(b"\0abc\0", 1, None).unwrap();
    assert_eq!((q.name, q.gnu), (&b"abc"[..], gnu_hash(b"abc")));
}

#[test]
fn gnu_hash_matches_the_definition() {
    let reference = |b: &[u8]| b.iter().fold(5381u32, |h, &c| h.wrapping_mul(33).wrapping_add(c as u32));
    let bytes: std::vec::Vec<u8> = (1..=255u8).cycle().take(300).collect();
    for n in 0..60 {
        for start in [0usize, 7, 128, 200] {
            let name = &bytes[start..start + n];
            assert_eq!(gnu_hash(name), reference(name));
            let mut v = name.to_vec();
            v.push(0);
            v.extend_from_slice(b"trailing\0");
            assert_eq!(gnu_hash_cstr(&v), Some((reference(name), n)), "len {n}");
            v.truncate(n + 1);
            assert_eq!(gnu_hash_cstr(&v), Some((reference(name), n)));
            // 0x01 bytes after the NUL (a borrow could mark them as zero too).
            v.extend_from_slice(&[1; 9]);
            assert_eq!(gnu_hash_cstr(&v), Some((reference(name), n)));
        }
    }
}

#[test]
fn name_compare_all_lengths() {
    let long = b"abcdefghijklmnopqrstuvwxyz0123456789";
    for n in 0..long.len() {
        let a = &long[..n];
        assert!(super::lookup::bytes_eq(a, a));
        for k in 0..n {
            let mut b = a.to_vec();
            b[k] ^= 1;
            assert!(!super::lookup::bytes_eq(a, &b), "len {n} pos {k}");
        }
    }
    assert!(!super::lookup::bytes_eq(b"ab", b"abc"));
}

#[test]
fn names() {
    assert_eq!(r_x86_64_name(R_X86_64_JUMP_SLOT), Some("R_X86_64_JUMP_SLOT"));
    assert_eq!(r_x86_64_name(37), Some("R_X86_64_IRELATIVE"));
    for t in 0..=51 {
        assert!(r_x86_64_name(t).is_some(), "reloc {t} unnamed");
    }
    assert_eq!(r_x86_64_name(52), None);
    assert_eq!(dt_name(DT_GNU_HASH), Some("DT_GNU_HASH"));
    assert_eq!(pt_name(PT_GNU_RELRO), Some("PT_GNU_RELRO"));
    assert_eq!(at_name(AT_RANDOM), Some("AT_RANDOM"));
    assert_eq!(stt_name(STT_TLS), Some("STT_TLS"));
    assert_eq!(stb_name(STB_WEAK), Some("STB_WEAK"));
    assert_eq!(sht_name(SHT_GNU_HASH), Some("SHT_GNU_HASH"));
}

#[test]
fn header_checks() {
    assert_eq!(check_header(b"#!/bin/sh\n").unwrap_err(), HeaderError::NotElf);
    assert_eq!(check_header(b"\x7fELF\x02\x01").unwrap_err(), HeaderError::Truncated);
    let mut eh = Ehdr::default();
    eh.e_ident[..4].copy_from_slice(&ELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_machine = EM_AARCH64;
    eh.e_type = ET_DYN;
    eh.e_phentsize = 56;
    eh.e_phnum = 1;
    // SAFETY: Ehdr is repr(C) POD of 64 bytes.
    let bytes: [u8; 64] = unsafe { core::mem::transmute(eh) };
    assert_eq!(check_header(&bytes).unwrap_err(), HeaderError::WrongMachine);
    eh.e_machine = EM_X86_64;
    // SAFETY: as above.
    let bytes: [u8; 64] = unsafe { core::mem::transmute(eh) };
    assert!(check_header(&bytes).is_ok());
}

/// Section `name` of an ELF file image.
fn section<'a>(f: &'a [u8], name: &str) -> Option<&'a [u8]> {
    let eh: Ehdr = read(f, 0)?;
    let sh = |i: usize| read::<Shdr>(f, eh.e_shoff as usize + i * 64);
    let strs = sh(eh.e_shstrndx as usize)?;
    for i in 0..eh.e_shnum as usize {
        let s = sh(i)?;
        let n = c_str_at(&f[strs.sh_offset as usize..], s.sh_name as usize)?;
        if n == name.as_bytes() {
            return f.get(s.sh_offset as usize..(s.sh_offset + s.sh_size) as usize);
        }
    }
    None
}

fn cast<T: Pod>(b: &[u8]) -> Vec<T> {
    (0..b.len() / core::mem::size_of::<T>()).map(|i| read(b, i * core::mem::size_of::<T>()).unwrap()).collect()
}

#[test]
fn lookup_in_host_libc() {
    let Ok(f) = std::fs::read("/lib/x86_64-linux-gnu/libc.so.6") else { return };
    let dynsym: Vec<Sym> = cast(section(&f, ".dynsym").unwrap());
    let dynstr = section(&f, ".dynstr").unwrap();
    let gh: Vec<u32> = cast(section(&f, ".gnu.hash").unwrap());
    let versym: Vec<u16> = cast(section(&f, ".gnu.version").unwrap());
    let vd = section(&f, ".gnu.version_d").unwrap();
    let verdef = Verdefs { bytes: vd, count: 64 };
    // Every stored vd_hash must equal our sysv_hash of the version name.
    let mut n = 0;
    for e in verdef.iter() {
        assert_eq!(e.def.vd_hash, sysv_hash(c_str_at(dynstr, e.name as usize).unwrap()));
        n += 1;
    }
    assert!(n > 10);
    let t = SymbolTable {
        hash: HashTable::Gnu(GnuHash::parse(&gh).unwrap()),
        symtab: &dynsym,
        strtab: dynstr,
        versym: Some(&versym),
        verdef: Some(verdef),
    };
    assert_eq!(t.symbol_count(), Some(dynsym.len()));
    for name in ["printf", "malloc", "memcpy", "environ", "errno"] {
        let (i, s) = t.lookup(&SymQuery::new(name.as_bytes(), None)).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(t.name(s).unwrap(), name.as_bytes());
        assert_eq!(versym[i as usize] & VERSYM_HIDDEN, 0);
    }
    assert!(t.lookup(&SymQuery::new(b"no_such_symbol_xyz", None)).is_none());
    // memcpy has GLIBC_2.2.5 (hidden, old) and GLIBC_2.14 (default).
    let v = |n: &'static [u8]| Some(VersionReq { name: n, hash: sysv_hash(n) });
    let (i_old, _) = t.lookup(&SymQuery::new(b"memcpy", v(b"GLIBC_2.2.5"))).unwrap();
    let (i_new, _) = t.lookup(&SymQuery::new(b"memcpy", v(b"GLIBC_2.14"))).unwrap();
    let (i_def, _) = t.lookup(&SymQuery::new(b"memcpy", None)).unwrap();
    assert_ne!(i_old, i_new);
    assert_eq!(i_def, i_new);
    assert!(t.lookup(&SymQuery::new(b"memcpy", v(b"GLIBC_9.99"))).is_none());
    assert!(t.defines_version(b"GLIBC_2.14", sysv_hash(b"GLIBC_2.14")));
    assert!(!t.defines_version(b"GLIBC_9.99", sysv_hash(b"GLIBC_9.99")));
}

fn sym(name: u32, value: u64) -> Sym {
    Sym { st_name: name, st_info: (STB_GLOBAL << 4) | STT_FUNC, st_other: 0, st_shndx: 1, st_value: value, st_size: 0 }
}

#[test]
fn lookup_sysv_and_unversioned_objects() {
    let strtab = b"\0alpha\0beta\0gamma\0";
    let symtab = [Sym::default(), sym(1, 0x10), sym(7, 0x20), Sym { st_shndx: 0, ..sym(12, 0) }];
    // One bucket: chain 3 -> 2 -> 1 -> 0.
    let words = [1u32, 4, 3, 0, 0, 1, 2];
    let t = SymbolTable {
        hash: HashTable::Sysv(SysvHash::parse(&words).unwrap()),
        symtab: &symtab,
        strtab,
        versym: None,
        verdef: None,
    };
    assert_eq!(t.lookup(&SymQuery::new(b"alpha", None)).unwrap().0, 1);
    assert_eq!(t.lookup(&SymQuery::new(b"beta", None)).unwrap().1.st_value, 0x20);
    // gamma is undefined here.
    assert!(t.lookup(&SymQuery::new(b"gamma", None)).is_none());
    // An object without version definitions satisfies any requested version.
    let q = SymQuery::new(b"beta", Some(VersionReq { name: b"GLIBC_2.2.5", hash: sysv_hash(b"GLIBC_2.2.5") }));
    assert!(t.lookup(&q).is_some());
    // A cyclic chain terminates.
    let cyc = [1u32, 3, 2, 0, 2, 2];
    let t2 = SymbolTable { hash: HashTable::Sysv(SysvHash::parse(&cyc).unwrap()), ..t };
    assert!(t2.lookup(&SymQuery::new(b"zzz", None)).is_none());
    // Truncated tables are rejected, not read past.
    assert!(SysvHash::parse(&[4, 100, 0]).is_none());
    assert!(GnuHash::parse(&[1, 1, 3, 6]).is_none());
}
