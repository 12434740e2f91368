//! POSIX `getsubopt`: one "name[=value]" of a comma-separated option string.
use core::ffi::{c_char, c_int, CStr};

/// Splits the next suboption off `*opt` (NUL-terminating it and its name),
/// advances `*opt` past it, and returns its index in `tokens` with `*value` the
/// text after '=' (NULL without one); -1 with `*value` the whole suboption for
/// an unknown name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getsubopt(opt: *mut *mut c_char, tokens: *const *const c_char, value: *mut *mut c_char) -> c_int {
    // SAFETY: *opt is a writable C string, tokens a NULL-terminated array (C contract).
    unsafe {
        let start = *opt;
        let mut end = start;
        while *end != 0 && *end != b',' as c_char {
            end = end.add(1);
        }
        if *end != 0 {
            *end = 0;
            *opt = end.add(1);
        } else {
            *opt = end;
        }
        let text = CStr::from_ptr(start).to_bytes();
        let eq = text.iter().position(|&c| c == b'=');
        let name = &text[..eq.unwrap_or(text.len())];
        let mut i = 0;
        while !(*tokens.add(i)).is_null() {
            if CStr::from_ptr(*tokens.add(i)).to_bytes() == name {
                *value = match eq {
                    Some(k) => start.add(k + 1),
                    None => core::ptr::null_mut(),
                };
                return i as c_int;
            }
            i += 1;
        }
        *value = start;
        -1
    }
}
