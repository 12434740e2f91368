//! `<sys/*.h>` families: stat, mman, time, wait, uio, utsname, resource, ...
pub mod stat;
pub mod mman;
pub mod misc;
pub mod raw;
pub mod masked;
