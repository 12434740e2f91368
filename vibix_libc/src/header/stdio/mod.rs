//! `<stdio.h>`: buffered FILE streams and the printf/scanf families.
pub mod file;
pub mod io;
pub mod open;
pub mod printf;
pub mod popen;
pub mod scanf;
