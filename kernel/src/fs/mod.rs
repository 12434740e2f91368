//! The file system: the file tree (tmpfs over the initramfs), devices, pipes,
//! record locks, extended attributes and per-process descriptors.
pub mod dev;
pub mod file;
pub mod initramfs;
pub mod lock;
pub mod pipe;
pub mod special;
pub mod tree;
pub mod xattr;
