//! Architecture glue. Only x86_64 exists.
mod x86_64;
pub use x86_64::*;
