//! hcreate/hsearch/hdestroy and the GNU reentrant forms: open addressing
//! (linear probing) over a power-of-two table sized for 75% load; keys are
//! C strings compared with strcmp. Entries cannot be deleted (POSIX).
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_void, CStr};
use rustix::io::Errno;

use crate::thread::area::fail;

const FIND: c_int = 0;
const ENTER: c_int = 1;

/// `ENTRY`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Entry {
    key: *mut c_char,
    data: *mut c_void,
}

struct Table {
    slots: Vec<Entry>,
    limit: usize,
    used: usize,
}

/// `struct hsearch_data`: our table pointer, then glibc's two size words.
#[repr(C)]
pub struct HsearchData {
    table: *mut Table,
    _size: u32,
    _filled: u32,
}
static_assertions::const_assert_eq!(core::mem::size_of::<HsearchData>(), 16);

fn hash(k: &[u8]) -> usize {
    // FNV-1a.
    k.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3)) as usize
}

/// GNU `hcreate_r`: room for at least `n` entries.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hcreate_r(n: usize, htab: *mut HsearchData) -> c_int {
    if htab.is_null() {
        return fail(Errno::INVAL, 0);
    }
    let limit = n.max(1);
    let Some(cap) = (limit.saturating_mul(4) / 3 + 1).checked_next_power_of_two() else { return fail(Errno::NOMEM, 0) };
    let mut slots = Vec::new();
    if slots.try_reserve_exact(cap).is_err() {
        return fail(Errno::NOMEM, 0);
    }
    slots.resize(cap, Entry { key: core::ptr::null_mut(), data: core::ptr::null_mut() });
    let t = alloc::boxed::Box::into_raw(alloc::boxed::Box::new(Table { slots, limit, used: 0 }));
    // SAFETY: htab is writable.
    unsafe { (*htab).table = t };
    1
}

/// GNU `hdestroy_r` (keys and data stay the caller's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hdestroy_r(htab: *mut HsearchData) {
    if htab.is_null() {
        return;
    }
    // SAFETY: table is NULL or our Box.
    unsafe {
        let t = (*htab).table;
        if !t.is_null() {
            drop(alloc::boxed::Box::from_raw(t));
            (*htab).table = core::ptr::null_mut();
        }
    }
}

/// GNU `hsearch_r`: 1 with `*ret` set, or 0 (ESRCH not found, ENOMEM full).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hsearch_r(item: Entry, action: c_int, ret: *mut *mut Entry, htab: *mut HsearchData) -> c_int {
    // SAFETY: htab was set up by hcreate_r; item.key is a C string.
    let (t, key) = unsafe {
        *ret = core::ptr::null_mut();
        let t = (*htab).table;
        if t.is_null() {
            return fail(Errno::INVAL, 0);
        }
        (&mut *t, CStr::from_ptr(item.key).to_bytes())
    };
    let mask = t.slots.len() - 1;
    let mut i = hash(key) & mask;
    loop {
        let s = &mut t.slots[i];
        if s.key.is_null() {
            break;
        }
        // SAFETY: stored keys are the callers' C strings.
        if unsafe { CStr::from_ptr(s.key) }.to_bytes() == key {
            // SAFETY: ret is writable.
            unsafe { *ret = s };
            return 1;
        }
        i = (i + 1) & mask;
    }
    if action != ENTER {
        let _ = FIND;
        return fail(Errno::SRCH, 0);
    }
    if t.used >= t.limit.max(t.slots.len() * 3 / 4) {
        return fail(Errno::NOMEM, 0);
    }
    t.slots[i] = item;
    t.used += 1;
    // SAFETY: ret is writable.
    unsafe { *ret = &mut t.slots[i] };
    1
}

static mut GLOBAL: HsearchData = HsearchData { table: core::ptr::null_mut(), _size: 0, _filled: 0 };

fn global() -> *mut HsearchData {
    core::ptr::addr_of_mut!(GLOBAL)
}

/// POSIX `hcreate` (one table per process; not thread-safe, as POSIX allows).
#[unsafe(no_mangle)]
pub extern "C" fn hcreate(n: usize) -> c_int {
    // SAFETY: the process-wide table.
    unsafe {
        if !(*global()).table.is_null() {
            return 0;
        }
        hcreate_r(n, global())
    }
}

/// POSIX `hdestroy`.
#[unsafe(no_mangle)]
pub extern "C" fn hdestroy() {
    // SAFETY: the process-wide table.
    unsafe { hdestroy_r(global()) }
}

/// POSIX `hsearch`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hsearch(item: Entry, action: c_int) -> *mut Entry {
    let mut r = core::ptr::null_mut();
    // SAFETY: the process-wide table; item's key is a C string.
    unsafe { hsearch_r(item, action, &mut r, global()) };
    r
}
