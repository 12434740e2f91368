//! no_std ELF64 definitions shared by ld-vibix, the kernel and vibix-readelf.
#![no_std]
