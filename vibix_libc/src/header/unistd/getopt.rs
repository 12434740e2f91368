//! POSIX `getopt` and GNU `getopt_long`/`getopt_long_only`, with glibc's
//! behaviour: argv is permuted so options after operands are found (`ls dir
//! -l`, `sed 1d -i file`) unless the option string starts with `+` or
//! POSIXLY_CORRECT is set; a leading `-` returns each operand as option 1;
//! long options may be abbreviated to a unique prefix. The option variables
//! are reached through `got!` (a program usually owns them through copy
//! relocations). BSD `optreset` = 1 restarts the scan as optind = 0 does.
use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use crate::got;
use crate::header::string::str::{strlen, strncmp};

#[unsafe(no_mangle)]
pub static mut optarg: *mut c_char = null_mut();
#[unsafe(no_mangle)]
pub static mut optind: c_int = 1;
#[unsafe(no_mangle)]
pub static mut opterr: c_int = 1;
#[unsafe(no_mangle)]
pub static mut optopt: c_int = 0;
/// BSD `optreset`: a caller sets it to 1 to scan a new argv from `optind`.
#[unsafe(no_mangle)]
pub static mut optreset: c_int = 0;

/// `struct option`.
#[repr(C)]
pub struct LongOption {
    pub name: *const c_char,
    pub has_arg: c_int,
    pub flag: *mut c_int,
    pub val: c_int,
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Permute,
    RequireOrder,
    ReturnInOrder,
}

/// Scan state kept between calls (glibc keeps the same in its getopt data).
struct State {
    /// Position inside a cluster of short options ("-abc"), 0 when none.
    next: usize,
    /// The optind `next` belongs to: a caller moving optind drops the cluster.
    next_ind: c_int,
    /// The operands skipped so far, argv[first..last), to move after options.
    first: c_int,
    last: c_int,
    initialized: bool,
    order: Order,
}

static mut STATE: State = State { next: 0, next_ind: 0, first: 1, last: 1, initialized: false, order: Order::Permute };

const NO_ARG: c_int = 0;
const REQUIRED: c_int = 1;

/// One message to stderr: argv0, then the pieces.
unsafe fn say(argv0: *const c_char, pieces: &[&[u8]]) {
    // SAFETY: argv0 is a C string; stderr is the libc's stream.
    unsafe {
        let f = crate::header::stdio::file::stderr;
        let _l = crate::header::stdio::file::FileLock::new(f);
        use crate::header::stdio::file::write_bytes;
        write_bytes(f, argv0 as *const u8, strlen(argv0));
        for p in pieces {
            write_bytes(f, p.as_ptr(), p.len());
        }
    }
}

/// The bytes of a C string (without the NUL).
unsafe fn bytes<'a>(s: *const c_char) -> &'a [u8] {
    // SAFETY: s is a C string that outlives the use.
    unsafe { core::slice::from_raw_parts(s as *const u8, strlen(s)) }
}

/// An operand: not starting with '-', or "-" alone.
unsafe fn is_operand(a: *const c_char) -> bool {
    // SAFETY: a is a C string.
    unsafe { *a != b'-' as c_char || *a.add(1) == 0 }
}

/// Reverses argv[lo..hi).
unsafe fn reverse(argv: *mut *mut c_char, mut lo: usize, mut hi: usize) {
    while lo + 1 < hi {
        hi -= 1;
        // SAFETY: lo < hi are inside argv.
        unsafe { core::ptr::swap(argv.add(lo), argv.add(hi)) };
        lo += 1;
    }
}

/// Moves the skipped operands argv[first..last) after the options found
/// since, argv[last..optind), keeping each group's order.
unsafe fn exchange(argv: *mut *mut c_char, st: &mut State, ind: c_int) {
    let (f, l, i) = (st.first as usize, st.last as usize, ind as usize);
    // SAFETY: first <= last <= optind <= argc (glibc permutes the caller's argv too).
    unsafe {
        reverse(argv, f, l);
        reverse(argv, l, i);
        reverse(argv, f, i);
    }
    st.first += ind - st.last;
    st.last = ind;
}

struct Call {
    argc: c_int,
    argv: *mut *mut c_char,
    opts: *const c_char,
    longopts: *const LongOption,
    longindex: *mut c_int,
    long_only: bool,
    /// Report errors on stderr (opterr set and no leading ':').
    print: bool,
    /// Leading ':' in the option string: a missing argument returns ':'.
    colon: bool,
}

