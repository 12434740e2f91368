//! The local time zone: `TZ` (a POSIX TZ string such as `EST5EDT,M3.2.0,M11.1.0`,
//! a zoneinfo name, or `:name`), else `/etc/localtime`; unset or unreadable
//! means UTC. TZif files (v1-v4, 64-bit data and the footer TZ string) and TZ
//! strings are parsed by the `tz-rs` crate; this module reads the files,
//! caches the zone until `TZ` changes, keeps `tzname`/`timezone`/`daylight`
//! and converts local times back to UTC for `mktime`.
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_long, CStr};

use crate::sync::Lock;
use tz::timezone::TransitionRule;
use tz::{TimeZone, TimeZoneSettings};

/// `char *tzname[2]`, `long timezone`, `int daylight`. Programs may
/// copy-relocate them, so libc writes them through its GOT (build.rs).
#[unsafe(no_mangle)]
pub static mut tzname: [*const c_char; 2] = [c"UTC".as_ptr(), c"UTC".as_ptr()];
#[unsafe(no_mangle)]
pub static mut timezone: c_long = 0;
#[unsafe(no_mangle)]
pub static mut daylight: c_int = 0;

/// Where zoneinfo names are looked up.
const DIRS: &[&str] = &["/usr/share/zoneinfo", "/share/zoneinfo", "/etc/zoneinfo"];
/// Longest TZ value we cache by content (longer ones are reparsed each time).
const TZ_MAX: usize = 256;

struct State {
    zone: Option<TimeZone>,
    /// The TZ value `zone` was made from (`None`: TZ unset).
    key: Option<([u8; TZ_MAX], usize)>,
    loaded: bool,
}

static LOCK: Lock = Lock::new();
static mut STATE: State = State { zone: None, key: None, loaded: false };
/// Zone abbreviations handed out through tm_zone/tzname stay valid forever
/// (as in glibc), so they are interned here and never freed.
static mut NAMES: Vec<&'static CStr> = Vec::new();

#[derive(Debug)]
struct ReadError;
impl core::fmt::Display for ReadError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("cannot read time zone file")
    }
}
impl core::error::Error for ReadError {}

/// Reads a whole (small) file through rustix.
fn read_file(path: &str) -> Result<Vec<u8>, Box<dyn core::error::Error + Send + Sync>> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(path, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).map_err(|_| ReadError)?;
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match rustix::io::read(&fd, &mut buf) {
            Ok(0) => return Ok(out),
            Ok(n) => {
                out.extend_from_slice(&buf[..n]);
                if out.len() > 1 << 20 {
                    return Err(Box::new(ReadError));
                }
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => return Err(Box::new(ReadError)),
        }
    }
}

fn env_tz() -> Option<&'static [u8]> {
    // SAFETY: getenv returns a C string or NULL.
    unsafe {
        let p = crate::header::stdlib::env::getenv(c"TZ".as_ptr());
        if p.is_null() { None } else { Some(CStr::from_ptr(p).to_bytes()) }
    }
}

fn load(tz: Option<&[u8]>) -> Option<TimeZone> {
    let settings = TimeZoneSettings::new(DIRS, read_file);
    match tz {
        None => settings.parse_local().ok(),
        Some(b"") => None,
        Some(v) => {
            let s = core::str::from_utf8(v).ok()?;
            // No path traversal outside the zoneinfo directories for relative names.
            let name = s.strip_prefix(':').unwrap_or(s);
            if !name.starts_with('/') && name.split('/').any(|c| c == "..") {
                return None;
            }
            settings.parse_posix_tz(s).ok()
        }
    }
}

/// The interned C string for `name`.
fn intern(name: &str) -> *const c_char {
    // SAFETY: callers hold LOCK.
    let names = unsafe { &mut *(&raw mut NAMES) };
    if let Some(c) = names.iter().find(|c| c.to_bytes() == name.as_bytes()) {
        return c.as_ptr();
    }
    let mut v: Vec<u8> = Vec::with_capacity(name.len() + 1);
    v.extend_from_slice(name.as_bytes());
    v.push(0);
    let leaked: &'static [u8] = Box::leak(v.into_boxed_slice());
    let c = CStr::from_bytes_with_nul(leaked).unwrap_or(c"UTC");
    names.push(c);
    c.as_ptr()
}

