//! Time, sleeping, polling, identity and limits.
use super::thread::read_timespec;
use super::SysResult;
use crate::arch::x86_64::timer;
use crate::errno::*;
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::proc::{self, Block};
use crate::rng;

/// Sleeps until `deadline`; a signal to take ends the sleep early with EINTR
/// (the remaining time in `rem` when given).
fn sleep_until(deadline: u64, rem: u64) -> SysResult {
    loop {
        let now = timer::monotonic_ns();
        if now >= deadline {
            break;
        }
        if crate::signal::interrupted() {
            if rem != 0 {
                let left = deadline - now;
                super::write_timespec(rem, left)?;
            }
            return Err(EINTR);
        }
        proc::block(Block::Sleep, Some(deadline));
    }
    if rem != 0 {
        uaccess::write(rem, &[0i64; 2])?;
    }
    Ok(0)
}

pub fn nanosleep(req: u64, rem: u64) -> SysResult {
    let ns = read_timespec(req)?;
    sleep_until(timer::monotonic_ns().saturating_add(ns), rem)
}

pub fn clock_nanosleep(clock: u32, flags: u32, req: u64, rem: u64) -> SysResult {
    let ns = read_timespec(req)?;
    let now = timer::monotonic_ns();
    let deadline = if flags & 1 != 0 {
        match clock {
            0 => ns.saturating_sub(timer::realtime_ns()).saturating_add(now),
            _ => ns,
        }
    } else {
        now.saturating_add(ns)
    };
    // An absolute sleep leaves `rem` alone.
    sleep_until(deadline, if flags & 1 == 0 { rem } else { 0 })
}

fn now(clock: u32) -> Result<u64, Errno> {
    match clock as i32 {
        0 | 5 | 11 => Ok(timer::realtime_ns()),
        1 | 4 | 6 | 7 => Ok(timer::monotonic_ns()),
        // CPU-time clocks (2, 3 and the negative per-process/thread ids).
        c => proc::usage::cpu_clock_ns(c),
    }
}

pub fn clock_gettime(clock: u32, ts: u64) -> SysResult {
    let t = now(clock)?;
    super::write_timespec(ts, t)?;
    Ok(0)
}

pub fn clock_getres(clock: u32, ts: u64) -> SysResult {
    now(clock)?;
    if ts != 0 {
        uaccess::write(ts, &[0i64, 1])?;
    }
    Ok(0)
}

pub fn gettimeofday(tv: u64) -> SysResult {
    let t = timer::realtime_ns();
    if tv != 0 {
        uaccess::write(tv, &[(t / 1_000_000_000) as i64, ((t % 1_000_000_000) / 1000) as i64])?;
    }
    Ok(0)
}

pub fn time(out: u64) -> SysResult {
    let s = (timer::realtime_ns() / 1_000_000_000) as i64;
    if out != 0 {
        uaccess::write(out, &s)?;
    }
    Ok(s)
}

pub fn uname(buf: u64) -> SysResult {
    let mut u = [0u8; 65 * 6];
    for (i, s) in [&b"vibix"[..], b"vibix", b"6.1.0-vibix", b"#1 vibix", b"x86_64", b"(none)"].iter().enumerate() {
        u[i * 65..i * 65 + s.len()].copy_from_slice(s);
    }
    uaccess::copy_out(buf, &u)?;
    Ok(0)
}

const PR_SET_NAME: u64 = 15;
const PR_GET_NAME: u64 = 16;

/// prctl: PR_SET_NAME / PR_GET_NAME on the calling thread's name (at most 15
/// bytes, as Linux's comm); every other option is EINVAL.
pub fn prctl(option: u64, arg: u64) -> SysResult {
    match option {
        PR_SET_NAME => {
            let mut name = [0u8; 15];
            for (i, b) in name.iter_mut().enumerate() {
                *b = uaccess::read(arg + i as u64)?;
                if *b == 0 {
                    break;
                }
            }
            proc::current().comm = proc::policy::comm_from(&name);
            Ok(0)
        }
        PR_GET_NAME => uaccess::copy_out(arg, &proc::current().comm).map(|_| 0),
        _ => Err(EINVAL),
    }
}

/// getrandom(buf, len, flags): GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE.
/// The generator never runs out once seeded; unseeded (no hardware or boot
/// seed) every request fails with EAGAIN instead of returning guessable bytes.
pub fn getrandom(buf: u64, len: u64, flags: u32) -> SysResult {
    if flags & !7 != 0 || flags & 6 == 6 {
        return Err(EINVAL);
    }
    if !rng::seeded() {
        return Err(EAGAIN);
    }
    let len = len.min(33_554_431) as usize;
    let out = uaccess::slice(buf, len, Access::Write)?;
    if !rng::fill(out) {
        return Err(EAGAIN);
    }
    Ok(len as i64)
}
