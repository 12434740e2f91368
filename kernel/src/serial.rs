//! COM1 (16550 UART at 0x3f8): the kernel console, polled, 115200 8N1.
use crate::arch::x86_64::cpu::{inb, outb};
use core::fmt;

const COM1: u16 = 0x3f8;

pub fn init() {
    outb(COM1 + 1, 0x00); // no interrupts
    outb(COM1 + 3, 0x80); // DLAB
    outb(COM1, 0x01); // divisor 1 = 115200
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03); // 8N1
    outb(COM1 + 2, 0xC7); // FIFO on, cleared
    outb(COM1 + 4, 0x03); // DTR | RTS
}

pub fn write_bytes(bytes: &[u8]) {
    for &b in bytes {
        while inb(COM1 + 5) & 0x20 == 0 {}
        outb(COM1, b);
    }
}

pub struct Serial;

impl fmt::Write for Serial {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_bytes(s.as_bytes());
        Ok(())
    }
}

#[macro_export]
macro_rules! kprint {
    ($($arg:tt)*) => {{ let _ = core::fmt::Write::write_fmt(&mut $crate::serial::Serial, format_args!($($arg)*)); }};
}

#[macro_export]
macro_rules! kprintln {
    ($($arg:tt)*) => {{ $crate::kprint!($($arg)*); $crate::kprint!("\n"); }};
}
