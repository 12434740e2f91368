//! x86_64 specifics, split like the rust-osdev x86_64 crate: instructions,
//! descriptor tables, interrupt/syscall entry, timers.
pub mod boot;
pub mod cpu;
pub mod entry;
pub mod gdt;
pub mod idt;
pub mod timer;
