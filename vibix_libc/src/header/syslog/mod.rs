//! `<syslog.h>`: messages to the system logger as datagrams on `/dev/log`
//! (`<PRI>Mmm dd hh:mm:ss ident[pid]: text`), with LOG_PERROR copies on
//! stderr and LOG_CONS falling back to /dev/console. Not thread-safe beyond
//! one lock around the connection state.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};
use rustix::fd::OwnedFd;
use rustix::net::{AddressFamily, SocketAddrUnix, SocketType};

use crate::sync::Lock;
use crate::va::{variadic, VaPtr};

const LOG_PID: c_int = 0x01;
const LOG_CONS: c_int = 0x02;
const LOG_NDELAY: c_int = 0x08;
const LOG_PERROR: c_int = 0x20;
const LOG_USER: c_int = 1 << 3;
const LOG_FACMASK: c_int = 0x3f8;

struct State {
    ident: *const c_char,
    option: c_int,
    facility: c_int,
    mask: c_int,
    sock: Option<OwnedFd>,
}

static LOCK: Lock = Lock::new();
static mut STATE: State = State { ident: core::ptr::null(), option: 0, facility: LOG_USER, mask: 0xff, sock: None };

/// Runs `f` on the state under the lock.
fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
    LOCK.lock();
    // SAFETY: STATE is only touched with LOCK held.
    let r = f(unsafe { &mut *core::ptr::addr_of_mut!(STATE) });
    LOCK.unlock();
    r
}

fn connect(st: &mut State) {
    if st.sock.is_some() {
        return;
    }
    let Ok(fd) = rustix::net::socket_with(AddressFamily::UNIX, SocketType::DGRAM, rustix::net::SocketFlags::CLOEXEC, None) else { return };
    let Ok(addr) = SocketAddrUnix::new(c"/dev/log") else { return };
    if rustix::net::connect(&fd, &addr).is_ok() {
        st.sock = Some(fd);
    }
}

/// POSIX `openlog`: `ident` is kept by reference, as POSIX specifies.
#[unsafe(no_mangle)]
pub extern "C" fn openlog(ident: *const c_char, option: c_int, facility: c_int) {
    with(|st| {
        st.ident = ident;
        st.option = option;
        if facility != 0 {
            st.facility = facility & LOG_FACMASK;
        }
        if option & LOG_NDELAY != 0 {
            connect(st);
        }
    });
}

/// POSIX `closelog`.
#[unsafe(no_mangle)]
pub extern "C" fn closelog() {
    with(|st| {
        st.sock = None;
        st.ident = core::ptr::null();
        st.option = 0;
        st.facility = LOG_USER;
    });
}

/// POSIX `setlogmask`: returns the previous mask; 0 leaves it unchanged.
#[unsafe(no_mangle)]
pub extern "C" fn setlogmask(mask: c_int) -> c_int {
    with(|st| {
        let old = st.mask;
        if mask != 0 {
            st.mask = mask;
        }
        old
    })
}

fn push_num(v: &mut Vec<u8>, n: u64, width: usize, pad: u8) {
    let mut d = [0u8; 20];
    let mut i = d.len();
    let mut n = n;
    loop {
        i -= 1;
        d[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in (d.len() - i)..width {
        v.push(pad);
    }
    v.extend_from_slice(&d[i..]);
}

/// `Mmm dd hh:mm:ss ` (RFC 3164 timestamp, our local time is UTC).
fn timestamp(v: &mut Vec<u8>) {
    const MON: [&[u8]; 12] = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Realtime).tv_sec;
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400) as u64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u64;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as usize;
    let _ = era;
    v.extend_from_slice(MON[month - 1]);
    v.push(b' ');
    push_num(v, day, 2, b' ');
    v.push(b' ');
    push_num(v, secs / 3600, 2, b'0');
    v.push(b':');
    push_num(v, secs / 60 % 60, 2, b'0');
    v.push(b':');
    push_num(v, secs % 60, 2, b'0');
    v.push(b' ');
}

/// POSIX `vsyslog`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vsyslog(pri: c_int, fmt: *const c_char, ap: VaPtr) {
    // The text first (it may use %m, so before anything touches errno).
    let mut text = alloc::vec![0u8; 1024];
    // SAFETY: text is ours; fmt/ap are the caller's.
    let n = unsafe { crate::header::stdio::printf::vsnprintf(text.as_mut_ptr().cast(), text.len(), fmt, ap) };
    if n < 0 {
        return;
    }
    text.truncate((n as usize).min(text.len() - 1));
    with(|st| {
        if st.mask & (1 << (pri & 7)) == 0 {
            return;
        }
        let pri = if pri & LOG_FACMASK == 0 { pri | st.facility } else { pri };
        let mut msg = Vec::with_capacity(text.len() + 64);
        msg.push(b'<');
        push_num(&mut msg, pri as u64, 0, b'0');
        msg.push(b'>');
        timestamp(&mut msg);
        let body = msg.len();
        let ident: &[u8] = if st.ident.is_null() {
            // SAFETY: program_invocation_short_name is NULL or a C string.
            let p: *mut c_char = unsafe { *crate::got!(crate::start::program_invocation_short_name) };
            if p.is_null() { b"" } else { unsafe { CStr::from_ptr(p) }.to_bytes() }
        } else {
            // SAFETY: the ident openlog kept is a C string.
            unsafe { CStr::from_ptr(st.ident) }.to_bytes()
        };
        msg.extend_from_slice(ident);
        if st.option & LOG_PID != 0 {
            msg.push(b'[');
            push_num(&mut msg, rustix::process::getpid().as_raw_nonzero().get() as u64, 0, b'0');
            msg.push(b']');
        }
        if !ident.is_empty() || st.option & LOG_PID != 0 {
            msg.extend_from_slice(b": ");
        }
        msg.extend_from_slice(&text);
        if st.option & LOG_PERROR != 0 {
            let mut e = msg[body..].to_vec();
            if e.last() != Some(&b'\n') {
                e.push(b'\n');
            }
            crate::header::unistd::write_all(2, &e);
        }
        connect(st);
        let sent = st.sock.as_ref().is_some_and(|s| rustix::net::send(s, &msg, rustix::net::SendFlags::NOSIGNAL).is_ok());
        if !sent {
            st.sock = None;
            if st.option & LOG_CONS != 0 {
                if let Ok(c) = rustix::fs::open(c"/dev/console", rustix::fs::OFlags::WRONLY | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::CLOEXEC, rustix::fs::Mode::empty()) {
                    let mut line = msg[body..].to_vec();
                    line.extend_from_slice(b"\r\n");
                    let _ = rustix::io::write(&c, &line);
                }
            }
        }
    });
}

variadic!(syslog => vsyslog, 2);
