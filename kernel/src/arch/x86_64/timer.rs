//! Time: the 8259 PIC + PIT channel 0 give a 100 Hz preemption tick; the TSC,
//! calibrated against PIT channel 2 at boot, is the clock; the CMOS RTC gives
//! the wall-clock epoch once.
use super::cpu::{inb, outb, rdtsc};
use core::sync::atomic::{AtomicU64, Ordering};

pub const HZ: u64 = 100;
pub const TIMER_VECTOR: u64 = 32;
const PIT_HZ: u64 = 1_193_182;

static TSC_HZ: AtomicU64 = AtomicU64::new(1_000_000_000);
static TSC_BOOT: AtomicU64 = AtomicU64::new(0);
static EPOCH_AT_BOOT: AtomicU64 = AtomicU64::new(0);

pub fn init() {
    // PIC: remap IRQs to 32..47, mask everything except IRQ0 (PIT).
    outb(0x20, 0x11);
    outb(0xA0, 0x11);
    outb(0x21, 32);
    outb(0xA1, 40);
    outb(0x21, 4);
    outb(0xA1, 2);
    outb(0x21, 1);
    outb(0xA1, 1);
    outb(0x21, 0xfe);
    outb(0xA1, 0xff);
    calibrate_tsc();
    EPOCH_AT_BOOT.store(read_rtc(), Ordering::Relaxed);
    // PIT channel 0, mode 2 (rate generator), HZ ticks per second.
    let div = (PIT_HZ / HZ) as u16;
    outb(0x43, 0x34);
    outb(0x40, div as u8);
    outb(0x40, (div >> 8) as u8);
}

fn calibrate_tsc() {
    let latch = (PIT_HZ / 20) as u16; // 50 ms
    outb(0x61, (inb(0x61) & !0x02) | 0x01);
    outb(0x43, 0xB0);
    outb(0x42, latch as u8);
    outb(0x42, (latch >> 8) as u8);
    let t0 = rdtsc();
    while inb(0x61) & 0x20 == 0 {}
    let t1 = rdtsc();
    let hz = (t1 - t0).saturating_mul(20).max(1_000_000);
    TSC_HZ.store(hz, Ordering::Relaxed);
    TSC_BOOT.store(t0, Ordering::Relaxed);
}

pub fn eoi(vector: u64) {
    if vector >= 40 {
        outb(0xA0, 0x20);
    }
    outb(0x20, 0x20);
}

/// Nanoseconds since boot (CLOCK_MONOTONIC).
pub fn monotonic_ns() -> u64 {
    let d = rdtsc().wrapping_sub(TSC_BOOT.load(Ordering::Relaxed)) as u128;
    (d * 1_000_000_000 / TSC_HZ.load(Ordering::Relaxed) as u128) as u64
}

/// Nanoseconds since the Unix epoch (CLOCK_REALTIME).
pub fn realtime_ns() -> u64 {
    EPOCH_AT_BOOT.load(Ordering::Relaxed) * 1_000_000_000 + monotonic_ns()
}

fn cmos(reg: u8) -> u8 {
    outb(0x70, reg);
    inb(0x71)
}

/// Seconds since the epoch from the CMOS clock (assumed UTC, years 2000-2099).
fn read_rtc() -> u64 {
    while cmos(0x0A) & 0x80 != 0 {}
    let (mut s, mut m, mut h, mut d, mut mo, mut y) = (cmos(0), cmos(2), cmos(4), cmos(7), cmos(8), cmos(9));
    if cmos(0x0B) & 4 == 0 {
        let bcd = |v: u8| (v & 0x0f) + (v >> 4) * 10;
        s = bcd(s);
        m = bcd(m);
        h = bcd(h & 0x7f) | (h & 0x80);
        d = bcd(d);
        mo = bcd(mo);
        y = bcd(y);
    }
    let (y, mo, d) = (2000 + y as i64, mo as i64, d as i64);
    // days_from_civil (Howard Hinnant's algorithm)
    let yy = if mo <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * (if mo > 2 { mo - 3 } else { mo + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    (days * 86400 + (h & 0x7f) as i64 * 3600 + m as i64 * 60 + s as i64).max(0) as u64
}
