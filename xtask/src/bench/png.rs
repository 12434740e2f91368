//! A palette canvas for the bar chart; PNG encoding is the `png` crate's.

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

    /// The canvas as a PNG file (8-bit palette image), encoded by the `png` crate.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, self.width as u32, self.height as u32);
        enc.set_color(png::ColorType::Indexed);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_palette(self.palette.iter().flatten().copied().collect::<Vec<u8>>());
        let mut w = enc.write_header().expect("PNG header into a Vec cannot fail");
        w.write_image_data(&self.px).expect("canvas size matches its pixel buffer");
        drop(w);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_round_trips_through_a_decoder() {
        let mut c = Canvas::new(7, 3, vec![[255; 3], [10, 20, 30]]);
        c.fill(1, 1, 2, 1, 1);
        let bytes = c.encode();
        let mut r = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (7, 3));
        assert_eq!(r.info().palette.as_deref().unwrap(), &[255, 255, 255, 10, 20, 30]);
        assert_eq!(&buf[7..14], &[0, 1, 1, 0, 0, 0, 0]);
    }

    #[test]
    fn text_sets_pixels() {
        let mut c = Canvas::new(20, 10, vec![[255; 3], [0; 3]]);
        c.text(0, 0, "1", 1, 1);
        assert_eq!(c.pixel(2, 0), 1);
        assert_eq!(c.pixel(0, 0), 0);
    }
}
