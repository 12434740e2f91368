//! A palette canvas and a small PNG encoder (fixed-Huffman deflate with
//! run-length matches), enough for a bar chart without any dependency.

use super::font;

/// Palette-indexed pixels; `palette[i]` is the RGB of index `i`.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    px: Vec<u8>,
    palette: Vec<[u8; 3]>,
}

/// Glyph cell width (5 pixels + 1 gap), before scaling.
pub const GLYPH_ADVANCE: usize = 6;

impl Canvas {
    pub fn new(width: usize, height: usize, palette: Vec<[u8; 3]>) -> Canvas {
        assert!(!palette.is_empty() && palette.len() <= 256);
        Canvas { width, height, px: vec![0; width * height], palette }
    }

    /// Fills a rectangle, clipped to the canvas.
    pub fn fill(&mut self, x: usize, y: usize, w: usize, h: usize, color: u8) {
        for row in y..(y + h).min(self.height) {
            let start = row * self.width;
            for col in x..(x + w).min(self.width) {
                self.px[start + col] = color;
            }
        }
    }

    /// Draws `text` with its top-left corner at (x, y); returns the width used.
    pub fn text(&mut self, x: usize, y: usize, text: &str, scale: usize, color: u8) -> usize {
        let mut cx = x;
        for c in text.chars() {
            for (r, bits) in font::glyph(c).iter().enumerate() {
                for b in 0..5 {
                    if bits & (0x10 >> b) != 0 {
                        self.fill(cx + b * scale, y + r * scale, scale, scale, color);
                    }
                }
            }
            cx += GLYPH_ADVANCE * scale;
        }
        cx - x
    }

    #[cfg(test)]
    pub fn pixel(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.width + x]
    }

    /// The canvas as a PNG file (8-bit palette image).
    pub fn encode(&self) -> Vec<u8> {
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&(self.width as u32).to_be_bytes());
        ihdr.extend_from_slice(&(self.height as u32).to_be_bytes());
        ihdr.extend_from_slice(&[8, 3, 0, 0, 0]); // depth 8, palette, no interlace
        let plte: Vec<u8> = self.palette.iter().flatten().copied().collect();
        // Filter "Up" on every row: repeated rows become zeros, which the
        // run-length matches below shrink to almost nothing.
        let mut raw = Vec::with_capacity((self.width + 1) * self.height);
        for y in 0..self.height {
            raw.push(2);
            let row = &self.px[y * self.width..(y + 1) * self.width];
            if y == 0 {
                raw.extend_from_slice(row);
            } else {
                let above = &self.px[(y - 1) * self.width..y * self.width];
                raw.extend(row.iter().zip(above).map(|(a, b)| a.wrapping_sub(*b)));
            }
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(&mut png, b"IHDR", &ihdr);
        chunk(&mut png, b"PLTE", &plte);
        chunk(&mut png, b"IDAT", &zlib(&raw));
        chunk(&mut png, b"IEND", &[]);
        png
    }
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

/// LSB-first bit writer, as deflate wants.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= (value as u64) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Huffman codes are defined most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Fixed-Huffman code of literal/length symbol `sym` (RFC 1951, 3.2.6).
fn fixed_code(sym: u32) -> (u32, u32) {
    match sym {
        0..=143 => (0x30 + sym, 8),
        144..=255 => (0x190 + sym - 144, 9),
        256..=279 => (sym - 256, 7),
        _ => (0xC0 + sym - 280, 8),
    }
}

/// Length symbols 257..=285: (base length, extra bits).
const LENGTHS: [(u32, u32); 29] = [
    (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0), (9, 0), (10, 0), (11, 1), (13, 1),
    (15, 1), (17, 1), (19, 2), (23, 2), (27, 2), (31, 2), (35, 3), (43, 3), (51, 3),
    (59, 3), (67, 4), (83, 4), (99, 4), (115, 4), (131, 5), (163, 5), (195, 5), (227, 5),
    (258, 0),
];

/// A zlib stream: one fixed-Huffman block; runs of a repeated byte become
/// matches at distance 1.
fn zlib(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits { out: vec![0x78, 0x01], acc: 0, n: 0 };
    bits.put(1, 1); // BFINAL
    bits.put(1, 2); // BTYPE = fixed Huffman
    let mut i = 0;
    while i < data.len() {
        let mut run = 0;
        if i > 0 {
            while run < 258 && i + run < data.len() && data[i + run] == data[i - 1] {
                run += 1;
            }
        }
        if run >= 3 {
            let idx = LENGTHS.iter().rposition(|&(base, _)| base as usize <= run).unwrap();
            let (base, extra) = LENGTHS[idx];
            let (code, len) = fixed_code(257 + idx as u32);
            bits.code(code, len);
            bits.put(run as u32 - base, extra);
            bits.code(0, 5); // distance code 0 = distance 1
            i += run;
        } else {
            let (code, len) = fixed_code(data[i] as u32);
            bits.code(code, len);
            i += 1;
        }
    }
    let (code, len) = fixed_code(256);
    bits.code(code, len);
    let mut out = bits.finish();
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn empty_zlib_stream_is_the_canonical_one() {
        // zlib's own output for empty input with a fixed block: 78 01 03 00 + adler 1.
        assert_eq!(zlib(&[]), [0x78, 0x01, 0x03, 0x00, 0, 0, 0, 1]);
    }

    #[test]
    fn text_sets_pixels() {
        let mut c = Canvas::new(20, 10, vec![[255; 3], [0; 3]]);
        c.text(0, 0, "1", 1, 1);
        assert_eq!(c.pixel(2, 0), 1);
        assert_eq!(c.pixel(0, 0), 0);
    }
}
