//! Unit tests for the small pieces whose exact behaviour the views rely on.

use crate::elf::StrTab;
use crate::view::relocs::decode_relr;

#[test]
fn relr_decoding() {
    // An address, then a bitmap covering the next 63 words: bits 1 and 3 set.
    let words = [0x1000u64, (1 << 1 | 1 << 3) << 1 | 1, 0x3000, 1 | 1 << 63];
    let a = decode_relr(&words);
    assert_eq!(a, vec![0x1000, 0x1010, 0x1020, 0x3000, 0x3008 + 62 * 8]);
    assert!(decode_relr(&[]).is_empty());
    // A bitmap before any address starts at 0 and must not panic.
    assert_eq!(decode_relr(&[0b11]), vec![0]);
}

#[test]
fn string_table_is_bounded() {
    let t = StrTab::new(b"\0abc\0de");
    assert_eq!(t.get(0), Some(&b""[..]));
    assert_eq!(t.get(1), Some(&b"abc"[..]));
    assert_eq!(t.get(2), Some(&b"bc"[..]));
    assert_eq!(t.get(5), None, "unterminated");
    assert_eq!(t.get(100), None);
    assert_eq!(t.get(u64::MAX), None);
    assert_eq!(t.show(1), "abc");
}

#[test]
fn names_match_binutils() {
    use crate::names::*;
    assert_eq!(section_flags(0x2 | 0x1 | 0x40, 0), "WAI");
    assert_eq!(section_flags(0x20_0000, 3), "R");
    assert_eq!(section_flags(0x20_0000, 0), "o");
    assert_eq!(dynamic_tag(0x6fff_fffb), "FLAGS_1");
    assert_eq!(reloc_type(37), "R_X86_64_IRELATIVE");
    assert_eq!(reloc_type(200), "unrecognized: c8     ");
    assert_eq!(segment_type(0x6474_e553), "GNU_PROPERTY");
    assert_eq!(sym_shndx(0xfff1), "ABS");
    assert_eq!(sym_shndx(7), "  7");
}

#[test]
fn soname_aliases_follow_vibix_abi() {
    assert_eq!(vibix_elf::search::alias_str("libc.so.6"), vibix_abi::LIBC_SONAME);
    assert_eq!(vibix_elf::search::alias_str("ld-linux-x86-64.so.2"), vibix_abi::LDSO_SONAME);
    assert_eq!(vibix_elf::search::alias_str("libfoo.so"), "libfoo.so");
}

#[test]
fn rejects_non_elf_and_unsupported() {
    use crate::elf::Elf;
    assert!(Elf::parse(b"").is_err());
    assert!(Elf::parse(b"#!/bin/sh\necho hi\n").is_err());
    let mut h = [0u8; 64];
    h[..4].copy_from_slice(b"\x7fELF");
    h[4] = 1; // ELF32
    assert!(Elf::parse(&h).err().unwrap().contains("ELF64"));
    h[4] = 2;
    h[5] = 2; // big-endian
    assert!(Elf::parse(&h).err().unwrap().contains("little-endian"));
}

#[test]
fn cli_combines_short_options() {
    let o = crate::cli::parse(&["-hlSW".into(), "x".into()]).unwrap();
    assert!(o.header && o.segments && o.sections && o.wide && !o.syms);
    assert_eq!(o.files, vec!["x".to_string()]);
    assert!(crate::cli::parse(&["-Z".into()]).is_err());
    let o = crate::cli::parse(&["--bindings".into(), "--ldso=/l".into(), "p".into()]).unwrap();
    assert_eq!(o.ldso.as_deref(), Some("/l"));
}
