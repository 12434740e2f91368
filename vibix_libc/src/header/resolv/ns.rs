//! `<arpa/nameser.h>` message parsing (`ns_initparse`, `ns_parserr`, ...) and
//! name compression for `dn_comp`.

use alloc::vec::Vec;
use core::ffi::{c_char, c_int};

use static_assertions::const_assert_eq;

use super::msg;
use crate::thread::area::set_errno;

const EMSGSIZE: c_int = 90;
const ENODEV: c_int = 19;
const NS_S_MAX: usize = 4;

/// `ns_msg` (BIND layout, as in glibc and musl).
#[repr(C)]
pub struct NsMsg {
    msg: *const u8,
    eom: *const u8,
    id: u16,
    flags: u16,
    counts: [u16; NS_S_MAX],
    sections: [*const u8; NS_S_MAX],
    sect: c_int,
    rrnum: c_int,
    msg_ptr: *const u8,
}
const_assert_eq!(core::mem::size_of::<NsMsg>(), 80);

/// `ns_rr`.
#[repr(C)]
pub struct NsRr {
    name: [c_char; 1025],
    rtype: u16,
    rr_class: u16,
    ttl: u32,
    rdlength: u16,
    rdata: *const u8,
}
const_assert_eq!(core::mem::size_of::<NsRr>(), 1048);
const_assert_eq!(core::mem::offset_of!(NsRr, rdata), 1040);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_get16(p: *const u8) -> u32 {
    // SAFETY: two readable bytes (C contract).
    unsafe { u32::from(u16::from_be_bytes([*p, *p.add(1)])) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_get32(p: *const u8) -> u64 {
    // SAFETY: four readable bytes (C contract).
    unsafe { u64::from(u32::from_be_bytes(p.cast::<[u8; 4]>().read_unaligned())) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_put16(v: u32, p: *mut u8) {
    // SAFETY: two writable bytes (C contract).
    unsafe { p.cast::<[u8; 2]>().write_unaligned((v as u16).to_be_bytes()) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_put32(v: u64, p: *mut u8) {
    // SAFETY: four writable bytes (C contract).
    unsafe { p.cast::<[u8; 4]>().write_unaligned((v as u32).to_be_bytes()) }
}

fn emsgsize() -> c_int {
    set_errno(EMSGSIZE);
    -1
}

/// Offset after `count` records of `section` starting at `at`.
fn skip(m: &[u8], mut at: usize, section: usize, count: u32) -> Option<usize> {
    for _ in 0..count {
        at = msg::skip_name(m, at).ok()?;
        if section == 0 {
            at += 4;
        } else {
            at += 10 + msg::get16(m, at + 8).ok()? as usize;
        }
        if at > m.len() {
            return None;
        }
    }
    Some(at)
}

unsafe fn slice<'a>(start: *const u8, eom: *const u8) -> &'a [u8] {
    // SAFETY: [start, eom) is the caller's message (checked ordered by callers).
    unsafe { core::slice::from_raw_parts(start, (eom as usize).saturating_sub(start as usize)) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_skiprr(p: *const u8, eom: *const u8, section: c_int, count: c_int) -> c_int {
    // SAFETY: the caller's bounds.
    let m = unsafe { slice(p, eom) };
    match skip(m, 0, section as usize, count.max(0) as u32) {
        Some(n) => n as c_int,
        None => emsgsize(),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_initparse(m: *const u8, len: c_int, h: *mut NsMsg) -> c_int {
    if len < msg::HEADER_LEN as c_int {
        return emsgsize();
    }
    // SAFETY: `len` readable bytes (C contract).
    let all = unsafe { core::slice::from_raw_parts(m, len as usize) };
    let mut counts = [0u16; NS_S_MAX];
    let mut sections = [core::ptr::null(); NS_S_MAX];
    let mut at = msg::HEADER_LEN;
    for (i, c) in counts.iter_mut().enumerate() {
        *c = u16::from_be_bytes([all[4 + 2 * i], all[5 + 2 * i]]);
        if *c != 0 {
            // SAFETY: at <= len.
            sections[i] = unsafe { m.add(at) };
            match skip(all, at, i, u32::from(*c)) {
                Some(n) => at = n,
                None => return emsgsize(),
            }
        }
    }
    if at != all.len() {
        return emsgsize();
    }
    // SAFETY: `h` is the caller's ns_msg.
    unsafe {
        h.write(NsMsg {
            msg: m,
            eom: m.add(all.len()),
            id: u16::from_be_bytes([all[0], all[1]]),
            flags: u16::from_be_bytes([all[2], all[3]]),
            counts,
            sections,
            sect: NS_S_MAX as c_int,
            rrnum: -1,
            msg_ptr: core::ptr::null(),
        })
    };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_parserr(h: *mut NsMsg, section: c_int, rrnum: c_int, rr: *mut NsRr) -> c_int {
    // SAFETY: `h` was filled by ns_initparse.
    let h = unsafe { &mut *h };
    let s = section as usize;
    if s >= NS_S_MAX {
        set_errno(ENODEV);
        return -1;
    }
    if rrnum < 0 || rrnum >= c_int::from(h.counts[s]) {
        set_errno(ENODEV);
        return -1;
    }
    // SAFETY: the message bounds recorded by ns_initparse.
    let all = unsafe { slice(h.msg, h.eom) };
    let start = h.sections[s] as usize - h.msg as usize;
    let Some(at) = skip(all, start, s, rrnum as u32) else { return emsgsize() };
    let Ok((name, next)) = msg::read_name(all, at) else { return emsgsize() };
    if name.len() >= 1025 {
        return emsgsize();
    }
    let (Ok(rtype), Ok(class)) = (msg::get16(all, next), msg::get16(all, next + 2)) else { return emsgsize() };
    let (ttl, rdlength, rdata, end) = if s == 0 {
        (0, 0, core::ptr::null(), next + 4)
    } else {
        let ttl = all.get(next + 4..next + 8).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        let len = msg::get16(all, next + 8);
        match (ttl, len) {
            (Some(t), Ok(l)) if next + 10 + l as usize <= all.len() => {
                // SAFETY: within the message.
                (t, l, unsafe { h.msg.add(next + 10) }, next + 10 + l as usize)
            }
            _ => return emsgsize(),
        }
    };
    // SAFETY: `rr` is the caller's ns_rr; name fits (checked above).
    unsafe {
        let rr = &mut *rr;
        for (d, &b) in rr.name.iter_mut().zip(name.iter()) {
            *d = b as c_char;
        }
        rr.name[name.len()] = 0;
        rr.rtype = rtype;
        rr.rr_class = class;
        rr.ttl = ttl;
        rr.rdlength = rdlength;
        rr.rdata = rdata;
    }
    h.sect = section;
    h.rrnum = rrnum + 1;
    // SAFETY: end <= len.
    h.msg_ptr = unsafe { h.msg.add(end) };
    0
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn ns_name_uncompress(m: *const u8, eom: *const u8, src: *const u8, dst: *mut c_char, size: usize) -> c_int {
    // SAFETY: same contract as dn_expand.
    unsafe { super::dn_expand(m, eom, src, dst, size.min(c_int::MAX as usize) as c_int) }
}

/// The compression step of `dn_comp` (see there).
pub unsafe fn compress(name: &[u8], dst: *mut u8, space: usize, dnptrs: *mut *mut u8, last: *mut *mut u8) -> c_int {
    let name = name.strip_suffix(b".").unwrap_or(name);
    let labels: Vec<&[u8]> = if name.is_empty() { Vec::new() } else { name.split(|&b| b == b'.').collect() };
    if labels.iter().any(|l| l.is_empty() || l.len() > 63) || name.len() > 253 {
        return emsgsize();
    }
    // SAFETY: dnptrs is NULL or a NULL-terminated list before `last` (C contract).
    let base = if dnptrs.is_null() { core::ptr::null_mut() } else { unsafe { *dnptrs } };
    let earlier = if base.is_null() || (dst as usize) < base as usize {
        &[][..]
    } else {
        // SAFETY: the names in the list lie in the message before `dst`.
        unsafe { core::slice::from_raw_parts(base as *const u8, dst as usize - base as usize) }
    };
    let mut out = Vec::new();
    let mut new_labels = Vec::new();
    let mut pointer = None;
    for i in 0..labels.len() {
        let suffix = labels[i..].join(&b'.');
        if !earlier.is_empty() {
            let mut p = 1;
            loop {
                // SAFETY: the list is NULL-terminated before `last`.
                let q = unsafe { *dnptrs.add(p) };
                if q.is_null() || unsafe { dnptrs.add(p) } >= last {
                    break;
                }
                let off = q as usize - base as usize;
                if off < earlier.len() && msg::read_name(earlier, off).is_ok_and(|(t, _)| t.eq_ignore_ascii_case(&suffix)) {
                    pointer = Some(off);
                    break;
                }
                p += 1;
            }
        }
        if let Some(off) = pointer {
            out.extend_from_slice(&(0xc000u16 | off as u16).to_be_bytes());
            break;
        }
        new_labels.push(out.len());
        out.push(labels[i].len() as u8);
        out.extend_from_slice(labels[i]);
    }
    if pointer.is_none() {
        out.push(0);
    }
    if out.len() > space {
        return emsgsize();
    }
    // SAFETY: `space` writable bytes at dst.
    unsafe { core::ptr::copy_nonoverlapping(out.as_ptr(), dst, out.len()) };
    if !earlier.is_empty() || !base.is_null() {
        // SAFETY: append to the NULL-terminated list while a slot before `last` remains.
        unsafe {
            let mut p = dnptrs.add(1);
            while !(*p).is_null() && p < last {
                p = p.add(1);
            }
            for &off in &new_labels {
                let pos = dst.add(off);
                if p.add(1) >= last || pos as usize - base as usize > 0x3fff {
                    break;
                }
                *p = pos;
                p = p.add(1);
            }
            if p < last {
                *p = core::ptr::null_mut();
            }
        }
    }
    out.len() as c_int
}
