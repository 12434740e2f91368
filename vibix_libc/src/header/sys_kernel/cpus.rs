//! `<sys/sysinfo.h>` counts: processors (from sysfs, as glibc reads them) and
//! memory pages (from sysinfo).
use alloc::vec::Vec;
use core::ffi::{c_int, c_long};

fn read(path: &str) -> Option<Vec<u8>> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(path, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).ok()?;
    let mut out = Vec::new();
    let mut b = [0u8; 256];
    loop {
        match rustix::io::read(&fd, &mut b) {
            Ok(0) => return Some(out),
            Ok(n) => out.extend_from_slice(&b[..n]),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return None,
        }
    }
}

/// The number of CPUs in a sysfs list such as "0-3,8,10-11".
fn count_list(s: &[u8]) -> Option<c_long> {
    let s = core::str::from_utf8(s).ok()?.trim();
    let mut n = 0;
    for part in s.split(',').filter(|p| !p.is_empty()) {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let (a, b): (c_long, c_long) = (a.parse().ok()?, b.parse().ok()?);
        if b < a {
            return None;
        }
        n += b - a + 1;
    }
    (n > 0).then_some(n)
}

fn affinity() -> c_int {
    rustix::thread::sched_getaffinity(None).map_or(1, |s| s.count() as c_int)
}

/// GNU `get_nprocs`: the processors online (/sys/devices/system/cpu/online).
#[unsafe(no_mangle)]
pub extern "C" fn get_nprocs() -> c_int {
    read("/sys/devices/system/cpu/online").and_then(|s| count_list(&s)).map_or_else(affinity, |n| n as c_int)
}

/// GNU `get_nprocs_conf`: the processors configured (the cpuN directories of
/// /sys/devices/system/cpu), at least those online.
#[unsafe(no_mangle)]
pub extern "C" fn get_nprocs_conf() -> c_int {
    use rustix::fs::{Mode, OFlags};
    let counted = rustix::fs::open("/sys/devices/system/cpu", OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()).ok().and_then(|fd| {
        let mut d = rustix::fs::Dir::read_from(&fd).ok()?;
        let mut n = 0;
        while let Some(Ok(e)) = d.next() {
            let name = e.file_name().to_bytes();
            if name.len() > 3 && name.starts_with(b"cpu") && name[3..].iter().all(u8::is_ascii_digit) {
                n += 1;
            }
        }
        (n > 0).then_some(n)
    });
    counted.unwrap_or_else(|| get_nprocs())
}

fn pages(ram: impl Fn(&rustix::system::Sysinfo) -> u64) -> c_long {
    let i = rustix::system::sysinfo();
    let page = crate::header::unistd::sysconf(30).max(1) as u64;
    (ram(&i) * i.mem_unit.max(1) as u64 / page) as c_long
}

/// GNU `get_phys_pages`: pages of physical memory.
#[unsafe(no_mangle)]
pub extern "C" fn get_phys_pages() -> c_long {
    pages(|i| i.totalram as u64)
}

/// GNU `get_avphys_pages`: pages of physical memory free now.
#[unsafe(no_mangle)]
pub extern "C" fn get_avphys_pages() -> c_long {
    pages(|i| i.freeram as u64)
}
