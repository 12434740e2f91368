//! Thin wrappers over privileged x86_64 instructions.
use core::arch::asm;

pub const MSR_EFER: u32 = 0xC000_0080;
pub const MSR_STAR: u32 = 0xC000_0081;
pub const MSR_LSTAR: u32 = 0xC000_0082;
pub const MSR_SFMASK: u32 = 0xC000_0084;
pub const MSR_FS_BASE: u32 = 0xC000_0100;

/// Writes a byte to an I/O port.
pub fn outb(port: u16, v: u8) {
    // SAFETY: port I/O has no memory effects; the kernel owns every device it touches.
    unsafe { asm!("out dx, al", in("dx") port, in("al") v, options(nomem, nostack, preserves_flags)) }
}

pub fn outl(port: u16, v: u32) {
    // SAFETY: as in `outb`.
    unsafe { asm!("out dx, eax", in("dx") port, in("eax") v, options(nomem, nostack, preserves_flags)) }
}

pub fn inb(port: u16) -> u8 {
    let v: u8;
    // SAFETY: as in `outb`.
    unsafe { asm!("in al, dx", out("al") v, in("dx") port, options(nomem, nostack, preserves_flags)) }
    v
}

pub fn rdmsr(msr: u32) -> u64 {
    let (lo, hi): (u32, u32);
    // SAFETY: only architectural MSRs that exist on every x86_64 CPU are read.
    unsafe { asm!("rdmsr", in("ecx") msr, out("eax") lo, out("edx") hi, options(nomem, nostack)) }
    (hi as u64) << 32 | lo as u64
}

/// # Safety
/// The caller must pass a valid MSR and a value that keeps the kernel's invariants.
pub unsafe fn wrmsr(msr: u32, v: u64) {
    // SAFETY: forwarded to the caller.
    unsafe { asm!("wrmsr", in("ecx") msr, in("eax") v as u32, in("edx") (v >> 32) as u32, options(nostack)) }
}

pub fn rdtsc() -> u64 {
    let (lo, hi): (u32, u32);
    // SAFETY: rdtsc only reads the time-stamp counter.
    unsafe { asm!("rdtsc", out("eax") lo, out("edx") hi, options(nomem, nostack)) }
    (hi as u64) << 32 | lo as u64
}

pub fn read_cr2() -> u64 {
    let v: u64;
    // SAFETY: reading CR2 has no side effects.
    unsafe { asm!("mov {}, cr2", out(reg) v, options(nomem, nostack)) }
    v
}

pub fn read_cr3() -> u64 {
    let v: u64;
    // SAFETY: reading CR3 has no side effects.
    unsafe { asm!("mov {}, cr3", out(reg) v, options(nomem, nostack)) }
    v
}

/// # Safety
/// `pml4` must be the physical address of a page table that maps the kernel.
pub unsafe fn write_cr3(pml4: u64) {
    // SAFETY: forwarded to the caller.
    unsafe { asm!("mov cr3, {}", in(reg) pml4, options(nostack)) }
}

pub fn invlpg(addr: u64) {
    // SAFETY: invalidating a TLB entry is always safe.
    unsafe { asm!("invlpg [{}]", in(reg) addr, options(nostack)) }
}

pub fn cpuid(leaf: u32, sub: u32) -> [u32; 4] {
    let (a, b, c, d): (u32, u32, u32, u32);
    // SAFETY: cpuid only reads identification registers; rbx is saved by hand (LLVM reserves it).
    unsafe {
        asm!("mov {t:r}, rbx", "cpuid", "xchg {t:r}, rbx", t = out(reg) b,
             inout("eax") leaf => a, inout("ecx") sub => c, out("edx") d, options(nomem, nostack))
    }
    [a, b, c, d]
}

/// A hardware random number if the CPU has RDRAND.
pub fn rdrand() -> Option<u64> {
    if cpuid(1, 0)[2] & (1 << 30) == 0 {
        return None;
    }
    for _ in 0..10 {
        let (v, ok): (u64, u8);
        // SAFETY: rdrand only writes its output register and CF.
        unsafe { asm!("rdrand {}", "setc {}", out(reg) v, out(reg_byte) ok, options(nomem, nostack)) }
        if ok != 0 {
            return Some(v);
        }
    }
    None
}

/// Waits for the next interrupt with interrupts briefly enabled. Only called
/// from the idle loop: the handler runs on this stack, and this asm frame has
/// no red zone in use (every Rust caller above it made a call).
pub fn idle_wait() {
    // SAFETY: interrupts are enabled only across `hlt` and disabled again before returning.
    unsafe { asm!("sti", "hlt", "cli", options(nomem, nostack)) }
}

/// Stops the machine for good.
pub fn halt_forever() -> ! {
    loop {
        // SAFETY: cli; hlt stops this CPU without touching memory.
        unsafe { asm!("cli", "hlt", options(nomem, nostack)) }
    }
}
