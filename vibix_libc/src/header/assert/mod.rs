//! `<assert.h>`: the failure report behind the `assert` macro.
use core::ffi::{c_char, c_uint};

use crate::header::stdio::file::{stderr, write_bytes, FileLock};

unsafe fn put(s: *const c_char) {
    // SAFETY: s is a C string; stderr is live.
    unsafe { write_bytes(stderr, s as *const u8, crate::header::string::str::strlen(s)) };
}

/// glibc's `__assert_fail`: "prog: file:line: func: Assertion `expr' failed." then abort.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __assert_fail(expr: *const c_char, file: *const c_char, line: c_uint, func: *const c_char) -> ! {
    // SAFETY: all arguments are C strings from the assert macro.
    unsafe {
        let f = stderr;
        {
            let _l = FileLock::new(f);
            let name = crate::start::program_name();
            if !name.is_null() {
                put(name);
                put(c": ".as_ptr());
            }
            put(file);
            let mut buf = [0u8; 16];
            let mut n = 15;
            buf[n] = 0;
            let mut v = line;
            loop {
                n -= 1;
                buf[n] = b'0' + (v % 10) as u8;
                v /= 10;
                if v == 0 {
                    break;
                }
            }
            n -= 1;
            buf[n] = b':';
            put(buf[n..].as_ptr() as *const c_char);
            put(c": ".as_ptr());
            if !func.is_null() {
                put(func);
                put(c": ".as_ptr());
            }
            put(c"Assertion `".as_ptr());
            put(expr);
            put(c"' failed.\n".as_ptr());
            super::stdio::file::flush(f);
        }
    }
    crate::header::stdlib::abort()
}
