//! `<string.h>` and `<strings.h>`.
pub mod mem;
pub mod str;
pub mod strings;
