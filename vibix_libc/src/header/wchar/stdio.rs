//! Wide character stream I/O: `fwide` and the fgetwc/fputwc families. A
//! stream stores bytes; wide characters are converted with the calling
//! thread's locale on the way in and out (an invalid sequence is EILSEQ with
//! the stream's error flag set; a partial one at end of file is just WEOF).
use core::ffi::c_int;

use super::mbconv::{mbrtowc_core, MbState, Wchar, EILSEQ, ERR, INCOMPLETE, WEOF};
use crate::fmt::mb::wide_to_mb;
use crate::header::locale::utf8;
use crate::header::stdio::file::{get_byte, stdin, stdout, unget_byte, write_bytes, File, FileLock, F_BYTE, F_ERR, F_WIDE};
use crate::thread::area::set_errno;


/// Orients an unoriented stream as wide (byte functions do not orient yet).
unsafe fn orient_wide(f: *mut File) {
    // SAFETY: f is live and locked.
    unsafe {
        if (*f).flags & (F_WIDE | F_BYTE) == 0 {
            (*f).flags |= F_WIDE;
        }
    }
}

/// C `fwide`: mode > 0 asks for wide, < 0 for byte orientation, 0 only asks.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fwide(f: *mut File, mode: c_int) -> c_int {
    let _l = FileLock::new(f);
    // SAFETY: f is a live stream.
    unsafe {
        if (*f).flags & (F_WIDE | F_BYTE) == 0 && mode != 0 {
            (*f).flags |= if mode > 0 { F_WIDE } else { F_BYTE };
        }
        let fl = (*f).flags;
        if fl & F_WIDE != 0 { 1 } else if fl & F_BYTE != 0 { -1 } else { 0 }
    }
}

/// Reads one wide character from a locked stream.
pub unsafe fn getwc_locked(f: *mut File) -> u32 {
    // SAFETY: f is live and locked.
    unsafe { orient_wide(f) };
    let mut st = MbState::default();
    loop {
        // SAFETY: as above.
        let c = unsafe { get_byte(f) };
        if c < 0 {
            // End of file, possibly inside a character: plain WEOF, as in glibc.
            return WEOF;
        }
        let mut w = 0u32;
        match mbrtowc_core(Some(&mut w), &[c as u8], &mut st) {
            INCOMPLETE => continue,
            ERR => {
                // The offending byte stays unread, as in glibc.
                // SAFETY: as above.
                unsafe {
                    unget_byte(f, c as u8);
                    (*f).flags |= F_ERR;
                }
                return WEOF;
            }
            _ => return w,
        }
    }
}

/// Writes one wide character to a locked stream.
pub unsafe fn putwc_locked(wc: Wchar, f: *mut File) -> u32 {
    // SAFETY: f is live and locked.
    unsafe { orient_wide(f) };
    let mut buf = [0u8; 8];
    let Some(n) = wide_to_mb(wc as u32, utf8(), &mut buf) else {
        set_errno(EILSEQ);
        // SAFETY: as above.
        unsafe { (*f).flags |= F_ERR };
        return WEOF;
    };
    // SAFETY: as above.
    if unsafe { write_bytes(f, buf.as_ptr(), n) } == n { wc as u32 } else { WEOF }
}

/// C `fgetwc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetwc(f: *mut File) -> u32 {
    let _l = FileLock::new(f);
    // SAFETY: f is a live stream, locked.
    unsafe { getwc_locked(f) }
}

/// C `fputwc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputwc(wc: Wchar, f: *mut File) -> u32 {
    let _l = FileLock::new(f);
    // SAFETY: f is a live stream, locked.
    unsafe { putwc_locked(wc, f) }
}

/// C `ungetwc`: pushes back the character's bytes (at most 4 fit).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ungetwc(wc: u32, f: *mut File) -> u32 {
    if wc == WEOF {
        return WEOF;
    }
    let _l = FileLock::new(f);
    let mut buf = [0u8; 8];
    let Some(n) = wide_to_mb(wc, utf8(), &mut buf) else { return WEOF };
    // SAFETY: f is live and locked.
    unsafe {
        orient_wide(f);
        for k in (0..n).rev() {
            if !unget_byte(f, buf[k]) {
                return WEOF;
            }
        }
    }
    wc
}

/// C `fgetws`: at most n-1 characters, up to and including a newline.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fgetws(s: *mut Wchar, n: c_int, f: *mut File) -> *mut Wchar {
    if n <= 0 {
        return core::ptr::null_mut();
    }
    let _l = FileLock::new(f);
    let mut k = 0usize;
    // SAFETY: s has n slots; f is live and locked.
    unsafe {
        while k + 1 < n as usize {
            let c = getwc_locked(f);
            if c == WEOF {
                if k == 0 || (*f).flags & F_ERR != 0 {
                    return core::ptr::null_mut();
                }
                break;
            }
            *s.add(k) = c as Wchar;
            k += 1;
            if c == '\n' as u32 {
                break;
            }
        }
        *s.add(k) = 0;
    }
    s
}

/// C `fputws`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fputws(s: *const Wchar, f: *mut File) -> c_int {
    let _l = FileLock::new(f);
    let mut p = s;
    // SAFETY: s is a wide C string; f is live and locked.
    unsafe {
        while *p != 0 {
            if putwc_locked(*p, f) == WEOF {
                return -1;
            }
            p = p.add(1);
        }
    }
    1
}

macro_rules! forward {
    ($($name:ident => $target:ident ($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $name($($a: $t),*) -> $r {
            // SAFETY: forwarded with the same contract.
            unsafe { $target($($a),*) }
        }
    )*};
}
forward! {
    getwc => fgetwc(f: *mut File) -> u32;
    putwc => fputwc(c: Wchar, f: *mut File) -> u32;
    fgetwc_unlocked => getwc_locked(f: *mut File) -> u32;
    getwc_unlocked => getwc_locked(f: *mut File) -> u32;
    fputwc_unlocked => putwc_locked(c: Wchar, f: *mut File) -> u32;
    putwc_unlocked => putwc_locked(c: Wchar, f: *mut File) -> u32;
    fgetws_unlocked => fgetws(s: *mut Wchar, n: c_int, f: *mut File) -> *mut Wchar;
    fputws_unlocked => fputws(s: *const Wchar, f: *mut File) -> c_int;
}

/// C `getwchar`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getwchar() -> u32 {
    // SAFETY: stdin is live.
    unsafe { fgetwc(stdin) }
}

/// C `putwchar`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putwchar(c: Wchar) -> u32 {
    // SAFETY: stdout is live.
    unsafe { fputwc(c, stdout) }
}

/// GNU `getwchar_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getwchar_unlocked() -> u32 {
    // SAFETY: stdin is live.
    unsafe { getwc_locked(stdin) }
}

/// GNU `putwchar_unlocked`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn putwchar_unlocked(c: Wchar) -> u32 {
    // SAFETY: stdout is live.
    unsafe { putwc_locked(c, stdout) }
}

