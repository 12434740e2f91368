//! `confstr`, `gethostid` and the /etc/shells reader `getusershell`.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_long};

use crate::thread::area::set_errno;

const EINVAL: c_int = 22;

/// The string of configuration variable `name`; None for an unknown name.
/// Values are glibc's for x86_64 (LP64 only: the 32-bit environments have
/// empty flags). `_CS_GNU_LIBC_VERSION` and `_CS_GNU_LIBPTHREAD_VERSION` (2, 3)
/// are unknown here, as in musl: vibix_libc is not glibc.
fn conf(name: c_int) -> Option<&'static [u8]> {
    Some(match name {
        0 => b"/bin:/usr/bin",                          // _CS_PATH
        1 => b"POSIX_V6_LP64_OFF64",                    // _CS_V6_WIDTH_RESTRICTED_ENVS
        4 => b"XBS5_LP64_OFF64",                        // _CS_V5_WIDTH_RESTRICTED_ENVS
        5 => b"POSIX_V7_LP64_OFF64",                    // _CS_V7_WIDTH_RESTRICTED_ENVS
        1004 | 1007 => b"-D_LARGEFILE64_SOURCE",        // _CS_LFS64_CFLAGS, _CS_LFS64_LINTFLAGS
        1000..=1007 => b"",                             // the other _CS_LFS*
        1108 | 1109 | 1124 | 1125 | 1140 | 1141 => b"-m64", // *_LP64_OFF64_{CFLAGS,LDFLAGS}
        1100..=1147 => b"",                             // XBS5/POSIX_V6/POSIX_V7 flags
        1148 | 1149 => b"POSIXLY_CORRECT=1",            // _CS_V6_ENV, _CS_V7_ENV
        _ => return None,
    })
}

/// POSIX `confstr`: the length the value needs (with its NUL), copying as much
/// as fits into `buf`; 0 with EINVAL for an unknown name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn confstr(name: c_int, buf: *mut c_char, len: usize) -> usize {
    let Some(v) = conf(name) else {
        set_errno(EINVAL);
        return 0;
    };
    if !buf.is_null() && len > 0 {
        let n = v.len().min(len - 1);
        // SAFETY: the caller's buffer has `len` bytes.
        unsafe {
            core::ptr::copy_nonoverlapping(v.as_ptr(), buf.cast::<u8>(), n);
            *buf.add(n) = 0;
        }
    }
    v.len() + 1
}

/// `gethostid`: the 32-bit id in /etc/hostid (as sethostid writes it), else
/// the host name's IPv4 address with its halves swapped (glibc's choice),
/// else 0.
#[unsafe(no_mangle)]
pub extern "C" fn gethostid() -> c_long {
    use rustix::fs::{Mode, OFlags};
    if let Ok(fd) = rustix::fs::open("/etc/hostid", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) {
        let mut b = [0u8; 4];
        if rustix::io::read(&fd, &mut b) == Ok(4) {
            return i32::from_ne_bytes(b) as c_long;
        }
    }
    let mut host = [0 as c_char; 256];
    // SAFETY: our buffer and its size.
    if unsafe { super::process::gethostname(host.as_mut_ptr(), host.len() - 1) } != 0 {
        return 0;
    }
    match ipv4_of(host.as_ptr()) {
        Some(a) => (a.rotate_left(16)) as i32 as c_long,
        None => 0,
    }
}

/// The first IPv4 address of `host` as `s_addr` (network byte order in memory).
fn ipv4_of(host: *const c_char) -> Option<u32> {
    use crate::header::netdb::addrinfo::{freeaddrinfo, getaddrinfo};
    // struct addrinfo: flags, family, socktype, protocol, addrlen, addr, canonname, next.
    #[repr(C)]
    struct Ai {
        flags: c_int,
        family: c_int,
        socktype: c_int,
        protocol: c_int,
        addrlen: u32,
        addr: *mut u8,
        canon: *mut c_char,
        next: *mut Ai,
    }
    static_assertions::const_assert_eq!(core::mem::size_of::<Ai>(), 48);
    // SAFETY: all-zero addrinfo hints are valid.
    let mut hints: Ai = unsafe { core::mem::zeroed() };
    hints.family = 2; // AF_INET
    let mut res: *mut Ai = core::ptr::null_mut();
    // SAFETY: host is a C string; hints and res have struct addrinfo's layout.
    if unsafe { getaddrinfo(host, core::ptr::null(), (&hints as *const Ai).cast(), (&mut res as *mut *mut Ai).cast()) } != 0 || res.is_null() {
        return None;
    }
    // SAFETY: an AF_INET result holds a sockaddr_in; sin_addr is at offset 4.
    let a = unsafe {
        let sa = (*res).addr;
        let v = u32::from_ne_bytes([*sa.add(4), *sa.add(5), *sa.add(6), *sa.add(7)]);
        freeaddrinfo(res.cast());
        v
    };
    Some(a)
}

