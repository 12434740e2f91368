//! The file system: the read-only initramfs tree and per-process descriptors.
pub mod file;
pub mod initramfs;
pub mod lock;
pub mod pipe;
pub mod special;
