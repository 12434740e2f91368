//! `dlinfo`: glibc's requests about a loaded object (its link map, origin,
//! library search path, TLS module and block, program headers). Errors go
//! through dlerror, and an unknown handle is an error (glibc crashes).

use super::set_error;
use crate::diag::{msg, Msg};
use crate::loader::Dso;
use crate::state::{lock, Namespace};
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_long, c_uint, c_void};
use static_assertions::const_assert_eq;
use vibix_elf::Phdr;

const RTLD_DI_LMID: c_int = 1;
const RTLD_DI_LINKMAP: c_int = 2;
const RTLD_DI_SERINFO: c_int = 4;
const RTLD_DI_SERINFOSIZE: c_int = 5;
const RTLD_DI_ORIGIN: c_int = 6;
const RTLD_DI_TLS_MODID: c_int = 9;
const RTLD_DI_TLS_DATA: c_int = 10;
const RTLD_DI_PHDR: c_int = 11;

/// `Dl_serpath`.
#[repr(C)]
struct SerPath {
    dls_name: *mut c_char,
    dls_flags: c_uint,
}
const_assert_eq!(core::mem::size_of::<SerPath>(), 16);

/// `Dl_serinfo`: the header; `dls_cnt` entries follow, then the strings.
#[repr(C)]
struct SerInfo {
    dls_size: usize,
    dls_cnt: c_uint,
    dls_serpath: [SerPath; 0],
}
const_assert_eq!(core::mem::offset_of!(SerInfo, dls_serpath), 16);

/// `int dlinfo(void *handle, int request, void *arg)`: 0 (RTLD_DI_PHDR: the
/// number of program headers), or -1 with the reason in dlerror.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dlinfo(handle: *mut c_void, request: c_int, arg: *mut c_void) -> c_int {
    let lk = lock();
    let r = lk.ns_or_err("dlinfo").and_then(|s| {
        let Some(p) = s.from_handle(handle) else { return Err(msg(&[b"dlinfo: invalid handle"])) };
        // SAFETY: `arg` points at what `request` says (the C caller's contract).
        unsafe { answer(&s, s.obj(p), request, arg) }
    });
    r.unwrap_or_else(|m| {
        set_error(m);
        -1
    })
}

/// # Safety
/// `arg` is valid for what `request` writes.
unsafe fn answer(s: &Namespace, d: &Dso, request: c_int, arg: *mut c_void) -> Result<c_int, Msg> {
    // SAFETY (every write below): `arg` has the type the request names.
    unsafe {
        match request {
            // One namespace: LM_ID_BASE.
            RTLD_DI_LMID => *arg.cast::<c_long>() = 0,
            RTLD_DI_LINKMAP => *arg.cast::<*const c_void>() = (&d.lm as *const crate::loader::LinkMap).cast(),
            RTLD_DI_ORIGIN => {
                let o = origin(s, d);
                core::ptr::copy_nonoverlapping(o.as_ptr(), arg.cast::<u8>(), o.len());
                *arg.cast::<u8>().add(o.len()) = 0;
            }
            RTLD_DI_SERINFO | RTLD_DI_SERINFOSIZE => serinfo(s, d, arg.cast(), request == RTLD_DI_SERINFOSIZE)?,
            RTLD_DI_TLS_MODID => *arg.cast::<usize>() = d.tls.map_or(0, |t| t.id),
            // NULL until this thread first uses a dynamic TLS block, as glibc.
            RTLD_DI_TLS_DATA => {
                *arg.cast::<*mut c_void>() =
                    d.tls.map_or(core::ptr::null_mut(), |t| crate::tls::current_block(&t).cast())
            }
            RTLD_DI_PHDR => {
                *arg.cast::<*const Phdr>() = d.phdr;
                return Ok(d.phnum as c_int);
            }
            _ => {
                let mut m = msg(&[b"dlinfo: unsupported request "]);
                m.dec(request as usize);
                return Err(m);
            }
        }
    }
    Ok(0)
}

/// The directory of the object's file, absolute: the program's from
/// /proc/self/exe when the kernel started it (as glibc), a relative path joined to /proc/self/cwd (left
/// relative where the kernel has no such link).
fn origin(s: &Namespace, d: &Dso) -> Vec<u8> {
    let mut path: Vec<u8> = Vec::new();
    // The kernel mapped the program (we were not started as `ld-vibix.so.1 prog`).
    if core::ptr::eq(d, s.obj(s.main)) && d.map_start == 0 {
        read_link(c"/proc/self/exe", &mut path);
    }
    if path.is_empty() {
        if !d.path_bytes().starts_with(b"/") && read_link(c"/proc/self/cwd", &mut path) && !path.ends_with(b"/") {
            path.push(b'/');
        }
        path.extend_from_slice(d.path_bytes());
    }
    // Drop the file name (keeping the slash of "/file").
    let cut = path.iter().rposition(|&c| c == b'/').map_or(0, |i| i.max(1));
    path.truncate(cut);
    if path.is_empty() {
        path.push(b'.');
    }
    path
}

/// Appends the target of the symbolic link `link` to `out`; false if unreadable.
fn read_link(link: &core::ffi::CStr, out: &mut Vec<u8>) -> bool {
    let mut buf = [0u8; 4096];
    match rustix::fs::readlinkat_raw(rustix::fs::CWD, link, &mut buf[..]) {
        Ok(n) if n > 0 && n < buf.len() => {
            out.extend_from_slice(&buf[..n]);
            true
        }
        _ => false,
    }
}

/// RTLD_DI_SERINFOSIZE sets `dls_cnt` and `dls_size` (header, entries and
/// strings); RTLD_DI_SERINFO then fills a buffer of that size: the strings
/// go after the caller's `dls_cnt` entries, as in glibc.
///
/// # Safety
/// `si` is a `Dl_serinfo` (with `dls_size` writable bytes for SERINFO).
unsafe fn serinfo(s: &Namespace, d: &Dso, si: *mut SerInfo, size_only: bool) -> Result<(), Msg> {
    let mut dirs: Vec<Vec<u8>> = Vec::new();
    crate::search::for_each_dir(s, d, |dir| dirs.push(dir.to_vec()));
    let strings: usize = dirs.iter().map(|d| d.len() + 1).sum();
    // SAFETY: si is a Dl_serinfo (caller's contract).
    unsafe {
        if size_only {
            (*si).dls_cnt = dirs.len() as c_uint;
            (*si).dls_size = core::mem::offset_of!(SerInfo, dls_serpath) + dirs.len() * 16 + strings;
            return Ok(());
        }
        let cnt = (*si).dls_cnt as usize;
        let need = core::mem::offset_of!(SerInfo, dls_serpath) + cnt * 16 + strings;
        if cnt < dirs.len() || (*si).dls_size < need {
            return Err(msg(&[b"dlinfo: RTLD_DI_SERINFO buffer smaller than RTLD_DI_SERINFOSIZE said"]));
        }
        let entries = core::ptr::addr_of_mut!((*si).dls_serpath).cast::<SerPath>();
        let mut at = entries.add(cnt).cast::<u8>();
        for (k, dir) in dirs.iter().enumerate() {
            entries.add(k).write(SerPath { dls_name: at.cast(), dls_flags: 0 });
            core::ptr::copy_nonoverlapping(dir.as_ptr(), at, dir.len());
            *at.add(dir.len()) = 0;
            at = at.add(dir.len() + 1);
        }
    }
    Ok(())
}
