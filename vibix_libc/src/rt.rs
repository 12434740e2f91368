//! rustix's process-runtime API (sigaction without libc, fork, execve, tkill,
//! exit_thread, ...). rustix publishes it under a rotating module name to mark it
//! unstable; this alias is the one place that names it (rustix is pinned to the
//! matching version in Cargo.toml).
pub use rustix::runtime_448b8ad740e2a26f::*;
