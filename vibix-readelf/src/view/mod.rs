//! The readelf-compatible views, one module per option.

pub mod dynamic;
pub mod extras;
pub mod header;
pub mod notes;
pub mod relocs;
pub mod sections;
pub mod segments;
pub mod symbols;
pub mod versions;
