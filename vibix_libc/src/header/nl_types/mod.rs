//! `<nl_types.h>`: X/Open message catalogs (catopen/catgets/catclose) in the
//! binary format `gencat` writes: a 12-byte header (magic 0x960408de, plane
//! size P, plane depth D), a table of P*D (set+1, msg, offset) triples in the
//! writer's byte order and the same table byte-swapped, then the strings.
//! Message (s, m) is at slot ((s+1)*m) % P of one of the D planes. The file is
//! mapped read-only; every offset is checked against its size.
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::mapped::MappedFile;
use crate::thread::area::set_errno;

const NL_CAT_LOCALE: c_int = 1;
const EBADF: c_int = 9;
const ENOMSG: c_int = 42;
const ENOENT: c_int = 2;
const CATD_FAILED: *mut Cat = !0usize as *mut Cat;
const DEFAULT_NLSPATH: &[u8] = b"/usr/share/locale/%L/%N:/usr/share/locale/%L/LC_MESSAGES/%N:/usr/share/locale/%l/%N:/usr/share/locale/%l/LC_MESSAGES/%N";

pub struct Cat {
    file: MappedFile,
    planes: usize,
    plane_size: usize,
}

impl Cat {
    fn word(&self, off: usize) -> Option<u32> {
        self.file.word(off)
    }
    fn open(path: &CStr) -> Result<Cat, rustix::io::Errno> {
        let mut file = MappedFile::open(path, 12)?;
        let ok = match file.word(0) {
            Some(0x960408de) => true,
            Some(0xde080496) => {
                file.swap = true;
                true
            }
            _ => false,
        };
        let (ps, pd) = (file.word(4).unwrap_or(0) as usize, file.word(8).unwrap_or(0) as usize);
        let fits = ps.checked_mul(pd).and_then(|n| n.checked_mul(24)).is_some_and(|t| 12 + t <= file.len());
        if !ok || ps == 0 || pd == 0 || !fits {
            // SAFETY: the mapping was not handed out.
            unsafe { file.unmap() };
            return Err(rustix::io::Errno::INVAL);
        }
        Ok(Cat { file, planes: pd, plane_size: ps })
    }
    fn get(&self, set: c_int, msg: c_int) -> Option<*const c_char> {
        let (s, m) = ((set as u32).wrapping_add(1), msg as u32);
        let n = self.plane_size * self.planes;
        let strings = 12 + n * 24;
        let first = ((s as u64 * m as u64) % self.plane_size as u64) as usize;
        for d in 0..self.planes {
            let slot = 12 + (first + d * self.plane_size) * 12;
            if self.word(slot)? == s && self.word(slot + 4)? == m {
                let at = strings.checked_add(self.word(slot + 8)? as usize)?;
                let tail = self.file.bytes().get(at..)?;
                tail.iter().position(|&c| c == 0)?;
                return Some(tail.as_ptr() as *const c_char);
            }
        }
        None
    }
}

/// `tmpl` with %N (name), %L (locale), %l (language), %t (territory),
/// %c (codeset) and %% replaced, NUL-terminated.
fn expand(tmpl: &[u8], name: &[u8], locale: &[u8]) -> Vec<u8> {
    let (rest, _) = locale.split_at(locale.iter().position(|&c| c == b'@').unwrap_or(locale.len()));
    let dot = rest.iter().position(|&c| c == b'.');
    let codeset = dot.map_or(&b""[..], |i| &rest[i + 1..]);
    let rest = &rest[..dot.unwrap_or(rest.len())];
    let us = rest.iter().position(|&c| c == b'_');
    let lang = &rest[..us.unwrap_or(rest.len())];
    let terr = us.map_or(&b""[..], |i| &rest[i + 1..]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tmpl.len() {
        if tmpl[i] == b'%' && i + 1 < tmpl.len() {
            match tmpl[i + 1] {
                b'N' => out.extend_from_slice(name),
                b'L' => out.extend_from_slice(locale),
                b'l' => out.extend_from_slice(lang),
                b't' => out.extend_from_slice(terr),
                b'c' => out.extend_from_slice(codeset),
                b'%' => out.push(b'%'),
                other => out.extend_from_slice(&[b'%', other]),
            }
            i += 2;
        } else {
            out.push(tmpl[i]);
            i += 1;
        }
    }
    out.push(0);
    out
}

fn cstr(p: *const c_char) -> &'static [u8] {
    // SAFETY: callers pass non-null C strings from the environment.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

fn env(name: &CStr) -> Option<&'static [u8]> {
    // SAFETY: a C string constant; getenv's result is a C string or NULL.
    let p = unsafe { crate::header::stdlib::env::getenv(name.as_ptr()) };
    if p.is_null() { None } else { Some(cstr(p)) }
}

/// POSIX `catopen`: a name with a '/' is a path; otherwise each NLSPATH
/// template is tried with %L from LC_MESSAGES (NL_CAT_LOCALE) or $LANG.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn catopen(name: *const c_char, flag: c_int) -> *mut Cat {
    if name.is_null() {
        set_errno(ENOENT);
        return CATD_FAILED;
    }
    // SAFETY: name is a C string.
    let n = unsafe { CStr::from_ptr(name) };
    let nb = n.to_bytes();
    let found = if nb.contains(&b'/') {
        Cat::open(n)
    } else {
        let locale: Vec<u8> = if flag == NL_CAT_LOCALE {
            // SAFETY: the thread's locale is live.
            unsafe { (*crate::header::locale::current_locale()).name(5) }.to_vec()
        } else {
            env(c"LANG").filter(|l| !l.is_empty()).unwrap_or(b"C").to_vec()
        };
        // Templates from the environment are ignored in set-id programs.
        // SAFETY: a C string constant; the result is a C string or NULL.
        let sp = unsafe { crate::header::stdlib::env::secure_getenv(c"NLSPATH".as_ptr()) };
        let path = if sp.is_null() { None } else { Some(cstr(sp)) };
        let mut last = Err(rustix::io::Errno::NOENT);
        for t in path.unwrap_or(DEFAULT_NLSPATH).split(|&c| c == b':').filter(|t| !t.is_empty()) {
            let p = expand(t, nb, &locale);
            let Ok(c) = CStr::from_bytes_with_nul(&p) else { continue };
            last = Cat::open(c);
            if last.is_ok() {
                break;
            }
        }
        last
    };
    match found {
        Ok(c) => Box::into_raw(Box::new(c)),
        Err(e) => {
            set_errno(e.raw_os_error());
            CATD_FAILED
        }
    }
}

/// POSIX `catgets`: message `msg` of set `set`, else `s` (errno ENOMSG).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn catgets(cat: *mut Cat, set: c_int, msg: c_int, s: *const c_char) -> *mut c_char {
    if cat.is_null() || cat == CATD_FAILED {
        set_errno(EBADF);
        return s as *mut c_char;
    }
    // SAFETY: cat came from catopen and was not closed (caller contract).
    match unsafe { (*cat).get(set, msg) } {
        Some(p) => p as *mut c_char,
        None => {
            set_errno(ENOMSG);
            s as *mut c_char
        }
    }
}

/// POSIX `catclose`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn catclose(cat: *mut Cat) -> c_int {
    if cat.is_null() || cat == CATD_FAILED {
        set_errno(EBADF);
        return -1;
    }
    // SAFETY: cat came from catopen; it and its mapping are ours to free.
    unsafe {
        Box::from_raw(cat).file.unmap();
    }
    0
}
