//! `<errno.h>`: error messages (strerror, strerror_r, perror's text).
use core::ffi::{c_char, c_int};

/// Linux errno messages, indexed by errno (the texts programs print and
/// compare against, identical to glibc's).
static MESSAGES: [&[u8]; 134] = [
    b"Success\0",
    b"Operation not permitted\0",
    b"No such file or directory\0",
    b"No such process\0",
    b"Interrupted system call\0",
    b"Input/output error\0",
    b"No such device or address\0",
    b"Argument list too long\0",
    b"Exec format error\0",
    b"Bad file descriptor\0",
    b"No child processes\0",
    b"Resource temporarily unavailable\0",
    b"Cannot allocate memory\0",
    b"Permission denied\0",
    b"Bad address\0",
    b"Block device required\0",
    b"Device or resource busy\0",
    b"File exists\0",
    b"Invalid cross-device link\0",
    b"No such device\0",
    b"Not a directory\0",
    b"Is a directory\0",
    b"Invalid argument\0",
    b"Too many open files in system\0",
    b"Too many open files\0",
    b"Inappropriate ioctl for device\0",
    b"Text file busy\0",
    b"File too large\0",
    b"No space left on device\0",
    b"Illegal seek\0",
    b"Read-only file system\0",
    b"Too many links\0",
    b"Broken pipe\0",
    b"Numerical argument out of domain\0",
    b"Numerical result out of range\0",
    b"Resource deadlock avoided\0",
    b"File name too long\0",
    b"No locks available\0",
    b"Function not implemented\0",
    b"Directory not empty\0",
    b"Too many levels of symbolic links\0",
    b"Unknown error 41\0",
    b"No message of desired type\0",
    b"Identifier removed\0",
    b"Channel number out of range\0",
    b"Level 2 not synchronized\0",
    b"Level 3 halted\0",
    b"Level 3 reset\0",
    b"Link number out of range\0",
    b"Protocol driver not attached\0",
    b"No CSI structure available\0",
    b"Level 2 halted\0",
    b"Invalid exchange\0",
    b"Invalid request descriptor\0",
    b"Exchange full\0",
    b"No anode\0",
    b"Invalid request code\0",
    b"Invalid slot\0",
    b"Unknown error 58\0",
    b"Bad font file format\0",
    b"Device not a stream\0",
    b"No data available\0",
    b"Timer expired\0",
    b"Out of streams resources\0",
    b"Machine is not on the network\0",
    b"Package not installed\0",
    b"Object is remote\0",
    b"Link has been severed\0",
    b"Advertise error\0",
    b"Srmount error\0",
    b"Communication error on send\0",
    b"Protocol error\0",
    b"Multihop attempted\0",
    b"RFS specific error\0",
    b"Bad message\0",
    b"Value too large for defined data type\0",
    b"Name not unique on network\0",
    b"File descriptor in bad state\0",
    b"Remote address changed\0",
    b"Can not access a needed shared library\0",
    b"Accessing a corrupted shared library\0",
    b".lib section in a.out corrupted\0",
    b"Attempting to link in too many shared libraries\0",
    b"Cannot exec a shared library directly\0",
    b"Invalid or incomplete multibyte or wide character\0",
    b"Interrupted system call should be restarted\0",
    b"Streams pipe error\0",
    b"Too many users\0",
    b"Socket operation on non-socket\0",
    b"Destination address required\0",
    b"Message too long\0",
    b"Protocol wrong type for socket\0",
    b"Protocol not available\0",
    b"Protocol not supported\0",
    b"Socket type not supported\0",
    b"Operation not supported\0",
    b"Protocol family not supported\0",
    b"Address family not supported by protocol\0",
    b"Address already in use\0",
    b"Cannot assign requested address\0",
    b"Network is down\0",
    b"Network is unreachable\0",
    b"Network dropped connection on reset\0",
    b"Software caused connection abort\0",
    b"Connection reset by peer\0",
    b"No buffer space available\0",
    b"Transport endpoint is already connected\0",
    b"Transport endpoint is not connected\0",
    b"Cannot send after transport endpoint shutdown\0",
    b"Too many references: cannot splice\0",
    b"Connection timed out\0",
    b"Connection refused\0",
    b"Host is down\0",
    b"No route to host\0",
    b"Operation already in progress\0",
    b"Operation now in progress\0",
    b"Stale file handle\0",
    b"Structure needs cleaning\0",
    b"Not a XENIX named type file\0",
    b"No XENIX semaphores available\0",
    b"Is a named type file\0",
    b"Remote I/O error\0",
    b"Disk quota exceeded\0",
    b"No medium found\0",
    b"Wrong medium type\0",
    b"Operation canceled\0",
    b"Required key not available\0",
    b"Key has expired\0",
    b"Key has been revoked\0",
    b"Key was rejected by service\0",
    b"Owner died\0",
    b"State not recoverable\0",
    b"Operation not possible due to RF-kill\0",
    b"Memory page has hardware error\0",
];

/// The message for `e`, without its NUL.
pub fn message(e: c_int) -> &'static [u8] {
    match MESSAGES.get(e as usize) {
        Some(m) => &m[..m.len() - 1],
        None => b"Unknown error",
    }
}

static mut UNKNOWN: [u8; 32] = [0; 32];

/// C `strerror`.
#[unsafe(no_mangle)]
pub extern "C" fn strerror(e: c_int) -> *mut c_char {
    match MESSAGES.get(e as usize) {
        Some(m) => m.as_ptr() as *mut c_char,
        None => {
            // "Unknown error N" in a static buffer, like glibc's.
            // SAFETY: single static scratch buffer; at most 32 bytes written.
            unsafe {
                let p = &raw mut UNKNOWN as *mut u8;
                let pre = b"Unknown error ";
                core::ptr::copy_nonoverlapping(pre.as_ptr(), p, pre.len());
                let mut k = pre.len();
                if e < 0 {
                    *p.add(k) = b'-';
                    k += 1;
                }
                let mut digits = [0u8; 12];
                let mut n = 0;
                let mut v = e.unsigned_abs();
                loop {
                    digits[n] = b'0' + (v % 10) as u8;
                    n += 1;
                    v /= 10;
                    if v == 0 {
                        break;
                    }
                }
                while n > 0 {
                    n -= 1;
                    *p.add(k) = digits[n];
                    k += 1;
                }
                *p.add(k) = 0;
                p as *mut c_char
            }
        }
    }
}

/// GNU `strerror_r` is the XSI one under `__xpg_strerror_r` (compat); this is
/// POSIX `strerror_l` for the C locale.
#[unsafe(no_mangle)]
pub extern "C" fn strerror_l(e: c_int, _loc: *mut core::ffi::c_void) -> *mut c_char {
    strerror(e)
}

/// GNU `strerror_r` (returns the message pointer; glibc binaries import this
/// name; our <string.h> maps the POSIX one to `__xpg_strerror_r`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strerror_r(e: c_int, _buf: *mut c_char, _n: usize) -> *mut c_char {
    strerror(e)
}
