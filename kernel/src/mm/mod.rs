//! Memory management: physical frames, the kernel heap, page tables and
//! per-process address spaces.
//!
//! Virtual memory map (canonical halves):
//! ```text
//! 0x0000_0000_0001_0000 .. 0x0000_7fff_ffff_f000  user (per process, PML4 0..255)
//! 0xffff_8000_0000_0000 .. +4 GiB                 direct map of physical memory (RW, NX)
//! 0xffff_ffff_8000_0000 .. +image size            kernel image (text RX, rodata R, data RW+NX)
//! ```
pub mod frame;
pub mod heap;
pub mod paging;
pub mod uaccess;
pub mod vm;

pub const PAGE: u64 = 4096;
pub const PHYS_OFFSET: u64 = 0xffff_8000_0000_0000;
pub const KERNEL_VMA: u64 = 0xffff_ffff_8000_0000;

/// The direct-map address of physical address `p`.
pub fn phys_to_virt(p: u64) -> *mut u8 {
    (p + PHYS_OFFSET) as *mut u8
}

pub const fn page_down(a: u64) -> u64 {
    a & !(PAGE - 1)
}

pub fn page_up(a: u64) -> Option<u64> {
    Some(a.checked_add(PAGE - 1)? & !(PAGE - 1))
}
