//! `dl_iterate_phdr`: every loaded object, in load order.

use crate::state::lock;
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
    let lk = lock();
    let mut i = 0;
    loop {
        // The callback runs without the namespace (it may dlopen or dlclose).
        let mut info = {
            let Some(s) = lk.ns() else { return 0 };
            let Some(&p) = s.objs().get(i) else { return 0 };
            let d = s.obj(p);
            DlPhdrInfo {
                dlpi_addr: d.base,
                dlpi_name: if p == s.main { c"".as_ptr() } else { d.lm.l_name },
                dlpi_phdr: d.phdr,
                dlpi_phnum: d.phnum as u16,
                dlpi_adds: s.adds,
                dlpi_subs: s.subs,
                dlpi_tls_modid: d.tls.map_or(0, |t| t.id),
                dlpi_tls_data: d.tls.map_or(core::ptr::null_mut(), |t| crate::tls::current_block(&t) as *mut c_void),
            }
        };
        // SAFETY: calling the user's callback with a valid info struct.
        let r = crate::diag::call_out(cb as usize, || unsafe { cb(&mut info, core::mem::size_of::<DlPhdrInfo>(), data) });
        if r != 0 {
            return r;
        }
        i += 1;
    }
}
