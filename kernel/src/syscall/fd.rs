//! Descriptor calls: close, pipe/pipe2, dup/dup2/dup3, fcntl (descriptor and
//! status flags, record locks).
use crate::abi::*;
use super::SysResult;
use crate::errno::*;
use crate::fs::file::{Fd, Kind, OpenFile};
use crate::fs::lock::{self, Lock, Owner};
use crate::fs::pipe;
use crate::mm::uaccess;
use crate::mm::vm::Access;
use crate::proc;
use alloc::rc::Rc;


/// Forgets what closing `f` ends for the current process (its POSIX locks on the file).
fn closing(f: &OpenFile) {
    if let Some(key) = f.lock_key() {
        lock::release_pid(proc::current().pid, key);
    }
}

pub fn close(fd: i64) -> SysResult {
    let f = proc::current_proc().fds.close(fd)?;
    closing(&f.file);
    Ok(0)
}

pub fn pipe2(fds: u64, flags: u32) -> SysResult {
    if flags & !(O_CLOEXEC | O_NONBLOCK) != 0 {
        return Err(EINVAL); // O_DIRECT (packet mode) is not supported
    }
    uaccess::slice(fds, 8, Access::Write)?;
    let (r, w) = pipe::new(flags & O_NONBLOCK != 0);
    let cloexec = flags & O_CLOEXEC != 0;
    let p = proc::current_proc();
    let rf = Fd { file: Rc::new(OpenFile::new(Kind::Special(r), 0)), cloexec };
    let wf = Fd { file: Rc::new(OpenFile::new(Kind::Special(w), 1)), cloexec };
    let a = p.fds.insert(rf, 0)?;
    let b = match p.fds.insert(wf, 0) {
        Ok(b) => b,
        Err(e) => {
            let _ = p.fds.close(a);
            return Err(e);
        }
    };
    if let Err(e) = uaccess::write(fds, &[a as i32, b as i32]) {
        let _ = p.fds.close(a);
        let _ = p.fds.close(b);
        return Err(e);
    }
    Ok(0)
}

pub fn dup(fd: i64) -> SysResult {
    let p = proc::current_proc();
    let f = Fd { file: p.fds.get(fd)?.file.clone(), cloexec: false };
    p.fds.insert(f, 0)
}

pub fn dup3(old: i64, new: i64, flags: u32, dup2: bool) -> SysResult {
    if flags & !O_CLOEXEC != 0 {
        return Err(EINVAL);
    }
    let p = proc::current_proc();
    let f = p.fds.get(old)?.file.clone();
    if old == new {
        return if dup2 { Ok(new) } else { Err(EINVAL) };
    }
    let i = usize::try_from(new).ok().filter(|&i| i < p.fds.limit()).ok_or(EBADF)?;
    // The descriptor replaced is closed first (and its locks released), as close would.
    if let Ok(prev) = p.fds.close(new) {
        closing(&prev.file);
    }
    p.fds.set(i, Fd { file: f, cloexec: flags & O_CLOEXEC != 0 });
    Ok(new)
}


pub fn fcntl(fd: i64, cmd: u32, arg: u64) -> SysResult {
    let p = proc::current_proc();
    let file = p.fds.get(fd)?.file.clone();
    match cmd {
        F_DUPFD | F_DUPFD_CLOEXEC => {
            let min = usize::try_from(arg).ok().filter(|&m| m < p.fds.limit()).ok_or(EINVAL)?;
            p.fds.insert(Fd { file, cloexec: cmd == F_DUPFD_CLOEXEC }, min)
        }
        F_GETFD => Ok(if p.fds.get(fd)?.cloexec { FD_CLOEXEC as i64 } else { 0 }),
        F_SETFD => {
            p.fds.get_mut(fd)?.cloexec = arg & FD_CLOEXEC != 0;
            Ok(0)
        }
        F_GETFL => {
            let mut fl = file.flags & !(O_NONBLOCK | O_APPEND);
            if super::fs::nonblocking(&file) {
                fl |= O_NONBLOCK;
            }
            if file.append() {
                fl |= O_APPEND;
            }
            Ok(fl as i64)
        }
        F_SETFL => {
            // Only O_NONBLOCK and O_APPEND change; access mode and creation flags are ignored, as on Linux.
            let fl = arg as u32;
            if let Kind::Special(s) = &file.kind {
                s.set_nonblocking(fl & O_NONBLOCK != 0);
            }
            file.set_status(fl & (O_NONBLOCK | O_APPEND));
            Ok(0)
        }
        F_GETLK | F_SETLK | F_SETLKW | F_OFD_GETLK | F_OFD_SETLK | F_OFD_SETLKW => record_lock(&file, cmd, arg),
        F_GETPIPE_SZ => match &file.kind {
            Kind::Special(s) if s.as_any().is::<pipe::End>() => Ok(pipe::CAPACITY as i64),
            _ => Err(EBADF),
        },
        _ => Err(EINVAL),
    }
}


