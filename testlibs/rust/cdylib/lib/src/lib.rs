//! A Rust cdylib (std inside, version script from rustc) called from C.
use std::cell::Cell;
use std::ffi::{c_char, CStr, CString};
use std::sync::atomic::{AtomicU32, Ordering};

static TLS_DROPS: AtomicU32 = AtomicU32::new(0);
struct Counted(Cell<u64>);
impl Drop for Counted {
    fn drop(&mut self) {
        TLS_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}
thread_local!(static ACC: Counted = Counted(Cell::new(0)));

/// Sums 0..1000 in each of `n` threads (each with a thread-local accumulator).
#[unsafe(no_mangle)]
pub extern "C" fn rust_sum_threads(n: u32) -> u64 {
    let hs: Vec<_> = (0..n)
        .map(|t| std::thread::spawn(move || ACC.with(|a| { for i in 0..1000 { a.0.set(a.0.get() + i + t as u64) } a.0.get() })))
        .collect();
    hs.into_iter().map(|h| h.join().unwrap()).sum()
}

/// How many thread-local destructors have run so far.
#[unsafe(no_mangle)]
pub extern "C" fn rust_tls_drops() -> u32 {
    TLS_DROPS.load(Ordering::SeqCst)
}

/// Panics inside and catches it; returns 1 if caught (panics never cross into C).
#[unsafe(no_mangle)]
pub extern "C" fn rust_catch(depth: u32) -> i32 {
    fn down(d: u32) -> u32 {
        if d == 0 {
            panic!("inside the cdylib");
        }
        down(d - 1) + 1
    }
    std::panic::set_hook(Box::new(|_| {}));
    let r = std::panic::catch_unwind(|| down(depth)).is_err() as i32;
    let _ = std::panic::take_hook();
    r
}

/// Returns a malloc'ed-by-Rust greeting; free with rust_free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_greet(name: *const c_char) -> *mut c_char {
    // SAFETY: the C caller passes a NUL-terminated string.
    let name = unsafe { CStr::from_ptr(name) }.to_string_lossy();
    CString::new(format!("hello {name}, from Rust ({} chars)", name.chars().count())).unwrap().into_raw()
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rust_free(s: *mut c_char) {
    // SAFETY: `s` came from rust_greet.
    drop(unsafe { CString::from_raw(s) });
}
