//! `$((...))` of wordexp: C integer expressions over `long` (wrapping), the
//! shell's operators without assignment: unary + - ! ~, * / %, + -, << >>,
//! < <= > >=, == !=, &, ^, |, &&, ||, ?: and parentheses; numbers in
//! decimal, octal (0...) or hex (0x...); a name is its variable's number
//! (0 when unset or empty). Division by zero is an error.

struct P<'a> {
    s: &'a [u8],
    i: usize,
}

impl P<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn eat(&mut self, t: &[u8]) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(t) {
            self.i += t.len();
            true
        } else {
            false
        }
    }
    /// Binary operators by precedence level, loosest first.
    fn binary(&mut self, level: usize) -> Option<i64> {
        const LEVELS: &[&[&[u8]]] = &[
            &[b"||"], &[b"&&"], &[b"|"], &[b"^"], &[b"&"], &[b"==", b"!="],
            &[b"<=", b">=", b"<", b">"], &[b"<<", b">>"], &[b"+", b"-"], &[b"*", b"/", b"%"],
        ];
        if level == LEVELS.len() {
            return self.unary();
        }
        let mut v = self.binary(level + 1)?;
        'outer: loop {
            self.ws();
            for &op in LEVELS[level] {
                let rest = &self.s[self.i..];
                // "|" must not take "||", "&" not "&&", "<" not "<<".
                let longer = rest.len() > op.len() && op.len() == 1 && matches!((op[0], rest[1]), (b'|', b'|') | (b'&', b'&') | (b'<', b'<' | b'=') | (b'>', b'>' | b'=') );
                if rest.starts_with(op) && !longer {
                    self.i += op.len();
                    let r = self.binary(level + 1)?;
                    v = match op {
                        b"||" => ((v != 0) || (r != 0)) as i64,
                        b"&&" => ((v != 0) && (r != 0)) as i64,
                        b"|" => v | r,
                        b"^" => v ^ r,
                        b"&" => v & r,
                        b"==" => (v == r) as i64,
                        b"!=" => (v != r) as i64,
                        b"<=" => (v <= r) as i64,
                        b">=" => (v >= r) as i64,
                        b"<" => (v < r) as i64,
                        b">" => (v > r) as i64,
                        b"<<" => v.wrapping_shl(r as u32),
                        b">>" => v.wrapping_shr(r as u32),
                        b"+" => v.wrapping_add(r),
                        b"-" => v.wrapping_sub(r),
                        b"*" => v.wrapping_mul(r),
                        b"/" => v.checked_div(r).or_else(|| (r == -1).then(|| v.wrapping_neg()))?,
                        _ => v.checked_rem(r).or_else(|| (r == -1).then_some(0))?,
                    };
                    continue 'outer;
                }
            }
            return Some(v);
        }
    }
    fn ternary(&mut self) -> Option<i64> {
        let c = self.binary(0)?;
        if self.eat(b"?") {
            let a = self.ternary()?;
            if !self.eat(b":") {
                return None;
            }
            let b = self.ternary()?;
            return Some(if c != 0 { a } else { b });
        }
        Some(c)
    }
    fn unary(&mut self) -> Option<i64> {
        self.ws();
        let c = *self.s.get(self.i)?;
        match c {
            b'+' => {
                self.i += 1;
                self.unary()
            }
            b'-' => {
                self.i += 1;
                self.unary().map(i64::wrapping_neg)
            }
            b'!' => {
                self.i += 1;
                self.unary().map(|v| (v == 0) as i64)
            }
            b'~' => {
                self.i += 1;
                self.unary().map(|v| !v)
            }
            b'(' => {
                self.i += 1;
                let v = self.ternary()?;
                self.eat(b")").then_some(v)
            }
            b'0'..=b'9' => {
                let st = self.i;
                while self.s.get(self.i).is_some_and(|c| c.is_ascii_alphanumeric()) {
                    self.i += 1;
                }
                number(&self.s[st..self.i])
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let st = self.i;
                while self.s.get(self.i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
                    self.i += 1;
                }
                let v = super::getenv(&self.s[st..self.i]).unwrap_or_default();
                let t = core::str::from_utf8(&v).ok()?.trim();
                // A variable holds a number, not an expression (no recursion).
                match t.strip_prefix('-') {
                    _ if t.is_empty() => Some(0),
                    Some(n) => number(n.as_bytes()).map(i64::wrapping_neg),
                    None => number(t.as_bytes()),
                }
            }
            _ => None,
        }
    }
}

fn number(t: &[u8]) -> Option<i64> {
    let s = core::str::from_utf8(t).ok()?;
    let (digits, radix) = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (h, 16)
    } else if s.len() > 1 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    u64::from_str_radix(digits, radix).ok().map(|v| v as i64)
}

/// The value of expression `s`, None for a syntax error or division by zero.
pub fn eval(s: &[u8]) -> Option<i64> {
    let mut p = P { s, i: 0 };
    let v = p.ternary()?;
    p.ws();
    (p.i == s.len()).then_some(v)
}
