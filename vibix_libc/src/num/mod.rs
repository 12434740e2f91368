//! Pure numeric cores (no libc state, no syscalls): exact
//! decimal<->binary conversion. `tests-host/` compiles these files on the host
//! and compares them against glibc.
pub mod dec2flt;
pub mod flt2dec;

/// Converts an x87 80-bit extended value (little-endian bytes) to the nearest f64.
pub fn f80_to_f64(b: [u8; 10]) -> f64 {
    let mant = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    let se = u16::from_le_bytes([b[8], b[9]]);
    let neg = se & 0x8000 != 0;
    let e = (se & 0x7fff) as i32;
    let v = if e == 0x7fff {
        if mant << 1 == 0 { f64::INFINITY } else { f64::NAN }
    } else if mant == 0 {
        0.0
    } else {
        // value = mant × 2^(e - 16383 - 63)
        let bl = 64 - mant.leading_zeros() as i32;
        let (q, sticky) = ((mant as u128) << (128 - bl) >> 62, false);
        let shift = -(e - 16383 - 63) + (128 - bl) - 62;
        f64::from_bits(dec2flt::round_binary(q, sticky, shift, dec2flt::F64))
    };
    if neg { -v } else { v }
}
