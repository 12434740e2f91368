//! vibix_libc: the vibix C library.
#![no_std]

// glibc-compatibility exports (`__xpg_strerror_r`, `__cxa_thread_atexit_impl`, `*64`, ...).
mod compat;
// The libgcc_s `_Unwind_*` interface (Rust panics, backtraces).
mod unwind;
