//! The main thread's stack bounds for `pthread_getattr_np`, computed the way
//! glibc does (programs such as Rust std rely on the exact values): the top is
//! the page above the start-up stack pointer; the size is RLIMIT_STACK minus
//! what the stack mapping (found in /proc/self/maps) already holds above that
//! top, page-aligned, and never reaching into the mapping below.

/// Parses one hex number, returning it and the rest.
fn hex(s: &[u8]) -> (usize, &[u8]) {
    let mut v = 0usize;
    let mut i = 0;
    while i < s.len() {
        let d = match s[i] {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'a'..=b'f' => c - b'a' + 10,
            _ => break,
        };
        v = (v << 4) | d as usize;
        i += 1;
    }
    (v, &s[i..])
}

/// (lowest address, size) of the main stack containing `sp`, or None.
pub fn bounds(sp: usize, rlimit: usize) -> Option<(usize, usize)> {
    use rustix::fs::{openat, Mode, OFlags, CWD};
    let fd = openat(CWD, c"/proc/self/maps", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).ok()?;
    let mut buf = [0u8; 4096];
    let mut have = 0usize;
    let mut prev_end = 0usize;
    loop {
        let n = match rustix::io::read(&fd, &mut buf[have..]) {
            Ok(0) | Err(_) => 0,
            Ok(n) => n,
        };
        have += n;
        let mut consumed = 0;
        while let Some(nl) = buf[consumed..have].iter().position(|&c| c == b'\n') {
            let line = &buf[consumed..consumed + nl];
            consumed += nl + 1;
            let (start, rest) = hex(line);
            let (end, _) = hex(rest.get(1..).unwrap_or(&[]));
            if start <= sp && sp < end {
                const PAGE: usize = 4096;
                let top = (sp & !(PAGE - 1)) + PAGE;
                let mut size = rlimit.saturating_sub(end.saturating_sub(top)) & !(PAGE - 1);
                size = size.min(top - prev_end);
                return Some((top - size, size));
            }
            prev_end = end;
        }
        buf.copy_within(consumed..have, 0);
        have -= consumed;
        if n == 0 || have == buf.len() {
            return None;
        }
    }
}
