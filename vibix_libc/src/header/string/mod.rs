//! `<string.h>` and `<strings.h>`.
pub mod mem;
mod simd;
pub mod str;
pub mod strings;
pub mod verscmp;
