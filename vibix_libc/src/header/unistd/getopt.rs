//! POSIX `getopt` and GNU `getopt_long`. The option variables are reached
//! through `got!` (a program usually owns them through copy relocations).
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use crate::got;

#[unsafe(no_mangle)]
pub static mut optarg: *mut c_char = null_mut();
#[unsafe(no_mangle)]
pub static mut optind: c_int = 1;
#[unsafe(no_mangle)]
pub static mut opterr: c_int = 1;
#[unsafe(no_mangle)]
pub static mut optopt: c_int = 0;
/// Position inside a cluster of short options ("-abc").
static mut NEXTCHAR: usize = 0;

/// `struct option`.
#[repr(C)]
pub struct LongOption {
    pub name: *const c_char,
    pub has_arg: c_int,
    pub flag: *mut c_int,
    pub val: c_int,
}

unsafe fn err(argv0: *const c_char, msg: &[u8], opt: &[u8]) {
    // SAFETY: opterr is an int; argv0 is a C string.
    unsafe {
        let e: *mut c_int = got!(opterr);
        if *e == 0 {
            return;
        }
        let f = crate::header::stdio::file::stderr;
        let _l = crate::header::stdio::file::FileLock::new(f);
        use crate::header::stdio::file::write_bytes;
        write_bytes(f, argv0 as *const u8, crate::header::string::str::strlen(argv0));
        write_bytes(f, msg.as_ptr(), msg.len());
        write_bytes(f, opt.as_ptr(), opt.len());
        write_bytes(f, b"\n".as_ptr(), 1);
    }
}

unsafe fn core(argc: c_int, argv: *const *mut c_char, opts: *const c_char, longopts: *const LongOption, longindex: *mut c_int) -> c_int {
    // SAFETY: argv has argc C strings; opts is a C string; the option globals are plain ints/pointers.
    unsafe {
        let optind_p: *mut c_int = got!(optind);
        let optarg_p: *mut *mut c_char = got!(optarg);
        let optopt_p: *mut c_int = got!(optopt);
        *optarg_p = null_mut();
        if *optind_p == 0 {
            *optind_p = 1;
            NEXTCHAR = 0;
        }
        let mut opts = opts;
        let colon = *opts == b':' as c_char || ((*opts == b'+' as c_char || *opts == b'-' as c_char) && *opts.add(1) == b':' as c_char);
        while *opts == b'+' as c_char || *opts == b'-' as c_char || *opts == b':' as c_char {
            opts = opts.add(1);
        }
        if NEXTCHAR == 0 {
            if *optind_p >= argc {
                return -1;
            }
            let a = *argv.add(*optind_p as usize);
            if a.is_null() || *a != b'-' as c_char || *a.add(1) == 0 {
                return -1;
            }
            if *a.add(1) == b'-' as c_char && *a.add(2) == 0 {
                *optind_p += 1;
                return -1;
            }
            if *a.add(1) == b'-' as c_char && !longopts.is_null() {
                return long(argc, argv, a.add(2), longopts, longindex, colon);
            }
            NEXTCHAR = 1;
        }
        let a = *argv.add(*optind_p as usize);
        let c = *a.add(NEXTCHAR) as u8;
        NEXTCHAR += 1;
        let mut p = opts;
        while *p != 0 && *p as u8 != c {
            p = p.add(1);
        }
        let last = *a.add(NEXTCHAR) == 0;
        if *p == 0 || c == b':' {
            *optopt_p = c as c_int;
            if last {
                *optind_p += 1;
                NEXTCHAR = 0;
            }
            if !colon {
                err(*argv, b": invalid option -- '", &[c, b'\'']);
            }
            return b'?' as c_int;
        }
        if *p.add(1) == b':' as c_char {
            let optional = *p.add(2) == b':' as c_char;
            if !last {
                *optarg_p = a.add(NEXTCHAR);
                *optind_p += 1;
            } else if optional {
                *optind_p += 1;
            } else if *optind_p + 1 < argc {
                *optarg_p = *argv.add(*optind_p as usize + 1);
                *optind_p += 2;
            } else {
                *optind_p += 1;
                NEXTCHAR = 0;
                *optopt_p = c as c_int;
                if colon {
                    return b':' as c_int;
                }
                err(*argv, b": option requires an argument -- '", &[c, b'\'']);
                return b'?' as c_int;
            }
            NEXTCHAR = 0;
        } else if last {
            *optind_p += 1;
            NEXTCHAR = 0;
        }
        c as c_int
    }
}

unsafe fn long(argc: c_int, argv: *const *mut c_char, name: *mut c_char, lo: *const LongOption, idx: *mut c_int, colon: bool) -> c_int {
    // SAFETY: as core(); lo ends with an all-zero entry.
    unsafe {
        let optind_p: *mut c_int = got!(optind);
        let optarg_p: *mut *mut c_char = got!(optarg);
        let optopt_p: *mut c_int = got!(optopt);
        let mut nlen = 0;
        while *name.add(nlen) != 0 && *name.add(nlen) != b'=' as c_char {
            nlen += 1;
        }
        *optind_p += 1;
        let mut i = 0;
        loop {
            let o = &*lo.add(i);
            if o.name.is_null() {
                break;
            }
            if crate::header::string::str::strncmp(o.name, name, nlen) == 0 && *o.name.add(nlen) == 0 {
                if !idx.is_null() {
                    *idx = i as c_int;
                }
                if *name.add(nlen) == b'=' as c_char {
                    if o.has_arg == 0 {
                        *optopt_p = o.val;
                        err(*argv, b": option doesn't allow an argument -- ", core::slice::from_raw_parts(name as *const u8, nlen));
                        return b'?' as c_int;
                    }
                    *optarg_p = name.add(nlen + 1);
                } else if o.has_arg == 1 {
                    if *optind_p < argc {
                        *optarg_p = *argv.add(*optind_p as usize);
                        *optind_p += 1;
                    } else {
                        *optopt_p = o.val;
                        if colon {
                            return b':' as c_int;
                        }
                        err(*argv, b": option requires an argument -- ", core::slice::from_raw_parts(name as *const u8, nlen));
                        return b'?' as c_int;
                    }
                }
                if !o.flag.is_null() {
                    *o.flag = o.val;
                    return 0;
                }
                return o.val;
            }
            i += 1;
        }
        *optopt_p = 0;
        err(*argv, b": unrecognized option '--", core::slice::from_raw_parts(name as *const u8, crate::header::string::str::strlen(name)));
        b'?' as c_int
    }
}

/// POSIX `getopt`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt(argc: c_int, argv: *const *mut c_char, opts: *const c_char) -> c_int {
    // SAFETY: forwarded.
    unsafe { core(argc, argv, opts, core::ptr::null(), null_mut()) }
}

/// GNU `getopt_long` (no argument permutation: options must come first).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long(argc: c_int, argv: *const *mut c_char, opts: *const c_char, lo: *const LongOption, idx: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { core(argc, argv, opts, lo, idx) }
}
