//! `<string.h>` and `<strings.h>`.
mod avx2;
pub mod mem;
mod scan;
mod select;
mod simd;
pub mod str;
pub mod strings;
pub mod verscmp;
