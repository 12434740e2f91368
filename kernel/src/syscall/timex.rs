//! adjtimex / clock_adjtime: the kernel clock's NTP state, read-only. vibix's
//! clock is the TSC from the CMOS time at boot and is never disciplined, so it
//! reports "unsynchronised" (STA_UNSYNC, TIME_ERROR) as Linux does before NTP
//! ran; adjusting it (any mode bit) is EPERM (docs/unsupported.md).
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::mm::uaccess;

const CLOCK_REALTIME: u32 = 0;
const STA_UNSYNC: i32 = 0x40;
const TIME_ERROR: i64 = 5;
/// Linux's NTP_PHASE_LIMIT (µs): max/est error of an unsynchronised clock.
const PHASE_LIMIT_US: i64 = 16_000_000;
/// 500 ppm in the 16.16 fixed point struct timex uses.
const MAXFREQ_SCALED: i64 = 500 << 16;
/// Microseconds per clock tick at USER_HZ 100.
const TICK_US: i64 = 10_000;

/// struct timex (Linux x86_64), padding spelled out so every byte is initialised.
#[repr(C)]
#[derive(Clone, Copy)]
struct Timex {
    modes: u32,
    _p0: u32,
    offset: i64,
    freq: i64,
    maxerror: i64,
    esterror: i64,
    status: i32,
    _p1: i32,
    constant: i64,
    precision: i64,
    tolerance: i64,
    time: [i64; 2],
    tick: i64,
    ppsfreq: i64,
    jitter: i64,
    shift: i32,
    _p2: i32,
    stabil: i64,
    jitcnt: i64,
    calcnt: i64,
    errcnt: i64,
    stbcnt: i64,
    tai: i32,
    _pad: [i32; 11],
}
static_assertions::const_assert_eq!(core::mem::size_of::<Timex>(), 208);
static_assertions::const_assert_eq!(core::mem::offset_of!(Timex, status), 40);
static_assertions::const_assert_eq!(core::mem::offset_of!(Timex, time), 72);
static_assertions::const_assert_eq!(core::mem::offset_of!(Timex, tick), 88);
static_assertions::const_assert_eq!(core::mem::offset_of!(Timex, tai), 160);

pub fn adjtimex(buf: u64) -> SysResult {
    clock_adjtime(CLOCK_REALTIME, buf)
}

pub fn clock_adjtime(clock: u32, buf: u64) -> SysResult {
    if clock != CLOCK_REALTIME {
        return Err(EOPNOTSUPP);
    }
    let modes: u32 = uaccess::read(buf)?;
    uaccess::slice(buf, core::mem::size_of::<Timex>(), crate::mm::vm::Access::Write)?;
    if modes != 0 {
        return Err(EPERM);
    }
    let now = timer::realtime_ns();
    let t = Timex {
        modes: 0,
        _p0: 0,
        offset: 0,
        freq: 0,
        maxerror: PHASE_LIMIT_US,
        esterror: PHASE_LIMIT_US,
        status: STA_UNSYNC,
        _p1: 0,
        constant: 2,
        precision: 1,
        tolerance: MAXFREQ_SCALED,
        time: [(now / 1_000_000_000) as i64, ((now % 1_000_000_000) / 1000) as i64],
        tick: TICK_US,
        ppsfreq: 0,
        jitter: 0,
        shift: 0,
        _p2: 0,
        stabil: 0,
        jitcnt: 0,
        calcnt: 0,
        errcnt: 0,
        stbcnt: 0,
        tai: 0,
        _pad: [0; 11],
    };
    uaccess::write(buf, &t)?;
    Ok(TIME_ERROR)
}
