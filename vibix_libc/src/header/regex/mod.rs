//! `<regex.h>`: POSIX regular expressions, basic (BRE) and extended (ERE)
//! syntax with glibc's GNU operators (`\w \W \s \S \b \B \< \> \` \'`, BRE
//! `\+ \? \|`, back-references in ERE).
//!
//! Pipeline: [`parse`] turns the pattern into a syntax tree (bracket
//! expressions in [`bracket`]), [`compile`] lowers it to a small NFA program,
//! [`exec`] runs it. Matching is leftmost-longest overall: a Pike VM finds the
//! match extent in O(pattern × subject); subexpression offsets then come from
//! a backtracker pinned to that extent (greedy-first path, as glibc reports
//! them), bounded by a step budget after which a visited-state table makes it
//! linear. Patterns with back-references cannot use the VM and are matched by
//! the bounded backtracker alone (REG_ESPACE when the budget runs out).
//!
//! Characters are the locale's (regcomp time): bytes in "C", UTF-8 sequences
//! in C.UTF-8.
mod bracket;
mod chars;
mod compile;
mod exec;
mod parse;

use alloc::boxed::Box;
use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;

pub use compile::Program;

pub const REG_EXTENDED: c_int = 1;
pub const REG_ICASE: c_int = 2;
pub const REG_NEWLINE: c_int = 4;
pub const REG_NOSUB: c_int = 8;
pub const REG_NOTBOL: c_int = 1;
pub const REG_NOTEOL: c_int = 2;
pub const REG_STARTEND: c_int = 4;

/// regcomp/regexec result codes (glibc's numbering).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Error {
    NoMatch = 1,
    BadPat = 2,
    ECollate = 3,
    ECtype = 4,
    EEscape = 5,
    ESubReg = 6,
    EBrack = 7,
    EParen = 8,
    EBrace = 9,
    BadBr = 10,
    ERange = 11,
    ESpace = 12,
    BadRpt = 13,
    ESize = 15,
}

pub type RegOff = c_int;

/// glibc's x86_64 `regex_t` (`struct re_pattern_buffer`); `__buffer` holds
/// our [`Program`].
#[repr(C)]
pub struct RegexT {
    buffer: *mut Program,
    allocated: usize,
    used: usize,
    syntax: u64,
    fastmap: *mut c_char,
    translate: *mut u8,
    pub re_nsub: usize,
    flags: u32,
}
static_assertions::const_assert_eq!(core::mem::size_of::<RegexT>(), 64);
static_assertions::const_assert_eq!(core::mem::offset_of!(RegexT, re_nsub), 48);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct RegMatch {
    pub rm_so: RegOff,
    pub rm_eo: RegOff,
}
static_assertions::const_assert_eq!(core::mem::size_of::<RegMatch>(), 8);

/// POSIX `regcomp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regcomp(preg: *mut RegexT, pattern: *const c_char, cflags: c_int) -> c_int {
    // SAFETY: pattern is a C string (POSIX contract).
    let pat = unsafe { CStr::from_ptr(pattern) }.to_bytes();
    let flags = compile::Flags {
        ere: cflags & REG_EXTENDED != 0,
        icase: cflags & REG_ICASE != 0,
        newline: cflags & REG_NEWLINE != 0,
        nosub: cflags & REG_NOSUB != 0,
        utf8: crate::header::locale::utf8(),
    };
    match compile::compile(pat, flags) {
        Ok(prog) => {
            let nsub = prog.nsub;
            // SAFETY: preg points at a writable regex_t (POSIX contract).
            unsafe {
                preg.write(RegexT {
                    buffer: Box::into_raw(Box::new(prog)),
                    allocated: 0,
                    used: 0,
                    syntax: 0,
                    fastmap: null_mut(),
                    translate: null_mut(),
                    re_nsub: nsub,
                    flags: cflags as u32,
                })
            };
            0
        }
        Err(e) => {
            // SAFETY: as above; a failed regcomp leaves nothing to free.
            unsafe { (*preg).buffer = null_mut() };
            e as c_int
        }
    }
}

