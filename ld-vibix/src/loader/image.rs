//! The mapped image of one object as its validated [`LoadPlan`] describes it:
//! every address ld-vibix takes from the file (dynamic entries, relocation
//! targets, symbol values it calls) is checked here against the segments and
//! their permissions before it is read, written or called.

use alloc::boxed::Box;
use vibix_elf::plan::{LoadPlan, Segment};
use vibix_elf::{PF_R, PF_W, PF_X};

pub struct Image {
    pub base: usize,
    /// Page-aligned link-time bounds of all segments (the plan's `lo`/`hi`).
    lo: u64,
    hi: u64,
    /// The plan's PT_LOAD segments, only as many as there are (the plan has
    /// room for 16: copying it into every object cost ~800 bytes a move).
    segs: Box<[Segment]>,
    /// The writable segments (absolute start, size), when there are at most
    /// [`WR_MAX`] (lld gives two: RELRO and data): the relocation loops check
    /// targets against them with a compare each, not through the plan.
    wr: [(usize, usize); WR_MAX],
    nwr: usize,
    /// More writable segments than `wr` holds: ask the plan.
    wr_overflow: bool,
}

const WR_MAX: usize = 4;

impl Image {
    pub fn new(base: usize, plan: &LoadPlan) -> Image {
        let (mut wr, mut nwr, mut wr_overflow) = ([(0, 0); WR_MAX], 0, false);
        for s in plan.segments().iter().filter(|s| s.flags & PF_W != 0) {
            if nwr == WR_MAX {
                wr_overflow = true;
                break;
            }
            wr[nwr] = (base.wrapping_add(s.vaddr as usize), s.memsz as usize);
            nwr += 1;
        }
        Image { base, lo: plan.lo, hi: plan.hi, segs: plan.segments().into(), wr, nwr, wr_overflow }
    }

    /// Is `[addr, addr + len)` (absolute) inside one segment that has every flag in `flags`?
    pub fn holds(&self, addr: usize, len: usize, flags: u32) -> bool {
        let Some(va) = addr.checked_sub(self.base) else { return false };
        self.segs.iter().any(|s| s.flags & flags == flags && s.holds(va as u64, len as u64, false))
    }

    /// May a relocation write `len` bytes at `addr` (a writable segment; RELRO is
    /// sealed only after relocation)?
    #[inline(always)]
    pub fn writable(&self, addr: usize, len: usize) -> bool {
        if self.wr_overflow {
            return self.holds(addr, len, PF_W);
        }
        // Segments are validated not to wrap: one unsigned compare per segment.
        self.wr[..self.nwr].iter().any(|&(lo, size)| addr.wrapping_sub(lo) <= size.wrapping_sub(len) && len <= size)
    }

    /// Is `addr` inside the object's image (the page-aligned bounds of its
    /// segments, end included: `_end`)? A defined symbol's value must be.
    #[inline(always)]
    pub fn spans(&self, addr: usize) -> bool {
        addr.wrapping_sub(self.base.wrapping_add(self.lo as usize)) <= self.hi.wrapping_sub(self.lo) as usize
    }

    pub fn executable(&self, addr: usize) -> bool {
        self.holds(addr, 1, PF_X)
    }

