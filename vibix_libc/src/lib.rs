//! vibix_libc: the vibix C library.
#![no_std]