/// POSIX `regexec`. With REG_STARTEND (BSD/glibc) the subject is
/// `string[0..pmatch[0].rm_eo]` and the search starts at `pmatch[0].rm_so`;
/// offsets stay relative to `string`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regexec(
    preg: *const RegexT,
    string: *const c_char,
    nmatch: usize,
    pmatch: *mut RegMatch,
    eflags: c_int,
) -> c_int {
    // SAFETY: preg was set up by regcomp (POSIX contract).
    let prog = unsafe { (*preg).buffer };
    if prog.is_null() {
        return Error::BadPat as c_int;
    }
    // SAFETY: buffer is the Program regcomp boxed, alive until regfree.
    let prog = unsafe { &*prog };
    let (subject, from) = if eflags & REG_STARTEND != 0 {
        // SAFETY: with REG_STARTEND pmatch[0] is readable and string has rm_eo bytes.
        let m = unsafe { *pmatch };
        if m.rm_so < 0 || m.rm_eo < m.rm_so {
            return Error::BadPat as c_int;
        }
        (unsafe { core::slice::from_raw_parts(string as *const u8, m.rm_eo as usize) }, m.rm_so as usize)
    } else {
        // SAFETY: string is a C string.
        (unsafe { CStr::from_ptr(string) }.to_bytes(), 0)
    };
    let nmatch = if prog.flags.nosub || pmatch.is_null() { 0 } else { nmatch };
    let want = nmatch.min(prog.nsub + 1);
    let opts = exec::Opts { notbol: eflags & REG_NOTBOL != 0, noteol: eflags & REG_NOTEOL != 0 };
    match exec::search(prog, subject, from, opts, want) {
        Ok(Some(caps)) => {
            for i in 0..nmatch {
                let (so, eo) = match caps.get(i) {
                    Some(&Some((s, e))) => (s as RegOff, e as RegOff),
                    _ => (-1, -1),
                };
                // SAFETY: pmatch has nmatch elements (POSIX contract).
                unsafe { pmatch.add(i).write(RegMatch { rm_so: so, rm_eo: eo }) };
            }
            0
        }
        Ok(None) => Error::NoMatch as c_int,
        Err(e) => e as c_int,
    }
}

/// POSIX `regfree`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regfree(preg: *mut RegexT) {
    // SAFETY: preg was set up by a successful regcomp; buffer is ours or null.
    unsafe {
        let p = (*preg).buffer;
        if !p.is_null() {
            drop(Box::from_raw(p));
            (*preg).buffer = null_mut();
        }
    }
}

fn message(code: c_int) -> &'static [u8] {
    match code {
        0 => b"Success",
        1 => b"No match",
        2 => b"Invalid regular expression",
        3 => b"Invalid collation character",
        4 => b"Invalid character class name",
        5 => b"Trailing backslash",
        6 => b"Invalid back reference",
        7 => b"Unmatched [, [^, [:, [., or [=",
        8 => b"Unmatched ( or \\(",
        9 => b"Unmatched \\{",
        10 => b"Invalid content of \\{\\}",
        11 => b"Invalid range end",
        12 => b"Memory exhausted",
        13 => b"Invalid preceding regular expression",
        14 => b"Premature end of regular expression",
        15 => b"Regular expression too big",
        16 => b"Unmatched ) or \\)",
        _ => b"Unknown error",
    }
}

/// POSIX `regerror`: the message truncated to `size - 1` bytes plus NUL;
/// returns the size the whole message needs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn regerror(code: c_int, _preg: *const RegexT, buf: *mut c_char, size: usize) -> usize {
    let msg = message(code);
    if size > 0 && !buf.is_null() {
        let n = msg.len().min(size - 1);
        // SAFETY: buf has size bytes (POSIX contract); n < size.
        unsafe {
            core::ptr::copy_nonoverlapping(msg.as_ptr(), buf as *mut u8, n);
            *buf.add(n) = 0;
        }
    }
    msg.len() + 1
}
