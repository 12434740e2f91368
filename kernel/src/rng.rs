//! Kernel random numbers (getrandom(2), /dev/urandom, AT_RANDOM): a ChaCha20
//! generator (RFC 8439 block function, hand-written: 30 lines instead of a
//! cipher crate stack in a no_std kernel) with fast key erasure, seeded from
//! RDSEED/RDRAND and the seed on the kernel command line (`vibix.seed=` + 64
//! hex digits, which xtask takes from the host's /dev/urandom; user programs
//! cannot read the command line). With neither
//! source the generator is unseeded and getrandom fails with EAGAIN: there is
//! no deterministic fallback.
use crate::arch::x86_64::cpu;
use crate::sync::Global;
use core::arch::asm;

/// The `vibix.seed=<hex>` bytes of a kernel command line (at least 32 bytes).
pub fn seed_from_cmdline(cmdline: &[u8]) -> Option<[u8; 32]> {
    let arg = cmdline.split(|&c| c == b' ').find_map(|a| a.strip_prefix(b"vibix.seed="))?;
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; 32];
    if arg.len() < 64 {
        return None;
    }
    for (i, o) in out.iter_mut().enumerate() {
        *o = hex(arg[2 * i])? << 4 | hex(arg[2 * i + 1])?;
    }
    Some(out)
}

struct Rng {
    key: [u32; 8],
    counter: u64,
    seeded: bool,
}

static RNG: Global<Rng> = Global::new(Rng { key: [0; 8], counter: 0, seeded: false });

fn quarter(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(16);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(12);
    s[a] = s[a].wrapping_add(s[b]);
    s[d] = (s[d] ^ s[a]).rotate_left(8);
    s[c] = s[c].wrapping_add(s[d]);
    s[b] = (s[b] ^ s[c]).rotate_left(7);
}

/// One 64-byte ChaCha20 block for (key, 64-bit counter, zero nonce).
fn block(key: &[u32; 8], counter: u64) -> [u8; 64] {
    let mut init = [0u32; 16];
    init[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
    init[4..12].copy_from_slice(key);
    init[12] = counter as u32;
    init[13] = (counter >> 32) as u32;
    let mut s = init;
    for _ in 0..10 {
        quarter(&mut s, 0, 4, 8, 12);
        quarter(&mut s, 1, 5, 9, 13);
        quarter(&mut s, 2, 6, 10, 14);
        quarter(&mut s, 3, 7, 11, 15);
        quarter(&mut s, 0, 5, 10, 15);
        quarter(&mut s, 1, 6, 11, 12);
        quarter(&mut s, 2, 7, 8, 13);
        quarter(&mut s, 3, 4, 9, 14);
    }
    let mut out = [0u8; 64];
    for i in 0..16 {
        out[4 * i..4 * i + 4].copy_from_slice(&s[i].wrapping_add(init[i]).to_le_bytes());
    }
    out
}

/// A hardware seed word: RDSEED (true entropy) if present, else RDRAND.
fn hw_word() -> Option<u64> {
    if cpu::cpuid(0, 0)[0] >= 7 && cpu::cpuid(7, 0)[1] & (1 << 18) != 0 {
        for _ in 0..64 {
            let (v, ok): (u64, u8);
            // SAFETY: rdseed only writes its output register and CF.
            unsafe { asm!("rdseed {}", "setc {}", out(reg) v, out(reg_byte) ok, options(nomem, nostack)) }
            if ok != 0 {
                return Some(v);
            }
        }
    }
    cpu::rdrand()
}

/// Mixes `bytes` into the key (the new key is a ChaCha block over old key ^ input).
fn absorb(r: &mut Rng, bytes: &[u8]) {
    for (i, chunk) in bytes.chunks(32).enumerate() {
        for (j, b) in chunk.iter().enumerate() {
            r.key[j / 4] ^= (*b as u32) << (8 * (j % 4));
        }
        let b = block(&r.key, u64::MAX - i as u64);
        for (k, w) in r.key.iter_mut().enumerate() {
            *w = u32::from_le_bytes([b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]]);
        }
    }
}

