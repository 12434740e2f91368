//! `<resolv.h>`: the DNS stub resolver. `conf` reads resolv.conf, `msg` the
//! wire format, `send` the UDP/TCP transport, `query` the search list; the
//! C entry points (`res_*`, `dn_*`) are below, `ns_*` in `ns.rs`. getaddrinfo and
//! friends (`header/netdb`) use the same modules.

pub mod conf;
pub mod msg;
pub mod ns;
pub mod query;
pub mod send;
mod state;

use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::header::netdb::{set_h_errno, HOST_NOT_FOUND, NO_DATA, NO_RECOVERY, TRY_AGAIN};
use crate::thread::area::set_errno;
use query::Failure;

pub use state::{__res_state, res_init, __res_init};

const EMSGSIZE: c_int = 90;

fn fail_h(f: Failure) -> c_int {
    set_h_errno(match f {
        Failure::NotFound => HOST_NOT_FOUND,
        Failure::NoData => NO_DATA,
        Failure::Again => TRY_AGAIN,
        Failure::Fail => NO_RECOVERY,
    });
    -1
}

/// Copies `resp` to the caller's buffer (truncated to `anslen`, as BIND does)
/// and returns its full length.
unsafe fn give(resp: &[u8], answer: *mut u8, anslen: c_int) -> c_int {
    let n = resp.len().min(anslen.max(0) as usize);
    // SAFETY: the caller provides `anslen` writable bytes.
    unsafe { core::ptr::copy_nonoverlapping(resp.as_ptr(), answer, n) };
    resp.len() as c_int
}

unsafe fn name_of<'a>(p: *const c_char) -> &'a [u8] {
    // SAFETY: a C string from the caller.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// Queries `dname` as given (no search list) and stores the raw answer.
/// -1 with `h_errno` when the rcode is not NOERROR or there are no answers.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn res_query(dname: *const c_char, class: c_int, ty: c_int, answer: *mut u8, anslen: c_int) -> c_int {
    let conf = conf::Conf::load();
    // SAFETY: C string from the caller.
    let name = unsafe { name_of(dname) };
    match query::query(&conf, name, class as u16, ty as u16) {
        Ok(r) if msg::header(&r).is_ok_and(|h| h.ancount > 0) => unsafe { give(&r, answer, anslen) },
        Ok(r) => {
            // SAFETY: the answer is still handed back, as BIND does for NODATA.
            unsafe { give(&r, answer, anslen) };
            fail_h(Failure::NoData)
        }
        Err(f) => fail_h(f),
    }
}

/// `res_query` over the search list (resolv.conf `search`, `ndots`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn res_search(dname: *const c_char, class: c_int, ty: c_int, answer: *mut u8, anslen: c_int) -> c_int {
    let conf = conf::Conf::load();
    // SAFETY: C string from the caller.
    let name = unsafe { name_of(dname) };
    let mut failure = Failure::NotFound;
    for cand in query::candidates(&conf, name) {
        match query::query(&conf, &cand, class as u16, ty as u16) {
            // SAFETY: the caller's answer buffer.
            Ok(r) if msg::header(&r).is_ok_and(|h| h.ancount > 0) => return unsafe { give(&r, answer, anslen) },
            Ok(_) => failure = Failure::NoData,
            Err(Failure::NotFound) => {}
            Err(f) if failure != Failure::NoData => failure = f,
            Err(_) => {}
        }
    }
    fail_h(failure)
}

/// `res_query` of `name.domain`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn res_querydomain(name: *const c_char, domain: *const c_char, class: c_int, ty: c_int, answer: *mut u8, anslen: c_int) -> c_int {
    // SAFETY: C strings from the caller.
    let mut full: Vec<u8> = unsafe { name_of(name) }.to_vec();
    if !domain.is_null() {
        full.push(b'.');
        // SAFETY: as above.
        full.extend_from_slice(unsafe { name_of(domain) });
    }
    if full.len() >= msg::MAX_NAME {
        return fail_h(Failure::Fail);
    }
    full.push(0);
    // SAFETY: `full` is NUL-terminated; same answer buffer contract.
    unsafe { res_query(full.as_ptr().cast(), class, ty, answer, anslen) }
}

