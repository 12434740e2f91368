//! The IDT: exceptions 0..31 and the remapped PIC IRQs 32..47, all interrupt
//! gates (IF cleared on entry). Double fault and NMI run on the IST stack.
use super::entry::isr_table;
use super::gdt::{IST_EMERGENCY, KERNEL_CS};
use core::cell::UnsafeCell;

struct Idt(UnsafeCell<[[u64; 2]; 256]>);
// SAFETY: written once at boot with interrupts off, then only read by the CPU.
unsafe impl Sync for Idt {}
static IDT: Idt = Idt(UnsafeCell::new([[0; 2]; 256]));

pub fn init() {
    // SAFETY: boot-time, single CPU, interrupts off; `isr_table` is a static table of stub addresses.
    unsafe {
        let idt = &mut *IDT.0.get();
        for (v, &handler) in isr_table.iter().enumerate() {
            let ist = if v == 2 || v == 8 { IST_EMERGENCY as u64 } else { 0 };
            idt[v][0] = (handler & 0xffff) | (KERNEL_CS as u64) << 16 | ist << 32 | 0x8e << 40 | ((handler >> 16) & 0xffff) << 48;
            idt[v][1] = handler >> 32;
        }
        let ptr: [u64; 2] = [(256 * 16 - 1) as u64 | (idt.as_ptr() as u64) << 16, idt.as_ptr() as u64 >> 48];
        core::arch::asm!("lidt [{}]", in(reg) ptr.as_ptr(), options(nostack));
    }
}
