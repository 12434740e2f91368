//! `<fts.h>`: BSD file hierarchy traversal (fts_open/read/children/set/close).
//!
//! Directories are visited in pre-order (FTS_D) and again in post-order
//! (FTS_DP); an unreadable one comes back as FTS_DNR instead, a directory that
//! is its own ancestor as FTS_DC (not entered). Children are listed in
//! directory order, or sorted with the caller's comparator.
//!
//! vibix never changes the working directory for the walk (every stream works
//! as with FTS_NOCHDIR): `fts_accpath` is always the whole path, which reaches
//! the file from the caller's working directory. Each entry has its own
//! `fts_path` string; entries of a directory are freed once the walk leaves it.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, c_long, c_ushort, c_void, CStr};
use core::ptr::null_mut;

use crate::header::stdlib::malloc::{free, malloc};
use crate::header::sys::stat::Stat;
use crate::thread::area::set_errno;

const FTS_COMFOLLOW: c_int = 0x0001;
const FTS_LOGICAL: c_int = 0x0002;
const FTS_NOSTAT: c_int = 0x0008;
const FTS_SEEDOT: c_int = 0x0020;
const FTS_XDEV: c_int = 0x0040;
const FTS_OPTIONMASK: c_int = 0x00ff;
const FTS_NAMEONLY: c_int = 0x0100;

const FTS_D: c_ushort = 1;
const FTS_DC: c_ushort = 2;
const FTS_DEFAULT: c_ushort = 3;
const FTS_DNR: c_ushort = 4;
const FTS_DOT: c_ushort = 5;
const FTS_DP: c_ushort = 6;
const FTS_F: c_ushort = 8;
const FTS_NS: c_ushort = 10;
const FTS_NSOK: c_ushort = 11;
const FTS_SL: c_ushort = 12;
const FTS_SLNONE: c_ushort = 13;

const FTS_AGAIN: c_int = 1;
const FTS_FOLLOW: c_int = 2;
const FTS_NOINSTR: c_int = 3;
const FTS_SKIP: c_int = 4;

const EINVAL: c_int = 22;
const ENOMEM: c_int = 12;

/// glibc's `FTSENT`.
#[repr(C)]
pub struct Ent {
    fts_cycle: *mut Ent,
    fts_parent: *mut Ent,
    fts_link: *mut Ent,
    fts_number: c_long,
    fts_pointer: *mut c_void,
    fts_accpath: *mut c_char,
    fts_path: *mut c_char,
    fts_errno: c_int,
    fts_symfd: c_int,
    fts_pathlen: c_ushort,
    fts_namelen: c_ushort,
    fts_ino: u64,
    fts_dev: u64,
    fts_nlink: u64,
    fts_level: i16,
    fts_info: c_ushort,
    fts_flags: c_ushort,
    fts_instr: c_ushort,
    fts_statp: *mut Stat,
    fts_name: [c_char; 1],
}
static_assertions::const_assert_eq!(core::mem::offset_of!(Ent, fts_ino), 72);
static_assertions::const_assert_eq!(core::mem::offset_of!(Ent, fts_level), 96);
static_assertions::const_assert_eq!(core::mem::offset_of!(Ent, fts_statp), 104);
static_assertions::const_assert_eq!(core::mem::offset_of!(Ent, fts_name), 112);

type Compar = Option<unsafe extern "C" fn(*const *const Ent, *const *const Ent) -> c_int>;

/// glibc's `FTS`.
#[repr(C)]
pub struct Fts {
    fts_cur: *mut Ent,
    fts_child: *mut Ent,
    fts_array: *mut *mut Ent,
    fts_dev: u64,
    fts_path: *mut c_char,
    fts_rfd: c_int,
    fts_pathlen: c_int,
    fts_nitems: c_int,
    fts_compar: Compar,
    fts_options: c_int,
}
static_assertions::const_assert_eq!(core::mem::size_of::<Fts>(), 72);

/// The stream: the C-visible `FTS` first, then our state.
#[repr(C)]
struct Stream {
    fts: Fts,
    /// The parent of the roots (level -1), whose `fts_link` is the root list.
    top: *mut Ent,
    /// fts_read has not returned anything yet.
    fresh: bool,
    /// The child lists of the directories being walked, outermost first.
    open: Vec<*mut Ent>,
}

