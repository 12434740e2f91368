//! `<iconv.h>` for the encodings C programs mostly need: UTF-8, ASCII,
//! ISO-8859-1, UTF-16/UTF-32 (BOM-detecting on input, BOM + little endian on
//! output, as glibc), their LE/BE forms, UCS-2/UCS-4 and WCHAR_T; "" is the
//! locale's codeset. `//TRANSLIT` turns unencodable characters into '?',
//! `//IGNORE` skips them (and reports EILSEQ at the end, as glibc does).
//! Other encodings: `iconv_open` fails with EINVAL (docs/unsupported.md).
use core::ffi::{c_char, c_int, c_void};

use crate::fmt::mb::{decode_utf8, put_utf8, Decoded};
use crate::thread::area::set_errno;

const EILSEQ: c_int = 84;
const EINVAL: c_int = 22;
const E2BIG: c_int = 7;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Ascii,
    Latin1,
    /// (bytes per unit, big endian, BOM: detect on input / write on output)
    Utf16 { be: bool, bom: bool },
    Utf32 { be: bool, bom: bool },
    Ucs2 { be: bool },
}

struct Conv {
    from: Enc,
    to: Enc,
    translit: bool,
    ignore: bool,
    /// Output BOM still to be written.
    bom_out: bool,
    /// Input BOM seen/decided.
    bom_in_done: bool,
    in_be: bool,
}

fn norm(name: &[u8], out: &mut [u8; 32]) -> usize {
    let mut n = 0;
    for &c in name {
        if c == b'-' || c == b'_' {
            continue;
        }
        if n == out.len() {
            break;
        }
        out[n] = c.to_ascii_uppercase();
        n += 1;
    }
    n
}

fn lookup(name: &[u8]) -> Option<Enc> {
    let name = if name.is_empty() {
        if crate::header::locale::utf8() { &b"UTF-8"[..] } else { &b"ASCII"[..] }
    } else {
        name
    };
    let mut b = [0u8; 32];
    let n = norm(name, &mut b);
    Some(match &b[..n] {
        b"UTF8" => Enc::Utf8,
        b"ASCII" | b"USASCII" | b"ANSIX3.41968" | b"646" => Enc::Ascii,
        b"ISO88591" | b"LATIN1" | b"L1" | b"ISO885911987" => Enc::Latin1,
        b"UTF16" => Enc::Utf16 { be: false, bom: true },
        b"UTF16LE" => Enc::Utf16 { be: false, bom: false },
        b"UTF16BE" => Enc::Utf16 { be: true, bom: false },
        b"UTF32" => Enc::Utf32 { be: false, bom: true },
        b"UTF32LE" => Enc::Utf32 { be: false, bom: false },
        b"UTF32BE" | b"UCS4" | b"UCS4BE" => Enc::Utf32 { be: true, bom: false },
        b"UCS4LE" | b"WCHART" => Enc::Utf32 { be: false, bom: false },
        b"UCS2" | b"UCS2LE" => Enc::Ucs2 { be: false },
        b"UCS2BE" => Enc::Ucs2 { be: true },
        _ => return None,
    })
}

/// Splits "NAME//TRANSLIT//IGNORE" into the name and its flags.
fn split(code: &[u8]) -> (&[u8], bool, bool) {
    let mut parts = code.split(|&c| c == b'/').filter(|p| !p.is_empty());
    let name = if code.starts_with(b"//") { &b""[..] } else { parts.next().unwrap_or(b"") };
    let (mut t, mut ig) = (false, false);
    for p in parts {
        t |= p.eq_ignore_ascii_case(b"TRANSLIT");
        ig |= p.eq_ignore_ascii_case(b"IGNORE");
    }
    (name, t, ig)
}

/// POSIX `iconv_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iconv_open(to: *const c_char, from: *const c_char) -> *mut c_void {
    // SAFETY: to and from are C strings.
    let (tb, fb) = unsafe { (core::ffi::CStr::from_ptr(to).to_bytes(), core::ffi::CStr::from_ptr(from).to_bytes()) };
    let (tn, translit, ignore) = split(tb);
    let (fnm, _, _) = split(fb);
    let (Some(t), Some(f)) = (lookup(tn), lookup(fnm)) else {
        set_errno(EINVAL);
        return usize::MAX as *mut c_void;
    };
    let c = Conv { from: f, to: t, translit, ignore, bom_out: false, bom_in_done: false, in_be: false };
    let p = crate::header::stdlib::malloc::malloc(core::mem::size_of::<Conv>()) as *mut Conv;
    if p.is_null() {
        set_errno(12);
        return usize::MAX as *mut c_void;
    }
    // SAFETY: a fresh block of the right size.
    unsafe {
        p.write(c);
        reset(&mut *p);
    }
    p as *mut c_void
}

