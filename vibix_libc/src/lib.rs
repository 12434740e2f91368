//! vibix_libc: the vibix C library, a no_std `cdylib` (soname `libc.so`).
//!
//! Layout: `header/<family>/` holds the exported C functions of one header family;
//! `fmt/` and `num/` are pure formatting/parsing cores (host-tested through
//! `tests-host/`); `start/` is program start-up; `thread/` the thread area,
//! locks and POSIX threads; `va.rs` the variadic-call glue.
//! Syscalls go through `rustix` only.
#![no_std]
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(clippy::missing_safety_doc)]

extern crate alloc;

pub mod cpu;
pub mod fmt;
pub mod header;
pub mod ldbl;
pub mod mapped;
pub mod num;
pub mod rt;
pub mod start;
pub mod sync;
pub mod thread;
pub mod va;

// Owned by the Rust-std engineer: glibc-compat exports (`__xpg_strerror_r`,
// `__cxa_thread_atexit_impl`, `*64`, ...) and the libgcc_s `_Unwind_*` interface.
mod compat;
mod unwind;

/// The Rust allocator used inside libc is libc's own malloc.
#[global_allocator]
static ALLOC: header::stdlib::malloc::LibcAlloc = header::stdlib::malloc::LibcAlloc;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    header::unistd::write_all(2, b"vibix_libc: internal panic\n");
    header::stdlib::abort()
}

/// Never called: libc is built with panic=abort, but the prebuilt `core`
/// references the symbol.
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}

/// The address of an exported data symbol a program may have copy-relocated,
/// read from libc's GOT (the loader points it at the program's copy if there is
/// one). The symbol must be in build.rs's dynamic list.
#[macro_export]
macro_rules! got {
    ($sym:path) => {{
        let p: usize;
        // SAFETY: a GOT load of a symbol defined in this library; no side effects.
        #[allow(unused_unsafe)]
        unsafe {
            core::arch::asm!("mov {}, qword ptr [rip + {}@GOTPCREL]", out(reg) p, sym $sym,
                options(nostack, readonly, preserves_flags, pure))
        };
        p as *mut _
    }};
}