/// Sets tzname/timezone/daylight from the zone: the footer rule's names if
/// there is one, else the latest standard and daylight types of the file.
fn publish(zone: Option<&TimeZone>) {
    let (mut std_name, mut std_off, mut dst_name) = ("UTC", 0i32, None::<&str>);
    let mut dst = false;
    if let Some(z) = zone {
        let r = z.as_ref();
        let types = r.local_time_types();
        let mut std_seen = false;
        for t in r.transitions().iter().rev() {
            let ty = &types[t.local_time_type_index()];
            if ty.is_dst() && dst_name.is_none() {
                dst_name = Some(ty.time_zone_designation());
            } else if !ty.is_dst() && !std_seen {
                std_seen = true;
                std_name = ty.time_zone_designation();
                std_off = ty.ut_offset();
            }
        }
        if !std_seen {
            if let Some(ty) = types.iter().find(|t| !t.is_dst()).or(types.first()) {
                std_name = ty.time_zone_designation();
                std_off = ty.ut_offset();
            }
        }
        match r.extra_rule() {
            Some(TransitionRule::Fixed(t)) => {
                std_name = t.time_zone_designation();
                std_off = t.ut_offset();
            }
            Some(TransitionRule::Alternate(a)) => {
                std_name = a.std().time_zone_designation();
                std_off = a.std().ut_offset();
                dst_name = Some(a.dst().time_zone_designation());
                dst = true;
            }
            None => {}
        }
        dst |= types.iter().any(|t| t.is_dst());
    }
    let names: *mut [*const c_char; 2] = crate::got!(tzname);
    let tz: *mut c_long = crate::got!(timezone);
    let dl: *mut c_int = crate::got!(daylight);
    // SAFETY: callers hold LOCK; the GOT gives the live copy of each variable.
    unsafe {
        (*names)[0] = intern(std_name);
        (*names)[1] = intern(dst_name.unwrap_or(std_name));
        *tz = -(std_off as c_long);
        *dl = dst as c_int;
    }
}

/// Reloads the zone if `TZ` changed (or on first use). Callers hold LOCK.
fn refresh() {
    // SAFETY: LOCK is held.
    let st = unsafe { &mut *(&raw mut STATE) };
    let tz = env_tz();
    let same = st.loaded
        && match (tz, &st.key) {
            (None, None) => true,
            (Some(v), Some((k, n))) => v.len() <= TZ_MAX && &k[..*n] == v,
            _ => false,
        };
    if same {
        return;
    }
    st.zone = load(tz);
    st.key = tz.map(|v| {
        let mut k = [0u8; TZ_MAX];
        let n = v.len().min(TZ_MAX);
        k[..n].copy_from_slice(&v[..n]);
        (k, if v.len() > TZ_MAX { usize::MAX } else { n })
    });
    st.loaded = true;
    publish(st.zone.as_ref());
}

/// What applies at one instant.
#[derive(Clone, Copy)]
pub struct Local {
    pub offset: i32,
    pub is_dst: bool,
    pub name: *const c_char,
}

fn local_at(st: &State, t: i64) -> Local {
    match st.zone.as_ref().and_then(|z| z.find_local_time_type(t).ok()) {
        Some(ty) => Local { offset: ty.ut_offset(), is_dst: ty.is_dst(), name: intern(ty.time_zone_designation()) },
        None => Local { offset: 0, is_dst: false, name: intern("UTC") },
    }
}

/// POSIX `tzset`.
#[unsafe(no_mangle)]
pub extern "C" fn tzset() {
    let _g = LOCK.guard();
    refresh();
}

/// The local time type at UTC instant `t`.
pub fn lookup(t: i64) -> Local {
    let _g = LOCK.guard();
    refresh();
    // SAFETY: LOCK is held.
    local_at(unsafe { &*(&raw const STATE) }, t)
}

/// `mktime`'s conversion: local seconds `l` (a broken-down time read as if UTC)
/// to a UTC instant. `isdst` < 0 lets the zone decide; otherwise a time that
/// exists with that flag is preferred, and a time given with the other flag is
/// shifted by the difference (as glibc does). Times in a gap are read with the
/// offset before the gap.
pub fn local_to_utc(l: i64, isdst: c_int) -> i64 {
    let _g = LOCK.guard();
    refresh();
    // SAFETY: LOCK is held.
    let st = unsafe { &*(&raw const STATE) };
    // Offsets in force around l: transitions closer than a day apart are rare.
    let mut offs: [Option<Local>; 3] = [None; 3];
    for (k, d) in [-86400i64, 0, 86400].into_iter().enumerate() {
        let cand = local_at(st, l.saturating_add(d));
        if !offs.iter().flatten().any(|o| o.offset == cand.offset && o.is_dst == cand.is_dst) {
            offs[k] = Some(cand);
        }
    }
    let offs: Vec<Local> = offs.into_iter().flatten().collect();
    let fits = |o: &Local| {
        let t = l - o.offset as i64;
        let at = local_at(st, t);
        at.offset == o.offset && at.is_dst == o.is_dst
    };
    let valid: Vec<&Local> = offs.iter().filter(|o| fits(o)).collect();
    if isdst >= 0 {
        let want = isdst > 0;
        if let Some(o) = valid.iter().find(|o| o.is_dst == want) {
            return l - o.offset as i64;
        }
        // Given with the other flag, or in a gap: read it with that flag's offset.
        if let Some(o) = offs.iter().find(|o| o.is_dst == want) {
            return l - o.offset as i64;
        }
        // A zone without that flag: one hour off, as glibc does.
        if let Some(v) = valid.first() {
            return l - v.offset as i64 - if want { 3600 } else { -3600 };
        }
    }
    if let Some(o) = valid.first() {
        return l - o.offset as i64;
    }
    // In a gap: the offset in force a day before.
    l - local_at(st, l - 86400).offset as i64
}
