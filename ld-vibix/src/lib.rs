//! ld-vibix: the vibix program interpreter (dynamic linker).
//!
//! ```text
//!  _vibix_start (arch)          kernel/execve jumps here, %rsp = argc
//!     │
//!     ├─ bootstrap::relocate_self   stage 1: RELATIVE + RELR on ourselves; calls nothing
//!     │
//!     └─ start::stage2              stage 2: ordinary Rust (core, alloc)
//!          env        argv/envp/auxv, LD_* (ignored under AT_SECURE)
//!          loader     program (kernel-mapped, or mapped by us when run directly)
//!          search     LD_PRELOAD + DT_NEEDED breadth-first, soname aliases
//!          tls        static TLS layout + surplus, main thread, %fs
//!          reloc      all objects, reverse load order; then IRELATIVE
//!          debug      r_debug list for gdb;  RELRO sealed
//!          init       namespace installed (state.rs); preinit, then DT_INIT/INIT_ARRAY deps-first
//!     jmp entry, %rdx = init::fini_all
//!  dl/                dlopen & co. for the running program
//!  fork               loader locks held across libc's fork()
//! ```
#![no_std]
#![deny(unsafe_op_in_unsafe_fn)]

extern crate alloc;

mod heap;
mod arch;
mod bootstrap;
mod debug;
mod diag;
mod dl;
mod env;
mod fork;
mod init;
mod loader;
mod mem;
mod reloc;
mod search;
mod start;
mod state;
mod symbol;
mod sync;
mod tls;
mod usage;

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut m = diag::Msg::new();
    let _ = core::fmt::write(&mut m, format_args!("internal error: {}", info.message()));
    diag::die(&m)
}

#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}

/// rustix's runtime API (exit_group, arch_prctl(ARCH_SET_FS)) is public but
/// under a versioned name, to mark it as for libc-like users only; we are one.
/// Cargo.toml pins rustix exactly so this path stays valid.
use rustix::runtime_448b8ad740e2a26f as sys_rt;
