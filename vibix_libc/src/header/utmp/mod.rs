//! `<utmp.h>`/`<utmpx.h>`: the login records database, a file of 384-byte
//! `struct utmp` records (glibc's x86_64 layout), `/var/run/utmp` unless
//! utmpname() chose another. The utmpx names are the same functions. Not
//! thread-safe (one static cursor and result, as POSIX allows).
use core::ffi::{c_char, c_int, CStr};
use rustix::fd::OwnedFd;
use rustix::fs::{Mode, OFlags};

const RECORD: usize = 384;
const RUN_LVL: i16 = 1;
const BOOT_TIME: i16 = 2;
const NEW_TIME: i16 = 3;
const OLD_TIME: i16 = 4;
const INIT_PROCESS: i16 = 5;
const LOGIN_PROCESS: i16 = 6;
const USER_PROCESS: i16 = 7;
const DEAD_PROCESS: i16 = 8;
const LINE: core::ops::Range<usize> = 8..40;
const ID: core::ops::Range<usize> = 40..44;

type Rec = [u8; RECORD];

struct State {
    path: [u8; 256],
    fd: Option<OwnedFd>,
    pos: u64,
    last: Rec,
}

static mut STATE: State = State { path: [0; 256], fd: None, pos: 0, last: [0; RECORD] };

fn st() -> &'static mut State {
    // SAFETY: the single static cursor of this non-thread-safe interface.
    unsafe { &mut *core::ptr::addr_of_mut!(STATE) }
}

fn path(s: &State) -> &CStr {
    if s.path[0] == 0 { c"/var/run/utmp" } else { CStr::from_bytes_until_nul(&s.path).unwrap_or(c"/var/run/utmp") }
}

fn open(s: &mut State) -> bool {
    if s.fd.is_none() {
        let p = path(s);
        let fd = rustix::fs::open(p, OFlags::RDWR | OFlags::CLOEXEC, Mode::empty()).or_else(|_| rustix::fs::open(p, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()));
        match fd {
            Ok(fd) => s.fd = Some(fd),
            Err(e) => return crate::thread::area::fail(e, false),
        }
        s.pos = 0;
    }
    true
}

fn ty(r: &Rec) -> i16 {
    i16::from_ne_bytes([r[0], r[1]])
}

/// The next whole record from the cursor.
fn next(s: &mut State) -> Option<Rec> {
    if !open(s) {
        return None;
    }
    let fd = s.fd.as_ref()?;
    let mut r = [0u8; RECORD];
    match rustix::io::pread(fd, &mut r, s.pos) {
        Ok(RECORD) => {
            s.pos += RECORD as u64;
            Some(r)
        }
        _ => None,
    }
}

fn result(r: Option<Rec>) -> *mut Rec {
    let s = st();
    match r {
        Some(r) => {
            s.last = r;
            &raw mut s.last
        }
        None => core::ptr::null_mut(),
    }
}

/// XSI `getutxent` / `getutent`.
#[unsafe(no_mangle)]
pub extern "C" fn getutxent() -> *mut Rec {
    result(next(st()))
}

fn id_matches(want: &Rec, r: &Rec) -> bool {
    match ty(want) {
        RUN_LVL | BOOT_TIME | NEW_TIME | OLD_TIME => ty(r) == ty(want),
        INIT_PROCESS | LOGIN_PROCESS | USER_PROCESS | DEAD_PROCESS => {
            matches!(ty(r), INIT_PROCESS | LOGIN_PROCESS | USER_PROCESS | DEAD_PROCESS) && r[ID] == want[ID]
        }
        _ => false,
    }
}

/// XSI `getutxid` / `getutid`: the next record matching `ut`'s type (or id).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getutxid(ut: *const Rec) -> *mut Rec {
    // SAFETY: ut is a struct utmpx.
    let want = unsafe { *ut };
    let s = st();
    while let Some(r) = next(s) {
        if id_matches(&want, &r) {
            return result(Some(r));
        }
    }
    core::ptr::null_mut()
}

