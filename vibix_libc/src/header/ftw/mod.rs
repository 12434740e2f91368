//! `<ftw.h>`: `ftw` and `nftw` file tree walks. Each directory is read whole
//! (and its descriptor closed) before its entries are visited, so the walk
//! holds no directory descriptors of its own and any `fd_limit` suffices.
//! Entries come in directory order. Without FTW_PHYS symbolic links are
//! followed, a dangling one is reported as FTW_SLN, and a directory reached
//! twice (a link cycle) is not entered again.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::header::sys::stat::Stat;
use crate::thread::area::{errno, set_errno};

const FTW_F: c_int = 0;
const FTW_D: c_int = 1;
const FTW_DNR: c_int = 2;
const FTW_NS: c_int = 3;
const FTW_SL: c_int = 4;
const FTW_DP: c_int = 5;
const FTW_SLN: c_int = 6;

const FTW_PHYS: c_int = 1;
const FTW_MOUNT: c_int = 2;
const FTW_CHDIR: c_int = 4;
const FTW_DEPTH: c_int = 8;

const EACCES: c_int = 13;
const ENOENT: c_int = 2;

/// `struct FTW`.
#[repr(C)]
pub struct Ftw {
    pub base: c_int,
    pub level: c_int,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Ftw>(), 8);

type NftwFn = unsafe extern "C" fn(*const c_char, *const Stat, c_int, *mut Ftw) -> c_int;
type FtwFn = unsafe extern "C" fn(*const c_char, *const Stat, c_int) -> c_int;

enum Callback {
    Nftw(NftwFn),
    Ftw(FtwFn),
}

struct Walk {
    cb: Callback,
    flags: c_int,
    dev: u64,
    /// Directories entered, (st_dev, st_ino), when links are followed.
    seen: Vec<(u64, u64)>,
    /// The path of the object being visited, NUL-terminated.
    path: Vec<u8>,
}

fn stat_of(p: &[u8], follow: bool) -> Result<rustix::fs::Stat, rustix::io::Errno> {
    if follow { rustix::fs::stat(p) } else { rustix::fs::lstat(p) }
}

fn to_c(s: &rustix::fs::Stat) -> Stat {
    // SAFETY: rustix's Stat is the kernel's struct stat, the same 144 bytes as ours.
    unsafe { core::mem::transmute_copy(s) }
}

fn is_dir(s: &rustix::fs::Stat) -> bool {
    s.st_mode & 0o170000 == 0o040000
}

/// The names in directory `p` (without "." and "..").
fn names(p: &[u8]) -> Result<Vec<Vec<u8>>, rustix::io::Errno> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(p, OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty())?;
    let mut d = rustix::fs::Dir::read_from(&fd)?;
    let mut out = Vec::new();
    while let Some(e) = d.next() {
        let e = e?;
        let n = e.file_name().to_bytes();
        if n != b"." && n != b".." {
            out.push(n.to_vec());
        }
    }
    Ok(out)
}

impl Walk {
    fn call(&mut self, st: &Stat, kind: c_int, base: usize, level: c_int) -> c_int {
        let p = self.path.as_ptr().cast::<c_char>();
        // SAFETY: the caller's callback gets a NUL-terminated path and a stat buffer that live across the call.
        unsafe {
            match self.cb {
                Callback::Nftw(f) => {
                    let mut ftw = Ftw { base: base as c_int, level };
                    f(p, st, kind, &mut ftw)
                }
                // ftw has no FTW_SLN: a dangling link is a file it cannot stat.
                Callback::Ftw(f) => f(p, st, if kind == FTW_SLN { FTW_NS } else { kind }),
            }
        }
    }

