//! rand/srand/random/srandom and the state API initstate/setstate: the BSD
//! additive feedback generator glibc's `random()` uses, with its five table
//! sizes (so seeded sequences match glibc's for every state size):
//! * type 0 (8..32 bytes of state): a linear congruential step,
//! * types 1-4 (32/64/128/256+ bytes): r[f] += r[r] over a table of 7, 15, 31
//!   or 63 words, front and rear indices `sep` apart, output r[f] >> 1; the
//!   table is seeded with a Lehmer (16807) sequence and run 10 * deg times.
//! The state lives in the caller's buffer (initstate), as glibc: its first
//! word records the type and the rear index while another buffer is in use,
//! so setstate can resume it. rand_r is independent; *rand48 is in rand48.rs.
use core::ffi::{c_char, c_int, c_long, c_uint};

use crate::sync::Lock;

const MAX_TYPES: usize = 5;
/// Table words and front/rear separation per type.
const DEGREE: [usize; MAX_TYPES] = [0, 7, 15, 31, 63];
const SEP: [usize; MAX_TYPES] = [0, 3, 1, 3, 1];

struct Gen {
    /// The table: the word after the type word of the state buffer.
    table: *mut i32,
    ty: usize,
    /// Front and rear indices into the table (types 1-4).
    f: usize,
    r: usize,
}

impl Gen {
    fn deg(&self) -> usize {
        DEGREE[self.ty]
    }

    /// Records type and rear index in the buffer's first word (the form
    /// setstate reads back).
    fn save(&mut self) {
        // SAFETY: table[-1] is the buffer's type word (table = buffer + 1).
        let word = if self.ty == 0 { 0 } else { MAX_TYPES * self.r + self.ty };
        unsafe { *self.table.sub(1) = word as i32 };
    }

    fn seed(&mut self, s: u32) {
        let s = if s == 0 { 1 } else { s };
        // SAFETY: table has deg() words (at least one) in the current buffer.
        unsafe {
            *self.table = s as i32;
            if self.ty == 0 {
                return;
            }
            let mut w = s as i32;
            for i in 1..self.deg() {
                // 16807 * w % 2147483647 without overflow (Schrage's method).
                let (hi, lo) = (w / 127773, w % 127773);
                w = 16807 * lo - 2836 * hi;
                if w < 0 {
                    w += 2147483647;
                }
                *self.table.add(i) = w;
            }
        }
        self.f = SEP[self.ty];
        self.r = 0;
        for _ in 0..10 * self.deg() {
            self.next();
        }
    }

    fn next(&mut self) -> i32 {
        // SAFETY: f, r < deg(), the table's length (type 0: one word).
        unsafe {
            if self.ty == 0 {
                let v = ((*self.table as u32).wrapping_mul(1103515245).wrapping_add(12345) & 0x7fff_ffff) as i32;
                *self.table = v;
                return v;
            }
            let v = (*self.table.add(self.f)).wrapping_add(*self.table.add(self.r));
            *self.table.add(self.f) = v;
            let d = self.deg();
            self.f = (self.f + 1) % d;
            self.r = (self.r + 1) % d;
            ((v as u32) >> 1) as i32
        }
    }
}

static LOCK: Lock = Lock::new();
/// The state buffer in use until initstate/setstate names another (type 3).
static mut DEFAULT: [i32; 32] = [3; 32];
static mut GEN: Gen = Gen { table: core::ptr::null_mut(), ty: 3, f: 3, r: 0 };

fn with_state<R>(f: impl FnOnce(&mut Gen) -> R) -> R {
    let _g = LOCK.guard();
    // SAFETY: GEN/DEFAULT are only used under LOCK; the table is DEFAULT's
    // or a caller's buffer handed over by initstate/setstate.
    unsafe {
        let g = &mut *(&raw mut GEN);
        if g.table.is_null() {
            g.table = (&raw mut DEFAULT).cast::<i32>().add(1);
            g.seed(1);
        }
        f(g)
    }
}

/// POSIX `srandom`.
#[unsafe(no_mangle)]
pub extern "C" fn srandom(s: c_uint) {
    with_state(|g| g.seed(s));
}

/// POSIX `random`.
#[unsafe(no_mangle)]
pub extern "C" fn random() -> c_long {
    with_state(Gen::next) as c_long
}

/// POSIX `initstate(seed, buf, n)`: use the `n` bytes at `buf` (8 at least;
/// 256 and more give the best generator) as the state, seeded with `seed`.
/// Returns the previous state buffer, or NULL with EINVAL when `n` < 8.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn initstate(seed: c_uint, buf: *mut c_char, n: usize) -> *mut c_char {
    let ty = match n {
        0..8 => {
            crate::thread::area::set_errno(22);
            return core::ptr::null_mut();
        }
        8..32 => 0,
        32..64 => 1,
        64..128 => 2,
        128..256 => 3,
        _ => 4,
    };
    with_state(|g| {
        g.save();
        // SAFETY: the old table sits one word into its buffer.
        let old = unsafe { g.table.sub(1) }.cast::<c_char>();
        // SAFETY: buf has n >= 4 * (1 + DEGREE[ty]) bytes, int-aligned (the
        // caller's contract, as for glibc).
        g.table = unsafe { buf.cast::<i32>().add(1) };
        g.ty = ty;
        g.seed(seed);
        g.save();
        old
    })
}

/// POSIX `setstate(buf)`: resume the state buffer `buf` (one initstate set
/// up). Returns the previous buffer, or NULL with EINVAL when `buf` does not
/// hold a valid type.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setstate(buf: *mut c_char) -> *mut c_char {
    with_state(|g| {
        // SAFETY: buf is a state buffer (caller contract): its first word is
        // the type word written by save().
        let word = unsafe { *buf.cast::<i32>() };
        let (ty, r) = ((word as u32 as usize) % MAX_TYPES, (word as u32 as usize) / MAX_TYPES);
        if word < 0 || (ty != 0 && r >= DEGREE[ty]) {
            crate::thread::area::set_errno(22);
            return core::ptr::null_mut();
        }
        g.save();
        // SAFETY: as in initstate.
        let old = unsafe { g.table.sub(1) }.cast::<c_char>();
        // SAFETY: as above: the table follows the type word.
        g.table = unsafe { buf.cast::<i32>().add(1) };
        g.ty = ty;
        if ty != 0 {
            g.r = r;
            g.f = (r + SEP[ty]) % DEGREE[ty];
        }
        old
    })
}

/// C `srand`.
#[unsafe(no_mangle)]
pub extern "C" fn srand(s: c_uint) {
    srandom(s)
}

/// C `rand` (RAND_MAX = 2147483647).
#[unsafe(no_mangle)]
pub extern "C" fn rand() -> c_int {
    random() as c_int
}

/// POSIX `rand_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rand_r(seed: *mut c_uint) -> c_int {
    // SAFETY: seed is writable.
    unsafe {
        let mut x = *seed;
        x = x.wrapping_mul(1103515245).wrapping_add(12345);
        *seed = x;
        ((x >> 1) & 0x7fff_ffff) as c_int
    }
}
