//! Finds and runs the executable's DT_INIT / DT_INIT_ARRAY (ld-vibix leaves the
//! executable's initializers to libc, as glibc's ld.so does).
use core::ffi::{c_char, c_int};

use vibix_elf::{Dyn, Phdr, AT_PHDR, AT_PHNUM, DT_INIT, DT_INIT_ARRAY, DT_INIT_ARRAYSZ, DT_NULL, PT_DYNAMIC, PT_LOAD, PT_PHDR};

type InitFn = unsafe extern "C" fn(c_int, *mut *mut c_char, *mut *mut c_char);

/// Runs the executable's initializers with (argc, argv, envp).
pub unsafe fn run_init(argc: c_int, argv: *mut *mut c_char, envp: *mut *mut c_char) {
    let (Some(phdr), Some(phnum)) = (super::aux(AT_PHDR as usize), super::aux(AT_PHNUM as usize)) else { return };
    // SAFETY: AT_PHDR/AT_PHNUM describe the mapped program headers.
    let phdrs = unsafe { core::slice::from_raw_parts(phdr as *const Phdr, phnum) };
    // Load bias: from PT_PHDR, else assume the headers follow the ELF header
    // at the start of the first PT_LOAD.
    let bias = match phdrs.iter().find(|p| p.p_type == PT_PHDR) {
        Some(p) => phdr.wrapping_sub(p.p_vaddr as usize),
        None => match phdrs.iter().find(|p| p.p_type == PT_LOAD) {
            Some(l) => phdr.wrapping_sub(64 + l.p_vaddr as usize - l.p_offset as usize),
            None => return,
        },
    };
    let Some(dynp) = phdrs.iter().find(|p| p.p_type == PT_DYNAMIC) else { return };
    let mut d = bias.wrapping_add(dynp.p_vaddr as usize) as *const Dyn;
    let (mut init, mut arr, mut arrsz) = (0usize, 0usize, 0usize);
    // SAFETY: the dynamic section is mapped and DT_NULL-terminated.
    unsafe {
        while (*d).d_tag != DT_NULL {
            let v = (*d).d_val as usize;
            match (*d).d_tag {
                DT_INIT => init = v,
                DT_INIT_ARRAY => arr = v,
                DT_INIT_ARRAYSZ => arrsz = v,
                _ => {}
            }
            d = d.add(1);
        }
    }
    // SAFETY: the addresses are the executable's own initializers (link-time
    // addresses plus the load bias); the array entries were relocated by ld-vibix.
    unsafe {
        if init != 0 {
            let f: InitFn = core::mem::transmute(bias.wrapping_add(init));
            f(argc, argv, envp);
        }
        if arr != 0 {
            let a = bias.wrapping_add(arr) as *const usize;
            for i in 0..arrsz / 8 {
                let f = *a.add(i);
                if f != 0 && f != usize::MAX {
                    let f: InitFn = core::mem::transmute(f);
                    f(argc, argv, envp);
                }
            }
        }
    }
}