/// A new entry for `path` whose last component is `path[base..]`.
fn new_ent(path: &[u8], base: usize, parent: *mut Ent, level: i16) -> *mut Ent {
    let name = &path[base..];
    let size = core::mem::offset_of!(Ent, fts_name) + name.len() + 1;
    let e = malloc(size).cast::<Ent>();
    let p = malloc(path.len() + 1).cast::<u8>();
    let st = malloc(core::mem::size_of::<Stat>()).cast::<Stat>();
    if e.is_null() || p.is_null() || st.is_null() {
        // SAFETY: our blocks or NULL.
        unsafe {
            free(e.cast());
            free(p.cast());
            free(st.cast());
        }
        return null_mut();
    }
    // SAFETY: fresh blocks of the sizes computed above.
    unsafe {
        core::ptr::copy_nonoverlapping(path.as_ptr(), p, path.len());
        *p.add(path.len()) = 0;
        core::ptr::write_bytes(st.cast::<u8>(), 0, core::mem::size_of::<Stat>());
        e.write(Ent {
            fts_cycle: null_mut(),
            fts_parent: parent,
            fts_link: null_mut(),
            fts_number: 0,
            fts_pointer: null_mut(),
            fts_accpath: p.cast(),
            fts_path: p.cast(),
            fts_errno: 0,
            fts_symfd: -1,
            fts_pathlen: path.len().min(u16::MAX as usize) as c_ushort,
            fts_namelen: name.len().min(u16::MAX as usize) as c_ushort,
            fts_ino: 0,
            fts_dev: 0,
            fts_nlink: 0,
            fts_level: level,
            fts_info: FTS_NSOK,
            fts_flags: 0,
            fts_instr: FTS_NOINSTR as c_ushort,
            fts_statp: st,
            fts_name: [0],
        });
        let n = core::ptr::addr_of_mut!((*e).fts_name).cast::<u8>();
        core::ptr::copy_nonoverlapping(name.as_ptr(), n, name.len());
        *n.add(name.len()) = 0;
    }
    e
}

/// Frees one entry (not its children or siblings).
unsafe fn free_ent(e: *mut Ent) {
    // SAFETY: e came from new_ent.
    unsafe {
        free((*e).fts_path.cast());
        free((*e).fts_statp.cast());
        free(e.cast());
    }
}

/// Frees a sibling list.
unsafe fn free_list(mut e: *mut Ent) {
    while !e.is_null() {
        // SAFETY: a list of new_ent entries.
        let next = unsafe { (*e).fts_link };
        unsafe { free_ent(e) };
        e = next;
    }
}

/// Stats entry `e` (following links when `follow`) and sets its info.
unsafe fn set_info(e: *mut Ent, follow: bool, dot: bool) {
    // SAFETY: e is a live entry with a C string path.
    let e = unsafe { &mut *e };
    let path = unsafe { CStr::from_ptr(e.fts_path) }.to_bytes();
    let r = if follow { rustix::fs::stat(path) } else { rustix::fs::lstat(path) };
    let s = match r {
        Ok(s) => s,
        Err(err) => {
            if follow {
                if let Ok(l) = rustix::fs::lstat(path) {
                    put(e, &l);
                    e.fts_info = FTS_SLNONE;
                    return;
                }
            }
            e.fts_errno = err.raw_os_error();
            e.fts_info = FTS_NS;
            return;
        }
    };
    put(e, &s);
    e.fts_errno = 0;
    e.fts_info = match s.st_mode & 0o170000 {
        0o040000 if dot => FTS_DOT,
        0o040000 => {
            // A directory that is one of its ancestors: a cycle.
            let mut a = e.fts_parent;
            // SAFETY: the parent chain holds live entries up to the top (level -1).
            while !a.is_null() && unsafe { (*a).fts_level } >= 0 {
                if unsafe { (*a).fts_dev == s.st_dev && (*a).fts_ino == s.st_ino } {
                    e.fts_cycle = a;
                    break;
                }
                a = unsafe { (*a).fts_parent };
            }
            if e.fts_cycle.is_null() { FTS_D } else { FTS_DC }
        }
        0o120000 => FTS_SL,
        0o100000 => FTS_F,
        _ => FTS_DEFAULT,
    };
}

