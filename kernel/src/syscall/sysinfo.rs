//! sysinfo(2) and the text of /proc/loadavg: uptime, load averages
//! (proc/load.rs), memory from the frame allocator (shared = the file tree's
//! frames, as Linux counts tmpfs), no swap, the number of threads.
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::mm::{frame, uaccess, PAGE};
use crate::proc::load::{self, FIXED_1, FSHIFT};
use alloc::string::String;

/// sysinfo's loads are 16-bit fixed point.
const SI_LOAD_SHIFT: u32 = 16;

/// struct sysinfo (Linux x86_64), padding spelled out.
#[repr(C)]
#[derive(Clone, Copy)]
struct Sysinfo {
    uptime: i64,
    loads: [u64; 3],
    totalram: u64,
    freeram: u64,
    sharedram: u64,
    bufferram: u64,
    totalswap: u64,
    freeswap: u64,
    procs: u16,
    _pad: [u16; 3],
    totalhigh: u64,
    freehigh: u64,
    mem_unit: u32,
    _f: [u8; 4],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Sysinfo>(), 112);
static_assertions::const_assert_eq!(core::mem::offset_of!(Sysinfo, procs), 80);
static_assertions::const_assert_eq!(core::mem::offset_of!(Sysinfo, mem_unit), 104);

/// Seconds since boot, rounded up as Linux does.
fn uptime_s() -> i64 {
    let ns = timer::monotonic_ns();
    (ns.div_ceil(1_000_000_000)) as i64
}

pub fn sysinfo(out: u64) -> SysResult {
    let avg = load::averages();
    let info = Sysinfo {
        uptime: uptime_s(),
        loads: avg.map(|a| a << (SI_LOAD_SHIFT - FSHIFT)),
        totalram: frame::total() as u64 * PAGE,
        freeram: frame::free_count() as u64 * PAGE,
        sharedram: crate::fs::tree::file_frames() as u64 * PAGE,
        bufferram: 0,
        totalswap: 0,
        freeswap: 0,
        procs: load::threads().min(u16::MAX as usize) as u16,
        _pad: [0; 3],
        totalhigh: 0,
        freehigh: 0,
        mem_unit: 1,
        _f: [0; 4],
    };
    uaccess::write(out, &info)?;
    Ok(0)
}

/// /proc/loadavg: "1.00 0.50 0.20 running/threads last-pid".
pub fn loadavg_text() -> String {
    let f = |x: u64| alloc::format!("{}.{:02}", x >> FSHIFT, ((x & (FIXED_1 - 1)) * 100) >> FSHIFT);
    let a = load::averages();
    let last = crate::proc::sched().threads.keys().next_back().copied().unwrap_or(1);
    alloc::format!("{} {} {} {}/{} {}\n", f(a[0]), f(a[1]), f(a[2]), load::running(), load::threads(), last)
}