/// Seeds from the CPU and from `boot_seed` (the command-line seed, if any).
pub fn init(boot_seed: Option<&[u8]>) {
    let r = RNG.get();
    let mut hw = [0u8; 32];
    let mut have_hw = true;
    for c in hw.chunks_mut(8) {
        match hw_word() {
            Some(v) => c.copy_from_slice(&v.to_le_bytes()),
            None => have_hw = false,
        }
    }
    if have_hw {
        absorb(r, &hw);
    }
    let file = boot_seed.filter(|s| s.len() >= 32);
    if let Some(s) = file {
        absorb(r, s);
    }
    absorb(r, &cpu::rdtsc().to_le_bytes()); // not entropy on its own; only stirred in
    r.seeded = have_hw || file.is_some();
    crate::kprintln!(
        "vibix: rng: {}",
        match (have_hw, file.is_some()) {
            (true, true) => "seeded from RDSEED/RDRAND and the boot seed",
            (true, false) => "seeded from RDSEED/RDRAND",
            (false, true) => "seeded from the boot seed",
            (false, false) => "NOT seeded (no RDRAND/RDSEED, no boot seed): getrandom fails with EAGAIN",
        }
    );
}

pub fn seeded() -> bool {
    RNG.get().seeded
}

/// Fills `buf`; false (and nothing written) when unseeded.
pub fn fill(buf: &mut [u8]) -> bool {
    let r = RNG.get();
    if !r.seeded {
        return false;
    }
    if let Some(v) = cpu::rdrand() {
        absorb(r, &v.to_le_bytes());
    }
    for chunk in buf.chunks_mut(64) {
        r.counter += 1;
        let b = block(&r.key, r.counter);
        chunk.copy_from_slice(&b[..chunk.len()]);
    }
    // Fast key erasure: the key that made these bytes is gone.
    r.counter += 1;
    let b = block(&r.key, r.counter);
    for (k, w) in r.key.iter_mut().enumerate() {
        *w = u32::from_le_bytes([b[4 * k], b[4 * k + 1], b[4 * k + 2], b[4 * k + 3]]);
    }
    true
}

/// AT_RANDOM for a new program: the generator when seeded, else TSC-derived
/// bytes (stack canaries must exist; logged at boot as unseeded).
pub fn fill_at_random(buf: &mut [u8; 16]) {
    if !fill(buf) {
        let b = block(&[cpu::rdtsc() as u32, (cpu::rdtsc() >> 32) as u32, 0, 0, 0, 0, 0, 0], cpu::rdtsc());
        buf.copy_from_slice(&b[..16]);
    }
}

/// /dev/urandom and /dev/random: the same generator as getrandom (EAGAIN
/// when unseeded, like getrandom); written bytes are stirred in, uncredited.
pub struct RandomDevice;

impl crate::fs::special::Special for RandomDevice {
    fn read(&self, buf: u64, len: usize, _nonblock: bool) -> Result<usize, crate::errno::Errno> {
        let len = len.min(33_554_431);
        let out = crate::mm::uaccess::slice(buf, len, crate::mm::vm::Access::Write)?;
        if fill(out) {
            Ok(len)
        } else {
            Err(crate::errno::EAGAIN)
        }
    }

    fn write(&self, buf: u64, len: usize, _nonblock: bool) -> Result<usize, crate::errno::Errno> {
        let data = crate::mm::uaccess::copy_in(buf, len.min(1 << 20))?;
        absorb(RNG.get(), &data);
        Ok(data.len())
    }

    fn poll(&self) -> u16 {
        crate::fs::special::POLLIN | crate::fs::special::POLLOUT
    }

    fn mode(&self) -> u32 {
        0o020666 // character device
    }

    fn as_any(&self) -> &dyn core::any::Any {
        self
    }
}
