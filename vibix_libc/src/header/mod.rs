//! One module per C header family; each exports the C functions it declares.
pub mod assert;
pub mod ctype;
pub mod dirent;
pub mod errno;
pub mod fcntl;
pub mod locale;
pub mod math;
pub mod setjmp;
pub mod signal;
pub mod stdio;
pub mod stdlib;
pub mod string;
pub mod sys;
pub mod time;
pub mod unistd;
pub mod wchar;
pub mod wctype;
