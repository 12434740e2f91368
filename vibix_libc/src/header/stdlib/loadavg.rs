//! BSD `getloadavg`: the 1, 5 and 15 minute load averages of /proc/loadavg.
use core::ffi::c_int;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getloadavg(out: *mut f64, n: c_int) -> c_int {
    if n < 0 {
        crate::thread::area::set_errno(22);
        return -1;
    }
    use rustix::fs::{Mode, OFlags};
    let Ok(fd) = rustix::fs::open("/proc/loadavg", OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) else { return -1 };
    let mut b = [0u8; 128];
    let Ok(len) = rustix::io::read(&fd, &mut b) else { return -1 };
    let Ok(text) = core::str::from_utf8(&b[..len]) else { return -1 };
    let mut k = 0;
    for (i, w) in text.split_ascii_whitespace().take((n as usize).min(3)).enumerate() {
        let Ok(v) = w.parse::<f64>() else { break };
        // SAFETY: the caller's array has n >= i + 1 elements.
        unsafe { *out.add(i) = v };
        k += 1;
    }
    k
}
