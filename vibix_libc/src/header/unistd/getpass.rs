//! Legacy `getpass(prompt)`: read a line from the controlling terminal with
//! echo off. Without a terminal (/dev/tty cannot be opened) it prompts on
//! stderr and reads stdin, as glibc does.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use crate::header::stdio::file::{stderr, stdin, File};
use crate::header::stdio::io::{fflush, fileno, fputc, fputs, getline};
use crate::header::stdio::open::{fclose, fopen};
use crate::header::termios::{tcgetattr, tcsetattr, Termios};

const ECHO: u32 = 0o10;
const ISIG: u32 = 0o1;
const TCSAFLUSH: c_int = 2;

/// The line of the last call (grown by getline; getpass returns it).
static mut LINE: *mut c_char = null_mut();
static mut CAP: usize = 0;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn getpass(prompt: *const c_char) -> *mut c_char {
    // SAFETY: prompt is a C string; the streams are ours or the standard
    // ones; LINE/CAP are only touched here (getpass is not thread-safe, by
    // its interface: one static result).
    unsafe {
        let tty = fopen(c"/dev/tty".as_ptr(), c"w+e".as_ptr());
        let (inp, out): (*mut File, *mut File) = if tty.is_null() { (stdin, stderr) } else { (tty, tty) };
        let fd = fileno(inp);
        let mut saved = core::mem::MaybeUninit::<Termios>::uninit();
        let mut quiet = false;
        if tcgetattr(fd, saved.as_mut_ptr()) == 0 {
            let mut t = saved.assume_init();
            t.c_lflag &= !(ECHO | ISIG);
            quiet = tcsetattr(fd, TCSAFLUSH, &t) == 0;
        }
        fputs(prompt, out);
        fflush(out);
        let n = getline(&raw mut LINE, &raw mut CAP, inp);
        if n > 0 && *LINE.add(n as usize - 1) == b'\n' as c_char {
            *LINE.add(n as usize - 1) = 0;
            if quiet {
                // The newline the user typed was not echoed.
                fputc(b'\n' as c_int, out);
                fflush(out);
            }
        } else if n < 0 && !LINE.is_null() {
            *LINE = 0;
        }
        if quiet {
            tcsetattr(fd, TCSAFLUSH, saved.as_ptr());
        }
        if !tty.is_null() {
            fclose(tty);
        }
        LINE
    }
}
