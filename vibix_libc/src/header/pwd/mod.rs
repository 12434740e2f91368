//! `<pwd.h>`: the user database, `/etc/passwd` (seven colon-separated
//! fields; no NSS).
pub mod db;

use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_uint};
use static_assertions::const_assert_eq;

use crate::header::stdio::file::File;
use db::{Cursor, Packer, Static, ERANGE};

/// glibc's `struct passwd`.
#[repr(C)]
pub struct Passwd {
    pub pw_name: *mut c_char,
    pw_passwd: *mut c_char,
    pw_uid: c_uint,
    pw_gid: c_uint,
    pw_gecos: *mut c_char,
    pub pw_dir: *mut c_char,
    pw_shell: *mut c_char,
}
const_assert_eq!(core::mem::size_of::<Passwd>(), 48);

const PASSWD: &core::ffi::CStr = c"/etc/passwd";

/// A parsed line: name, uid, gid and the seven fields.
fn parse(line: &[u8]) -> Option<([&[u8]; 7], c_uint, c_uint)> {
    let f = db::fields::<7>(line)?;
    Some((f, db::id(f[2])?, db::id(f[3])?))
}

/// Packs one line into `pwd`/`buf`; 0, or ERANGE if `buf` is too small.
unsafe fn fill(line: &[u8], pwd: *mut Passwd, buf: *mut c_char, len: usize) -> c_int {
    let Some((f, uid, gid)) = parse(line) else { return 0 };
    // SAFETY: buf has len bytes (C contract).
    let mut p = unsafe { Packer::new(buf, len) };
    let mut put = |s| p.str(s);
    let (Some(name), Some(passwd), Some(gecos), Some(dir), Some(shell)) = (put(f[0]), put(f[1]), put(f[4]), put(f[5]), put(f[6])) else {
        return ERANGE;
    };
    // SAFETY: pwd is writable.
    unsafe { pwd.write(Passwd { pw_name: name, pw_passwd: passwd, pw_uid: uid, pw_gid: gid, pw_gecos: gecos, pw_dir: dir, pw_shell: shell }) };
    0
}

/// The `*_r` lookups: the first line `matches` accepts.
unsafe fn lookup(matches: impl Fn(&[u8], c_uint) -> bool, pwd: *mut Passwd, buf: *mut c_char, len: usize, result: *mut *mut Passwd) -> c_int {
    // SAFETY: result is a valid out pointer (C contract).
    unsafe { *result = core::ptr::null_mut() };
    let Some(data) = crate::compat::files::read_small(PASSWD) else { return 0 };
    let Some(line) = db::lines(&data).find(|l| parse(l).is_some_and(|(f, uid, _)| matches(f[0], uid))) else { return 0 };
    // SAFETY: forwards the caller's buffers.
    let r = unsafe { fill(line, pwd, buf, len) };
    if r == 0 {
        // SAFETY: as above.
        unsafe { *result = pwd };
    }
    r
}

/// POSIX `getpwuid_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwuid_r(uid: c_uint, pwd: *mut Passwd, buf: *mut c_char, len: usize, result: *mut *mut Passwd) -> c_int {
    // SAFETY: forwards the caller's buffers.
    unsafe { lookup(|_, u| u == uid, pwd, buf, len, result) }
}

/// POSIX `getpwnam_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwnam_r(name: *const c_char, pwd: *mut Passwd, buf: *mut c_char, len: usize, result: *mut *mut Passwd) -> c_int {
    // SAFETY: name is a C string.
    let name = unsafe { db::bytes(name) };
    // SAFETY: forwards the caller's buffers.
    unsafe { lookup(|n, _| n == name, pwd, buf, len, result) }
}

/// Result storage of the non-reentrant calls (not thread-safe, as POSIX allows).
struct State {
    buf: Static,
    pwd: Passwd,
    cursor: Cursor,
}
static mut STATE: State = State {
    buf: Static::new(),
    pwd: Passwd { pw_name: core::ptr::null_mut(), pw_passwd: core::ptr::null_mut(), pw_uid: 0, pw_gid: 0, pw_gecos: core::ptr::null_mut(), pw_dir: core::ptr::null_mut(), pw_shell: core::ptr::null_mut() },
    cursor: Cursor::new(),
};

fn state() -> &'static mut State {
    // SAFETY: the non-reentrant interface's single static result.
    unsafe { &mut *core::ptr::addr_of_mut!(STATE) }
}

/// Packs `line` into the static result.
fn static_entry(line: Option<Vec<u8>>) -> *mut Passwd {
    let Some(line) = line else { return core::ptr::null_mut() };
    let st = state();
    let pwd = &raw mut st.pwd;
    // SAFETY: the Static buffer and our static passwd.
    if st.buf.with(|b, n| unsafe { fill(&line, pwd, b, n) }) != 0 { core::ptr::null_mut() } else { pwd }
}

fn static_lookup(matches: impl Fn(&[u8], c_uint) -> bool) -> *mut Passwd {
    let data = crate::compat::files::read_small(PASSWD);
    let line = data.as_deref().and_then(|d| db::lines(d).find(|l| parse(l).is_some_and(|(f, u, _)| matches(f[0], u))).map(<[u8]>::to_vec));
    static_entry(line)
}

/// POSIX `getpwnam`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpwnam(name: *const c_char) -> *mut Passwd {
    // SAFETY: name is a C string.
    let name = unsafe { db::bytes(name) };
    static_lookup(|n, _| n == name)
}

/// POSIX `getpwuid`.
#[unsafe(no_mangle)]
pub extern "C" fn getpwuid(uid: c_uint) -> *mut Passwd {
    static_lookup(|_, u| u == uid)
}

/// XSI `setpwent`: restart the enumeration.
#[unsafe(no_mangle)]
pub extern "C" fn setpwent() {
    state().cursor.rewind();
}

/// XSI `endpwent`.
#[unsafe(no_mangle)]
pub extern "C" fn endpwent() {
    state().cursor.rewind();
}

/// XSI `getpwent`: the next well-formed entry of /etc/passwd.
#[unsafe(no_mangle)]
pub extern "C" fn getpwent() -> *mut Passwd {
    let line = state().cursor.next(PASSWD, |l| parse(l).is_some());
    static_entry(line)
}

/// glibc `fgetpwent`: the next entry of a stream in passwd format.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetpwent(f: *mut File) -> *mut Passwd {
    // SAFETY: f is the caller's open stream.
    static_entry(unsafe { db::stream_line(f, |l| parse(l).is_some()) })
}

/// glibc `putpwent`: writes one entry in passwd format.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putpwent(p: *const Passwd, f: *mut File) -> c_int {
    if p.is_null() || f.is_null() {
        return crate::thread::area::fail(rustix::io::Errno::INVAL, -1);
    }
    // SAFETY: p is a struct passwd with C-string fields.
    let p = unsafe { &*p };
    let mut l = Vec::new();
    // SAFETY: the fields are C strings (or NULL).
    unsafe {
        for (i, s) in [p.pw_name, p.pw_passwd].iter().enumerate() {
            if i > 0 {
                l.push(b':');
            }
            l.extend_from_slice(db::bytes(*s));
        }
        l.push(b':');
        db::push_num(&mut l, p.pw_uid as i64);
        l.push(b':');
        db::push_num(&mut l, p.pw_gid as i64);
        for s in [p.pw_gecos, p.pw_dir, p.pw_shell] {
            l.push(b':');
            l.extend_from_slice(db::bytes(s));
        }
    }
    l.push(b'\n');
    // SAFETY: f is the caller's stream.
    unsafe { db::stream_put(f, &l) }
}
