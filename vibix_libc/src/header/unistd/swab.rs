//! `swab`: copy swapping adjacent bytes.
use core::ffi::c_void;

/// POSIX `swab`: copies n bytes from `from` to `to`, exchanging each pair; an
/// odd last byte is not copied, a negative n copies nothing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn swab(from: *const c_void, to: *mut c_void, n: isize) {
    let (f, t) = (from as *const u8, to as *mut u8);
    let mut i = 0;
    while i + 1 < n {
        // SAFETY: both buffers hold n bytes (caller contract; they must not overlap).
        unsafe {
            let (a, b) = (*f.offset(i), *f.offset(i + 1));
            *t.offset(i) = b;
            *t.offset(i + 1) = a;
        }
        i += 2;
    }
}
