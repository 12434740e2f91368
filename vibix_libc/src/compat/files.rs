//! Reading small system files (`/etc/hosts`, `/etc/passwd`) whole.

use alloc::vec::Vec;

use rustix::fs::{Mode, OFlags};

/// The file's bytes, or None if it cannot be opened or read. Capped at 1 MiB:
/// these files are small, and the cap bounds what a lookup can cost.
pub(crate) fn read_small(path: &core::ffi::CStr) -> Option<Vec<u8>> {
    const CAP: usize = 1 << 20;
    let fd = rustix::fs::open(path, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).ok()?;
    let mut data = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match rustix::io::read(&fd, &mut chunk) {
            Ok(0) => return Some(data),
            Ok(n) if data.len() + n <= CAP => data.extend_from_slice(&chunk[..n]),
            Ok(_) => return None,
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return None,
        }
    }
}

/// Lines of a `#`-commented configuration file, comments removed.
pub(crate) fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    data.split(|&b| b == b'\n').map(|l| match l.iter().position(|&b| b == b'#') {
        Some(i) => &l[..i],
        None => l,
    })
}
