//! The initial process stack (argc, argv, envp, auxv) as borrowed C strings,
//! and the LD_* settings read from it. Under AT_SECURE every LD_* is ignored.

use crate::mem::c_bytes;
use vibix_elf::*;

pub struct Stack {
    pub sp: *mut usize,
    pub argc: usize,
    pub argv: *mut *const u8,
    pub envp: *mut *const u8,
    pub auxv: *mut Auxv,
}

#[derive(Default, Clone, Copy)]
pub struct AuxVals {
    pub phdr: usize,
    pub phnum: usize,
    pub entry: usize,
    pub random: usize,
    pub secure: bool,
    pub execfn: usize,
}

/// Settings from the environment (and, when run directly, the command line).
#[derive(Clone, Copy)]
pub struct Settings {
    pub library_path: &'static [u8],
    pub preload: &'static [u8],
    pub debug: u32,
    pub tls_surplus: usize,
    pub list: bool,
}

/// Default static TLS surplus for dlopened initial-exec TLS (glibc's minimum).
pub const DEFAULT_TLS_SURPLUS: usize = 1664;
/// The variable that tunes it (bytes).
pub const TLS_SURPLUS_VAR: &[u8] = b"LD_VIBIX_TLS_SURPLUS";

impl Stack {
    /// # Safety
    /// `sp` is the process entry stack pointer.
    pub unsafe fn parse(sp: *mut usize) -> Self {
        // SAFETY: the kernel's stack layout: argc, argv..., NULL, envp..., NULL, auxv.
        unsafe {
            let argc = *sp;
            let argv = sp.add(1) as *mut *const u8;
            let envp = argv.add(argc + 1);
            let mut e = envp;
            while !(*e).is_null() {
                e = e.add(1);
            }
            Self { sp, argc, argv, envp, auxv: e.add(1) as *mut Auxv }
        }
    }

    pub fn aux(&self) -> AuxVals {
        let mut a = AuxVals::default();
        let mut p = self.auxv;
        // SAFETY: the auxv ends with AT_NULL.
        unsafe {
            while (*p).a_type != AT_NULL {
                let v = (*p).a_val as usize;
                match (*p).a_type {
                    AT_PHDR => a.phdr = v,
                    AT_PHNUM => a.phnum = v,
                    AT_ENTRY => a.entry = v,
                    AT_RANDOM => a.random = v,
                    AT_SECURE => a.secure = v != 0,
                    AT_EXECFN => a.execfn = v,
                    _ => {}
                }
                p = p.add(1);
            }
        }
        a
    }

    /// Sets an existing auxv entry.
    pub fn set_aux(&self, ty: u64, val: usize) {
        let mut p = self.auxv;
        // SAFETY: as in aux().
        unsafe {
            while (*p).a_type != AT_NULL {
                if (*p).a_type == ty {
                    (*p).a_val = val as u64;
                }
                p = p.add(1);
            }
        }
    }

    pub fn arg(&self, i: usize) -> &'static [u8] {
        if i >= self.argc {
            return &[];
        }
        // SAFETY: i < argc; argv strings live as long as the process.
        unsafe { c_bytes(*self.argv.add(i)) }
    }

    /// Drops the first `k` arguments (ld-vibix and its options) in place: argv,
    /// envp and auxv move down by k words, so %rsp stays 16-byte aligned.
    pub fn drop_args(&mut self, k: usize) {
        // SAFETY: we move words within the stack block we own, ending at AT_NULL.
        unsafe {
            let mut end = self.auxv;
            while (*end).a_type != AT_NULL {
                end = end.add(1);
            }
            let from = self.argv.add(k) as *mut usize;
            let words = (end.add(1) as usize - from as usize) / 8;
            crate::mem::memmove(self.argv as *mut u8, from as *const u8, words * 8);
            *self.sp = self.argc - k;
        }
        // SAFETY: re-parse the rewritten stack.
        *self = unsafe { Stack::parse(self.sp) };
    }

    pub fn settings(&self, aux: &AuxVals) -> Settings {
        let mut s = Settings {
            library_path: &[],
            preload: &[],
            debug: 0,
            tls_surplus: DEFAULT_TLS_SURPLUS,
            list: false,
        };
        if aux.secure {
            return s;
        }
        // One pass over the environment, looking only at LD_* entries.
        let mut e = self.envp;
        // SAFETY: envp is NULL-terminated; the strings live for the whole process.
        unsafe {
            while !(*e).is_null() {
                let p = *e;
                e = e.add(1);
                if *p != b'L' || *p.add(1) != b'D' || *p.add(2) != b'_' {
                    continue;
                }
                let kv = c_bytes(p);
                let Some(eq) = kv.iter().position(|&c| c == b'=') else { continue };
                let (k, v) = (&kv[..eq], &kv[eq + 1..]);
                match k {
                    b"LD_LIBRARY_PATH" => s.library_path = v,
                    b"LD_PRELOAD" => s.preload = v,
                    b"LD_DEBUG" => s.debug = crate::diag::parse_debug(v),
                    _ if k == TLS_SURPLUS_VAR => {
                        if let Some(n) = parse_usize(v) {
                            s.tls_surplus = n.min(1 << 20);
                        }
                    }
                    _ => {}
                }
            }
        }
        // LD_BIND_NOW is accepted: we always bind now.
        s
    }
}

pub fn parse_usize(v: &[u8]) -> Option<usize> {
    if v.is_empty() {
        return None;
    }
    let mut n: usize = 0;
    for &c in v {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add((c - b'0') as usize)?;
    }
    Some(n)
}
