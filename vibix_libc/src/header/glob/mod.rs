//! `<glob.h>`: path-name expansion. The pattern is split at `/`; components
//! without special characters are taken literally, the others are matched
//! against directory entries with fnmatch (leading `.` only explicitly unless
//! GLOB_PERIOD). Flags: GLOB_ERR, MARK, NOSORT, DOOFFS, NOCHECK, APPEND,
//! NOESCAPE, PERIOD, TILDE, TILDE_CHECK; results sorted bytewise (C locale).
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::header::fnmatch::{self, FNM_NOESCAPE, FNM_PERIOD};

const GLOB_ERR: c_int = 0x01;
const GLOB_MARK: c_int = 0x02;
const GLOB_NOSORT: c_int = 0x04;
const GLOB_DOOFFS: c_int = 0x08;
const GLOB_NOCHECK: c_int = 0x10;
const GLOB_APPEND: c_int = 0x20;
const GLOB_NOESCAPE: c_int = 0x40;
const GLOB_PERIOD: c_int = 0x80;
const GLOB_TILDE: c_int = 0x1000;
const GLOB_TILDE_CHECK: c_int = 0x4000;
const GLOB_NOSPACE: c_int = 1;
const GLOB_ABORTED: c_int = 2;
const GLOB_NOMATCH: c_int = 3;

/// glibc's `glob_t`.
#[repr(C)]
pub struct Glob {
    gl_pathc: usize,
    gl_pathv: *mut *mut c_char,
    gl_offs: usize,
    gl_flags: c_int,
    _funcs: [usize; 5],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Glob>(), 72);

impl Glob {
    /// The matched paths (after any offsets), copied.
    pub fn paths(&self) -> Vec<Vec<u8>> {
        let offs = if self.gl_flags & GLOB_DOOFFS != 0 { self.gl_offs } else { 0 };
        (0..self.gl_pathc)
            // SAFETY: glob filled gl_pathv with gl_pathc C strings after the offsets.
            .map(|i| unsafe { CStr::from_ptr(*self.gl_pathv.add(offs + i)) }.to_bytes().to_vec())
            .collect()
    }
}

type ErrFunc = Option<unsafe extern "C" fn(*const c_char, c_int) -> c_int>;

fn is_magic(c: &[u8], flags: c_int) -> bool {
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            b'*' | b'?' | b'[' => return true,
            b'\\' if flags & GLOB_NOESCAPE == 0 => i += 1,
            _ => {}
        }
        i += 1;
    }
    false
}

