//! `<stdlib.h>`.
pub mod env;
pub mod exit;
pub mod malloc;
pub mod misc;
pub mod rand;
pub mod rand48;
pub mod sort;
mod cvt;
mod loadavg;
mod subopt;
pub mod strtol;
pub mod strtold;

pub use exit::abort;
