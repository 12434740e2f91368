//! abs/div, mkstemp & co. (mktemp, mkstemps, mkostemp(s), mkdtemp), realpath.
use core::ffi::{c_char, c_int, c_long, c_longlong};
use core::ptr::null_mut;

use crate::header::fcntl::{open, O_CREAT, O_EXCL, O_RDWR};
use crate::thread::area::set_errno;

#[unsafe(no_mangle)]
pub extern "C" fn abs(i: c_int) -> c_int {
    i.wrapping_abs()
}
#[unsafe(no_mangle)]
pub extern "C" fn labs(i: c_long) -> c_long {
    i.wrapping_abs()
}
#[unsafe(no_mangle)]
pub extern "C" fn llabs(i: c_longlong) -> c_longlong {
    i.wrapping_abs()
}
#[unsafe(no_mangle)]
pub extern "C" fn imaxabs(i: i64) -> i64 {
    i.wrapping_abs()
}

#[repr(C)]
pub struct DivT {
    quot: c_int,
    rem: c_int,
}
#[repr(C)]
pub struct LDivT {
    quot: c_long,
    rem: c_long,
}
#[unsafe(no_mangle)]
pub extern "C" fn div(a: c_int, b: c_int) -> DivT {
    DivT { quot: a / b, rem: a % b }
}
#[unsafe(no_mangle)]
pub extern "C" fn ldiv(a: c_long, b: c_long) -> LDivT {
    LDivT { quot: a / b, rem: a % b }
}
#[unsafe(no_mangle)]
pub extern "C" fn lldiv(a: c_longlong, b: c_longlong) -> LDivT {
    LDivT { quot: a / b, rem: a % b }
}
#[unsafe(no_mangle)]
pub extern "C" fn imaxdiv(a: i64, b: i64) -> LDivT {
    LDivT { quot: a / b, rem: a % b }
}

/// The six trailing 'X's of `t` before a `suffix`-byte suffix, or None (EINVAL).
unsafe fn template(t: *mut c_char, suffix: c_int) -> Option<*mut c_char> {
    // SAFETY: t is a writable C string.
    unsafe {
        let n = crate::header::string::str::strlen(t);
        if suffix < 0 || n < 6 + suffix as usize {
            return None;
        }
        let x = t.add(n - 6 - suffix as usize);
        (0..6).all(|i| *x.add(i) == b'X' as c_char).then_some(x)
    }
}

/// Writes six random name characters at `x`.
unsafe fn randomize(x: *mut c_char) {
    let mut r = [0u8; 6];
    let _ = rustix::rand::getrandom(&mut r, rustix::rand::GetRandomFlags::empty());
    const CH: &[u8; 62] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (i, b) in r.iter().enumerate() {
        // SAFETY: x has six writable bytes (template()).
        unsafe { *x.add(i) = CH[*b as usize % 62] as c_char };
    }
}

/// Tries names from template `t` until `create` makes one: its result, or
/// the failure value with errno (EINVAL for a bad template, EEXIST after
/// the tries are used up, any other error at once).
unsafe fn with_names<T>(t: *mut c_char, suffix: c_int, fail: T, mut create: impl FnMut() -> Option<T>) -> T {
    // SAFETY: t is the caller's writable template.
    let Some(x) = (unsafe { template(t, suffix) }) else {
        set_errno(22);
        return fail;
    };
    for _ in 0..100 {
        // SAFETY: as above.
        unsafe { randomize(x) };
        if let Some(v) = create() {
            return v;
        }
        if crate::thread::area::errno() != 17 {
            return fail;
        }
    }
    fail
}

/// GNU `mkostemps`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemps(t: *mut c_char, suffix: c_int, flags: c_int) -> c_int {
    // SAFETY: t is a writable C string template (C contract).
    unsafe {
        with_names(t, suffix, -1, || {
            let fd = open(t, O_RDWR | O_CREAT | O_EXCL | flags, 0o600);
            (fd >= 0).then_some(fd)
        })
    }
}

/// POSIX `mkstemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemp(t: *mut c_char) -> c_int {
    // SAFETY: forwarded.
    unsafe { mkostemps(t, 0, 0) }
}