unsafe fn getopt_impl(c: &mut Call) -> c_int {
    // SAFETY: argv holds argc C strings (and a NULL); opts is a C string; the
    // option globals are plain ints/pointers; STATE is only used here (getopt
    // is not thread-safe, as in every libc).
    unsafe {
        let optind_p: *mut c_int = got!(optind);
        let optarg_p: *mut *mut c_char = got!(optarg);
        let opterr_p: *mut c_int = got!(opterr);
        let optreset_p: *mut c_int = got!(optreset);
        let st = &mut *core::ptr::addr_of_mut!(STATE);
        *optarg_p = null_mut();
        // optind = 0 (glibc) or optreset = 1 (BSD) restarts the scan; BSD
        // leaves optind where the caller put it.
        if *optreset_p != 0 {
            *optreset_p = 0;
            st.initialized = false;
        }
        if *optind_p == 0 || !st.initialized {
            if *optind_p == 0 {
                *optind_p = 1;
            }
            st.first = *optind_p;
            st.last = *optind_p;
            st.next = 0;
            let posix = !crate::header::stdlib::env::getenv(c"POSIXLY_CORRECT".as_ptr()).is_null();
            st.order = match *c.opts as u8 {
                b'-' => Order::ReturnInOrder,
                b'+' => Order::RequireOrder,
                _ if posix => Order::RequireOrder,
                _ => Order::Permute,
            };
            st.initialized = true;
        }
        while matches!(*c.opts as u8, b'-' | b'+') {
            c.opts = c.opts.add(1);
        }
        c.colon = *c.opts == b':' as c_char;
        c.print = *opterr_p != 0 && !c.colon;
        if st.next != 0 && st.next_ind != *optind_p {
            st.next = 0;
        }
        if st.next == 0 {
            let ind = *optind_p;
            // The caller may have moved optind back.
            if st.last > ind {
                st.last = ind;
            }
            if st.first > ind {
                st.first = ind;
            }
            if st.order == Order::Permute {
                if st.first != st.last && st.last != ind {
                    exchange(c.argv, st, ind);
                } else if st.last != ind {
                    st.first = ind;
                }
                let mut i = ind;
                while i < c.argc && is_operand(*c.argv.add(i as usize)) {
                    i += 1;
                }
                *optind_p = i;
                st.last = i;
            }
            let ind = *optind_p;
            if ind != c.argc && bytes(*c.argv.add(ind as usize)) == b"--" {
                *optind_p = ind + 1;
                if st.first != st.last && st.last != ind + 1 {
                    exchange(c.argv, st, ind + 1);
                } else if st.first == st.last {
                    st.first = ind + 1;
                }
                st.last = c.argc;
                *optind_p = c.argc;
            }
            if *optind_p >= c.argc {
                // Point at the first operand (they are all at the end now).
                if st.first != st.last {
                    *optind_p = st.first;
                }
                return -1;
            }
            let a = *c.argv.add(*optind_p as usize);
            if is_operand(a) {
                if st.order == Order::RequireOrder {
                    return -1;
                }
                // ReturnInOrder: the operand is option 1's argument.
                *optarg_p = a;
                *optind_p += 1;
                return 1;
            }
            if !c.longopts.is_null() {
                let b = bytes(a);
                if b[1] == b'-' {
                    return long(c, a.add(2), b"--");
                }
                // getopt_long_only: "-name" is a long option unless it is a
                // single known short option character.
                if c.long_only && (b.len() > 2 || !short_known(c.opts, b[1])) {
                    let r = long(c, a.add(1), b"-");
                    if r != NOT_LONG {
                        return r;
                    }
                }
            }
            st.next = 1;
            st.next_ind = *optind_p;
        }
        short(c, st)
    }
}

/// Whether `ch` is one of the short options of `opts`.
unsafe fn short_known(opts: *const c_char, ch: u8) -> bool {
    // SAFETY: opts is a C string.
    unsafe { ch != b':' && bytes(opts).contains(&ch) }
}

unsafe fn short(c: &mut Call, st: &mut State) -> c_int {
    // SAFETY: as getopt_impl; st.next indexes inside argv[optind].
    unsafe {
        let optind_p: *mut c_int = got!(optind);
        let optarg_p: *mut *mut c_char = got!(optarg);
        let optopt_p: *mut c_int = got!(optopt);
        let a = *c.argv.add(*optind_p as usize);
        let ch = *a.add(st.next) as u8;
        st.next += 1;
        let rest = st.next;
        let last = *a.add(rest) == 0;
        let spec = bytes(c.opts).iter().position(|&o| o == ch).filter(|_| ch != b':');
        let Some(pos) = spec else {
            if last {
                *optind_p += 1;
                st.next = 0;
            }
            *optopt_p = ch as c_int;
            if c.print {
                say(*c.argv, &[b": invalid option -- '", &[ch], b"'\n"]);
            }
            return b'?' as c_int;
        };
        let o = bytes(c.opts);
        if o.get(pos + 1) != Some(&b':') {
            if last {
                *optind_p += 1;
                st.next = 0;
            }
            return ch as c_int;
        }
        let optional = o.get(pos + 2) == Some(&b':');
        st.next = 0;
        if !last {
            // "-ofile": the rest of the word.
            *optarg_p = a.add(rest);
            *optind_p += 1;
        } else if optional {
            *optind_p += 1;
        } else if *optind_p + 1 < c.argc {
            *optarg_p = *c.argv.add(*optind_p as usize + 1);
            *optind_p += 2;
        } else {
            *optind_p += 1;
            *optopt_p = ch as c_int;
            if c.colon {
                return b':' as c_int;
            }
            if c.print {
                say(*c.argv, &[b": option requires an argument -- '", &[ch], b"'\n"]);
            }
            return b'?' as c_int;
        }
        ch as c_int
    }
}

