//! `<shadow.h>`: the shadow password database, `/etc/shadow` (nine fields;
//! empty numbers read as -1, an empty flag as ~0), and its lock file.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_long, c_ulong};
use rustix::io::Errno;
use static_assertions::const_assert_eq;

use crate::header::pwd::db::{self, Cursor, Packer, Static, ERANGE};
use crate::header::stdio::file::File;
use crate::thread::area::fail;

/// `struct spwd`.
#[repr(C)]
pub struct Spwd {
    sp_namp: *mut c_char,
    sp_pwdp: *mut c_char,
    nums: [c_long; 6],
    sp_flag: c_ulong,
}
const_assert_eq!(core::mem::size_of::<Spwd>(), 72);

const SHADOW: &core::ffi::CStr = c"/etc/shadow";

/// A number field: empty is -1; anything else must be decimal.
fn num(b: &[u8]) -> Option<c_long> {
    if b.is_empty() {
        return Some(-1);
    }
    core::str::from_utf8(b).ok()?.parse().ok()
}

fn parse(line: &[u8]) -> Option<([&[u8]; 9], [c_long; 6], c_ulong)> {
    let f = db::fields::<9>(line)?;
    let mut n = [0; 6];
    for (i, v) in n.iter_mut().enumerate() {
        *v = num(f[2 + i])?;
    }
    let flag = if f[8].is_empty() { !0 } else { core::str::from_utf8(f[8]).ok()?.parse().ok()? };
    Some((f, n, flag))
}

unsafe fn fill(line: &[u8], sp: *mut Spwd, buf: *mut c_char, len: usize) -> c_int {
    let Some((f, nums, flag)) = parse(line) else { return 0 };
    // SAFETY: buf has len bytes (C contract).
    let mut p = unsafe { Packer::new(buf, len) };
    let (Some(name), Some(pw)) = (p.str(f[0]), p.str(f[1])) else { return ERANGE };
    // SAFETY: sp is writable.
    unsafe { sp.write(Spwd { sp_namp: name, sp_pwdp: pw, nums, sp_flag: flag }) };
    0
}

/// glibc `getspnam_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getspnam_r(name: *const c_char, sp: *mut Spwd, buf: *mut c_char, len: usize, result: *mut *mut Spwd) -> c_int {
    // SAFETY: result is a valid out pointer; name a C string.
    let name = unsafe {
        *result = core::ptr::null_mut();
        db::bytes(name)
    };
    let data = match crate::compat::files::read_small(SHADOW) {
        Some(d) => d,
        // Unreadable shadow file (not root): the error is the caller's answer.
        None => return crate::thread::area::errno(),
    };
    let Some(line) = db::lines(&data).find(|l| parse(l).is_some_and(|(f, _, _)| f[0] == name)) else { return 0 };
    // SAFETY: forwards the caller's buffers.
    let r = unsafe { fill(line, sp, buf, len) };
    if r == 0 {
        // SAFETY: as above.
        unsafe { *result = sp };
    }
    r
}

struct State {
    buf: Static,
    sp: Spwd,
    cursor: Cursor,
}
static mut STATE: State = State {
    buf: Static::new(),
    sp: Spwd { sp_namp: core::ptr::null_mut(), sp_pwdp: core::ptr::null_mut(), nums: [0; 6], sp_flag: 0 },
    cursor: Cursor::new(),
};

fn state() -> &'static mut State {
    // SAFETY: the non-reentrant interface's single static result.
    unsafe { &mut *core::ptr::addr_of_mut!(STATE) }
}

fn static_entry(line: Option<Vec<u8>>) -> *mut Spwd {
    let Some(line) = line else { return core::ptr::null_mut() };
    let st = state();
    let sp = &raw mut st.sp;
    // SAFETY: the Static buffer and our static spwd.
    if st.buf.with(|b, n| unsafe { fill(&line, sp, b, n) }) != 0 { core::ptr::null_mut() } else { sp }
}