/// GNU `mkostemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkostemp(t: *mut c_char, flags: c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { mkostemps(t, 0, flags) }
}

/// BSD `mkstemps`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkstemps(t: *mut c_char, suffix: c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { mkostemps(t, suffix, 0) }
}

/// Legacy `mktemp`: a name that did not exist when checked (racy by design:
/// mkstemp is the safe form); on failure the template becomes "".
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mktemp(t: *mut c_char) -> *mut c_char {
    // SAFETY: t is a writable C string template.
    unsafe {
        let ok = with_names(t, 0, false, || match rustix::fs::lstat(core::ffi::CStr::from_ptr(t)) {
            Err(rustix::io::Errno::NOENT) => Some(true),
            Ok(_) => {
                set_errno(17);
                None
            }
            Err(e) => {
                set_errno(e.raw_os_error());
                None
            }
        });
        if !ok {
            *t = 0;
        }
    }
    t
}

/// POSIX `mkdtemp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mkdtemp(t: *mut c_char) -> *mut c_char {
    // SAFETY: t is a writable template.
    unsafe { with_names(t, 0, null_mut(), || (crate::header::unistd::fs::mkdir(t, 0o700) == 0).then_some(t)) }
}

/// POSIX `realpath`: resolves through the kernel (open O_PATH + /proc/self/fd).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn realpath(path: *const c_char, out: *mut c_char) -> *mut c_char {
    const O_PATH: c_int = 0o10000000;
    const O_CLOEXEC: c_int = 0o2000000;
    // SAFETY: path is a C string.
    let fd = unsafe { open(path, O_PATH | O_CLOEXEC, 0) };
    if fd < 0 {
        return null_mut();
    }
    let mut link = *b"/proc/self/fd/\0\0\0\0\0\0\0\0\0\0\0\0";
    let mut n = 14;
    let mut digits = [0u8; 12];
    let mut k = 0;
    let mut v = fd as u32;
    loop {
        digits[k] = b'0' + (v % 10) as u8;
        k += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        link[n] = digits[k];
        n += 1;
    }
    let mut buf = [0u8; 4096];
    // SAFETY: link is NUL-terminated; buf has 4096 bytes.
    let r = unsafe { crate::header::unistd::fs::readlink(link.as_ptr() as _, buf.as_mut_ptr() as _, 4095) };
    crate::header::unistd::close(fd);
    if r < 0 {
        return null_mut();
    }
    let r = r as usize;
    buf[r] = 0;
    // SAFETY: out has PATH_MAX bytes, or we allocate.
    unsafe {
        let dst = if out.is_null() { super::malloc::malloc(r + 1) as *mut c_char } else { out };
        if dst.is_null() {
            return dst;
        }
        core::ptr::copy_nonoverlapping(buf.as_ptr() as *const c_char, dst, r + 1);
        dst
    }
}

const A64: &[u8; 64] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// POSIX `a64l`: up to 6 radix-64 digits, least significant first.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn a64l(s: *const core::ffi::c_char) -> core::ffi::c_long {
    let mut v: u32 = 0;
    for i in 0..6 {
        // SAFETY: s is a C string; we stop at its NUL.
        let c = unsafe { *s.add(i) } as u8;
        let Some(d) = A64.iter().position(|&x| x == c) else { break };
        v |= (d as u32) << (6 * i);
    }
    // glibc returns the 32-bit value unsigned (no sign extension).
    v as core::ffi::c_long
}

static mut L64A_BUF: [u8; 7] = [0; 7];

/// POSIX `l64a`: the low 32 bits of `v` as radix-64 digits in a static buffer.
#[unsafe(no_mangle)]
pub extern "C" fn l64a(v: core::ffi::c_long) -> *mut core::ffi::c_char {
    let mut x = v as u32;
    // SAFETY: the static buffer is documented as overwritten by each call (not thread-safe, as POSIX allows).
    let b = unsafe { &mut *(&raw mut L64A_BUF) };
    let mut i = 0;
    while x != 0 {
        b[i] = A64[(x & 63) as usize];
        x >>= 6;
        i += 1;
    }
    b[i] = 0;
    b.as_mut_ptr() as *mut core::ffi::c_char
}
