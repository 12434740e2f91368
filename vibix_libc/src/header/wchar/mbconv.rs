//! Restartable multibyte <-> wide conversion in the calling thread's locale
//! (UTF-8 under C.UTF-8, one byte per character in C). `mbstate_t` holds the
//! bytes of an incomplete UTF-8 sequence: byte 0 is their count, bytes 1..4
//! the bytes themselves.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use crate::fmt::mb::{decode, wide_to_mb, Decoded};
use crate::header::locale::utf8;
use crate::thread::area::set_errno;

pub type Wchar = i32;
pub const EILSEQ: c_int = 84;
pub const WEOF: u32 = 0xffff_ffff;
/// (size_t)-1 and (size_t)-2.
pub const ERR: usize = usize::MAX;
pub const INCOMPLETE: usize = usize::MAX - 1;

#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct MbState {
    pub n: u8,
    pub bytes: [u8; 7],
}
static_assertions::const_assert_eq!(core::mem::size_of::<MbState>(), 8);

/// Internal states for the functions whose `ps` may be NULL.
static mut MBRTOWC_ST: MbState = MbState { n: 0, bytes: [0; 7] };
static mut MBRLEN_ST: MbState = MbState { n: 0, bytes: [0; 7] };
static mut MBSRTOWCS_ST: MbState = MbState { n: 0, bytes: [0; 7] };

fn state<'a>(ps: *mut MbState, own: *mut MbState) -> &'a mut MbState {
    // SAFETY: ps is a caller's mbstate_t, or our static one (mbrtowc with NULL
    // ps is not thread-safe by specification).
    unsafe { &mut *(if ps.is_null() { own } else { ps }) }
}

/// One character from `s[..n]` continuing `st`: the result mbrtowc returns.
pub fn mbrtowc_core(pwc: Option<&mut u32>, s: &[u8], st: &mut MbState) -> usize {
    let pend = st.n as usize;
    let mut buf = [0u8; 4];
    buf[..pend].copy_from_slice(&st.bytes[..pend]);
    let take = s.len().min(4 - pend);
    buf[pend..pend + take].copy_from_slice(&s[..take]);
    match decode(&buf[..pend + take], utf8()) {
        Decoded::Char(w, len) => {
            *st = MbState::default();
            if let Some(p) = pwc {
                *p = w;
            }
            if w == 0 { 0 } else { len - pend }
        }
        Decoded::Incomplete => {
            // Everything given is a prefix: remember it.
            st.bytes[pend..pend + take].copy_from_slice(&s[..take]);
            st.n = (pend + take) as u8;
            INCOMPLETE
        }
        Decoded::Invalid => {
            *st = MbState::default();
            set_errno(EILSEQ);
            ERR
        }
    }
}

/// C `mbrtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrtowc(pwc: *mut Wchar, s: *const c_char, n: usize, ps: *mut MbState) -> usize {
    let st = state(ps, &raw mut MBRTOWC_ST);
    if s.is_null() {
        // Same as mbrtowc(NULL, "", 1, ps).
        return mbrtowc_core(None, &[0], st);
    }
    let mut w = 0u32;
    // SAFETY: s has at least n bytes (we read at most 4 of them).
    let r = mbrtowc_core(Some(&mut w), unsafe { core::slice::from_raw_parts(s as *const u8, n.min(4)) }, st);
    if r < INCOMPLETE && !pwc.is_null() {
        // SAFETY: pwc is writable.
        unsafe { *pwc = w as Wchar };
    }
    r
}

/// C `mbrlen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbrlen(s: *const c_char, n: usize, ps: *mut MbState) -> usize {
    let own = if ps.is_null() { &raw mut MBRLEN_ST } else { ps };
    // SAFETY: forwarded.
    unsafe { mbrtowc(null_mut(), s, n, own) }
}

/// C `mbsinit`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsinit(ps: *const MbState) -> c_int {
    // SAFETY: ps readable when not NULL.
    (ps.is_null() || unsafe { (*ps).n } == 0) as c_int
}

