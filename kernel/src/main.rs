#![no_std]
#![no_main]
#![deny(unsafe_op_in_unsafe_fn)]

mod arch { pub mod x86_64 { pub mod boot; pub mod cpu; } }
mod serial;

use arch::x86_64::cpu;

#[no_mangle]
extern "C" fn kmain(start_info: u64) -> ! {
    serial::init();
    kprintln!("vibix: hello, start_info at {:#x}", start_info);
    cpu::outl(0xf4, 0x10);
    cpu::halt_forever()
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    kprintln!("vibix: PANIC: {}", info);
    cpu::outl(0xf4, 0x12);
    cpu::halt_forever()
}

/// `core` is built with unwind tables that name this symbol; with panic=abort it is never called.
#[no_mangle]
extern "C" fn rust_eh_personality() {}
