//! The printf engine: pure formatting over an argument source and an output
//! sink, shared by the whole printf family (and host-tested against glibc).
pub mod printf;
pub mod float;
pub mod float80;
pub mod mb;
pub mod positional;
pub mod spec;
