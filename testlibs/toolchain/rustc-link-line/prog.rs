//! A no_std Rust program linked by rustc through vibix-cc against vibix_libc.
#![no_std]
#![no_main]

use core::ffi::{c_char, c_int};

#[link(name = "c")]
unsafe extern "C" {
    fn printf(fmt: *const c_char, ...) -> c_int;
}

#[unsafe(no_mangle)]
pub extern "C" fn main(argc: c_int, _argv: *const *const c_char) -> c_int {
    // SAFETY: a NUL-terminated format whose one conversion matches the argument.
    unsafe { printf(c"hello from a no_std Rust program, argc=%d\n".as_ptr(), argc) };
    0
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
