//! The C expression of a catalog's `Plural-Forms: ... plural=EXPR;` header,
//! evaluated for `n`: numbers, `n`, `!`, `* / %`, `+ -`, comparisons,
//! `== !=`, `&&`, `||`, `?:` and parentheses, with C precedence. A malformed
//! expression gives None (the caller falls back to `n != 1`).

struct P<'a> {
    s: &'a [u8],
    i: usize,
    n: u64,
    depth: u32,
}

impl P<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }
    fn eat(&mut self, tok: &[u8]) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(tok) {
            self.i += tok.len();
            true
        } else {
            false
        }
    }
    /// `cond ? a : b` (right-associative).
    fn ternary(&mut self) -> Option<u64> {
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        let c = self.binary(0)?;
        let r = if self.eat(b"?") {
            let a = self.ternary()?;
            if !self.eat(b":") {
                return None;
            }
            let b = self.ternary()?;
            if c != 0 { a } else { b }
        } else {
            c
        };
        self.depth -= 1;
        Some(r)
    }
    /// Binary operators by precedence level (0 = `||` ... 5 = `* / %`).
    fn binary(&mut self, level: usize) -> Option<u64> {
        const LEVELS: [&[&[u8]]; 6] =
            [&[b"||"], &[b"&&"], &[b"==", b"!="], &[b"<=", b">=", b"<", b">"], &[b"+", b"-"], &[b"*", b"/", b"%"]];
        if level == LEVELS.len() {
            return self.unary();
        }
        let mut l = self.binary(level + 1)?;
        'outer: loop {
            for op in LEVELS[level] {
                if self.eat(op) {
                    let r = self.binary(level + 1)?;
                    l = match *op {
                        b"||" => (l != 0 || r != 0) as u64,
                        b"&&" => (l != 0 && r != 0) as u64,
                        b"==" => (l == r) as u64,
                        b"!=" => (l != r) as u64,
                        b"<=" => (l <= r) as u64,
                        b">=" => (l >= r) as u64,
                        b"<" => (l < r) as u64,
                        b">" => (l > r) as u64,
                        b"+" => l.wrapping_add(r),
                        b"-" => l.wrapping_sub(r),
                        b"*" => l.wrapping_mul(r),
                        b"/" => l.checked_div(r)?,
                        _ => l.checked_rem(r)?,
                    };
                    continue 'outer;
                }
            }
            return Some(l);
        }
    }
    fn unary(&mut self) -> Option<u64> {
        if self.eat(b"!") {
            return Some((self.unary()? == 0) as u64);
        }
        if self.eat(b"(") {
            let v = self.ternary()?;
            return if self.eat(b")") { Some(v) } else { None };
        }
        if self.eat(b"n") {
            return Some(self.n);
        }
        self.ws();
        let start = self.i;
        let mut v: u64 = 0;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
            v = v.checked_mul(10)?.checked_add((self.s[self.i] - b'0') as u64)?;
            self.i += 1;
        }
        if self.i == start { None } else { Some(v) }
    }
}

/// The value of the plural expression `e` for `n`.
pub fn eval(e: &[u8], n: u64) -> Option<u64> {
    let mut p = P { s: e, i: 0, n, depth: 0 };
    let v = p.ternary()?;
    p.ws();
    if p.i == p.s.len() { Some(v) } else { None }
}
