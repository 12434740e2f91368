//! `<grp.h>`: the group database, `/etc/group` (name:passwd:gid:members;
//! no NSS), and the supplementary-group helpers getgrouplist/initgroups.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_uint};
use static_assertions::const_assert_eq;

use crate::header::pwd::db::{self, Cursor, Packer, Static, ERANGE};
use crate::header::stdio::file::File;
use crate::thread::area::fail;
use rustix::io::Errno;

/// glibc's `struct group`.
#[repr(C)]
pub struct Group {
    gr_name: *mut c_char,
    gr_passwd: *mut c_char,
    gr_gid: c_uint,
    gr_mem: *mut *mut c_char,
}
const_assert_eq!(core::mem::size_of::<Group>(), 32);

const GROUP: &core::ffi::CStr = c"/etc/group";

fn parse(line: &[u8]) -> Option<([&[u8]; 4], c_uint)> {
    let f = db::fields::<4>(line)?;
    Some((f, db::id(f[2])?))
}

fn members(f: &[u8]) -> impl Iterator<Item = &[u8]> {
    f.split(|&b| b == b',').filter(|m| !m.is_empty())
}

unsafe fn fill(line: &[u8], gr: *mut Group, buf: *mut c_char, len: usize) -> c_int {
    let Some((f, gid)) = parse(line) else { return 0 };
    // SAFETY: buf has len bytes (C contract).
    let mut p = unsafe { Packer::new(buf, len) };
    let n = members(f[3]).count();
    let Some(mem) = p.ptrs(n + 1) else { return ERANGE };
    let (Some(name), Some(passwd)) = (p.str(f[0]), p.str(f[1])) else { return ERANGE };
    for (i, m) in members(f[3]).enumerate() {
        let Some(s) = p.str(m) else { return ERANGE };
        // SAFETY: mem has n + 1 slots.
        unsafe { *mem.add(i) = s };
    }
    // SAFETY: slot n exists; gr is writable.
    unsafe {
        *mem.add(n) = core::ptr::null_mut();
        gr.write(Group { gr_name: name, gr_passwd: passwd, gr_gid: gid, gr_mem: mem });
    }
    0
}

fn find(matches: &dyn Fn(&[u8], c_uint) -> bool) -> Option<Vec<u8>> {
    let data = crate::compat::files::read_small(GROUP)?;
    let line = db::lines(&data).find(|l| parse(l).is_some_and(|(f, g)| matches(f[0], g)))?;
    Some(line.to_vec())
}

unsafe fn lookup(matches: &dyn Fn(&[u8], c_uint) -> bool, gr: *mut Group, buf: *mut c_char, len: usize, result: *mut *mut Group) -> c_int {
    // SAFETY: result is a valid out pointer.
    unsafe { *result = core::ptr::null_mut() };
    let Some(line) = find(matches) else { return 0 };
    // SAFETY: forwards the caller's buffers.
    let r = unsafe { fill(&line, gr, buf, len) };
    if r == 0 {
        // SAFETY: as above.
        unsafe { *result = gr };
    }
    r
}

/// POSIX `getgrgid_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrgid_r(gid: c_uint, gr: *mut Group, buf: *mut c_char, len: usize, result: *mut *mut Group) -> c_int {
    // SAFETY: forwards the caller's buffers.
    unsafe { lookup(&|_, g| g == gid, gr, buf, len, result) }
}

/// POSIX `getgrnam_r`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrnam_r(name: *const c_char, gr: *mut Group, buf: *mut c_char, len: usize, result: *mut *mut Group) -> c_int {
    // SAFETY: name is a C string.
    let name = unsafe { db::bytes(name) };
    // SAFETY: forwards the caller's buffers.
    unsafe { lookup(&|n, _| n == name, gr, buf, len, result) }
}

struct State {
    buf: Static,
    gr: Group,
    cursor: Cursor,
}
static mut STATE: State = State {
    buf: Static::new(),
    gr: Group { gr_name: core::ptr::null_mut(), gr_passwd: core::ptr::null_mut(), gr_gid: 0, gr_mem: core::ptr::null_mut() },
    cursor: Cursor::new(),
};

fn state() -> &'static mut State {
    // SAFETY: the non-reentrant interface's single static result.
    unsafe { &mut *core::ptr::addr_of_mut!(STATE) }
}

