//! A no_std cdylib linked by rustc (with its version script) through vibix-cc.
#![no_std]

#[unsafe(no_mangle)]
pub extern "C" fn plugin_answer() -> i32 {
    42
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
