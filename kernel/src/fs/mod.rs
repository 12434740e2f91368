//! The file system: the file tree (tmpfs over the initramfs), devices, pipes,
//! record locks and per-process descriptors.
pub mod dev;
pub mod file;
pub mod initramfs;
pub mod lock;
pub mod pipe;
pub mod special;
pub mod tree;