fn static_entry(line: Option<Vec<u8>>) -> *mut Group {
    let Some(line) = line else { return core::ptr::null_mut() };
    let st = state();
    let gr = &raw mut st.gr;
    // SAFETY: the Static buffer and our static group.
    if st.buf.with(|b, n| unsafe { fill(&line, gr, b, n) }) != 0 { core::ptr::null_mut() } else { gr }
}

/// POSIX `getgrgid`.
#[unsafe(no_mangle)]
pub extern "C" fn getgrgid(gid: c_uint) -> *mut Group {
    static_entry(find(&|_, g| g == gid))
}

/// POSIX `getgrnam`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrnam(name: *const c_char) -> *mut Group {
    // SAFETY: name is a C string.
    let name = unsafe { db::bytes(name) };
    static_entry(find(&|n, _| n == name))
}

/// XSI `setgrent`.
#[unsafe(no_mangle)]
pub extern "C" fn setgrent() {
    state().cursor.rewind();
}

/// XSI `endgrent`.
#[unsafe(no_mangle)]
pub extern "C" fn endgrent() {
    state().cursor.rewind();
}

/// XSI `getgrent`.
#[unsafe(no_mangle)]
pub extern "C" fn getgrent() -> *mut Group {
    let line = state().cursor.next(GROUP, |l| parse(l).is_some());
    static_entry(line)
}

/// glibc `fgetgrent`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetgrent(f: *mut File) -> *mut Group {
    // SAFETY: f is the caller's open stream.
    static_entry(unsafe { db::stream_line(f, |l| parse(l).is_some()) })
}

/// glibc `putgrent`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putgrent(g: *const Group, f: *mut File) -> c_int {
    if g.is_null() || f.is_null() {
        return fail(Errno::INVAL, -1);
    }
    // SAFETY: g is a struct group with C-string fields and a NULL-ended member list.
    let g = unsafe { &*g };
    let mut l = Vec::new();
    // SAFETY: as above.
    unsafe {
        l.extend_from_slice(db::bytes(g.gr_name));
        l.push(b':');
        l.extend_from_slice(db::bytes(g.gr_passwd));
        l.push(b':');
        db::push_num(&mut l, g.gr_gid as i64);
        l.push(b':');
        let mut m = g.gr_mem;
        let mut first = true;
        while !m.is_null() && !(*m).is_null() {
            if !first {
                l.push(b',');
            }
            first = false;
            l.extend_from_slice(db::bytes(*m));
            m = m.add(1);
        }
    }
    l.push(b'\n');
    // SAFETY: f is the caller's stream.
    unsafe { db::stream_put(f, &l) }
}

/// The groups of `user`: `group` first, then every /etc/group entry listing
/// the user, without duplicates.
fn group_list(user: &[u8], group: c_uint) -> Vec<c_uint> {
    let mut out = alloc::vec![group];
    if let Some(data) = crate::compat::files::read_small(GROUP) {
        for (f, gid) in db::lines(&data).filter_map(parse) {
            if members(f[3]).any(|m| m == user) && !out.contains(&gid) {
                out.push(gid);
            }
        }
    }
    out
}

/// BSD/glibc `getgrouplist`: fills up to `*n` groups; returns the count, or
/// -1 (with `*n` set to the count needed) if they do not fit.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getgrouplist(user: *const c_char, group: c_uint, groups: *mut c_uint, n: *mut c_int) -> c_int {
    // SAFETY: user is a C string.
    let list = group_list(unsafe { db::bytes(user) }, group);
    // SAFETY: n is readable and writable; groups has *n slots.
    unsafe {
        let room = (*n).max(0) as usize;
        let copy = list.len().min(room);
        core::ptr::copy_nonoverlapping(list.as_ptr(), groups, copy);
        *n = list.len() as c_int;
        if list.len() > room { -1 } else { list.len() as c_int }
    }
}

/// BSD `initgroups`: sets the supplementary groups to `user`'s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn initgroups(user: *const c_char, group: c_uint) -> c_int {
    unsafe extern "C" {
        fn setgroups(n: usize, list: *const c_uint) -> c_int;
    }
    // SAFETY: user is a C string.
    let list = group_list(unsafe { db::bytes(user) }, group);
    // SAFETY: list is ours.
    unsafe { setgroups(list.len(), list.as_ptr()) }
}
