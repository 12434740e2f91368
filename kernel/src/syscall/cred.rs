//! getuid/geteuid/getgid/getegid, getresuid/getresgid, the set*id calls,
//! setfsuid/setfsgid and getgroups/setgroups on the process credentials (`proc::cred`). Root (euid 0) may set any id;
//! others only to one of their real, effective or saved ids (EPERM), as Linux.
use super::SysResult;
use crate::errno::*;
use crate::mm::uaccess;
use crate::proc::{self, cred::Cred};
use alloc::vec::Vec;

/// Which of the two id triples a call works on.
#[derive(Clone, Copy)]
pub enum Ids {
    User,
    Group,
}

fn triple(c: &Cred, which: Ids) -> [u32; 3] {
    match which {
        Ids::User => [c.ruid, c.euid, c.suid],
        Ids::Group => [c.rgid, c.egid, c.sgid],
    }
}

/// Sets the three ids; the file-system id follows the effective one (as Linux).
fn set_triple(c: &mut Cred, which: Ids, t: [u32; 3]) {
    match which {
        Ids::User => [c.ruid, c.euid, c.suid, c.fsuid] = [t[0], t[1], t[2], t[1]],
        Ids::Group => [c.rgid, c.egid, c.sgid, c.fsgid] = [t[0], t[1], t[2], t[1]],
    }
}

/// The real (`index` 0) or effective (1) id.
pub fn get(which: Ids, index: usize) -> SysResult {
    Ok(triple(&proc::current_proc().cred, which)[index] as i64)
}

/// getresuid/getresgid(r, e, s).
pub fn getres(which: Ids, r: u64, e: u64, s: u64) -> SysResult {
    let t = triple(&proc::current_proc().cred, which);
    for (p, v) in [r, e, s].into_iter().zip(t) {
        uaccess::write(p, &v)?;
    }
    Ok(0)
}

/// setresuid/setresgid(r, e, s); u32::MAX (-1) leaves an id as it is.
pub fn setres(which: Ids, r: u32, e: u32, s: u32) -> SysResult {
    let p = proc::current_proc();
    let old = triple(&p.cred, which);
    let root = p.cred.euid == 0;
    let mut new = old;
    for (slot, v) in new.iter_mut().zip([r, e, s]) {
        if v == u32::MAX {
            continue;
        }
        if !root && !old.contains(&v) {
            return Err(EPERM);
        }
        *slot = v;
    }
    set_triple(&mut p.cred, which, new);
    Ok(0)
}

/// setreuid/setregid(r, e): an unprivileged real id may become the effective one, and
/// the saved id follows the effective id whenever the real one is set or the
/// effective one becomes other than the old real id.
pub fn setre(which: Ids, r: u32, e: u32) -> SysResult {
    let p = proc::current_proc();
    let old = triple(&p.cred, which);
    let root = p.cred.euid == 0;
    if !root && ((r != u32::MAX && r != old[0] && r != old[1]) || (e != u32::MAX && !old.contains(&e))) {
        return Err(EPERM);
    }
    let mut new = old;
    if r != u32::MAX {
        new[0] = r;
    }
    if e != u32::MAX {
        new[1] = e;
    }
    if r != u32::MAX || (e != u32::MAX && e != old[0]) {
        new[2] = new[1];
    }
    set_triple(&mut p.cred, which, new);
    Ok(0)
}

/// setuid/setgid(id): root sets all three ids, others only the effective one
/// (to the real or saved id).
pub fn set(which: Ids, id: u32) -> SysResult {
    let p = proc::current_proc();
    let old = triple(&p.cred, which);
    let new = if p.cred.euid == 0 {
        [id, id, id]
    } else if id == old[0] || id == old[2] {
        [old[0], id, old[2]]
    } else {
        return Err(EPERM);
    };
    set_triple(&mut p.cred, which, new);
    Ok(0)
}

/// setfsuid/setfsgid(id): always answers the old file-system id; sets it when
/// the caller is root or `id` is one of its real, effective, saved or
/// file-system ids (anything else, -1 included, changes nothing).
pub fn setfs(which: Ids, id: u32) -> SysResult {
    let p = proc::current_proc();
    let c = &mut p.cred;
    let root = c.euid == 0;
    let (t, fs) = match which {
        Ids::User => ([c.ruid, c.euid, c.suid], &mut c.fsuid),
        Ids::Group => ([c.rgid, c.egid, c.sgid], &mut c.fsgid),
    };
    let old = *fs;
    if id != u32::MAX && (root || t.contains(&id) || id == old) {
        *fs = id;
    }
    Ok(old as i64)
}

/// NGROUPS_MAX.
const NGROUPS_MAX: u64 = 65536;

/// getgroups(size, list): size 0 asks the count; a smaller list is EINVAL.
pub fn getgroups(size: i32, list: u64) -> SysResult {
    let g = &proc::current_proc().groups;
    if size < 0 {
        return Err(EINVAL);
    }
    if size == 0 {
        return Ok(g.len() as i64);
    }
    if (size as usize) < g.len() {
        return Err(EINVAL);
    }
    let bytes: Vec<u8> = g.iter().flat_map(|v| v.to_le_bytes()).collect();
    uaccess::copy_out(list, &bytes)?;
    Ok(g.len() as i64)
}

/// setgroups(size, list): root only (EPERM); kept sorted, as Linux keeps them.
pub fn setgroups(size: i32, list: u64) -> SysResult {
    let p = proc::current_proc();
    if p.cred.euid != 0 {
        return Err(EPERM);
    }
    if size as u32 as u64 > NGROUPS_MAX {
        return Err(EINVAL);
    }
    let raw = uaccess::copy_in(list, size as usize * 4)?;
    let mut g: Vec<u32> = raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    g.sort_unstable();
    p.groups = g;
    Ok(0)
}
