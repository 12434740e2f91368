//! XSI `fmtmsg`: a classified message on stderr (MM_PRINT) and/or the
//! console (MM_CONSOLE), in glibc's layout:
//! `label: SEVERITY: text\nTO FIX: action  tag\n`. `MSGVERB` (colon-separated
//! label/severity/text/action/tag) picks the parts printed on stderr; an
//! unknown keyword selects them all. `SEV_LEVEL` (`name,level,string:...`,
//! level above 4) adds severities.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_long, CStr};

const MM_PRINT: c_long = 0x100;
const MM_CONSOLE: c_long = 0x200;
const MM_OK: c_int = 0;
const MM_NOTOK: c_int = -1;
const MM_NOMSG: c_int = 1;
const MM_NOCON: c_int = 4;

const LABEL: u8 = 1;
const SEVERITY: u8 = 2;
const TEXT: u8 = 4;
const ACTION: u8 = 8;
const TAG: u8 = 16;
const ALL: u8 = 31;

unsafe fn opt<'a>(p: *const c_char) -> Option<&'a [u8]> {
    // SAFETY: p is NULL or a C string (caller contract).
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
}

fn env(name: &CStr) -> Option<&'static [u8]> {
    // SAFETY: getenv returns NULL or a C string owned by the environment.
    unsafe { opt(crate::header::stdlib::env::getenv(name.as_ptr())) }
}

/// The parts MSGVERB selects.
fn verbosity() -> u8 {
    let Some(v) = env(c"MSGVERB") else { return ALL };
    let mut mask = 0;
    for word in v.split(|&b| b == b':') {
        mask |= match word {
            b"label" => LABEL,
            b"severity" => SEVERITY,
            b"text" => TEXT,
            b"action" => ACTION,
            b"tag" => TAG,
            _ => return ALL,
        };
    }
    mask
}

/// The print string of `severity`: the standard ones, then SEV_LEVEL's.
/// None: unknown (the call fails); Some(None): MM_NOSEV, nothing printed.
fn severity_text(severity: c_int) -> Option<Option<Vec<u8>>> {
    let std: Option<&[u8]> = match severity {
        0 => return Some(None),
        1 => Some(b"HALT"),
        2 => Some(b"ERROR"),
        3 => Some(b"WARNING"),
        4 => Some(b"INFO"),
        _ => None,
    };
    if let Some(s) = std {
        return Some(Some(s.to_vec()));
    }
    for entry in env(c"SEV_LEVEL")?.split(|&b| b == b':') {
        let mut f = entry.split(|&b| b == b',');
        let (Some(_name), Some(level), Some(text), None) = (f.next(), f.next(), f.next(), f.next()) else { continue };
        let Ok(level) = core::str::from_utf8(level).unwrap_or("").parse::<c_int>() else { continue };
        if level > 4 && level == severity {
            return Some(Some(text.to_vec()));
        }
    }
    None
}

/// A label is "component:component", at most 10 and 14 bytes.
fn label_ok(l: &[u8]) -> bool {
    match l.iter().position(|&b| b == b':') {
        Some(i) => i <= 10 && l.len() - i - 1 <= 14,
        None => false,
    }
}

/// The message with the parts in `mask`.
fn layout<'a>(mask: u8, label: Option<&'a [u8]>, sev: Option<&'a [u8]>, text: Option<&'a [u8]>, action: Option<&'a [u8]>, tag: Option<&'a [u8]>) -> Vec<u8> {
    let pick = |bit: u8, v: Option<&'a [u8]>| if mask & bit != 0 { v } else { None };
    let (label, sev, text, action, tag) = (pick(LABEL, label), pick(SEVERITY, sev), pick(TEXT, text), pick(ACTION, action), pick(TAG, tag));
    let mut m = Vec::new();
    if let Some(l) = label {
        m.extend_from_slice(l);
        if sev.is_some() || text.is_some() || action.is_some() || tag.is_some() {
            m.extend_from_slice(b": ");
        }
    }
    if let Some(s) = sev {
        m.extend_from_slice(s);
        if text.is_some() || action.is_some() || tag.is_some() {
            m.extend_from_slice(b": ");
        }
    }
    if let Some(t) = text {
        m.extend_from_slice(t);
        if action.is_some() || tag.is_some() {
            m.push(b'\n');
        }
    }
    if let Some(a) = action {
        m.extend_from_slice(b"TO FIX: ");
        m.extend_from_slice(a);
        if tag.is_some() {
            m.extend_from_slice(b"  ");
        }
    }
    if let Some(t) = tag {
        m.extend_from_slice(t);
    }
    m.push(b'\n');
    m
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn fmtmsg(class: c_long, label: *const c_char, severity: c_int, text: *const c_char, action: *const c_char, tag: *const c_char) -> c_int {
    // SAFETY: each string is NULL (MM_NULL*) or a C string.
    let (label, text, action, tag) = unsafe { (opt(label), opt(text), opt(action), opt(tag)) };
    if label.is_some_and(|l| !label_ok(l)) {
        return MM_NOTOK;
    }
    let Some(sev) = severity_text(severity) else { return MM_NOTOK };
    let sev = sev.as_deref();
    let mut result = MM_OK;
    if class & MM_PRINT != 0 {
        let m = layout(verbosity(), label, sev, text, action, tag);
        if !crate::header::unistd::write_all(2, &m) {
            result |= MM_NOMSG;
        }
    }
    if class & MM_CONSOLE != 0 {
        let m = layout(ALL, label, sev, text, action, tag);
        // SAFETY: a constant C path.
        let fd = unsafe { crate::header::fcntl::open(c"/dev/console".as_ptr(), crate::header::fcntl::O_WRONLY | crate::header::fcntl::O_CLOEXEC | 0o400 /* O_NOCTTY */, 0) };
        if fd < 0 || !crate::header::unistd::write_all(fd, &m) {
            result |= MM_NOCON;
        }
        if fd >= 0 {
            crate::header::unistd::close(fd);
        }
    }
    if result == MM_NOMSG | MM_NOCON { MM_NOTOK } else { result }
}
