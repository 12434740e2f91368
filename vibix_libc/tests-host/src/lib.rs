//! The pure modules of vibix_libc, compiled for the host.
#![allow(dead_code)]
extern crate alloc;
#[path = "../../src/num/mod.rs"]
pub mod num;
#[path = "../../src/ldbl/mod.rs"]
pub mod ldbl;
#[path = "../../src/fmt/mod.rs"]
pub mod fmt;
