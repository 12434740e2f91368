use super::*;

fn load(vaddr: u64, offset: u64, filesz: u64, memsz: u64, flags: u32) -> Phdr {
    Phdr { p_type: PT_LOAD, p_flags: flags, p_offset: offset, p_vaddr: vaddr, p_paddr: vaddr, p_filesz: filesz, p_memsz: memsz, p_align: PAGE }
}

fn eh(entry: u64) -> Ehdr {
    Ehdr { e_entry: entry, e_phoff: 64, e_phnum: 3, e_phentsize: 56, ..Ehdr::default() }
}

/// text [0, 0x2000) r-x, data [0x3000, 0x4800) rw- with bss, dynamic in data.
fn good() -> [Phdr; 3] {
    let mut d = load(0x3000, 0x2000, 0x200, 0x1800, PF_R | PF_W);
    let dynamic = Phdr { p_type: PT_DYNAMIC, p_vaddr: 0x3000, p_offset: 0x2000, p_filesz: 0x100, p_memsz: 0x100, ..d };
    d.p_align = 0x1000;
    [load(0, 0, 0x2000, 0x2000, PF_R | PF_X), d, dynamic]
}

fn err(ph: &[Phdr], entry: u64) -> PlanError {
    plan(&eh(entry), ph, 0x3000, &Limits::PROGRAM).unwrap_err()
}

#[test]
fn a_good_object_is_planned() {
    let p = plan(&eh(0x100), &good(), 0x3000, &Limits::PROGRAM).unwrap();
    assert_eq!((p.nsegments, p.lo, p.hi, p.dynamic), (2, 0, 0x5000, Some((0x3000, 0x100))));
    assert_eq!(p.phdr, Some(64));
    assert!(p.segment_of(0x4700, 8).is_some_and(|s| s.flags & PF_W != 0));
    assert!(p.segment_of(0x47fc, 8).is_none());
}

#[test]
fn bad_program_headers_are_refused() {
    let mut g = good();
    g[1].p_vaddr = 0x1000;
    g[1].p_offset = 0x1000;
    assert_eq!(err(&g, 0x100), PlanError::LoadOrder);
    let mut g = good();
    g[1].p_memsz = u64::MAX - 0x2000;
    assert_eq!(err(&g, 0x100), PlanError::LoadWraps);
    let mut g = good();
    g[1].p_filesz = 0x2000;
    assert_eq!(err(&g, 0x100), PlanError::LoadOutsideFile);
    g[1].p_filesz = 0x100;
    g[1].p_memsz = 0x80;
    assert_eq!(err(&g, 0x100), PlanError::FileszOverMemsz);
    let mut g = good();
    g[1].p_offset = 0x2008;
    assert_eq!(err(&g, 0x100), PlanError::LoadAlign);
    let mut g = good();
    g[1].p_flags |= PF_X;
    assert_eq!(err(&g, 0x100), PlanError::WritableExecutable);
    assert_eq!(err(&good(), 0x3000), PlanError::EntryNotExecutable);
    assert_eq!(err(&good(), 0x2000), PlanError::EntryNotExecutable);
    assert!(plan(&eh(0), &good(), 0x3000, &Limits::LIBRARY).is_ok());
    let mut g = good();
    g[2].p_vaddr = 0x3180;
    assert_eq!(err(&g, 0x100), PlanError::Dynamic);
    let mut g = good();
    g[2].p_type = PT_TLS;
    g[2].p_align = 3;
    assert_eq!(err(&g, 0x100), PlanError::Tls);
    g[2].p_type = PT_GNU_RELRO;
    g[2].p_vaddr = 0x100;
    assert_eq!(err(&g, 0x100), PlanError::Relro);
    assert_eq!(err(&[], 0), PlanError::NoLoad);
    assert_eq!(plan(&eh(0x100), &good(), 100, &Limits::PROGRAM).unwrap_err(), PlanError::PhdrsOutsideFile);
}

#[test]
fn plan_file_reads_the_headers_from_the_file() {
    let mut f = [0u8; 0x3000];
    let h = Ehdr { e_ident: *b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", e_type: crate::ET_DYN, e_machine: crate::EM_X86_64, ..eh(0x100) };
    // SAFETY: Ehdr and Phdr are POD; the buffer is large enough.
    unsafe {
        core::ptr::write_unaligned(f.as_mut_ptr() as *mut Ehdr, h);
        core::ptr::write_unaligned(f.as_mut_ptr().add(64) as *mut [Phdr; 3], good());
    }
    let mut ph = [Phdr::default(); MAX_PHNUM];
    let (_, p, n) = plan_file(&f, &mut ph, &Limits::PROGRAM).unwrap();
    assert_eq!((n, p.nsegments), (3, 2));
    assert_eq!(plan_file(&f[..0x1000], &mut ph, &Limits::PROGRAM).unwrap_err(), PlanFileError::Plan(PlanError::LoadOutsideFile));
    assert!(plan_file(&f, &mut ph[..2], &Limits::PROGRAM).is_err());
}