/// C `wcrtomb`: the locale's encoding of `wc` (or of L'\0' with NULL `s`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcrtomb(s: *mut c_char, wc: Wchar, ps: *mut MbState) -> usize {
    if !ps.is_null() {
        // SAFETY: ps writable; wcrtomb resets the (byte-oriented) state.
        unsafe { *ps = MbState::default() };
    }
    if s.is_null() {
        return 1;
    }
    let mut buf = [0u8; 8];
    match wide_to_mb(wc as u32, utf8(), &mut buf) {
        Some(n) => {
            // SAFETY: s has MB_CUR_MAX bytes (caller contract).
            unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), s as *mut u8, n) };
            n
        }
        None => {
            set_errno(EILSEQ);
            ERR
        }
    }
}

/// Converts up to `nms` bytes of `*src` into at most `len` wide characters at
/// `dst` (NULL: count only). mbsnrtowcs/mbsrtowcs/mbstowcs share it.
unsafe fn mbs_to_wcs(dst: *mut Wchar, src: *mut *const c_char, nms: usize, len: usize, st: &mut MbState) -> usize {
    // SAFETY: *src is a C string readable up to its NUL or nms bytes.
    let mut s = unsafe { *src } as *const u8;
    let mut left = nms;
    let mut count = 0;
    while dst.is_null() || count < len {
        if left == 0 {
            break;
        }
        // SAFETY: a C string: reading byte by byte stops at its NUL.
        let avail = unsafe { (0..left.min(4)).take_while(|&k| k == 0 || *s.add(k - 1) != 0).count() };
        // SAFETY: avail bytes are inside the string.
        let bytes = unsafe { core::slice::from_raw_parts(s, avail) };
        let mut w = 0u32;
        let r = mbrtowc_core(Some(&mut w), bytes, st);
        match r {
            ERR => {
                if !dst.is_null() {
                    // SAFETY: src is writable.
                    unsafe { *src = s as *const c_char };
                }
                return ERR;
            }
            INCOMPLETE => {
                // Only at the nms limit: the state keeps the partial bytes.
                s = s.wrapping_add(avail);
                break;
            }
            _ => {}
        }
        if !dst.is_null() {
            // SAFETY: count < len slots of dst.
            unsafe { *dst.add(count) = w as Wchar };
        }
        if w == 0 {
            if !dst.is_null() {
                // SAFETY: src is writable.
                unsafe { *src = core::ptr::null() };
            }
            return count;
        }
        s = s.wrapping_add(r);
        left -= r;
        count += 1;
    }
    if !dst.is_null() {
        // SAFETY: src is writable.
        unsafe { *src = s as *const c_char };
    }
    count
}

/// C `mbsrtowcs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsrtowcs(dst: *mut Wchar, src: *mut *const c_char, len: usize, ps: *mut MbState) -> usize {
    // SAFETY: forwarded.
    unsafe { mbs_to_wcs(dst, src, usize::MAX, len, state(ps, &raw mut MBSRTOWCS_ST)) }
}

/// POSIX `mbsnrtowcs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbsnrtowcs(dst: *mut Wchar, src: *mut *const c_char, nms: usize, len: usize, ps: *mut MbState) -> usize {
    // SAFETY: forwarded.
    unsafe { mbs_to_wcs(dst, src, nms, len, state(ps, &raw mut MBSRTOWCS_ST)) }
}