/// struct flock: l_type, l_whence (i16), l_start, l_len (i64), l_pid (i32).
fn record_lock(file: &Rc<OpenFile>, cmd: u32, arg: u64) -> SysResult {
    let raw: [u8; 32] = uaccess::read(arg)?;
    let ty = i16::from_le_bytes([raw[0], raw[1]]);
    let whence = i16::from_le_bytes([raw[2], raw[3]]);
    let start = i64::from_le_bytes(raw[8..16].try_into().unwrap_or_default());
    let len = i64::from_le_bytes(raw[16..24].try_into().unwrap_or_default());
    let pid = i32::from_le_bytes(raw[24..28].try_into().unwrap_or_default());
    let ofd = matches!(cmd, F_OFD_GETLK | F_OFD_SETLK | F_OFD_SETLKW);
    if ofd && pid != 0 {
        return Err(EINVAL);
    }
    let key = file.lock_key().ok_or(EINVAL)?;
    let base: i64 = match whence {
        0 => 0,
        1 => file.offset.get() as i64,
        2 => file.size() as i64,
        _ => return Err(EINVAL),
    };
    let s = base.checked_add(start).ok_or(EOVERFLOW)?;
    let (lo, hi) = match len {
        0 => (s, None),
        l if l > 0 => (s, Some(s.checked_add(l).ok_or(EOVERFLOW)?)),
        l => (s.checked_add(l).ok_or(EINVAL)?, Some(s)),
    };
    if lo < 0 {
        return Err(EINVAL);
    }
    let owner = if ofd { lock::ofd(file) } else { Owner::Pid(proc::current().pid) };
    let want = |excl| Lock { key, owner: owner.clone(), excl, start: lo as u64, end: hi.map_or(u64::MAX, |h| h as u64) };
    match cmd {
        F_GETLK | F_OFD_GETLK => {
            let excl = match ty {
                F_RDLCK => false,
                F_WRLCK => true,
                _ => return Err(EINVAL),
            };
            let mut out = raw;
            match lock::conflict(&want(excl)) {
                Some(l) => {
                    out[0..2].copy_from_slice(&(if l.excl { F_WRLCK } else { F_RDLCK }).to_le_bytes());
                    out[2..4].copy_from_slice(&0i16.to_le_bytes());
                    out[8..16].copy_from_slice(&(l.start as i64).to_le_bytes());
                    let n = if l.end == u64::MAX { 0 } else { (l.end - l.start) as i64 };
                    out[16..24].copy_from_slice(&n.to_le_bytes());
                    out[24..28].copy_from_slice(&l.owner.pid().to_le_bytes());
                }
                None => out[0..2].copy_from_slice(&F_UNLCK.to_le_bytes()),
            }
            uaccess::write(arg, &out)?;
            Ok(0)
        }
        _ => {
            let wait = matches!(cmd, F_SETLKW | F_OFD_SETLKW);
            let new = match ty {
                F_RDLCK if file.flags & O_ACCMODE == 1 => return Err(EBADF),
                F_WRLCK if file.flags & O_ACCMODE == 0 => return Err(EBADF),
                F_RDLCK => Some(false),
                F_WRLCK => Some(true),
                F_UNLCK => None,
                _ => return Err(EINVAL),
            };
            lock::set(want(new.unwrap_or(false)), new, wait)?;
            Ok(0)
        }
    }
}