/// glibc `getspnam`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getspnam(name: *const c_char) -> *mut Spwd {
    // SAFETY: name is a C string.
    let name = unsafe { db::bytes(name) };
    let data = crate::compat::files::read_small(SHADOW);
    static_entry(data.as_deref().and_then(|d| db::lines(d).find(|l| parse(l).is_some_and(|(f, _, _)| f[0] == name)).map(<[u8]>::to_vec)))
}

/// glibc `setspent`.
#[unsafe(no_mangle)]
pub extern "C" fn setspent() {
    state().cursor.rewind();
}

/// glibc `endspent`.
#[unsafe(no_mangle)]
pub extern "C" fn endspent() {
    state().cursor.rewind();
}

/// glibc `getspent`.
#[unsafe(no_mangle)]
pub extern "C" fn getspent() -> *mut Spwd {
    let line = state().cursor.next(SHADOW, |l| parse(l).is_some());
    static_entry(line)
}

/// glibc `fgetspent`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetspent(f: *mut File) -> *mut Spwd {
    // SAFETY: f is the caller's open stream.
    static_entry(unsafe { db::stream_line(f, |l| parse(l).is_some()) })
}

/// glibc `sgetspent`: parses one shadow line.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sgetspent(s: *const c_char) -> *mut Spwd {
    // SAFETY: s is a C string.
    let mut l = unsafe { db::bytes(s) };
    if l.last() == Some(&b'\n') {
        l = &l[..l.len() - 1];
    }
    static_entry(parse(l).map(|_| l.to_vec()))
}

/// glibc `putspent`: -1 fields are written empty, as they are read.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putspent(p: *const Spwd, f: *mut File) -> c_int {
    if p.is_null() || f.is_null() {
        return fail(Errno::INVAL, -1);
    }
    // SAFETY: p is a struct spwd with C-string fields.
    let p = unsafe { &*p };
    let mut l = Vec::new();
    // SAFETY: as above.
    unsafe {
        l.extend_from_slice(db::bytes(p.sp_namp));
        l.push(b':');
        l.extend_from_slice(db::bytes(p.sp_pwdp));
    }
    for &v in &p.nums {
        l.push(b':');
        if v != -1 {
            db::push_num(&mut l, v);
        }
    }
    l.push(b':');
    if p.sp_flag != !0 {
        db::push_num(&mut l, p.sp_flag as i64);
    }
    l.push(b'\n');
    // SAFETY: f is the caller's stream.
    unsafe { db::stream_put(f, &l) }
}

static mut LOCK_FD: Option<rustix::fd::OwnedFd> = None;

/// glibc `lckpwdf`: an exclusive lock on /etc/.pwd.lock (waits up to 15 s).
#[unsafe(no_mangle)]
pub extern "C" fn lckpwdf() -> c_int {
    use rustix::fs::{flock, open, FlockOperation, Mode, OFlags};
    let fd = match open(c"/etc/.pwd.lock", OFlags::WRONLY | OFlags::CREATE | OFlags::CLOEXEC, Mode::from_raw_mode(0o600)) {
        Ok(fd) => fd,
        Err(e) => return fail(e, -1),
    };
    for _ in 0..150 {
        match flock(&fd, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {
                // SAFETY: the single lock slot of this non-thread-safe interface.
                unsafe { *core::ptr::addr_of_mut!(LOCK_FD) = Some(fd) };
                return 0;
            }
            Err(Errno::WOULDBLOCK) => {
                let _ = rustix::thread::nanosleep(&rustix::time::Timespec { tv_sec: 0, tv_nsec: 100_000_000 });
            }
            Err(e) => return fail(e, -1),
        }
    }
    fail(Errno::AGAIN, -1)
}

/// glibc `ulckpwdf`.
#[unsafe(no_mangle)]
pub extern "C" fn ulckpwdf() -> c_int {
    // SAFETY: as in lckpwdf.
    match unsafe { (*core::ptr::addr_of_mut!(LOCK_FD)).take() } {
        Some(_) => 0,
        None => -1,
    }
}