/// `long` found no option of that name (getopt_long_only then tries short).
const NOT_LONG: c_int = c_int::MIN;

unsafe fn long(c: &mut Call, name: *mut c_char, prefix: &[u8]) -> c_int {
    // SAFETY: as getopt_impl; longopts ends with an all-zero entry.
    unsafe {
        let optind_p: *mut c_int = got!(optind);
        let optarg_p: *mut *mut c_char = got!(optarg);
        let optopt_p: *mut c_int = got!(optopt);
        let mut nlen = 0;
        while *name.add(nlen) != 0 && *name.add(nlen) != b'=' as c_char {
            nlen += 1;
        }
        // Exact match first, else the one option this is a prefix of.
        let (mut found, mut ambiguous) = (None::<usize>, false);
        let mut i = 0;
        loop {
            let o = &*c.longopts.add(i);
            if o.name.is_null() {
                break;
            }
            if strncmp(o.name, name, nlen) == 0 {
                if strlen(o.name) == nlen {
                    found = Some(i);
                    ambiguous = false;
                    break;
                }
                match found {
                    None => found = Some(i),
                    Some(f) => {
                        let p = &*c.longopts.add(f);
                        if p.has_arg != o.has_arg || p.flag != o.flag || p.val != o.val {
                            ambiguous = true;
                        }
                    }
                }
            }
            i += 1;
        }
        let word = bytes(name);
        if ambiguous {
            if c.print {
                say(*c.argv, &[b": option '", prefix, word, b"' is ambiguous; possibilities:"]);
                let mut i = 0;
                while !(*c.longopts.add(i)).name.is_null() {
                    let n = (*c.longopts.add(i)).name;
                    if strncmp(n, name, nlen) == 0 {
                        say(c"".as_ptr(), &[b" '", prefix, bytes(n), b"'"]);
                    }
                    i += 1;
                }
                say(c"".as_ptr(), &[b"\n"]);
            }
            *optind_p += 1;
            *optopt_p = 0;
            return b'?' as c_int;
        }
        let Some(f) = found else {
            // getopt_long_only falls back to short options for "-x...".
            if prefix == b"-" && short_known(c.opts, *name as u8) {
                return NOT_LONG;
            }
            if c.print {
                say(*c.argv, &[b": unrecognized option '", prefix, word, b"'\n"]);
            }
            *optind_p += 1;
            *optopt_p = 0;
            return b'?' as c_int;
        };
        let o = &*c.longopts.add(f);
        *optind_p += 1;
        if *name.add(nlen) == b'=' as c_char {
            if o.has_arg == NO_ARG {
                if c.print {
                    say(*c.argv, &[b": option '", prefix, bytes(o.name), b"' doesn't allow an argument\n"]);
                }
                *optopt_p = o.val;
                return b'?' as c_int;
            }
            *optarg_p = name.add(nlen + 1);
        } else if o.has_arg == REQUIRED {
            if *optind_p < c.argc {
                *optarg_p = *c.argv.add(*optind_p as usize);
                *optind_p += 1;
            } else {
                if c.print {
                    say(*c.argv, &[b": option '", prefix, bytes(o.name), b"' requires an argument\n"]);
                }
                *optopt_p = o.val;
                return if c.colon { b':' as c_int } else { b'?' as c_int };
            }
        }
        if !c.longindex.is_null() {
            *c.longindex = f as c_int;
        }
        if !o.flag.is_null() {
            *o.flag = o.val;
            return 0;
        }
        o.val
    }
}

unsafe fn run(argc: c_int, argv: *const *mut c_char, opts: *const c_char, lo: *const LongOption, idx: *mut c_int, long_only: bool) -> c_int {
    let mut c = Call { argc, argv: argv as *mut *mut c_char, opts, longopts: lo, longindex: idx, long_only, print: true, colon: false };
    // SAFETY: forwarded from the C caller.
    unsafe { getopt_impl(&mut c) }
}

/// POSIX `getopt` (GNU permutation as glibc; `+` or POSIXLY_CORRECT for strict order).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt(argc: c_int, argv: *const *mut c_char, opts: *const c_char) -> c_int {
    // SAFETY: forwarded.
    unsafe { run(argc, argv, opts, core::ptr::null(), null_mut(), false) }
}

/// GNU `getopt_long`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long(argc: c_int, argv: *const *mut c_char, opts: *const c_char, lo: *const LongOption, idx: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { run(argc, argv, opts, lo, idx, false) }
}

/// GNU `getopt_long_only`: "-name" is a long option too.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn getopt_long_only(argc: c_int, argv: *const *mut c_char, opts: *const c_char, lo: *const LongOption, idx: *mut c_int) -> c_int {
    // SAFETY: forwarded.
    unsafe { run(argc, argv, opts, lo, idx, true) }
}