/// XSI `getutxline` / `getutline`: the next login or user record on `ut`'s line.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getutxline(ut: *const Rec) -> *mut Rec {
    // SAFETY: ut is a struct utmpx.
    let want = unsafe { *ut };
    let s = st();
    while let Some(r) = next(s) {
        if matches!(ty(&r), LOGIN_PROCESS | USER_PROCESS) && r[LINE] == want[LINE] {
            return result(Some(r));
        }
    }
    core::ptr::null_mut()
}

/// XSI `pututxline` / `pututline`: replaces the matching record or appends.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pututxline(ut: *const Rec) -> *mut Rec {
    // SAFETY: ut is a struct utmpx.
    let rec = unsafe { *ut };
    let s = st();
    if !open(s) {
        return core::ptr::null_mut();
    }
    // Search from the start for the slot to overwrite.
    s.pos = 0;
    let mut at = None;
    while let Some(r) = next(s) {
        if id_matches(&rec, &r) {
            at = Some(s.pos - RECORD as u64);
            break;
        }
    }
    let Some(fd) = s.fd.as_ref() else { return core::ptr::null_mut() };
    let off = match at {
        Some(o) => o,
        None => match rustix::fs::seek(fd, rustix::fs::SeekFrom::End(0)) {
            Ok(end) => end - end % RECORD as u64,
            Err(e) => return crate::thread::area::fail(e, core::ptr::null_mut()),
        },
    };
    match rustix::io::pwrite(fd, &rec, off) {
        Ok(RECORD) => {
            s.pos = off + RECORD as u64;
            result(Some(rec))
        }
        Ok(_) => core::ptr::null_mut(),
        Err(e) => crate::thread::area::fail(e, core::ptr::null_mut()),
    }
}

/// XSI `setutxent` / `setutent`: back to the first record.
#[unsafe(no_mangle)]
pub extern "C" fn setutxent() {
    st().pos = 0;
}

/// XSI `endutxent` / `endutent`: closes the file.
#[unsafe(no_mangle)]
pub extern "C" fn endutxent() {
    let s = st();
    s.fd = None;
    s.pos = 0;
}

/// `utmpxname` / `utmpname`: use another file; 0, or -1 if the name is too long.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn utmpxname(file: *const c_char) -> c_int {
    // SAFETY: file is a C string.
    let b = unsafe { CStr::from_ptr(file) }.to_bytes_with_nul();
    let s = st();
    if b.len() > s.path.len() {
        return crate::thread::area::fail(rustix::io::Errno::NAMETOOLONG, -1);
    }
    endutxent();
    s.path = [0; 256];
    s.path[..b.len()].copy_from_slice(b);
    0
}

/// `updwtmpx` / `updwtmp`: appends one record to a wtmp file.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn updwtmpx(file: *const c_char, ut: *const Rec) {
    // SAFETY: file is a C string; ut a struct utmpx.
    let (p, rec) = unsafe { (CStr::from_ptr(file), *ut) };
    if let Ok(fd) = rustix::fs::open(p, OFlags::WRONLY | OFlags::APPEND | OFlags::CLOEXEC, Mode::empty()) {
        let _ = rustix::io::write(&fd, &rec);
    }
}

macro_rules! alias {
    ($($name:ident($($a:ident: $t:ty),*) -> $r:ty => $target:ident;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            // SAFETY: the utmp name of the same function.
            #[allow(unused_unsafe)]
            unsafe { $target($($a),*) }
        }
    )*};
}
alias! {
    getutent() -> *mut Rec => getutxent;
    getutid(ut: *const Rec) -> *mut Rec => getutxid;
    getutline(ut: *const Rec) -> *mut Rec => getutxline;
    pututline(ut: *const Rec) -> *mut Rec => pututxline;
    setutent() -> () => setutxent;
    endutent() -> () => endutxent;
    utmpname(f: *const c_char) -> c_int => utmpxname;
    updwtmp(f: *const c_char, ut: *const Rec) -> () => updwtmpx;
}
