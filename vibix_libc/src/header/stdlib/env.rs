//! getenv/setenv/unsetenv/putenv/clearenv over `environ`.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use super::malloc::{malloc, realloc};
use crate::header::string::mem::memcpy;
use crate::header::string::str::strlen;
use crate::start::{env, set_env};
use crate::sync::Lock;
use crate::thread::area::set_errno;

static LOCK: Lock = Lock::new();
/// The array we allocated (once the environment was first changed) and its capacity.
static mut OWNED: *mut *mut c_char = null_mut();
static mut OWNED_CAP: usize = 0;

/// If `entry` is "name=...", returns a pointer to the value.
unsafe fn matches(entry: *const c_char, name: *const u8, len: usize) -> Option<*mut c_char> {
    // SAFETY: entry is a C string; name has len bytes.
    unsafe {
        for i in 0..len {
            if *entry.add(i) as u8 != *name.add(i) {
                return None;
            }
        }
        if *entry.add(len) as u8 == b'=' { Some(entry.add(len + 1) as *mut c_char) } else { None }
    }
}

fn name_len(name: *const c_char) -> Option<usize> {
    if name.is_null() {
        return None;
    }
    // SAFETY: name is a C string.
    let len = unsafe { strlen(name) };
    // SAFETY: len bytes are readable.
    if len == 0 || unsafe { core::slice::from_raw_parts(name as *const u8, len) }.contains(&b'=') {
        return None;
    }
    Some(len)
}

fn find(name: *const u8, len: usize) -> Option<(usize, *mut c_char)> {
    let e = env();
    if e.is_null() {
        return None;
    }
    let mut i = 0;
    // SAFETY: environ is a NULL-terminated array of C strings.
    unsafe {
        while !(*e.add(i)).is_null() {
            if let Some(v) = matches(*e.add(i), name, len) {
                return Some((i, v));
            }
            i += 1;
        }
    }
    None
}

/// C `getenv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getenv(name: *const c_char) -> *mut c_char {
    // SAFETY: name is a C string.
    let len = unsafe { strlen(name) };
    find(name as *const u8, len).map_or(null_mut(), |(_, v)| v)
}

/// GNU `secure_getenv`: NULL in set-uid programs (AT_SECURE).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn secure_getenv(name: *const c_char) -> *mut c_char {
    if crate::start::aux(23).unwrap_or(0) != 0 {
        return null_mut();
    }
    // SAFETY: forwarded.
    unsafe { getenv(name) }
}

fn count() -> usize {
    let e = env();
    let mut n = 0;
    // SAFETY: NULL-terminated array.
    while !e.is_null() && !unsafe { *e.add(n) }.is_null() {
        n += 1;
    }
    n
}

/// Puts `entry` ("name=value", kept by reference) in the environment.
fn put(entry: *mut c_char, len: usize) -> c_int {
    let _g = LOCK.guard();
    if let Some((i, _)) = find(entry as *const u8, len) {
        // SAFETY: i indexes the live array.
        unsafe { *env().add(i) = entry };
        return 0;
    }
    let n = count();
    // SAFETY: OWNED/OWNED_CAP are only used under LOCK.
    unsafe {
        if env() != OWNED || n + 2 > OWNED_CAP {
            let cap = (n + 2).max(16) * 2;
            let fresh = if env() == OWNED { realloc(OWNED as _, cap * 8) } else { malloc(cap * 8) } as *mut *mut c_char;
            if fresh.is_null() {
                return -1;
            }
            if env() != OWNED && n > 0 {
                memcpy(fresh as _, env() as _, n * 8);
            }
            OWNED = fresh;
            OWNED_CAP = cap;
            set_env(fresh);
        }
        *OWNED.add(n) = entry;
        *OWNED.add(n + 1) = null_mut();
    }
    0
}

/// POSIX `setenv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setenv(name: *const c_char, value: *const c_char, overwrite: c_int) -> c_int {
    let Some(len) = name_len(name) else {
        set_errno(22);
        return -1;
    };
    if overwrite == 0 && find(name as *const u8, len).is_some() {
        return 0;
    }
    // SAFETY: building "name=value" in a fresh block of the right size.
    unsafe {
        let vl = strlen(value);
        let s = malloc(len + vl + 2) as *mut c_char;
        if s.is_null() {
            return -1;
        }
        memcpy(s as _, name as _, len);
        *s.add(len) = b'=' as c_char;
        memcpy(s.add(len + 1) as _, value as _, vl + 1);
        put(s, len)
    }
}

/// POSIX `putenv` (the string itself becomes part of the environment).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putenv(s: *mut c_char) -> c_int {
    // SAFETY: s is a C string.
    let eq = unsafe { crate::header::string::str::strchr(s, b'=' as c_int) };
    if eq.is_null() {
        // SAFETY: forwarded.
        return unsafe { unsetenv(s) };
    }
    put(s, eq as usize - s as usize)
}

/// POSIX `unsetenv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn unsetenv(name: *const c_char) -> c_int {
    let Some(len) = name_len(name) else {
        set_errno(22);
        return -1;
    };
    let _g = LOCK.guard();
    while let Some((i, _)) = find(name as *const u8, len) {
        let e = env();
        let mut j = i;
        // SAFETY: shifting the NULL-terminated array left by one.
        unsafe {
            while !(*e.add(j)).is_null() {
                *e.add(j) = *e.add(j + 1);
                j += 1;
            }
        }
    }
    0
}

/// GNU `clearenv`.
#[unsafe(no_mangle)]
pub extern "C" fn clearenv() -> c_int {
    let _g = LOCK.guard();
    // SAFETY: under LOCK.
    unsafe {
        if !OWNED.is_null() {
            *OWNED = null_mut();
            set_env(OWNED);
        } else {
            set_env(null_mut());
        }
    }
    0
}