fn put(e: &mut Ent, s: &rustix::fs::Stat) {
    e.fts_dev = s.st_dev;
    e.fts_ino = s.st_ino;
    e.fts_nlink = s.st_nlink;
    // SAFETY: rustix's Stat is the kernel's struct stat, our Stat's 144 bytes; statp is ours.
    unsafe { core::ptr::copy_nonoverlapping((s as *const rustix::fs::Stat).cast::<u8>(), e.fts_statp.cast::<u8>(), 144) };
}

/// Sorts a sibling list with the stream's comparator and relinks it.
unsafe fn sort(head: *mut Ent, compar: Compar) -> *mut Ent {
    let Some(c) = compar else { return head };
    let mut v: Vec<*mut Ent> = Vec::new();
    let mut e = head;
    while !e.is_null() {
        v.push(e);
        // SAFETY: a live list.
        e = unsafe { (*e).fts_link };
    }
    // SAFETY: the comparator gets pointers to two entry pointers, as fts_open's contract says.
    v.sort_by(|a, b| unsafe { c((a as *const *mut Ent).cast(), (b as *const *mut Ent).cast()) }.cmp(&0));
    for w in v.windows(2) {
        // SAFETY: live entries.
        unsafe { (*w[0]).fts_link = w[1] };
    }
    let last = *v.last().unwrap_or(&null_mut());
    if !last.is_null() {
        // SAFETY: a live entry.
        unsafe { (*last).fts_link = null_mut() };
    }
    v.first().copied().unwrap_or(null_mut())
}

/// The children of directory `dir` as a (sorted) list; NULL for none, with
/// `dir.fts_info` FTS_DNR and `fts_errno` set when it cannot be read.
unsafe fn build(s: &mut Stream, dir: *mut Ent, name_only: bool) -> *mut Ent {
    // SAFETY: dir is a live entry.
    let d = unsafe { &mut *dir };
    let dpath = unsafe { CStr::from_ptr(d.fts_path) }.to_bytes().to_vec();
    use rustix::fs::{Mode, OFlags};
    let names = rustix::fs::open(&dpath[..], OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC, Mode::empty()).and_then(|fd| {
        let mut rd = rustix::fs::Dir::read_from(&fd)?;
        let mut out = Vec::new();
        while let Some(e) = rd.next() {
            let e = e?;
            out.push((e.file_name().to_bytes().to_vec(), e.file_type()));
        }
        Ok(out)
    });
    let names = match names {
        Ok(n) => n,
        Err(e) => {
            d.fts_info = FTS_DNR;
            d.fts_errno = e.raw_os_error();
            return null_mut();
        }
    };
    let opts = s.fts.fts_options;
    let mut head: *mut Ent = null_mut();
    let mut tail: *mut Ent = null_mut();
    for (name, ty) in names {
        let dot = name == b"." || name == b"..";
        if dot && opts & FTS_SEEDOT == 0 {
            continue;
        }
        let mut path = dpath.clone();
        if path.last() != Some(&b'/') {
            path.push(b'/');
        }
        let base = path.len();
        path.extend_from_slice(&name);
        let e = new_ent(&path, base, dir, d.fts_level + 1);
        if e.is_null() {
            // SAFETY: our list.
            unsafe { free_list(head) };
            set_errno(ENOMEM);
            return null_mut();
        }
        let dir_like = ty == rustix::fs::FileType::Directory || ty == rustix::fs::FileType::Unknown;
        if !(name_only || (opts & FTS_NOSTAT != 0 && !dir_like)) {
            // SAFETY: e is a fresh entry.
            unsafe { set_info(e, opts & FTS_LOGICAL != 0, dot) };
        }
        if tail.is_null() {
            head = e;
        } else {
            // SAFETY: tail is live.
            unsafe { (*tail).fts_link = e };
        }
        tail = e;
    }
    // SAFETY: our list.
    unsafe { sort(head, s.fts.fts_compar) }
}

