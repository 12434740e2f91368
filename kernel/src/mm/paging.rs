//! 4-level page tables. The kernel PML4 holds the direct map (PML4[256]) and
//! the kernel image (PML4[511]); every process PML4 shares those entries and
//! owns slots 0..255. Nothing is ever mapped writable and executable.
use super::{frame, phys_to_virt, KERNEL_VMA, PAGE};
use crate::arch::x86_64::cpu;
use core::sync::atomic::{AtomicU64, Ordering};

pub const P: u64 = 1;
pub const W: u64 = 2;
pub const U: u64 = 4;
pub const PS: u64 = 0x80;
/// Software bit: a user page whose frame is kept while PROT_NONE makes it not present.
pub const KEPT: u64 = 1 << 9;
/// Software bit: a page shared copy-on-write with another address space (never W while set).
pub const COW: u64 = 1 << 10;
/// Software bit: the frame belongs to a file (a MAP_SHARED page), not to this address space.
pub const FILE: u64 = 1 << 11;
pub const NX: u64 = 1 << 63;
pub const ADDR: u64 = 0x000f_ffff_ffff_f000;

static KERNEL_PML4: AtomicU64 = AtomicU64::new(0);

pub fn kernel_pml4() -> u64 {
    KERNEL_PML4.load(Ordering::Relaxed)
}

fn table(p: u64) -> *mut u64 {
    phys_to_virt(p) as *mut u64
}

extern "C" {
    static __text_start: u8;
    static __text_end: u8;
    static __rodata_end: u8;
    static __data_end: u8;
}

/// Builds the final kernel page tables (direct map of `[0, max_phys)` with
/// 2 MiB pages, kernel image with 4 KiB pages by section) and switches to them.
pub fn init(max_phys: u64) {
    let pml4 = frame::alloc().expect("no memory for the kernel PML4");
    let pdpt = frame::alloc().expect("no memory for the direct map");
    let gib = max_phys.div_ceil(1 << 30).clamp(1, 4);
    for g in 0..gib {
        let pd = frame::alloc().expect("no memory for the direct map");
        for i in 0..512u64 {
            let pa = (g << 30) | (i << 21);
            // SAFETY: `pd` is a fresh zeroed frame reachable through the boot direct map.
            unsafe { *table(pd).add(i as usize) = pa | P | W | PS | NX };
        }
        // SAFETY: as above for `pdpt`.
        unsafe { *table(pdpt).add(g as usize) = pd | P | W };
    }
    // SAFETY: as above for `pml4`.
    unsafe { *table(pml4).add(256) = pdpt | P | W };
    KERNEL_PML4.store(pml4, Ordering::Relaxed);

    // SAFETY: linker-script symbols; only their addresses are used.
    let (ts, te, re, de) = unsafe {
        (
            &__text_start as *const u8 as u64,
            &__text_end as *const u8 as u64,
            &__rodata_end as *const u8 as u64,
            &__data_end as *const u8 as u64,
        )
    };
    let mut va = ts;
    while va < de {
        let flags = if va < te {
            P
        } else if va < re {
            P | NX
        } else {
            P | W | NX
        };
        let pte = walk(pml4, va, true).expect("no memory for kernel page tables");
        // SAFETY: `walk` returned a valid PTE slot in a table we own.
        unsafe { *pte = (va - KERNEL_VMA) | flags };
        va += PAGE;
    }
    // SAFETY: the new tables map the running kernel image, its stacks (.bss) and the direct map.
    unsafe { cpu::write_cr3(pml4) };
}

/// The PTE slot for `va` in the tree rooted at `pml4`, creating tables if asked.
pub fn walk(pml4: u64, va: u64, create: bool) -> Option<*mut u64> {
    let mut t = pml4;
    for level in [39u32, 30, 21] {
        let idx = ((va >> level) & 511) as usize;
        // SAFETY: `t` is a page-table frame we allocated; `idx` < 512.
        let e = unsafe { table(t).add(idx) };
        // SAFETY: `e` points into that table.
        let v = unsafe { *e };
        if v & P == 0 {
            if !create {
                return None;
            }
            let n = frame::alloc()?;
            let user = if va < 0x8000_0000_0000 { U } else { 0 };
            // SAFETY: as above.
            unsafe { *e = n | P | W | user };
            t = n;
        } else {
            if v & PS != 0 {
                return None;
            }
            t = v & ADDR;
        }
    }
    // SAFETY: `t` is a page table; the index is < 512.
    Some(unsafe { table(t).add(((va >> 12) & 511) as usize) })
}

/// A fresh PML4 for a process, sharing the kernel half.
pub fn new_user_pml4() -> Option<u64> {
    let p = frame::alloc()?;
    // SAFETY: both are page-table frames; copying the upper 256 entries shares the kernel mappings.
    unsafe { core::ptr::copy_nonoverlapping(table(kernel_pml4()).add(256), table(p).add(256), 256) };
    Some(p)
}

/// How many user pages of the tree have a frame (present, or kept under PROT_NONE).
pub fn count_user_pages(pml4: u64) -> u64 {
    fn count_level(t: u64, depth: u32) -> u64 {
        let mut n = 0;
        for i in 0..512 {
            // SAFETY: `t` is a page table of this tree.
            let v = unsafe { *table(t).add(i) };
            if depth == 3 {
                n += (v & (P | KEPT) != 0) as u64;
            } else if v & P != 0 {
                n += count_level(v & ADDR, depth + 1);
            }
        }
        n
    }
    (0..256)
        .map(|i| {
            // SAFETY: `pml4` is a PML4 created by `new_user_pml4`.
            let v = unsafe { *table(pml4).add(i) };
            if v & P != 0 { count_level(v & ADDR, 1) } else { 0 }
        })
        .sum()
}

/// Frees every user page, every user page table and the PML4 itself.
pub fn free_user_tree(pml4: u64) {
    fn free_level(t: u64, depth: u32) {
        for i in 0..512 {
            // SAFETY: `t` is a page table of this tree.
            let v = unsafe { *table(t).add(i) };
            if depth == 3 {
                if v & (P | KEPT) != 0 && v & FILE == 0 {
                    frame::free(v & ADDR);
                }
            } else if v & P != 0 {
                free_level(v & ADDR, depth + 1);
                frame::free(v & ADDR);
            }
        }
    }
    for i in 0..256 {
        // SAFETY: `pml4` is a PML4 created by `new_user_pml4`.
        let v = unsafe { *table(pml4).add(i) };
        if v & P != 0 {
            free_level(v & ADDR, 1);
            frame::free(v & ADDR);
        }
    }
    frame::free(pml4);
}
