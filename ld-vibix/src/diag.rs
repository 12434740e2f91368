//! Error messages (one line naming file/symbol) and LD_DEBUG output.

use core::fmt;

/// A fixed-size message buffer: no allocation on error paths.
#[derive(Clone)]
pub struct Msg {
    buf: [u8; 480],
    len: usize,
}

impl Msg {
    pub const fn new() -> Self {
        Self { buf: [0; 480], len: 0 }
    }
    pub fn push(&mut self, s: &[u8]) -> &mut Self {
        let n = s.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
        self
    }
    pub fn s(&mut self, s: &str) -> &mut Self {
        self.push(s.as_bytes())
    }
    pub fn hex(&mut self, v: usize) -> &mut Self {
        let mut t = [0u8; 18];
        t[0] = b'0';
        t[1] = b'x';
        let mut n = 2;
        let mut started = false;
        for i in (0..16).rev() {
            let d = (v >> (i * 4)) & 0xf;
            if d != 0 || started || i == 0 {
                started = true;
                t[n] = b"0123456789abcdef"[d];
                n += 1;
            }
        }
        self.push(&t[..n])
    }
    pub fn dec(&mut self, mut v: usize) -> &mut Self {
        let mut t = [0u8; 20];
        let mut i = t.len();
        loop {
            i -= 1;
            t[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.push(&t[i..])
    }
    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl fmt::Write for Msg {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}

impl fmt::Debug for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(core::str::from_utf8(self.bytes()).unwrap_or("?"))
    }
}

/// Builds an error message: `err!("cannot open ", name)` with &str / &[u8] parts.
pub fn msg(parts: &[&[u8]]) -> Msg {
    let mut m = Msg::new();
    for p in parts {
        m.push(p);
    }
    m
}

pub fn write_stderr(b: &[u8]) {
    let mut b = b;
    while !b.is_empty() {
        // SAFETY: fd 2 is borrowed for the duration of the call only.
        let fd = unsafe { rustix::fd::BorrowedFd::borrow_raw(2) };
        match rustix::io::write(fd, b) {
            Ok(0) | Err(_) => return,
            Ok(n) => b = &b[n..],
        }
    }
}

pub fn write_stdout(b: &[u8]) {
    // SAFETY: fd 1 is borrowed for the duration of the call only.
    let fd = unsafe { rustix::fd::BorrowedFd::borrow_raw(1) };
    let _ = rustix::io::write(fd, b);
}

/// Start-up failure: `ld-vibix: <msg>` on stderr, exit status 127.
pub fn die(m: &Msg) -> ! {
    let mut out = Msg::new();
    out.s("ld-vibix: ").push(m.bytes()).s("\n");
    write_stderr(out.bytes());
    crate::sys_rt::exit_group(127)
}

/// A problem that does not stop the program: `ld-vibix: <msg>` on stderr.
pub fn warn(m: &Msg) {
    let mut out = Msg::new();
    out.s("ld-vibix: ").push(m.bytes()).s("\n");
    write_stderr(out.bytes());
}

/// The program function ld-vibix is calling right now (constructor,
/// finalizer, IFUNC resolver, dl_iterate_phdr callback), 0 otherwise. Read
/// from outside by `cargo xtask fuzz` (through the symbol table): a fault
/// after a call out of ld-vibix is the called code's, not the loader's.
pub static CALLOUT: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(0);

/// Calls `f` (the program's code at address `at`), recording it in [`CALLOUT`].
#[inline(always)]
pub fn call_out<R>(at: usize, f: impl FnOnce() -> R) -> R {
    use core::sync::atomic::Ordering::Relaxed;
    CALLOUT.store(at, Relaxed);
    let r = f();
    CALLOUT.store(0, Relaxed);
    r
}

/// LD_DEBUG categories.
pub const DBG_LIBS: u32 = 1;
pub const DBG_BINDINGS: u32 = 2;
pub const DBG_RELOC: u32 = 4;
pub const DBG_SYMBOLS: u32 = 8;

/// Every LD_DEBUG word: (name, flags, what it shows) — parsed here, listed by
/// `LD_DEBUG=help` (usage.rs).
pub const DEBUG_CATEGORIES: &[(&str, u32, &str)] = &[
    ("libs", DBG_LIBS, "display library loading, dlopen/dlclose and init calls"),
    ("reloc", DBG_RELOC, "display relocation processing"),
    ("symbols", DBG_SYMBOLS, "display symbol table processing (each object searched)"),
    ("bindings", DBG_BINDINGS, "display information about symbol binding"),
    ("all", DBG_LIBS | DBG_BINDINGS | DBG_RELOC | DBG_SYMBOLS, "all previous options combined"),
];

/// Parses LD_DEBUG (words separated by `,`, `:` or spaces). `help` prints the
/// categories and exits; an unknown word gets a warning on stderr.
pub fn parse_debug(v: &[u8]) -> u32 {
    let mut f = 0;
    for w in v.split(|&c| c == b',' || c == b':' || c == b' ').filter(|w| !w.is_empty()) {
        if w == b"help" {
            crate::usage::debug_help();
        }
        match DEBUG_CATEGORIES.iter().find(|c| c.0.as_bytes() == w) {
            Some(c) => f |= c.1,
            None => {
                let mut m = msg(&[b"ld-vibix: warning: debug option `", w, b"' unknown; try LD_DEBUG=help\n"]);
                write_stderr(m.s("").bytes());
            }
        }
    }
    f
}

/// Writes one LD_DEBUG line: `<pid>: <text>`.
pub fn debug_line(text: &Msg) {
    let mut m = Msg::new();
    m.dec(rustix::process::getpid().as_raw_nonzero().get() as usize).s(": ").push(text.bytes()).s("\n");
    write_stderr(m.bytes());
}