/// `fts_open`: a stream over the NULL-terminated path list `argv`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_open(argv: *const *mut c_char, options: c_int, compar: Compar) -> *mut Fts {
    if options & !FTS_OPTIONMASK != 0 || argv.is_null() {
        set_errno(EINVAL);
        return null_mut();
    }
    let s = malloc(core::mem::size_of::<Stream>()).cast::<Stream>();
    let top = new_ent(b"", 0, null_mut(), -1);
    if s.is_null() || top.is_null() {
        // SAFETY: our blocks or NULL.
        unsafe {
            free(s.cast());
            if !top.is_null() {
                free_ent(top);
            }
        }
        set_errno(ENOMEM);
        return null_mut();
    }
    // SAFETY: fresh block of Stream's size.
    unsafe {
        s.write(Stream {
            fts: Fts { fts_cur: null_mut(), fts_child: null_mut(), fts_array: null_mut(), fts_dev: 0, fts_path: null_mut(), fts_rfd: -1, fts_pathlen: 0, fts_nitems: 0, fts_compar: compar, fts_options: options },
            top,
            fresh: true,
            open: Vec::new(),
        })
    };
    let st = unsafe { &mut *s };
    let mut head: *mut Ent = null_mut();
    let mut tail: *mut Ent = null_mut();
    let mut i = 0;
    // SAFETY: argv is a NULL-terminated array of C strings.
    while !unsafe { *argv.add(i) }.is_null() {
        let p = unsafe { CStr::from_ptr(*argv.add(i)) }.to_bytes();
        i += 1;
        // A root's name is the whole argument until the walk reaches it (load_root).
        let e = new_ent(p, 0, top, 0);
        if e.is_null() {
            // SAFETY: our lists and stream.
            unsafe {
                free_list(head);
                free_ent(top);
                free(s.cast());
            }
            set_errno(ENOMEM);
            return null_mut();
        }
        if p.is_empty() {
            // SAFETY: a fresh entry.
            unsafe {
                (*e).fts_info = FTS_NS;
                (*e).fts_errno = 2; // ENOENT
            }
        } else {
            // SAFETY: a fresh entry.
            unsafe { set_info(e, options & (FTS_LOGICAL | FTS_COMFOLLOW) != 0, false) };
        }
        if tail.is_null() {
            head = e;
        } else {
            // SAFETY: tail is live.
            unsafe { (*tail).fts_link = e };
        }
        tail = e;
    }
    // SAFETY: our list and entries.
    unsafe {
        head = sort(head, compar);
        (*top).fts_link = head;
        if !head.is_null() {
            st.fts.fts_dev = (*head).fts_dev;
        }
    }
    s.cast()
}

/// The device of the root `e` descends from.
unsafe fn root_dev(mut e: *mut Ent) -> u64 {
    // SAFETY: the parent chain of a live entry is live up to its root.
    unsafe {
        while (*e).fts_level > 0 {
            e = (*e).fts_parent;
        }
        (*e).fts_dev
    }
}

/// A root reached by the walk: its name becomes the last component (after the
/// last '/', unless that is the only character), as BSD's fts does.
unsafe fn load_root(e: *mut Ent) -> *mut Ent {
    if e.is_null() {
        return e;
    }
    // SAFETY: e is a live root entry; its name shrinks in place.
    unsafe {
        let n = core::ptr::addr_of_mut!((*e).fts_name).cast::<u8>();
        let len = CStr::from_ptr(n.cast()).to_bytes().len();
        let name = core::slice::from_raw_parts(n, len);
        if let Some(k) = name.iter().rposition(|&c| c == b'/') {
            if k != 0 || len > 1 {
                let rest = len - k - 1;
                core::ptr::copy(n.add(k + 1), n, rest);
                *n.add(rest) = 0;
                (*e).fts_namelen = rest as c_ushort;
            }
        }
    }
    e
}