    /// Bytes from `addr` to the end of its readable segment.
    pub fn tail(&self, addr: usize) -> Option<&'static [u8]> {
        let va = addr.checked_sub(self.base)? as u64;
        let s = self.segs.iter().find(|s| s.flags & PF_R != 0 && s.holds(va, 1, false))?;
        // SAFETY: the whole segment is mapped readable for the object's lifetime.
        Some(unsafe { core::slice::from_raw_parts(addr as *const u8, (s.end() - va) as usize) })
    }

    /// `count` values of `T` at `addr`, all inside one readable segment and aligned.
    pub fn slice<T: vibix_elf::Pod>(&self, addr: usize, count: usize) -> Option<&'static [T]> {
        let len = count.checked_mul(core::mem::size_of::<T>())?;
        if addr % core::mem::align_of::<T>() != 0 || !self.holds(addr, len, PF_R) {
            return None;
        }
        // SAFETY: checked to lie in a mapped readable segment; aligned; T is POD.
        Some(unsafe { core::slice::from_raw_parts(addr as *const T, count) })
    }

    /// Up to `count` values of `T` at `addr`, cut at the end of its segment.
    pub fn slice_upto<T: vibix_elf::Pod>(&self, addr: usize, count: usize) -> Option<&'static [T]> {
        let b = self.tail(addr)?;
        if addr % core::mem::align_of::<T>() != 0 {
            return None;
        }
        let n = count.min(b.len() / core::mem::size_of::<T>());
        // SAFETY: in bounds of a mapped segment and aligned; T is POD.
        Some(unsafe { core::slice::from_raw_parts(addr as *const T, n) })
    }

    /// The one or two writable segments as (start, size - 8), for the relocation
    /// loops' 8-byte target check ([`SlotCheck`]); `None` with more segments
    /// (or one shorter than 8 bytes): those ask [`Image::writable`].
    fn slot_windows(&self) -> Option<[(usize, usize); 2]> {
        if self.wr_overflow || !(1..=2).contains(&self.nwr) || self.wr[..self.nwr].iter().any(|w| w.1 < 8) {
            return None;
        }
        let w0 = (self.wr[0].0, self.wr[0].1 - 8);
        let w1 = if self.nwr == 2 { (self.wr[1].0, self.wr[1].1 - 8) } else { w0 };
        Some([w0, w1])
    }

    /// The check of 8-byte relocation targets, in locals: the stores of a
    /// relocation loop could alias `self`, so the compiler would reload
    /// fields from it for every entry.
    #[inline(always)]
    pub fn slot_check(&self) -> SlotCheck<'_> {
        SlotCheck { win: self.slot_windows(), img: self }
    }

    /// Applies a run of RELATIVE relocations (`base + r_addend` stored at
    /// `base + r_offset`). Returns the first whose target is not writable.
    pub fn apply_relative<'a>(&self, rela: &'a [vibix_elf::Rela]) -> Result<(), &'a vibix_elf::Rela> {
        let base = self.base;
        let check = self.slot_check();
        for r in rela {
            let at = base.wrapping_add(r.r_offset as usize);
            if !check.ok(at) {
                return Err(r);
            }
            // SAFETY: checked: 8 bytes inside a writable segment of this object.
            unsafe { *(at as *mut usize) = base.wrapping_add(r.r_addend as usize) };
        }
        Ok(())
    }

    /// Applies a DT_RELR table (checked by decode_dynamic to lie in the image):
    /// every target must be writable; a bitmap's whole window is checked once.
    /// Returns the first bad target.
    pub fn apply_relr(&self, table: usize, size: usize) -> Result<(), usize> {
        let Some(t) = self.slice::<u64>(table, size / 8) else { return Err(table) };
        let base = self.base;
        let mut at: usize = 0;
        for &e in t {
            let e = e as usize;
            if e & 1 == 0 {
                at = base.wrapping_add(e);
                if !self.writable(at, 8) {
                    return Err(at);
                }
                // SAFETY: checked writable.
                unsafe { *(at as *mut usize) = (*(at as *const usize)).wrapping_add(base) };
                at = at.wrapping_add(8);
                continue;
            }
            let bits = e >> 1;
            let top = 64 - bits.leading_zeros() as usize;
            if bits != 0 && !self.writable(at, top * 8) {
                return Err(at);
            }
            // One word per set bit, addressed from the window start; clearing
            // the lowest bit keeps the loop to a handful of instructions (the
            // bitmaps of libc.so are short runs: runs are no faster).
            let mut b = bits;
            if b == (1usize << 63) - 1 {
                // Dense pointer tables: all 63 words, no bit tests.
                for k in 0..63 {
                    let x = at.wrapping_add(k * 8);
                    // SAFETY: inside the window checked above.
                    unsafe { *(x as *mut usize) = (*(x as *const usize)).wrapping_add(base) };
                }
                b = 0;
            }
            while b != 0 {
                let x = at.wrapping_add(b.trailing_zeros() as usize * 8);
                // SAFETY: inside the window checked above.
                unsafe { *(x as *mut usize) = (*(x as *const usize)).wrapping_add(base) };
                b &= b - 1;
            }
            at = at.wrapping_add(63 * 8);
        }
        Ok(())
    }
}


/// [`Image::slot_check`]: may a relocation write 8 bytes at an address?
#[derive(Clone, Copy)]
pub struct SlotCheck<'a> {
    win: Option<[(usize, usize); 2]>,
    img: &'a Image,
}

impl SlotCheck<'_> {
    #[inline(always)]
    pub fn ok(&self, at: usize) -> bool {
        match self.win {
            // Segments are validated not to wrap: one unsigned compare each.
            Some([(lo0, lim0), (lo1, lim1)]) => at.wrapping_sub(lo0) <= lim0 || at.wrapping_sub(lo1) <= lim1,
            None => self.img.writable(at, 8),
        }
    }
}