    /// Visits `self.path` (whose last component starts at `base`); `access`
    /// is how to reach it from the current directory.
    fn visit(&mut self, access: &[u8], base: usize, level: c_int) -> c_int {
        let follow = self.flags & FTW_PHYS == 0;
        let mut kind;
        let st = match stat_of(access, follow) {
            Ok(s) => {
                kind = if is_dir(&s) {
                    FTW_D
                } else if s.st_mode & 0o170000 == 0o120000 {
                    FTW_SL
                } else {
                    FTW_F
                };
                Some(s)
            }
            Err(e) if e.raw_os_error() != EACCES && e.raw_os_error() != ENOENT => {
                set_errno(e.raw_os_error());
                return -1;
            }
            Err(_) => match (follow, rustix::fs::lstat(access)) {
                (true, Ok(l)) if l.st_mode & 0o170000 == 0o120000 => {
                    kind = FTW_SLN;
                    Some(l)
                }
                _ => {
                    kind = FTW_NS;
                    None
                }
            },
        };
        // SAFETY: an all-zero struct stat is a valid value (FTW_NS leaves it undefined).
        let cst = st.as_ref().map(to_c).unwrap_or_else(|| unsafe { core::mem::zeroed() });
        if let Some(s) = &st {
            if self.flags & FTW_MOUNT != 0 && s.st_dev != self.dev {
                return 0;
            }
        }
        if kind != FTW_D {
            return self.call(&cst, kind, base, level);
        }
        let s = st.as_ref().map(|s| (s.st_dev, s.st_ino)).unwrap_or_default();
        if follow {
            if self.seen.contains(&s) {
                return 0;
            }
            self.seen.push(s);
        }
        let list = match names(access) {
            Ok(l) => Some(l),
            Err(e) if e.raw_os_error() == EACCES => {
                kind = FTW_DNR;
                None
            }
            Err(e) => {
                set_errno(e.raw_os_error());
                return -1;
            }
        };
        if self.flags & FTW_DEPTH == 0 || kind == FTW_DNR {
            let r = self.call(&cst, kind, base, level);
            if r != 0 || kind == FTW_DNR {
                return r;
            }
        }
        let list = list.unwrap_or_default();
        let chdir = self.flags & FTW_CHDIR != 0;
        let back = if chdir {
            use rustix::fs::{Mode, OFlags};
            let Ok(back) = rustix::fs::open(".", OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()) else { return -1 };
            if let Err(e) = rustix::process::chdir(access) {
                set_errno(e.raw_os_error());
                return -1;
            }
            Some(back)
        } else {
            None
        };
        let here = self.path.len() - 1;
        let mut r = 0;
        for name in &list {
            self.path.truncate(here);
            if self.path.last() != Some(&b'/') {
                self.path.push(b'/');
            }
            let b = self.path.len();
            self.path.extend_from_slice(name);
            let full = self.path.clone();
            self.path.push(0);
            let access: &[u8] = if chdir { name } else { &full };
            r = self.visit(access, b, level + 1);
            if r != 0 {
                break;
            }
        }
        self.path.truncate(here);
        self.path.push(0);
        if r == 0 && self.flags & FTW_DEPTH != 0 {
            r = self.call(&cst, FTW_DP, base, level);
        }
        if let Some(back) = back {
            if rustix::process::fchdir(&back).is_err() && r == 0 {
                r = -1;
            }
        }
        r
    }
}

unsafe fn walk(path: *const c_char, cb: Callback, flags: c_int) -> c_int {
    // SAFETY: path is a C string (C contract).
    let p = unsafe { CStr::from_ptr(path) }.to_bytes();
    if p.is_empty() {
        set_errno(ENOENT);
        return -1;
    }
    // A root that does not exist is an error, not an FTW_NS visit.
    if let Err(e) = rustix::fs::lstat(p) {
        if e.raw_os_error() != EACCES {
            set_errno(e.raw_os_error());
            return -1;
        }
    }
    let saved = errno();
    let follow = flags & FTW_PHYS == 0;
    let dev = match stat_of(p, follow).or_else(|_| rustix::fs::lstat(p)) {
        Ok(s) => s.st_dev,
        Err(_) => 0,
    };
    // The last component, trailing slashes aside.
    let mut end = p.len();
    while end > 1 && p[end - 1] == b'/' {
        end -= 1;
    }
    let base = p[..end].iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1);
    let mut path = p.to_vec();
    path.push(0);
    let mut w = Walk { cb, flags, dev, seen: Vec::new(), path };
    let r = if flags & FTW_CHDIR != 0 && base > 0 {
        use rustix::fs::{Mode, OFlags};
        let Ok(back) = rustix::fs::open(".", OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()) else { return -1 };
        if let Err(e) = rustix::process::chdir(&p[..base]) {
            set_errno(e.raw_os_error());
            return -1;
        }
        let r = w.visit(&p[base..], base, 0);
        let _ = rustix::process::fchdir(&back);
        r
    } else {
        w.visit(p, base, 0)
    };
    if r == 0 {
        set_errno(saved);
    }
    r
}

/// POSIX `nftw`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nftw(path: *const c_char, f: NftwFn, _fd_limit: c_int, flags: c_int) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { walk(path, Callback::Nftw(f), flags) }
}

/// POSIX `ftw` (obsolescent): `nftw` without flags or `struct FTW`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ftw(path: *const c_char, f: FtwFn, _fd_limit: c_int) -> c_int {
    // SAFETY: forwarded C contract.
    unsafe { walk(path, Callback::Ftw(f), 0) }
}
