//! The POSIX *rand48 family: a 48-bit linear congruential generator
//! X' = (a*X + c) mod 2^48 with a = 0x5DEECE66D, c = 0xB unless `lcong48`
//! changes them. The `*rand48(xsubi)` forms use the caller's state, the
//! others one process-wide state, zero until seeded (as in glibc).
use core::ffi::{c_long, c_ushort};

use crate::sync::Lock;

const MASK: u64 = (1 << 48) - 1;
const A: u64 = 0x5_deec_e66d;
const C: u64 = 0xb;

struct State {
    x: [c_ushort; 3],
    a: u64,
    c: u64,
    /// `seed48`'s return buffer: the state before the call.
    old: [c_ushort; 3],
}

static LOCK: Lock = Lock::new();
static mut STATE: State = State { x: [0; 3], a: A, c: C, old: [0; 3] };

fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
    let _g = LOCK.guard();
    // SAFETY: STATE is only touched under LOCK.
    f(unsafe { &mut *(&raw mut STATE) })
}

fn get(x: &[c_ushort; 3]) -> u64 {
    x[0] as u64 | (x[1] as u64) << 16 | (x[2] as u64) << 32
}

fn put(x: &mut [c_ushort; 3], v: u64) {
    *x = [v as u16, (v >> 16) as u16, (v >> 32) as u16];
}

/// One step on `x`; returns the new 48-bit value.
fn step(x: &mut [c_ushort; 3], a: u64, c: u64) -> u64 {
    let v = get(x).wrapping_mul(a).wrapping_add(c) & MASK;
    put(x, v);
    v
}

fn params() -> (u64, u64) {
    with(|s| (s.a, s.c))
}

fn to_double(v: u64) -> f64 {
    v as f64 / (1u64 << 48) as f64
}

/// Runs `f` on the caller's 3-element state.
unsafe fn user(xsubi: *mut c_ushort) -> u64 {
    let (a, c) = params();
    // SAFETY: xsubi points at 3 writable unsigned shorts (caller contract).
    let x = unsafe { &mut *(xsubi as *mut [c_ushort; 3]) };
    step(x, a, c)
}

/// POSIX `drand48`: uniform double in [0, 1).
#[unsafe(no_mangle)]
pub extern "C" fn drand48() -> f64 {
    to_double(with(|s| step(&mut s.x, s.a, s.c)))
}
/// POSIX `erand48`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn erand48(xsubi: *mut c_ushort) -> f64 {
    // SAFETY: forwarded caller contract.
    to_double(unsafe { user(xsubi) })
}
/// POSIX `lrand48`: non-negative long in [0, 2^31).
#[unsafe(no_mangle)]
pub extern "C" fn lrand48() -> c_long {
    (with(|s| step(&mut s.x, s.a, s.c)) >> 17) as c_long
}
/// POSIX `nrand48`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nrand48(xsubi: *mut c_ushort) -> c_long {
    // SAFETY: forwarded caller contract.
    (unsafe { user(xsubi) } >> 17) as c_long
}
/// POSIX `mrand48`: signed long in [-2^31, 2^31).
#[unsafe(no_mangle)]
pub extern "C" fn mrand48() -> c_long {
    (with(|s| step(&mut s.x, s.a, s.c)) >> 16) as u32 as i32 as c_long
}
/// POSIX `jrand48`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jrand48(xsubi: *mut c_ushort) -> c_long {
    // SAFETY: forwarded caller contract.
    (unsafe { user(xsubi) } >> 16) as u32 as i32 as c_long
}
/// POSIX `srand48`: high 32 bits from the seed, low 16 bits 0x330E; resets a and c.
#[unsafe(no_mangle)]
pub extern "C" fn srand48(seed: c_long) {
    with(|s| {
        put(&mut s.x, ((seed as u64 & 0xffff_ffff) << 16) | 0x330e);
        s.a = A;
        s.c = C;
    })
}
/// POSIX `seed48`: sets all 48 bits, resets a and c, returns the previous state.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seed48(seed16v: *mut c_ushort) -> *mut c_ushort {
    // SAFETY: seed16v points at 3 unsigned shorts.
    let new = unsafe { *(seed16v as *const [c_ushort; 3]) };
    with(|s| {
        s.old = s.x;
        s.x = new;
        s.a = A;
        s.c = C;
        s.old.as_mut_ptr()
    })
}
/// POSIX `lcong48`: param[0..3] the state, [3..6] the multiplier, [6] the addend.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn lcong48(param: *mut c_ushort) {
    // SAFETY: param points at 7 unsigned shorts.
    let p = unsafe { *(param as *const [c_ushort; 7]) };
    with(|s| {
        s.x = [p[0], p[1], p[2]];
        s.a = get(&[p[3], p[4], p[5]]);
        s.c = p[6] as u64;
    })
}
