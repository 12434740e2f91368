//! vibix: a small W^X x86_64 kernel. Boot path: QEMU's PVH entry
//! (`arch::x86_64::boot`) → `kmain`: serial, GDT/IDT, frames from the PVH
//! memory map, final page tables, syscall MSRs, timer, initramfs → the test
//! runner (`runner`), which starts user programs through `exec`.
#![no_std]
#![no_main]
#![deny(unsafe_op_in_unsafe_fn)]

extern crate alloc;

mod abi;
mod arch;
mod errno;
mod exec;
mod fs;
mod ipc;
mod itimer;
mod mem;
mod mm;
mod net;
mod proc;
mod rng;
mod runner;
mod serial;
mod signal;
mod sync;
mod syscall;
mod trap;

use arch::x86_64::{cpu, entry, gdt, idt, timer};
use mm::{frame, phys_to_virt, KERNEL_VMA};

#[global_allocator]
static HEAP: mm::heap::KernelHeap = mm::heap::KernelHeap;

const HVM_START_MAGIC: u32 = 0x336e_c578;
const E820_RAM: u32 = 1;

extern "C" {
    static __kernel_end: u8;
    static boot_stack_top: u8;
}

/// Reads a little-endian integer from physical memory through the direct map.
fn phys_read<T: Copy>(p: u64) -> T {
    // SAFETY: PVH boot structures live in RAM below 4 GiB, which the boot tables and the
    // final direct map both cover; read_unaligned has no alignment requirement.
    unsafe { core::ptr::read_unaligned(phys_to_virt(p) as *const T) }
}

#[no_mangle]
extern "C" fn kmain(start_info: u64) -> ! {
    serial::init();
    kprintln!("vibix: booting (PVH start_info at {:#x})", start_info);
    if phys_read::<u32>(start_info) != HVM_START_MAGIC {
        panic!("bad hvm_start_info magic");
    }
    gdt::init();
    idt::init();

    // Physical memory: free every RAM range except the kernel, the initrd and low memory.
    let nr_modules: u32 = phys_read(start_info + 12);
    let modlist: u64 = phys_read(start_info + 16);
    let (initrd, initrd_len) = if nr_modules > 0 { (phys_read::<u64>(modlist), phys_read::<u64>(modlist + 8)) } else { (0, 0) };
    // SAFETY: linker symbol; only its address is used.
    let kernel_end = unsafe { &__kernel_end as *const u8 as u64 } - KERNEL_VMA;
    let reserved = [(0x10_0000, kernel_end), (initrd, initrd + initrd_len)];
    let version: u32 = phys_read(start_info + 4);
    let (memmap, entries): (u64, u32) = if version >= 1 { (phys_read(start_info + 40), phys_read(start_info + 48)) } else { (0, 0) };
    if entries == 0 {
        panic!("no memory map in hvm_start_info (need PVH version >= 1)");
    }
    let mut max_phys = 0;
    for i in 0..entries as u64 {
        let e = memmap + i * 24;
        let (addr, size, kind): (u64, u64, u32) = (phys_read(e), phys_read(e + 8), phys_read(e + 16));
        if kind == E820_RAM {
            frame::add_region(addr, addr + size, &reserved);
            max_phys = max_phys.max(addr + size);
        }
    }
    kprintln!("vibix: {} MiB free, initrd {} KiB at {:#x}", frame::free_count() / 256, initrd_len / 1024, initrd);
    mm::paging::init(max_phys);

    // syscall/sysret: kernel CS 0x08, user base 0x10; SFMASK clears IF, DF, TF, AC, NT.
    // SAFETY: these MSRs configure the `syscall` instruction to enter `syscall_entry`.
    unsafe {
        cpu::wrmsr(cpu::MSR_EFER, cpu::rdmsr(cpu::MSR_EFER) | 1);
        cpu::wrmsr(cpu::MSR_STAR, (0x10u64 << 48) | ((gdt::KERNEL_CS as u64) << 32));
        cpu::wrmsr(cpu::MSR_LSTAR, entry::syscall_entry as *const () as u64);
        cpu::wrmsr(cpu::MSR_SFMASK, 0x4_4700);
    }
    timer::init();
    // cmdline_paddr (offset 24): a NUL-terminated string, 0 when there is none.
    let cmdline: u64 = phys_read(start_info + 24);
    let mut seed = None;
    if cmdline != 0 {
        let bytes: [u8; 256] = phys_read(cmdline);
        let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        seed = rng::seed_from_cmdline(&bytes[..len]);
    }
    rng::init(seed.as_ref().map(|s| &s[..]));

    // SAFETY: the initrd range was reserved above, so these bytes stay untouched.
    let archive = unsafe { core::slice::from_raw_parts(phys_to_virt(initrd), initrd_len as usize) };
    match fs::initramfs::init(archive) {
        Ok(n) => kprintln!("vibix: initramfs: {} entries", n),
        Err(e) => panic!("initramfs: {}", e),
    }
    // SAFETY: linker symbol; only its address is used.
    let top = unsafe { &boot_stack_top as *const u8 as u64 };
    proc::init(top);
    entry::KSTACK_TOP.store(top, core::sync::atomic::Ordering::Relaxed);
    gdt::set_rsp0(top);
    runner::run()
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    kprintln!("vibix: PANIC: {}", info);
    runner::qemu_exit(runner::EXIT_PANIC)
}

/// `core` is built with unwind tables that name this symbol; with panic=abort it is never called.
#[no_mangle]
extern "C" fn rust_eh_personality() {}

/// The prebuilt `alloc` has landing pads that name this; with panic=abort no unwind ever starts.
#[no_mangle]
extern "C" fn _Unwind_Resume() -> ! {
    panic!("_Unwind_Resume called in a panic=abort kernel")
}
