//! Thread-specific data: 128 keys, per-thread values allocated on first use.
use core::ffi::{c_int, c_uint, c_void};
use core::ptr::null_mut;

use super::area::current;
use crate::sync::Lock;

pub const KEYS_MAX: usize = 128;
type Dtor = unsafe extern "C" fn(*mut c_void);

struct Key {
    used: bool,
    dtor: Option<Dtor>,
}

static LOCK: Lock = Lock::new();
static mut KEYS: [Key; KEYS_MAX] = [const { Key { used: false, dtor: None } }; KEYS_MAX];

/// POSIX `pthread_key_create`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn pthread_key_create(key: *mut c_uint, dtor: Option<Dtor>) -> c_int {
    let _g = LOCK.guard();
    // SAFETY: KEYS under LOCK; key writable.
    unsafe {
        let keys = &mut *(&raw mut KEYS);
        for (i, k) in keys.iter_mut().enumerate() {
            if !k.used {
                k.used = true;
                k.dtor = dtor;
                *key = i as c_uint;
                return 0;
            }
        }
    }
    11 // EAGAIN
}

/// POSIX `pthread_key_delete` (values stay, destructors no longer run).
#[unsafe(no_mangle)]
pub extern "C" fn pthread_key_delete(key: c_uint) -> c_int {
    let _g = LOCK.guard();
    if key as usize >= KEYS_MAX {
        return 22;
    }
    // SAFETY: under LOCK.
    unsafe {
        let keys = &mut *(&raw mut KEYS);
        keys[key as usize].used = false;
        keys[key as usize].dtor = None;
    }
    0
}

/// POSIX `pthread_getspecific`.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_getspecific(key: c_uint) -> *mut c_void {
    let t = current();
    // SAFETY: own thread area; tsd has KEYS_MAX slots when allocated.
    unsafe {
        let tsd = (*t).tsd;
        if tsd.is_null() || key as usize >= KEYS_MAX {
            return null_mut();
        }
        *tsd.add(key as usize)
    }
}

/// POSIX `pthread_setspecific`.
#[unsafe(no_mangle)]
pub extern "C" fn pthread_setspecific(key: c_uint, v: *const c_void) -> c_int {
    if key as usize >= KEYS_MAX {
        return 22;
    }
    let t = current();
    // SAFETY: own thread area.
    unsafe {
        if (*t).tsd.is_null() {
            let p = crate::header::stdlib::malloc::calloc(KEYS_MAX, 8) as *mut *mut c_void;
            if p.is_null() {
                return 12;
            }
            (*t).tsd = p;
        }
        *(*t).tsd.add(key as usize) = v as *mut c_void;
    }
    0
}

/// Runs the calling thread's destructors (up to 4 rounds, as POSIX allows).
pub fn run_destructors() {
    let t = current();
    // SAFETY: own thread area.
    let tsd = unsafe { (*t).tsd };
    if tsd.is_null() {
        return;
    }
    for _ in 0..4 {
        let mut ran = false;
        for i in 0..KEYS_MAX {
            // SAFETY: i < KEYS_MAX slots; KEYS read under LOCK.
            let (v, d) = unsafe {
                let v = *tsd.add(i);
                if v.is_null() {
                    continue;
                }
                let _g = LOCK.guard();
                let k = &(*(&raw const KEYS))[i];
                (v, if k.used { k.dtor } else { None })
            };
            if let Some(d) = d {
                // SAFETY: clear first (POSIX), then call the key's destructor.
                unsafe {
                    *tsd.add(i) = null_mut();
                    d(v);
                }
                ran = true;
            }
        }
        if !ran {
            break;
        }
    }
    // SAFETY: nothing uses tsd any more.
    unsafe {
        (*t).tsd = null_mut();
        crate::header::stdlib::malloc::free(tsd as *mut c_void);
    }
}