fn unescape(c: &[u8], flags: c_int) -> Vec<u8> {
    if flags & GLOB_NOESCAPE != 0 {
        return c.to_vec();
    }
    let mut out = Vec::with_capacity(c.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] == b'\\' && i + 1 < c.len() {
            i += 1;
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

struct Walk {
    flags: c_int,
    errfunc: ErrFunc,
    found: Vec<Vec<u8>>,
    aborted: bool,
}

fn cstring(b: &[u8]) -> Vec<u8> {
    let mut v = b.to_vec();
    v.push(0);
    v
}

impl Walk {
    /// Expands `comps` below `base` (a path prefix ending in '/' or empty).
    fn expand(&mut self, base: &[u8], comps: &[&[u8]]) {
        if self.aborted {
            return;
        }
        let Some((first, rest)) = comps.split_first() else {
            self.add(base);
            return;
        };
        if first.is_empty() {
            // Repeated '/': keep it.
            let mut b = base.to_vec();
            b.push(b'/');
            return self.expand(&b, rest);
        }
        if !is_magic(first, self.flags) {
            let mut p = base.to_vec();
            p.extend_from_slice(&unescape(first, self.flags));
            if rest.is_empty() {
                if rustix::fs::lstat(&p[..]).is_ok() || rustix::fs::stat(&p[..]).is_ok() {
                    self.add(&p);
                }
            } else {
                p.push(b'/');
                self.expand(&p, rest);
            }
            return;
        }
        let dir = if base.is_empty() { b".".to_vec() } else { base.to_vec() };
        let names = match read_dir(&dir) {
            Ok(n) => n,
            // "file/*": nothing below a non-directory, and no error (glibc, musl).
            Err(rustix::io::Errno::NOTDIR) => return,
            Err(e) => {
                if let Some(f) = self.errfunc {
                    // The directory as named, without the slash glob added.
                    let mut d = dir.clone();
                    while d.len() > 1 && d.ends_with(b"/") {
                        d.pop();
                    }
                    let d = cstring(&d);
                    // SAFETY: the caller's error callback with a C string path.
                    if unsafe { f(d.as_ptr().cast(), e.raw_os_error()) } != 0 {
                        self.aborted = true;
                    }
                }
                if self.flags & GLOB_ERR != 0 {
                    self.aborted = true;
                }
                return;
            }
        };
        let mut fl = if self.flags & GLOB_NOESCAPE != 0 { FNM_NOESCAPE } else { 0 };
        if self.flags & GLOB_PERIOD == 0 {
            fl |= FNM_PERIOD;
        }
        for (name, kind) in names {
            if (name == b"." || name == b"..") && first.first() != Some(&b'.') && self.flags & GLOB_PERIOD == 0 {
                continue;
            }
            if !fnmatch::matches(first, &name, fl) {
                continue;
            }
            let mut p = base.to_vec();
            p.extend_from_slice(&name);
            if rest.is_empty() {
                self.add(&p);
            } else if maybe_dir(kind, &p) {
                p.push(b'/');
                self.expand(&p, rest);
            }
            if self.aborted {
                return;
            }
        }
    }

    fn add(&mut self, p: &[u8]) {
        let mut p = p.to_vec();
        if self.flags & GLOB_MARK != 0 && p.last() != Some(&b'/') && rustix::fs::stat(&p[..]).is_ok_and(|s| s.st_mode & 0o170000 == 0o040000) {
            p.push(b'/');
        }
        self.found.push(p);
    }
}

/// The names in `dir` with their d_type.
fn read_dir(dir: &[u8]) -> rustix::io::Result<Vec<(Vec<u8>, rustix::fs::FileType)>> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(dir, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
    let mut d = rustix::fs::Dir::read_from(&fd)?;
    let mut out = Vec::new();
    while let Some(e) = d.next() {
        let e = e?;
        out.push((e.file_name().to_bytes().to_vec(), e.file_type()));
    }
    Ok(out)
}

/// Whether a pattern may go on below `path` (a directory, or a symbolic
/// link or unknown type that stat says is one).
fn maybe_dir(kind: rustix::fs::FileType, path: &[u8]) -> bool {
    use rustix::fs::FileType;
    match kind {
        FileType::Directory => true,
        FileType::Symlink | FileType::Unknown => {
            rustix::fs::stat(path).is_ok_and(|s| s.st_mode & 0o170000 == 0o040000)
        }
        _ => false,
    }
}

/// `~` or `~user` at the start of the pattern, replaced by the home directory.
fn tilde(pat: &[u8], flags: c_int) -> Option<Vec<u8>> {
    if flags & (GLOB_TILDE | GLOB_TILDE_CHECK) == 0 || pat.first() != Some(&b'~') {
        return Some(pat.to_vec());
    }
    let end = pat.iter().position(|&c| c == b'/').unwrap_or(pat.len());
    let user = &pat[1..end];
    let home: Option<Vec<u8>> = if user.is_empty() {
        // SAFETY: getenv returns NULL or a C string.
        let h = unsafe { crate::header::stdlib::env::getenv(c"HOME".as_ptr()) };
        if h.is_null() { home_of(None) } else { Some(unsafe { CStr::from_ptr(h) }.to_bytes().to_vec()) }
    } else {
        home_of(Some(user))
    };
    match home {
        Some(mut h) => {
            h.extend_from_slice(&pat[end..]);
            Some(h)
        }
        None if flags & GLOB_TILDE_CHECK != 0 => None,
        None => Some(pat.to_vec()),
    }
}

fn home_of(user: Option<&[u8]>) -> Option<Vec<u8>> {
    let mut buf = alloc::vec![0 as c_char; 4096];
    let mut pw = core::mem::MaybeUninit::<[usize; 6]>::uninit();
    let mut res: *mut [usize; 6] = core::ptr::null_mut();
    // SAFETY: our buffers; struct passwd is 48 bytes ([usize; 6]).
    let r = unsafe {
        match user {
            Some(u) => {
                let n = cstring(u);
                crate::header::pwd::getpwnam_r(n.as_ptr().cast(), pw.as_mut_ptr().cast(), buf.as_mut_ptr(), buf.len(), (&mut res as *mut *mut [usize; 6]).cast())
            }
            None => crate::header::pwd::getpwuid_r(rustix::process::getuid().as_raw(), pw.as_mut_ptr().cast(), buf.as_mut_ptr(), buf.len(), (&mut res as *mut *mut [usize; 6]).cast()),
        }
    };
    if r != 0 || res.is_null() {
        return None;
    }
    // SAFETY: pw_dir is the fifth pointer-sized field (after the two ids word).
    let dir = unsafe { (*res)[4] } as *const c_char;
    // SAFETY: a C string in buf.
    Some(unsafe { CStr::from_ptr(dir) }.to_bytes().to_vec())
}

/// POSIX `glob`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn glob(pat: *const c_char, flags: c_int, errfunc: ErrFunc, g: *mut Glob) -> c_int {
    // SAFETY: pat is a C string and g a glob_t (C contract).
    let (pat, g) = unsafe { (CStr::from_ptr(pat).to_bytes(), &mut *g) };
    if flags & GLOB_APPEND == 0 {
        g.gl_pathc = 0;
        g.gl_pathv = core::ptr::null_mut();
        if flags & GLOB_DOOFFS == 0 {
            g.gl_offs = 0;
        }
    }
    g.gl_flags = flags;
    let mut w = Walk { flags, errfunc, found: Vec::new(), aborted: false };
    let expanded = tilde(pat, flags);
    if expanded.is_none() {
        // GLOB_TILDE_CHECK and an unknown user: no match, whatever GLOB_NOCHECK says.
        return GLOB_NOMATCH;
    }
    let bare_tilde = pat.first() == Some(&b'~') && !pat.contains(&b'/') && flags & (GLOB_TILDE | GLOB_TILDE_CHECK) != 0;
    if let (true, Some(p)) = (bare_tilde, &expanded) {
        // A bare `~` or `~user` is the home directory itself, as in the shell.
        w.found.push(p.clone());
    } else if let Some(p) = &expanded {
        let (base, body): (&[u8], &[u8]) = if p.first() == Some(&b'/') { (b"/", &p[1..]) } else { (b"", &p[..]) };
        let comps: Vec<&[u8]> = body.split(|&c| c == b'/').collect();
        // A trailing '/' leaves an empty last component: it asks for directories.
        let comps: &[&[u8]] = if comps.len() > 1 && comps.last() == Some(&&b""[..]) { &comps[..comps.len() - 1] } else { &comps };
        if p.last() == Some(&b'/') && p.len() > 1 {
            let mut b = base.to_vec();
            expand_dirs(&mut w, &mut b, comps);
        } else {
            w.expand(base, comps);
        }
    }
    if w.aborted {
        return GLOB_ABORTED;
    }
    if w.found.is_empty() {
        if flags & GLOB_NOCHECK == 0 {
            return GLOB_NOMATCH;
        }
        w.found.push(pat.to_vec());
    } else if flags & GLOB_NOSORT == 0 {
        w.found.sort();
    }
    // SAFETY: g is the caller's glob_t; its old vector came from us.
    unsafe { store(g, w.found, flags) }
}

/// "pattern/": each match that is a directory, with the slash.
fn expand_dirs(w: &mut Walk, base: &mut Vec<u8>, comps: &[&[u8]]) {
    let before = w.found.len();
    w.expand(base, comps);
    let mut kept = Vec::new();
    for mut p in w.found.drain(before..) {
        if rustix::fs::stat(&p[..]).is_ok_and(|s| s.st_mode & 0o170000 == 0o040000) {
            if p.last() != Some(&b'/') {
                p.push(b'/');
            }
            kept.push(p);
        }
    }
    w.found.extend(kept);
}

/// Appends `paths` to `g.gl_pathv` (after `gl_offs` NULLs), NULL-terminated.
unsafe fn store(g: &mut Glob, paths: Vec<Vec<u8>>, flags: c_int) -> c_int {
    use crate::header::stdlib::malloc::{malloc, realloc};
    let offs = if flags & GLOB_DOOFFS != 0 { g.gl_offs } else { 0 };
    let old = g.gl_pathc;
    let total = offs + old + paths.len() + 1;
    // SAFETY: gl_pathv is NULL or our earlier allocation.
    let v = unsafe { realloc(g.gl_pathv.cast(), total * core::mem::size_of::<*mut c_char>()) }.cast::<*mut c_char>();
    if v.is_null() {
        return GLOB_NOSPACE;
    }
    // SAFETY: v has `total` slots.
    unsafe {
        if g.gl_pathv.is_null() {
            for i in 0..offs {
                *v.add(i) = core::ptr::null_mut();
            }
        }
        for (k, p) in paths.iter().enumerate() {
            let s = malloc(p.len() + 1).cast::<u8>();
            if s.is_null() {
                g.gl_pathv = v;
                *v.add(offs + old + k) = core::ptr::null_mut();
                g.gl_pathc = old + k;
                return GLOB_NOSPACE;
            }
            core::ptr::copy_nonoverlapping(p.as_ptr(), s, p.len());
            *s.add(p.len()) = 0;
            *v.add(offs + old + k) = s.cast();
        }
        *v.add(total - 1) = core::ptr::null_mut();
    }
    g.gl_pathv = v;
    g.gl_pathc = old + paths.len();
    0
}

/// POSIX `globfree`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn globfree(g: *mut Glob) {
    use crate::header::stdlib::malloc::free;
    // SAFETY: g is a glob_t filled by glob().
    unsafe {
        let g = &mut *g;
        if g.gl_pathv.is_null() {
            return;
        }
        let offs = if g.gl_flags & GLOB_DOOFFS != 0 { g.gl_offs } else { 0 };
        for i in 0..g.gl_pathc {
            free((*g.gl_pathv.add(offs + i)).cast());
        }
        free(g.gl_pathv.cast());
        g.gl_pathv = core::ptr::null_mut();
        g.gl_pathc = 0;
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn glob64(pat: *const c_char, flags: c_int, errfunc: ErrFunc, g: *mut Glob) -> c_int {
    // SAFETY: same contract.
    unsafe { glob(pat, flags, errfunc, g) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn globfree64(g: *mut Glob) {
    // SAFETY: same contract.
    unsafe { globfree(g) }
}
