//! `<mntent.h>`: reading and appending fstab/mtab files (six
//! white-space-separated fields; `\040`-style octal escapes for space, tab,
//! newline and backslash).
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::header::stdio::file::File;

use crate::header::stdio::io::{fflush, fgets, fputs, fseek};
use crate::header::stdio::open::{fclose, fopen};

/// `struct mntent`.
#[repr(C)]
pub struct Mntent {
    mnt_fsname: *mut c_char,
    mnt_dir: *mut c_char,
    mnt_type: *mut c_char,
    mnt_opts: *mut c_char,
    mnt_freq: c_int,
    mnt_passno: c_int,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Mntent>(), 40);

/// BSD `setmntent`: the table opened as a stream.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setmntent(path: *const c_char, mode: *const c_char) -> *mut File {
    // SAFETY: C strings from the caller.
    unsafe { fopen(path, mode) }
}

/// BSD `endmntent`: always 1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn endmntent(f: *mut File) -> c_int {
    if !f.is_null() {
        // SAFETY: a stream from setmntent.
        unsafe { fclose(f) };
    }
    1
}

/// Decodes the escapes of one field in place; returns its new length.
fn unescape(field: &mut [u8]) -> usize {
    let (mut r, mut w) = (0, 0);
    while r < field.len() {
        let c = field[r];
        if c == b'\\' && r + 4 <= field.len() && field[r + 1..r + 4].iter().all(|d| (b'0'..=b'7').contains(d)) {
            let v = field[r + 1..r + 4].iter().fold(0u32, |a, &d| a * 8 + (d - b'0') as u32);
            field[w] = v as u8;
            r += 4;
        } else {
            field[w] = c;
            r += 1;
        }
        w += 1;
    }
    w
}

fn atoi(b: &[u8]) -> c_int {
    let (neg, d) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let v = d.iter().take_while(|c| c.is_ascii_digit()).fold(0i64, |a, &c| (a * 10 + (c - b'0') as i64).min(i32::MAX as i64)) as c_int;
    if neg { -v } else { v }
}

/// BSD `getmntent_r`: the next entry, its strings in `buf`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getmntent_r(f: *mut File, m: *mut Mntent, buf: *mut c_char, len: c_int) -> *mut Mntent {
    loop {
        // SAFETY: buf has len bytes; f is the caller's stream.
        if unsafe { fgets(buf, len, f) }.is_null() {
            return core::ptr::null_mut();
        }
        // SAFETY: fgets wrote a C string into buf.
        let n = unsafe { CStr::from_ptr(buf) }.to_bytes().len();
        // SAFETY: the n bytes just read.
        let line = unsafe { core::slice::from_raw_parts_mut(buf.cast::<u8>(), n) };
        // Field boundaries (start, end) over white space.
        let mut fields: [(usize, usize); 6] = [(n, n); 6];
        let mut count = 0;
        let mut i = 0;
        while i < n && count < 6 {
            while i < n && (line[i] == b' ' || line[i] == b'\t' || line[i] == b'\n') {
                i += 1;
            }
            if i == n {
                break;
            }
            let s = i;
            while i < n && !(line[i] == b' ' || line[i] == b'\t' || line[i] == b'\n') {
                i += 1;
            }
            fields[count] = (s, i);
            count += 1;
        }
        if count == 0 || line[fields[0].0] == b'#' {
            continue;
        }
        let mut strs = [core::ptr::null_mut::<c_char>(); 4];
        for (k, s) in strs.iter_mut().enumerate() {
            let (a, b) = fields[k];
            if a == n {
                // A missing field: an empty string (never written through).
                *s = c"".as_ptr().cast_mut();
                continue;
            }
            let l = unescape(&mut line[a..b]);
            line[a + l] = 0;
            *s = buf.wrapping_add(a);
        }
        let num = |k: usize| if fields[k].0 == n { 0 } else { atoi(&line[fields[k].0..fields[k].1]) };
        let (freq, pass) = (num(4), num(5));
        // SAFETY: m is writable.
        unsafe {
            m.write(Mntent { mnt_fsname: strs[0], mnt_dir: strs[1], mnt_type: strs[2], mnt_opts: strs[3], mnt_freq: freq, mnt_passno: pass });
        }
        return m;
    }
}

static mut ENT: Mntent = Mntent {
    mnt_fsname: core::ptr::null_mut(),
    mnt_dir: core::ptr::null_mut(),
    mnt_type: core::ptr::null_mut(),
    mnt_opts: core::ptr::null_mut(),
    mnt_freq: 0,
    mnt_passno: 0,
};
static mut BUF: [c_char; 4096] = [0; 4096];

/// BSD `getmntent` (static result).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getmntent(f: *mut File) -> *mut Mntent {
    // SAFETY: the documented static result and buffer.
    unsafe { getmntent_r(f, core::ptr::addr_of_mut!(ENT), core::ptr::addr_of_mut!(BUF).cast(), 4096) }
}

fn escape(out: &mut Vec<u8>, s: *const c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: a C string field.
    for &c in unsafe { CStr::from_ptr(s) }.to_bytes() {
        match c {
            b' ' | b'\t' | b'\n' | b'\\' => {
                out.push(b'\\');
                out.push(b'0' + (c >> 6));
                out.push(b'0' + ((c >> 3) & 7));
                out.push(b'0' + (c & 7));
            }
            _ => out.push(c),
        }
    }
}

/// BSD `addmntent`: appends one entry; 0 on success, 1 on failure.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn addmntent(f: *mut File, m: *const Mntent) -> c_int {
    // SAFETY: m is a struct mntent.
    let m = unsafe { &*m };
    let mut l = Vec::new();
    for (i, s) in [m.mnt_fsname, m.mnt_dir, m.mnt_type, m.mnt_opts].iter().enumerate() {
        if i > 0 {
            l.push(b' ');
        }
        escape(&mut l, *s);
    }
    for v in [m.mnt_freq, m.mnt_passno] {
        l.push(b' ');
        crate::header::pwd::db::push_num(&mut l, v as i64);
    }
    l.extend_from_slice(b"\n\0");
    // SAFETY: f is the caller's stream; l is a C string.
    unsafe {
        if fseek(f, 0, 2) != 0 || fputs(l.as_ptr().cast(), f) < 0 || fflush(f) != 0 {
            return 1;
        }
    }
    0
}

/// BSD `hasmntopt`: the option `opt` (alone or as `opt=value`) in mnt_opts.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasmntopt(m: *const Mntent, opt: *const c_char) -> *mut c_char {
    // SAFETY: m is a struct mntent, opt a C string.
    let (opts, want) = unsafe {
        let o = (*m).mnt_opts;
        if o.is_null() {
            return core::ptr::null_mut();
        }
        (o, CStr::from_ptr(opt).to_bytes())
    };
    // SAFETY: opts is a C string.
    let b = unsafe { CStr::from_ptr(opts) }.to_bytes();
    let mut at = 0;
    for part in b.split(|&c| c == b',') {
        if part.len() >= want.len() && &part[..want.len()] == want && (part.len() == want.len() || part[want.len()] == b'=') {
            return opts.wrapping_add(at);
        }
        at += part.len() + 1;
    }
    core::ptr::null_mut()
}
