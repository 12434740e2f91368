//! IPv6 text forms: RFC 4291 parsing and RFC 5952 output (glibc's choices:
//! the first longest run of two or more zero groups becomes `::`, and
//! `::a.b.c.d` / `::ffff:a.b.c.d` end in dotted IPv4).

/// Parses an IPv6 address (hex groups, one `::`, optional dotted IPv4 tail).
pub fn pton6(s: &[u8]) -> Option<[u8; 16]> {
    let mut groups = [0u16; 8];
    let mut n = 0;
    let mut gap: Option<usize> = None;
    let mut i = 0;
    if s.starts_with(b"::") {
        gap = Some(0);
        i = 2;
        if s.len() == 2 {
            return Some([0; 16]);
        }
    } else if s.first() == Some(&b':') {
        return None;
    }
    loop {
        // A dotted IPv4 tail takes the last two groups.
        let rest = &s[i..];
        let field_end = rest.iter().position(|&c| c == b':').unwrap_or(rest.len());
        if rest[..field_end].contains(&b'.') {
            if field_end != rest.len() || n > 6 {
                return None;
            }
            let a = super::pton4(rest)?;
            groups[n] = u16::from_be_bytes([a[0], a[1]]);
            groups[n + 1] = u16::from_be_bytes([a[2], a[3]]);
            n += 2;
            break;
        }
        if field_end == 0 || field_end > 4 || n == 8 {
            return None;
        }
        let mut v = 0u16;
        for &c in &rest[..field_end] {
            v = (v << 4) | (c as char).to_digit(16)? as u16;
        }
        groups[n] = v;
        n += 1;
        i += field_end;
        if i == s.len() {
            break;
        }
        // Past a ':' — another one makes the gap.
        i += 1;
        if s.get(i) == Some(&b':') {
            if gap.is_some() {
                return None;
            }
            gap = Some(n);
            i += 1;
            if i == s.len() {
                break;
            }
        } else if i == s.len() {
            return None;
        }
    }
    let mut full = [0u16; 8];
    match gap {
        Some(g) => {
            if n > 7 {
                return None;
            }
            full[..g].copy_from_slice(&groups[..g]);
            let tail = n - g;
            full[8 - tail..].copy_from_slice(&groups[g..n]);
        }
        None if n == 8 => full = groups,
        None => return None,
    }
    let mut out = [0u8; 16];
    for (k, g) in full.iter().enumerate() {
        out[2 * k..2 * k + 2].copy_from_slice(&g.to_be_bytes());
    }
    Some(out)
}

/// Formats an IPv6 address into `out` (at least 46 bytes); returns the length.
pub fn ntop6(a: &[u8; 16], out: &mut [u8]) -> usize {
    let w: [u16; 8] = core::array::from_fn(|k| u16::from_be_bytes([a[2 * k], a[2 * k + 1]]));
    // The first longest run of zero groups (length >= 2).
    let (mut best, mut best_len, mut cur, mut cur_len) = (usize::MAX, 0, 0, 0);
    for (k, &g) in w.iter().enumerate() {
        if g == 0 {
            if cur_len == 0 {
                cur = k;
            }
            cur_len += 1;
            if cur_len > best_len {
                best = cur;
                best_len = cur_len;
            }
        } else {
            cur_len = 0;
        }
    }
    if best_len < 2 {
        best = usize::MAX;
    }
    let mut at = 0;
    let mut put = |b: &[u8]| {
        out[at..at + b.len()].copy_from_slice(b);
        at += b.len();
    };
    let mut k = 0;
    while k < 8 {
        if k == best {
            put(b":");
            k += best_len;
            if k == 8 {
                put(b":");
            }
            continue;
        }
        if k > 0 {
            put(b":");
        }
        // IPv4-compatible (::a.b.c.d) and mapped (::ffff:a.b.c.d) tails.
        if k == 6 && best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff)) {
            let mut b = [0u8; 16];
            let n = super::ntoa4([a[12], a[13], a[14], a[15]], &mut b);
            put(&b[..n]);
            break;
        }
        let mut hex = [0u8; 4];
        let mut n = 0;
        let g = w[k];
        for shift in [12, 8, 4, 0] {
            let d = ((g >> shift) & 0xf) as u8;
            if n > 0 || d != 0 || shift == 0 {
                hex[n] = b"0123456789abcdef"[d as usize];
                n += 1;
            }
        }
        put(&hex[..n]);
        k += 1;
    }
    at
}