/// `fts_read`: the next entry of the walk, or NULL at its end (errno 0) or on
/// an error (errno set).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_read(f: *mut Fts) -> *mut Ent {
    // SAFETY: f came from fts_open (Stream starts with Fts).
    let s = unsafe { &mut *f.cast::<Stream>() };
    let logical = s.fts.fts_options & FTS_LOGICAL != 0;
    if s.fresh {
        s.fresh = false;
        // SAFETY: top is live.
        let first = unsafe { load_root((*s.top).fts_link) };
        s.fts.fts_cur = first;
        if !first.is_null() {
            // fts_children before the first read listed the roots themselves.
            s.fts.fts_child = null_mut();
        }
        return first;
    }
    let p = s.fts.fts_cur;
    if p.is_null() {
        return null_mut();
    }
    // SAFETY: p and every entry reached from it are live until freed below.
    unsafe {
        let instr = (*p).fts_instr as c_int;
        (*p).fts_instr = FTS_NOINSTR as c_ushort;
        if instr == FTS_AGAIN {
            set_info(p, logical || ((*p).fts_level == 0 && s.fts.fts_options & FTS_COMFOLLOW != 0), false);
            return p;
        }
        if instr == FTS_FOLLOW && ((*p).fts_info == FTS_SL || (*p).fts_info == FTS_SLNONE) {
            set_info(p, true, false);
            return p;
        }
        if (*p).fts_info == FTS_D {
            if instr == FTS_SKIP || (s.fts.fts_options & FTS_XDEV != 0 && (*p).fts_dev != root_dev(p)) {
                free_list(s.fts.fts_child);
                s.fts.fts_child = null_mut();
                (*p).fts_info = FTS_DP;
                return p;
            }
            let kids = if !s.fts.fts_child.is_null() {
                let k = s.fts.fts_child;
                s.fts.fts_child = null_mut();
                // fts_children may have listed names only: stat them now.
                let mut e = k;
                while !e.is_null() {
                    if (*e).fts_info == FTS_NSOK && s.fts.fts_options & FTS_NOSTAT == 0 {
                        let n = CStr::from_ptr(core::ptr::addr_of!((*e).fts_name).cast()).to_bytes();
                        set_info(e, logical, n == b"." || n == b"..");
                    }
                    e = (*e).fts_link;
                }
                k
            } else {
                build(s, p, false)
            };
            if kids.is_null() {
                if (*p).fts_info != FTS_DNR {
                    (*p).fts_info = FTS_DP;
                }
                return p;
            }
            s.open.push(kids);
            s.fts.fts_cur = kids;
            return kids;
        }
        // Next sibling, or back up to the parent for its post-order visit.
        let next = (*p).fts_link;
        if !next.is_null() {
            s.fts.fts_cur = next;
            return if (*next).fts_level == 0 { load_root(next) } else { next };
        }
        let parent = (*p).fts_parent;
        if parent.is_null() || (*parent).fts_level < 0 {
            s.fts.fts_cur = null_mut();
            set_errno(0);
            return null_mut();
        }
        // Leaving the parent: its children are finished.
        if let Some(kids) = s.open.pop() {
            free_list(kids);
        }
        (*parent).fts_info = FTS_DP;
        s.fts.fts_cur = parent;
        parent
    }
}

/// `fts_children`: the children of the entry fts_read returned last (the roots
/// before the first fts_read), or NULL (errno 0 when there are none).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_children(f: *mut Fts, options: c_int) -> *mut Ent {
    if options != 0 && options != FTS_NAMEONLY {
        set_errno(EINVAL);
        return null_mut();
    }
    // SAFETY: f came from fts_open.
    let s = unsafe { &mut *f.cast::<Stream>() };
    if s.fresh {
        // SAFETY: top is live.
        return unsafe { (*s.top).fts_link };
    }
    let p = s.fts.fts_cur;
    // SAFETY: p is the live current entry.
    if p.is_null() || unsafe { (*p).fts_info } != FTS_D {
        set_errno(0);
        return null_mut();
    }
    // SAFETY: our list and the current entry.
    unsafe {
        free_list(s.fts.fts_child);
        s.fts.fts_child = build(s, p, options == FTS_NAMEONLY);
        if s.fts.fts_child.is_null() {
            set_errno(0);
        }
        s.fts.fts_child
    }
}

/// `fts_set`: the instruction for `e`'s next fts_read (FTS_AGAIN, FTS_FOLLOW,
/// FTS_NOINSTR, FTS_SKIP).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_set(_f: *mut Fts, e: *mut Ent, instr: c_int) -> c_int {
    if !matches!(instr, 0 | FTS_AGAIN | FTS_FOLLOW | FTS_NOINSTR | FTS_SKIP) {
        set_errno(EINVAL);
        return -1;
    }
    // SAFETY: e is a live entry of the stream.
    unsafe { (*e).fts_instr = instr as c_ushort };
    0
}

/// `fts_close`: frees the stream and every entry.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fts_close(f: *mut Fts) -> c_int {
    // SAFETY: f came from fts_open; nothing of it is used afterwards.
    unsafe {
        let s = &mut *f.cast::<Stream>();
        free_list(s.fts.fts_child);
        for kids in core::mem::take(&mut s.open) {
            free_list(kids);
        }
        free_list((*s.top).fts_link);
        free_ent(s.top);
        core::ptr::drop_in_place(s as *mut Stream);
        free(f.cast());
    }
    0
}
