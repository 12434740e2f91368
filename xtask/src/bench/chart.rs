//! docs/benchmarks.png: one group of horizontal bars per headline number,
//! each group scaled to its own largest value.

use super::png::Canvas;
use super::report::{self, before_main, cost_row, Kind, Row};
use super::{Loader, Prog, Results};

// Palette index 0 (white) is the background.
const BLACK: u8 = 1;
const GRID: u8 = 2;
const SERIES: [u8; 3] = [3, 4, 5];
const MUTED: u8 = 6;

const WIDTH: usize = 960;
const LEFT: usize = 110;
const BAR_MAX: usize = 640;
const BAR_H: usize = 18;
const SCALE: usize = 2;

pub fn render(r: &Results) -> Canvas {
    let hello = |m: fn(&super::Cell) -> Result<f64, String>| -> Row { Loader::ALL.map(|l| m(r.cell(Prog::Hello, l))) };
    let mut groups: Vec<(&str, Row)> = Vec::new();
    if !r.cells.is_empty() {
        groups.extend([
            ("(A) C HELLO: INSTRUCTIONS BEFORE MAIN", hello(before_main)),
            ("(A) C HELLO: WALL TIME, MIN US", hello(|c| c.wall.as_ref().map(|w| w.min_us).map_err(Clone::clone))),
            ("(A) C HELLO: MINOR PAGE FAULTS", hello(|c| c.wall.as_ref().map(|w| w.minor_faults).map_err(Clone::clone))),
            ("(B) INSTRUCTIONS PER SYMBOLIC RELOCATION", cost_row(r, Kind::Symbolic, before_main)),
            ("(B) ... SHORT NAMES (2-6 B)", cost_row(r, Kind::SymbolicShort, before_main)),
            ("(B) ... C++ MANGLED NAMES (40-120 B)", cost_row(r, Kind::SymbolicLong, before_main)),
            ("(C) INSTRUCTIONS PER RELATIVE RELOCATION", cost_row(r, Kind::Relative, before_main)),
            ("(C) INSTRUCTIONS PER DT_RELR RELOCATION", cost_row(r, Kind::Relr, before_main)),
        ]);
    }
    if let Some(l) = &r.libc {
        for (name, title) in [
            ("strlen-1k", "LIBC: STRLEN 1 KIB, WALL MIN NS"),
            ("memcpy-1k", "LIBC: MEMCPY 1 KIB, WALL MIN NS"),
            ("malloc-free", "LIBC: MALLOC + FREE, WALL MIN NS"),
            ("qsort-1m", "LIBC: QSORT 1M INTS, WALL MIN NS"),
            ("printf-g17", "LIBC: SNPRINTF %.17G, WALL MIN NS"),
            ("strtod", "LIBC: STRTOD, WALL MIN NS"),
            ("snprintf-int", "LIBC: SNPRINTF INTS, INSTRUCTIONS"),
        ] {
            if let Some(b) = l.get(name) {
                let row = if name == "snprintf-int" { b.ir_per_op.clone() } else { b.wall_ns_per_op.clone() };
                groups.push((title, row));
            }
        }
    }
    let group_h = 24 + 3 * (BAR_H + 6) + 16;
    let top = 80;
    let palette = vec![
        [255, 255, 255],
        [0, 0, 0],
        [225, 225, 225],
        [217, 95, 2],
        [31, 119, 180],
        [44, 160, 44],
        [130, 130, 130],
    ];
    let mut c = Canvas::new(WIDTH, top + groups.len() * group_h + 10, palette);
    let title = if r.smoke { "VIBIX BENCHMARKS (SMOKE RUN)" } else { "VIBIX START-UP AND LIBC COST: LOWER IS BETTER" };
    c.text(20, 16, title, 3, BLACK);
    c.text(560, 58, "EACH GROUP SCALED TO ITS MAX", 1, MUTED);
    let mut x = 20;
    for (i, l) in Loader::ALL.iter().enumerate() {
        c.fill(x, 54, 16, 16, SERIES[i]);
        x += 24 + c.text(x + 24, 55, l.name(), SCALE, BLACK) + 24;
    }
    for (g, (name, row)) in groups.iter().enumerate() {
        draw_group(&mut c, top + g * group_h, name, row);
    }
    c
}

fn draw_group(c: &mut Canvas, y: usize, name: &str, row: &Row) {
    c.fill(20, y, WIDTH - 40, 1, GRID);
    c.text(20, y + 6, name, SCALE, BLACK);
    let max = row.iter().filter_map(|v| v.as_ref().ok()).fold(0.0f64, |a, &b| a.max(b));
    for (i, v) in row.iter().enumerate() {
        let by = y + 28 + i * (BAR_H + 6);
        c.text(20, by + 2, Loader::ALL[i].name(), SCALE, BLACK);
        match v {
            Ok(v) => {
                let len = if max > 0.0 { ((v / max) * BAR_MAX as f64).round().max(1.0) as usize } else { 1 };
                c.fill(LEFT, by, len, BAR_H, SERIES[i]);
                c.text(LEFT + len + 8, by + 2, &report::num(*v), SCALE, BLACK);
            }
            Err(_) => {
                c.text(LEFT, by + 2, "N/A", SCALE, MUTED);
            }
        }
    }
}
