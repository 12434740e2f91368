//! `dl_iterate_phdr`: every loaded object, in load order.

use crate::state::{dso, st, LOCK};
use core::ffi::{c_char, c_int, c_void};
use vibix_elf::Phdr;

#[repr(C)]
pub struct DlPhdrInfo {
    pub dlpi_addr: usize,
    pub dlpi_name: *const c_char,
    pub dlpi_phdr: *const Phdr,
    pub dlpi_phnum: u16,
    pub dlpi_adds: u64,
    pub dlpi_subs: u64,
    pub dlpi_tls_modid: usize,
    pub dlpi_tls_data: *mut c_void,
}
static_assertions::const_assert_eq!(core::mem::size_of::<DlPhdrInfo>(), 64);

type Callback = unsafe extern "C" fn(*mut DlPhdrInfo, usize, *mut c_void) -> c_int;

/// `int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)`
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dl_iterate_phdr(cb: Option<Callback>, data: *mut c_void) -> c_int {
    let Some(cb) = cb else { return 0 };
    let _g = LOCK.lock();
    // SAFETY: lock held.
    let s = unsafe { st() };
    let (adds, subs) = super::open::counters();
    let mut i = 0;
    while i < s.objs.len() {
        let p = s.objs[i];
        let d = dso(p);
        let tls_data = d.tls.map_or(core::ptr::null_mut(), |t| crate::tls::current_block(&t) as *mut c_void);
        let mut info = DlPhdrInfo {
            dlpi_addr: d.base,
            dlpi_name: if p == s.main { c"".as_ptr() } else { d.lm.l_name },
            dlpi_phdr: d.phdr,
            dlpi_phnum: d.phnum as u16,
            dlpi_adds: adds,
            dlpi_subs: subs,
            dlpi_tls_modid: d.tls.map_or(0, |t| t.id),
            dlpi_tls_data: tls_data,
        };
        // SAFETY: calling the user's callback with a valid info struct.
        let r = unsafe { cb(&mut info, core::mem::size_of::<DlPhdrInfo>(), data) };
        if r != 0 {
            return r;
        }
        i += 1;
    }
    0
}