fn reset(c: &mut Conv) {
    c.bom_out = matches!(c.to, Enc::Utf16 { bom: true, .. } | Enc::Utf32 { bom: true, .. });
    c.bom_in_done = !matches!(c.from, Enc::Utf16 { bom: true, .. } | Enc::Utf32 { bom: true, .. });
    c.in_be = match c.from {
        Enc::Utf16 { be, .. } | Enc::Utf32 { be, .. } | Enc::Ucs2 { be } => be,
        _ => false,
    };
}

/// Whether charsets `a` and `b` name the same encoding; None if either is unknown.
pub fn same_charset(a: &[u8], b: &[u8]) -> Option<bool> {
    Some(lookup(split(a).0)? == lookup(split(b).0)?)
}

/// All of `input` converted from charset `from` to `to` (names as
/// `iconv_open` takes them, suffixes included), through `iconv` itself.
/// None if a charset is unknown or the input is invalid or incomplete.
pub fn convert(to: &[u8], from: &[u8], input: &[u8]) -> Option<alloc::vec::Vec<u8>> {
    let (tn, translit, ignore) = split(to);
    let (t, f) = (lookup(tn)?, lookup(split(from).0)?);
    let mut c = Conv { from: f, to: t, translit, ignore, bom_out: false, bom_in_done: false, in_be: false };
    reset(&mut c);
    // Every encoding here takes at most 4 bytes per character (+ a BOM).
    let mut out = alloc::vec![0u8; input.len() * 4 + 4];
    let (mut inp, mut inleft) = (input.as_ptr() as *mut c_char, input.len());
    let (mut outp, mut outleft) = (out.as_mut_ptr() as *mut c_char, out.len());
    let cd = &raw mut c as *mut c_void;
    // SAFETY: cd is a live Conv; the buffers are `input` and `out` with their lengths.
    if unsafe { iconv(cd, &mut inp, &mut inleft, &mut outp, &mut outleft) } == usize::MAX {
        return None;
    }
    out.truncate(out.len() - outleft);
    Some(out)
}

/// POSIX `iconv_close`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iconv_close(cd: *mut c_void) -> c_int {
    if cd.is_null() || cd as usize == usize::MAX {
        set_errno(9); // EBADF
        return -1;
    }
    // SAFETY: cd came from iconv_open.
    unsafe { crate::header::stdlib::malloc::free(cd) };
    0
}

fn unit(b: &[u8], be: bool) -> u32 {
    let mut v = 0u32;
    for k in 0..b.len() {
        let byte = if be { b[k] } else { b[b.len() - 1 - k] };
        v = (v << 8) | byte as u32;
    }
    v
}

/// One character from `s`: Ok((char, bytes)), Err(EINVAL incomplete / EILSEQ).
fn read(c: &mut Conv, s: &[u8]) -> Result<(u32, usize), c_int> {
    let mut skip = 0;
    if !c.bom_in_done {
        let w = if matches!(c.from, Enc::Utf16 { .. }) { 2 } else { 4 };
        if s.len() < w {
            return Err(EINVAL);
        }
        let (le, be) = if w == 2 { (unit(&s[..2], false), unit(&s[..2], true)) } else { (unit(&s[..4], false), unit(&s[..4], true)) };
        c.bom_in_done = true;
        if le == 0xfeff {
            c.in_be = false;
            skip = w;
        } else if be == 0xfeff {
            c.in_be = true;
            skip = w;
        }
    }
    let s = &s[skip..];
    let r = match c.from {
        Enc::Utf8 => match decode_utf8_or(s) {
            Decoded::Char(w, n) => (w, n),
            Decoded::Incomplete => return Err(EINVAL),
            Decoded::Invalid => return Err(EILSEQ),
        },
        Enc::Ascii => {
            let b = *s.first().ok_or(EINVAL)?;
            if b >= 0x80 {
                return Err(EILSEQ);
            }
            (b as u32, 1)
        }
        Enc::Latin1 => (*s.first().ok_or(EINVAL)? as u32, 1),
        Enc::Utf16 { .. } | Enc::Ucs2 { .. } => {
            if s.len() < 2 {
                return Err(EINVAL);
            }
            let u = unit(&s[..2], c.in_be);
            if matches!(c.from, Enc::Ucs2 { .. }) || !(0xd800..0xe000).contains(&u) {
                if (0xd800..0xe000).contains(&u) {
                    return Err(EILSEQ);
                }
                (u, 2)
            } else if u >= 0xdc00 {
                return Err(EILSEQ);
            } else {
                if s.len() < 4 {
                    return Err(EINVAL);
                }
                let lo = unit(&s[2..4], c.in_be);
                if !(0xdc00..0xe000).contains(&lo) {
                    return Err(EILSEQ);
                }
                (0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), 4)
            }
        }
        Enc::Utf32 { .. } => {
            if s.len() < 4 {
                return Err(EINVAL);
            }
            let u = unit(&s[..4], c.in_be);
            if u > 0x10ffff || (0xd800..0xe000).contains(&u) {
                return Err(EILSEQ);
            }
            (u, 4)
        }
    };
    Ok((r.0, r.1 + skip))
}