/// The shells of /etc/shells (or "/bin/sh" and "/bin/csh" without it) and the
/// position of `getusershell`; each entry NUL-terminated.
struct Shells {
    list: Option<Vec<Vec<u8>>>,
    next: usize,
}
static mut SHELLS: Shells = Shells { list: None, next: 0 };

fn shells() -> &'static mut Shells {
    // SAFETY: the one static cursor of this non-thread-safe interface.
    unsafe { &mut *core::ptr::addr_of_mut!(SHELLS) }
}

/// Each line's first word starting with '/', up to blank or '#'.
fn load() -> Vec<Vec<u8>> {
    use rustix::fs::{Mode, OFlags};
    let Ok(fd) = rustix::fs::open("/etc/shells", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) else {
        return alloc::vec![b"/bin/sh\0".to_vec(), b"/bin/csh\0".to_vec()];
    };
    let mut text = Vec::new();
    let mut b = [0u8; 1024];
    loop {
        match rustix::io::read(&fd, &mut b) {
            Ok(0) => break,
            Ok(n) => text.extend_from_slice(&b[..n]),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => break,
        }
    }
    let mut out = Vec::new();
    for line in text.split(|&c| c == b'\n') {
        let Some(start) = line.iter().position(|&c| c == b'/' || c == b'#') else { continue };
        if line[start] == b'#' {
            continue;
        }
        let w = &line[start..];
        let end = w.iter().position(|&c| c == b'#' || c.is_ascii_whitespace()).unwrap_or(w.len());
        let mut s = w[..end].to_vec();
        s.push(0);
        out.push(s);
    }
    out
}

/// BSD `getusershell`: the next permitted login shell, or NULL at the end.
#[unsafe(no_mangle)]
pub extern "C" fn getusershell() -> *mut c_char {
    let s = shells();
    let list = s.list.get_or_insert_with(load);
    match list.get_mut(s.next) {
        Some(e) => {
            s.next += 1;
            e.as_mut_ptr().cast()
        }
        None => core::ptr::null_mut(),
    }
}

/// BSD `setusershell`: back to the first shell (the file is read again).
#[unsafe(no_mangle)]
pub extern "C" fn setusershell() {
    let s = shells();
    s.list = Some(load());
    s.next = 0;
}

/// BSD `endusershell`: forgets the list.
#[unsafe(no_mangle)]
pub extern "C" fn endusershell() {
    let s = shells();
    s.list = None;
    s.next = 0;
}

/// BSD `getdtablesize`: the descriptor limit (RLIMIT_NOFILE's soft value).
#[unsafe(no_mangle)]
pub extern "C" fn getdtablesize() -> c_int {
    let l = rustix::process::getrlimit(rustix::process::Resource::Nofile);
    l.current.map_or(c_int::MAX, |v| v.min(c_int::MAX as u64) as c_int)
}

/// `getdomainname`: the NIS domain name of uname(), cut to `len` bytes (as
/// glibc: without a NUL when it does not fit).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getdomainname(name: *mut c_char, len: usize) -> c_int {
    let u = rustix::system::uname();
    let d = u.domainname().to_bytes_with_nul();
    // SAFETY: the caller's buffer has len bytes.
    unsafe { core::ptr::copy_nonoverlapping(d.as_ptr(), name.cast::<u8>(), d.len().min(len)) };
    0
}

/// `setdomainname` (needs CAP_SYS_ADMIN).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn setdomainname(name: *const c_char, len: usize) -> c_int {
    if len > 64 {
        set_errno(EINVAL);
        return -1;
    }
    // SAFETY: the caller's buffer has len bytes.
    let n = unsafe { core::slice::from_raw_parts(name.cast::<u8>(), len) };
    super::cret(rustix::system::setdomainname(n), |_| 0)
}

/// BSD `issetugid`: whether the program started with changed privileges (AT_SECURE).
#[unsafe(no_mangle)]
pub extern "C" fn issetugid() -> c_int {
    (crate::start::aux(23).unwrap_or(0) != 0) as c_int
}
