//! `<stdio.h>`: buffered FILE streams and the printf/scanf families; `<stdio_ext.h>` (ext.rs).
pub mod ext;
pub mod file;
pub mod io;
mod cookie;
mod legacy;
mod tmpname;
pub mod open;
pub mod printf;
pub mod popen;
pub mod scanf;