fn decode_utf8_or(s: &[u8]) -> Decoded {
    if s.is_empty() { Decoded::Incomplete } else { decode_utf8(s) }
}

fn put_unit(out: &mut [u8; 8], at: usize, v: u32, bytes: usize, be: bool) {
    for k in 0..bytes {
        let shift = if be { 8 * (bytes - 1 - k) } else { 8 * k };
        out[at + k] = (v >> shift) as u8;
    }
}

/// The encoding of `w` (None: not representable).
fn write(to: Enc, w: u32, out: &mut [u8; 8]) -> Option<usize> {
    Some(match to {
        Enc::Utf8 => put_utf8(w, out),
        Enc::Ascii if w < 0x80 => {
            out[0] = w as u8;
            1
        }
        Enc::Latin1 if w < 0x100 => {
            out[0] = w as u8;
            1
        }
        Enc::Ascii | Enc::Latin1 => return None,
        Enc::Ucs2 { be } => {
            if w > 0xffff {
                return None;
            }
            put_unit(out, 0, w, 2, be);
            2
        }
        Enc::Utf16 { be, .. } => {
            if w < 0x10000 {
                put_unit(out, 0, w, 2, be);
                2
            } else {
                let v = w - 0x10000;
                put_unit(out, 0, 0xd800 + (v >> 10), 2, be);
                put_unit(out, 2, 0xdc00 + (v & 0x3ff), 2, be);
                4
            }
        }
        Enc::Utf32 { be, .. } => {
            put_unit(out, 0, w, 4, be);
            4
        }
    })
}

/// POSIX `iconv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn iconv(cd: *mut c_void, inbuf: *mut *mut c_char, inleft: *mut usize, outbuf: *mut *mut c_char, outleft: *mut usize) -> usize {
    if cd.is_null() || cd as usize == usize::MAX {
        set_errno(9);
        return usize::MAX;
    }
    // SAFETY: cd came from iconv_open; the buffers are the caller's, with the sizes given.
    unsafe {
        let c = &mut *(cd as *mut Conv);
        if inbuf.is_null() || (*inbuf).is_null() {
            // Reset the shift state (write nothing: our encodings are stateless).
            reset(c);
            return 0;
        }
        let mut irreversible = 0usize;
        let mut skipped = false;
        loop {
            let s = core::slice::from_raw_parts(*inbuf as *const u8, *inleft);
            if s.is_empty() {
                break;
            }
            let (w, used) = match read(c, s) {
                Ok(r) => r,
                Err(EILSEQ) if c.ignore => {
                    // Skip one byte (one unit for UTF-16/32).
                    let step = match c.from {
                        Enc::Utf16 { .. } | Enc::Ucs2 { .. } => 2,
                        Enc::Utf32 { .. } => 4,
                        _ => 1,
                    }
                    .min(s.len());
                    *inbuf = (*inbuf).add(step);
                    *inleft -= step;
                    skipped = true;
                    continue;
                }
                Err(e) => {
                    set_errno(e);
                    return usize::MAX;
                }
            };
            if c.bom_out {
                // The BOM goes out as soon as it fits (even if the character does not).
                let mut bom = [0u8; 8];
                let n = write(c.to, 0xfeff, &mut bom).unwrap_or(0);
                if outbuf.is_null() || (*outbuf).is_null() || *outleft < n {
                    set_errno(E2BIG);
                    return usize::MAX;
                }
                core::ptr::copy_nonoverlapping(bom.as_ptr(), *outbuf as *mut u8, n);
                *outbuf = (*outbuf).add(n);
                *outleft -= n;
                c.bom_out = false;
            }
            let mut buf = [0u8; 8];
            let n = 0;
            let mut rev = false;
            let mut tmp = [0u8; 8];
            let k = match write(c.to, w, &mut tmp) {
                Some(k) => {
                    buf[n..n + k].copy_from_slice(&tmp[..k]);
                    k
                }
                None if c.translit => {
                    rev = true;
                    buf[n] = b'?';
                    1
                }
                None if c.ignore => {
                    *inbuf = (*inbuf).add(used);
                    *inleft -= used;
                    skipped = true;
                    continue;
                }
                None => {
                    set_errno(EILSEQ);
                    return usize::MAX;
                }
            };
            let total = n + k;
            if outbuf.is_null() || (*outbuf).is_null() || *outleft < total {
                set_errno(E2BIG);
                return usize::MAX;
            }
            core::ptr::copy_nonoverlapping(buf.as_ptr(), *outbuf as *mut u8, total);
            *outbuf = (*outbuf).add(total);
            *outleft -= total;
            *inbuf = (*inbuf).add(used);
            *inleft -= used;
            irreversible += rev as usize;
        }
        if skipped {
            set_errno(EILSEQ);
            return usize::MAX;
        }
        irreversible
    }
}
