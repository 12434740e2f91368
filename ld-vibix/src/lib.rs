//! ld-vibix: the vibix program interpreter.
#![no_std]