/// Converts up to `nwc` wide characters of `*src` into at most `len` bytes at
/// `dst` (NULL: count only), never splitting a character.
unsafe fn wcs_to_mbs(dst: *mut c_char, src: *mut *const Wchar, nwc: usize, len: usize) -> usize {
    // SAFETY: *src is a wide C string (or has nwc characters).
    let mut s = unsafe { *src };
    let mut count = 0;
    let u = utf8();
    for _ in 0..nwc {
        // SAFETY: s points inside the string (we stop at its NUL).
        let w = unsafe { *s } as u32;
        let mut buf = [0u8; 8];
        let Some(n) = (if w == 0 { Some(1) } else { wide_to_mb(w, u, &mut buf) }) else {
            set_errno(EILSEQ);
            if !dst.is_null() {
                // SAFETY: src writable.
                unsafe { *src = s };
            }
            return ERR;
        };
        if w == 0 {
            if !dst.is_null() {
                if count >= len {
                    break;
                }
                // SAFETY: count < len.
                unsafe {
                    *dst.add(count) = 0;
                    *src = core::ptr::null();
                }
            }
            return count;
        }
        if !dst.is_null() {
            if count + n > len {
                break;
            }
            // SAFETY: count + n <= len bytes of dst.
            unsafe { core::ptr::copy_nonoverlapping(buf.as_ptr(), dst.add(count) as *mut u8, n) };
        }
        count += n;
        s = s.wrapping_add(1);
    }
    if !dst.is_null() {
        // SAFETY: src writable.
        unsafe { *src = s };
    }
    count
}

/// C `wcsrtombs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsrtombs(dst: *mut c_char, src: *mut *const Wchar, len: usize, _ps: *mut MbState) -> usize {
    // SAFETY: forwarded.
    unsafe { wcs_to_mbs(dst, src, usize::MAX, len) }
}

/// POSIX `wcsnrtombs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcsnrtombs(dst: *mut c_char, src: *mut *const Wchar, nwc: usize, len: usize, _ps: *mut MbState) -> usize {
    // SAFETY: forwarded.
    unsafe { wcs_to_mbs(dst, src, nwc, len) }
}

/// C `btowc`.
#[unsafe(no_mangle)]
pub extern "C" fn btowc(c: c_int) -> u32 {
    if !(0..=255).contains(&c) {
        return WEOF;
    }
    crate::fmt::mb::byte_to_wide(c as u8, utf8()).unwrap_or(WEOF)
}

/// C `wctob`.
#[unsafe(no_mangle)]
pub extern "C" fn wctob(c: u32) -> c_int {
    let mut buf = [0u8; 8];
    match wide_to_mb(c, utf8(), &mut buf) {
        Some(1) => buf[0] as c_int,
        _ => -1,
    }
}

/// C `mblen`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mblen(s: *const c_char, n: usize) -> c_int {
    let mut st = MbState::default();
    if s.is_null() {
        return 0; // stateless encodings
    }
    // SAFETY: forwarded.
    match unsafe { mbrtowc(null_mut(), s, n, &mut st) } {
        ERR | INCOMPLETE => {
            set_errno(EILSEQ);
            -1
        }
        r => r as c_int,
    }
}

/// C `mbtowc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbtowc(pwc: *mut Wchar, s: *const c_char, n: usize) -> c_int {
    let mut st = MbState::default();
    if s.is_null() {
        return 0;
    }
    // SAFETY: forwarded.
    match unsafe { mbrtowc(pwc, s, n, &mut st) } {
        ERR | INCOMPLETE => {
            set_errno(EILSEQ);
            -1
        }
        r => r as c_int,
    }
}

/// C `wctomb`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wctomb(s: *mut c_char, wc: Wchar) -> c_int {
    if s.is_null() {
        return 0;
    }
    // SAFETY: forwarded.
    match unsafe { wcrtomb(s, wc, null_mut()) } {
        ERR => -1,
        r => r as c_int,
    }
}

/// C `mbstowcs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn mbstowcs(d: *mut Wchar, s: *const c_char, n: usize) -> usize {
    let mut src = s;
    let mut st = MbState::default();
    // SAFETY: forwarded; src is our local copy.
    unsafe { mbs_to_wcs(d, &mut src, usize::MAX, n, &mut st) }
}

/// C `wcstombs`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wcstombs(d: *mut c_char, s: *const Wchar, n: usize) -> usize {
    let mut src = s;
    // SAFETY: forwarded.
    unsafe { wcs_to_mbs(d, &mut src, usize::MAX, n) }
}

