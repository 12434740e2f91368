//! Stage 1: relocate ld-vibix itself.
//!
//! May NOT: call any function (core reaches its own code and data through the
//! GOT, which is not relocated yet), panic, index slices, use statics, allocate.
//! Only raw pointer reads/writes and integer arithmetic on locals. Anything but
//! RELATIVE and RELR (a symbolic relocation, a table entry size other than
//! 24 or 8) traps with `ud2`: there is nobody to report an error to yet.

use vibix_elf::{Dyn, Rela, DT_JMPREL, DT_NULL, DT_REL, DT_RELA, DT_RELAENT, DT_RELASZ, DT_RELR, DT_RELRENT, DT_RELRSZ, R_X86_64_RELATIVE};

/// Stops the process with SIGILL (inline `ud2`, no call).
#[inline(always)]
fn trap() -> ! {
    // SAFETY: ud2 raises #UD; it never returns.
    unsafe { core::arch::asm!("ud2", options(noreturn, nomem, nostack)) }
}

/// Applies our own R_X86_64_RELATIVE and DT_RELR relocations.
///
/// # Safety
/// `base` is ld-vibix's load address, `dynv` its `_DYNAMIC`; called exactly once.
pub unsafe extern "C" fn relocate_self(base: usize, dynv: *const Dyn) {
    let (mut rela, mut relasz, mut relr, mut relrsz) = (0usize, 0usize, 0usize, 0usize);
    let mut d = dynv;
    // SAFETY: the dynamic section is mapped and ends with DT_NULL.
    unsafe {
        while (*d).d_tag != DT_NULL {
            let (tag, val) = ((*d).d_tag, (*d).d_val as usize);
            if tag == DT_RELA {
                rela = val;
            } else if tag == DT_RELASZ {
                relasz = val;
            } else if tag == DT_RELR {
                relr = val;
            } else if tag == DT_RELRSZ {
                relrsz = val;
            } else if tag == DT_JMPREL || tag == DT_REL || (tag == DT_RELAENT && val != 24) || (tag == DT_RELRENT && val != 8) {
                trap();
            }
            d = (d as usize).wrapping_add(core::mem::size_of::<Dyn>()) as *const Dyn;
        }
    }
    let mut off = 0usize;
    while off < relasz {
        let r = base.wrapping_add(rela).wrapping_add(off) as *const Rela;
        // SAFETY: r lies within our mapped RELA table; targets are in our writable segments.
        unsafe {
            if (*r).r_info as u32 != R_X86_64_RELATIVE {
                trap();
            }
            let p = base.wrapping_add((*r).r_offset as usize) as *mut usize;
            *p = base.wrapping_add((*r).r_addend as usize);
        }
        off = off.wrapping_add(core::mem::size_of::<Rela>());
    }
    if relrsz != 0 {
        // SAFETY: same table/target argument as above.
        unsafe { apply_relr(base, base.wrapping_add(relr) as *const usize, relrsz) };
    }
}

/// Decodes a DT_RELR table (address entries and 63-bit bitmaps) adding `base`
/// to every marked word. Calls nothing, so stage 1 can use it.
///
/// # Safety
/// `table` must hold `size` bytes of RELR entries for an object loaded at `base`,
/// whose targets are writable.
#[inline(always)]
pub unsafe fn apply_relr(base: usize, table: *const usize, size: usize) {
    let n = size / 8;
    let mut i = 0usize;
    let mut at: usize = 0;
    while i < n {
        // SAFETY: i < n entries of the table.
        let e = unsafe { *((table as usize).wrapping_add(i * 8) as *const usize) };
        if e & 1 == 0 {
            at = base.wrapping_add(e);
            // SAFETY: at is a relocation target inside the object.
            unsafe { *(at as *mut usize) = (*(at as *const usize)).wrapping_add(base) };
            at = at.wrapping_add(8);
        } else {
            let mut bits = e >> 1;
            let mut w = at;
            if bits == (1usize << 63) - 1 {
                // Dense pointer tables: all 63 words, no bit tests.
                let mut k = 0;
                while k < 63 {
                    let x = w.wrapping_add(k * 8);
                    // SAFETY: every word of this bitmap is a relocation target.
                    unsafe { *(x as *mut usize) = (*(x as *const usize)).wrapping_add(base) };
                    k += 1;
                }
                bits = 0;
            }
            while bits != 0 {
                // Skip straight to the next set bit (tzcnt is inline, not a call).
                let tz = bits.trailing_zeros() as usize;
                w = w.wrapping_add(tz * 8);
                // SAFETY: bit set = this word is a relocation target.
                unsafe { *(w as *mut usize) = (*(w as *const usize)).wrapping_add(base) };
                w = w.wrapping_add(8);
                bits >>= tz;
                bits >>= 1;
            }
            at = at.wrapping_add(63 * 8);
        }
        i += 1;
    }
}