/// Builds a query message. Only `QUERY` (op 0) is supported; `data`/`newrr` are unused by it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn res_mkquery(op: c_int, dname: *const c_char, class: c_int, ty: c_int, _data: *const u8, _datalen: c_int, _newrr: *const u8, buf: *mut u8, buflen: c_int) -> c_int {
    if op != 0 {
        set_errno(22);
        return -1;
    }
    // SAFETY: C string from the caller.
    let name = unsafe { name_of(dname) };
    let Ok(q) = msg::build_query(send::new_id(), name, ty as u16, class as u16) else {
        set_errno(EMSGSIZE);
        return -1;
    };
    if q.len() > buflen.max(0) as usize {
        set_errno(EMSGSIZE);
        return -1;
    }
    // SAFETY: `buflen` writable bytes at `buf`; q fits.
    unsafe { core::ptr::copy_nonoverlapping(q.as_ptr(), buf, q.len()) };
    q.len() as c_int
}

/// Sends a ready message to the configured servers and stores the answer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn res_send(m: *const u8, len: c_int, answer: *mut u8, anslen: c_int) -> c_int {
    if len < msg::HEADER_LEN as c_int {
        set_errno(22);
        return -1;
    }
    // SAFETY: `len` readable bytes (C contract).
    let q = unsafe { core::slice::from_raw_parts(m, len as usize) };
    match send::send(&conf::Conf::load(), q) {
        // SAFETY: the caller's answer buffer.
        Ok(r) => unsafe { give(&r, answer, anslen) },
        Err(_) => {
            set_errno(110); // ETIMEDOUT
            -1
        }
    }
}

unsafe fn message<'a>(start: *const u8, eom: *const u8) -> Option<&'a [u8]> {
    if start.is_null() || (eom as usize) < start as usize {
        return None;
    }
    // SAFETY: [start, eom) is the caller's message.
    Some(unsafe { core::slice::from_raw_parts(start, eom as usize - start as usize) })
}

/// Expands the compressed name at `src` of the message `[msg, eom)` into
/// `dst` (`space` bytes); returns the compressed length or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dn_expand(m: *const u8, eom: *const u8, src: *const u8, dst: *mut c_char, space: c_int) -> c_int {
    // SAFETY: the caller's message bounds.
    let Some(all) = (unsafe { message(m, eom) }) else { return -1 };
    let at = src as usize - m as usize;
    let Ok((text, next)) = msg::read_name(all, at) else { return -1 };
    let text: &[u8] = if text.is_empty() { b"." } else { &text };
    if text.len() + 1 > space.max(0) as usize {
        return -1;
    }
    // SAFETY: `space` writable bytes at `dst`, text + NUL fits.
    unsafe {
        core::ptr::copy_nonoverlapping(text.as_ptr(), dst.cast(), text.len());
        *dst.add(text.len()) = 0;
    }
    (next - at) as c_int
}

/// Length of the compressed name at `p`, or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dn_skipname(p: *const u8, eom: *const u8) -> c_int {
    // SAFETY: the caller's message bounds.
    let Some(all) = (unsafe { message(p, eom) }) else { return -1 };
    msg::skip_name(all, 0).map_or(-1, |n| n as c_int)
}

/// Compresses `src` into `dst` (`space` bytes) with pointers to names listed
/// in `dnptrs` (`dnptrs[0]` = the message start; NULL-terminated, ends before
/// `lastdnptr`), adding the new name's labels to the list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dn_comp(src: *const c_char, dst: *mut u8, space: c_int, dnptrs: *mut *mut u8, lastdnptr: *mut *mut u8) -> c_int {
    // SAFETY: C string from the caller.
    let name = unsafe { name_of(src) };
    // SAFETY: pointer list contract described above.
    unsafe { ns::compress(name, dst, space.max(0) as usize, dnptrs, lastdnptr) }
}
