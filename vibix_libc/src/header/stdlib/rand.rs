//! rand/srand/random/srandom: an additive lagged-Fibonacci generator
//! (r[i] = r[i-3] + r[i-31], seeded with a Lehmer sequence) — the same
//! generator as glibc's default `random()`, so seeded sequences match.
//! rand_r is independent; the *rand48 family lives in rand48.rs.
use core::ffi::{c_int, c_long, c_uint};

use crate::sync::Lock;

struct State {
    /// Ring buffer of the last 31 values.
    ring: [i32; 31],
    f: usize,
    b: usize,
}

static LOCK: Lock = Lock::new();
static mut STATE: State = State { ring: [0; 31], f: 3, b: 0 };
static mut SEEDED: bool = false;

fn seed(st: &mut State, s: u32) {
    let s = if s == 0 { 1 } else { s };
    let mut r = [0i32; 31];
    r[0] = s as i32;
    for i in 1..31 {
        // 16807 * r[i-1] % 2147483647 without overflow (Schrage's method).
        let hi = r[i - 1] / 127773;
        let lo = r[i - 1] % 127773;
        let mut w = 16807 * lo - 2836 * hi;
        if w < 0 {
            w += 2147483647;
        }
        r[i] = w;
    }
    st.ring = r;
    st.f = 3;
    st.b = 0;
    // Discard the first 310 outputs.
    for _ in 0..310 {
        next(st);
    }
}

fn next(st: &mut State) -> i32 {
    // ring[f] += ring[b]; output ring[f] >> 1 (indices advance mod 31).
    let v = st.ring[st.f].wrapping_add(st.ring[st.b]);
    st.ring[st.f] = v;
    st.f = (st.f + 1) % 31;
    st.b = (st.b + 1) % 31;
    ((v as u32) >> 1) as i32
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    let _g = LOCK.guard();
    // SAFETY: STATE/SEEDED are only used under LOCK.
    unsafe {
        let st = &mut *(&raw mut STATE);
        if !SEEDED {
            seed(st, 1);
            SEEDED = true;
        }
        f(st)
    }
}

/// POSIX `srandom`.
#[unsafe(no_mangle)]
pub extern "C" fn srandom(s: c_uint) {
    with_state(|st| seed(st, s));
}

/// POSIX `random`.
#[unsafe(no_mangle)]
pub extern "C" fn random() -> c_long {
    with_state(next) as c_long
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
