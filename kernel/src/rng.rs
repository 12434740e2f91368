//! Kernel random numbers for AT_RANDOM and getrandom(2): xoshiro256** seeded
//! from RDRAND when present, else from TSC jitter. Not a CSPRNG; good enough
//! for stack canaries and hash seeds in a test kernel (documented in kernel.md).
use crate::arch::x86_64::cpu;
use crate::sync::Global;

static STATE: Global<[u64; 4]> = Global::new([0; 4]);

fn splitmix(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub fn init() {
    let mut seed = cpu::rdrand().unwrap_or(0) ^ cpu::rdtsc();
    let s = STATE.get();
    for w in s.iter_mut() {
        *w = splitmix(&mut seed);
    }
}

pub fn next() -> u64 {
    let s = STATE.get();
    let r = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
    let t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = s[3].rotate_left(45);
    r ^ cpu::rdrand().unwrap_or(0)
}

pub fn fill(buf: &mut [u8]) {
    for chunk in buf.chunks_mut(8) {
        let v = next().to_le_bytes();
        chunk.copy_from_slice(&v[..chunk.len()]);
    }
}
