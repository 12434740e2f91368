//! Optional x86_64 instruction sets: asked of CPUID once, on the first call
//! that cares (a string function), never during start-up. On this VM every
//! CPUID traps to the hypervisor, so a program that never calls a string
//! function on a long buffer pays nothing.
//!
//! AVX2 counts only when the kernel saves the YMM state too (CPUID's OSXSAVE
//! bit and XCR0 bits 1-2): the vibix kernel saves SSE state only (`fxsave`),
//! so there the string functions stay on SSE2. `VIBIX_NO_AVX2` in the
//! environment (any value, read at the first use) keeps them on SSE2 as well.
use core::arch::x86_64::{__cpuid, __cpuid_count};
use core::sync::atomic::{AtomicU8, Ordering::Relaxed};

const UNKNOWN: u8 = 0;
const BASELINE: u8 = 1;
const AVX2: u8 = 2;
/// The CPU has AVX2, but `environ` was not set yet (a copy during libc's own
/// start-up): the environment is read at the next use.
const AVX2_ENV_UNREAD: u8 = 3;

static LEVEL: AtomicU8 = AtomicU8::new(UNKNOWN);

/// May the AVX2 code paths run?
#[inline(always)]
pub fn avx2() -> bool {
    match LEVEL.load(Relaxed) {
        AVX2 => true,
        BASELINE => false,
        _ => detect(),
    }
}

#[cold]
#[inline(never)]
fn detect() -> bool {
    let cpu = LEVEL.load(Relaxed) == AVX2_ENV_UNREAD || cpu_has_avx2();
    let level = if !cpu {
        BASELINE
    } else {
        match env_has(b"VIBIX_NO_AVX2=") {
            None => AVX2_ENV_UNREAD,
            Some(true) => BASELINE,
            Some(false) => AVX2,
        }
    };
    // Racing threads compute the same answer.
    LEVEL.store(level, Relaxed);
    level != BASELINE
}

fn cpu_has_avx2() -> bool {
    // CPUID is baseline on x86_64.
    let max = __cpuid(0).eax;
    if max < 7 {
        return false;
    }
    let ecx1 = __cpuid(1).ecx;
    const OSXSAVE: u32 = 1 << 27;
    const AVX: u32 = 1 << 28;
    if ecx1 & (OSXSAVE | AVX) != OSXSAVE | AVX {
        return false;
    }
    // XCR0: the kernel saves SSE (bit 1) and AVX (bit 2) state.
    let (lo, _hi): (u32, u32);
    // SAFETY: XGETBV is available once OSXSAVE is set (checked above); reads XCR0.
    unsafe { core::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") lo, out("edx") _hi, options(nomem, nostack, preserves_flags)) };
    if lo & 0b110 != 0b110 {
        return false;
    }
    const AVX2_BIT: u32 = 1 << 5;
    __cpuid_count(7, 0).ebx & AVX2_BIT != 0
}

/// Is an entry starting with `prefix` (`NAME=`) in the environment (`None`:
/// no environment yet)? Scans bytes itself: strlen/strncmp would ask [`avx2`] again.
fn env_has(prefix: &[u8]) -> Option<bool> {
    let mut e = crate::start::env();
    if e.is_null() {
        return None;
    }
    // SAFETY: environ is a NULL-terminated array of C strings; each compare
    // stops at the first differing byte, at the latest at the string's NUL.
    unsafe {
        while !(*e).is_null() {
            let s = *e as *const u8;
            if prefix.iter().enumerate().all(|(i, &c)| *s.add(i) == c) {
                return Some(true);
            }
            e = e.add(1);
        }
    }
    Some(false)
}
