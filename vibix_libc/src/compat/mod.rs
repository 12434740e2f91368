//! glibc-compatibility exports that Rust std (and other programs built against
//! glibc) import but that are not ordinary POSIX families: the XSI `strerror_r`
//! under its glibc name, per-thread C++/Rust TLS destructors, the version query,
//! and the large-file (`*64`) names.
//!
//! Everything here is thin: it forwards to the ordinary libc functions (declared
//! as `extern "C"` and resolved at link time inside this same library), so there is
//! one implementation of each operation.
//!
//! Also here, until the libc engineer moves them under header/: the POSIX
//! families std references that issue 4 did not need — sockets,
//! `posix_spawn`, `pthread_atfork`, and a few single calls (posix.rs).

pub(crate) mod atfork;
pub(crate) mod files;
mod largefile;
mod misc;
mod posix;
mod socket;
mod spawn;
pub(crate) mod thread_dtors;
