//! `<wordexp.h>`: shell word expansion, done here rather than by a shell:
//! quoting ('', "", \), tilde prefixes, parameters ($name, ${name} and the
//! forms :- - := = :+ + :? ? # % %% # ##; $# is 0, positional parameters are
//! empty, $$ the process id), arithmetic $((...)) over longs, command
//! substitution $(...) and `...` (run by /bin/sh -c; refused with
//! WRDE_CMDSUB under WRDE_NOCMD), field splitting with IFS, then pathname
//! expansion of unquoted pattern characters (a pattern that matches nothing
//! stays as written). Unquoted | & ; < > ( ) { } and newline are
//! WRDE_BADCHAR, as in glibc.
use alloc::vec::Vec;
use core::ffi::{c_char, c_int, CStr};

use crate::header::stdlib::malloc::{free, malloc, realloc};

const WRDE_DOOFFS: c_int = 1;
const WRDE_APPEND: c_int = 2;
const WRDE_NOCMD: c_int = 4;
const WRDE_REUSE: c_int = 8;
const WRDE_SHOWERR: c_int = 16;
const WRDE_UNDEF: c_int = 32;

const WRDE_NOSPACE: c_int = 1;
const WRDE_BADCHAR: c_int = 2;
const WRDE_BADVAL: c_int = 3;
const WRDE_CMDSUB: c_int = 4;
const WRDE_SYNTAX: c_int = 5;

/// `wordexp_t`.
#[repr(C)]
pub struct WordExp {
    we_wordc: usize,
    we_wordv: *mut *mut c_char,
    we_offs: usize,
}
static_assertions::const_assert_eq!(core::mem::size_of::<WordExp>(), 24);

type Res<T> = Result<T, c_int>;

fn getenv(name: &[u8]) -> Option<Vec<u8>> {
    let mut n = name.to_vec();
    n.push(0);
    // SAFETY: n is a C string; getenv returns NULL or a C string.
    let v = unsafe { crate::header::stdlib::env::getenv(n.as_ptr().cast()) };
    // SAFETY: as above.
    (!v.is_null()).then(|| unsafe { CStr::from_ptr(v) }.to_bytes().to_vec())
}

fn setenv(name: &[u8], value: &[u8]) {
    let (mut n, mut v) = (name.to_vec(), value.to_vec());
    n.push(0);
    v.push(0);
    // SAFETY: both are C strings.
    unsafe { crate::header::stdlib::env::setenv(n.as_ptr().cast(), v.as_ptr().cast(), 1) };
}

/// One field being built: its text, the same as a glob pattern (quoted
/// characters escaped) and whether an unquoted pattern character is in it.
#[derive(Default)]
struct Field {
    text: Vec<u8>,
    pat: Vec<u8>,
    magic: bool,
    started: bool,
}

impl Field {
    fn push(&mut self, c: u8, quoted: bool) {
        self.started = true;
        self.text.push(c);
        if quoted && matches!(c, b'*' | b'?' | b'[' | b'\\') {
            self.pat.push(b'\\');
        }
        if !quoted && matches!(c, b'*' | b'?' | b'[') {
            self.magic = true;
        }
        self.pat.push(c);
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    flags: c_int,
    ifs: Vec<u8>,
    fields: Vec<Vec<u8>>,
    cur: Field,
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}
fn is_name(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn end_field(&mut self) {
        let f = core::mem::take(&mut self.cur);
        if !f.started {
            return;
        }
        if f.magic {
            if let Some(m) = glob_matches(&f.pat) {
                self.fields.extend(m);
                return;
            }
        }
        self.fields.push(f.text);
    }

    /// Adds an expansion's result: split by IFS and globbed unless quoted.
    fn add_expansion(&mut self, v: &[u8], quoted: bool) {
        if quoted {
            self.cur.started = true;
            for &c in v {
                self.cur.push(c, true);
            }
            return;
        }
        let ifs = self.ifs.clone();
        let ws = |c: u8| ifs.contains(&c) && matches!(c, b' ' | b'\t' | b'\n');
        let mut i = 0;
        while i < v.len() {
            if !ifs.contains(&v[i]) {
                self.cur.push(v[i], false);
                i += 1;
                continue;
            }
            let mut nonws = false;
            while i < v.len() && ws(v[i]) {
                i += 1;
            }
            if i < v.len() && ifs.contains(&v[i]) && !ws(v[i]) {
                nonws = true;
                i += 1;
                while i < v.len() && ws(v[i]) {
                    i += 1;
                }
            }
            if nonws {
                self.cur.started = true;
            }
            self.end_field();
        }
    }

    /// The whole input, split into fields.
    fn run(&mut self) -> Res<()> {
        let mut word_start = true;
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' => {
                    self.i += 1;
                    self.end_field();
                    word_start = true;
                    continue;
                }
                b'\n' | b'|' | b'&' | b';' | b'<' | b'>' | b'(' | b')' | b'{' | b'}' => return Err(WRDE_BADCHAR),
                b'\\' => {
                    let Some(&n) = self.s.get(self.i + 1) else { return Err(WRDE_SYNTAX) };
                    self.i += 2;
                    if n != b'\n' {
                        self.cur.push(n, true);
                    }
                }
                b'\'' => {
                    self.i += 1;
                    let Some(end) = self.s[self.i..].iter().position(|&c| c == b'\'') else { return Err(WRDE_SYNTAX) };
                    self.cur.started = true;
                    for k in 0..end {
                        self.cur.push(self.s[self.i + k], true);
                    }
                    self.i += end + 1;
                }
                b'"' => {
                    self.i += 1;
                    self.cur.started = true;
                    self.double_quoted()?;
                }
                b'$' | b'`' => {
                    let v = self.dollar_or_backtick(false)?;
                    if let Some(v) = v {
                        self.add_expansion(&v, false);
                    }
                }
                b'~' if word_start => self.tilde(),
                _ => {
                    self.i += 1;
                    self.cur.push(c, false);
                }
            }
            word_start = false;
        }
        self.end_field();
        Ok(())
    }

    /// Inside "...": \ escapes only $ ` " \ and newline.
    fn double_quoted(&mut self) -> Res<()> {
        loop {
            let Some(c) = self.peek() else { return Err(WRDE_SYNTAX) };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' => {
                    let Some(&n) = self.s.get(self.i + 1) else { return Err(WRDE_SYNTAX) };
                    self.i += 2;
                    match n {
                        b'$' | b'`' | b'"' | b'\\' => self.cur.push(n, true),
                        b'\n' => {}
                        _ => {
                            self.cur.push(b'\\', true);
                            self.cur.push(n, true);
                        }
                    }
                }
                b'$' | b'`' => {
                    if let Some(v) = self.dollar_or_backtick(true)? {
                        self.add_expansion(&v, true);
                    }
                }
                _ => {
                    self.i += 1;
                    self.cur.push(c, true);
                }
            }
        }
    }

    /// `~` or `~user` up to the first '/', at the start of a word.
    fn tilde(&mut self) {
        let rest = &self.s[self.i + 1..];
        let len = rest.iter().position(|&c| matches!(c, b'/' | b' ' | b'\t')).unwrap_or(rest.len());
        let user = &rest[..len];
        if user.iter().any(|&c| matches!(c, b'\'' | b'"' | b'\\' | b'$' | b'`')) {
            self.i += 1;
            self.cur.push(b'~', false);
            return;
        }
        let home = if user.is_empty() { getenv(b"HOME").or_else(|| home_of(None)) } else { home_of(Some(user)) };
        match home {
            Some(h) => {
                self.i += 1 + len;
                self.cur.started = true;
                for c in h {
                    self.cur.push(c, true);
                }
            }
            None => {
                self.i += 1;
                self.cur.push(b'~', false);
            }
        }
    }

    /// A `$` expansion or a backtick command at `self.i`; None for no value
    /// (an unset parameter, which leaves no field when unquoted).
    fn dollar_or_backtick(&mut self, quoted: bool) -> Res<Option<Vec<u8>>> {
        if self.s[self.i] == b'`' {
            let start = self.i + 1;
            let mut k = start;
            let mut cmd = Vec::new();
            loop {
                match self.s.get(k) {
                    None => return Err(WRDE_SYNTAX),
                    Some(b'`') => break,
                    Some(b'\\') if matches!(self.s.get(k + 1), Some(b'$' | b'`' | b'\\')) => {
                        cmd.push(self.s[k + 1]);
                        k += 2;
                    }
                    Some(&c) => {
                        cmd.push(c);
                        k += 1;
                    }
                }
            }
            self.i = k + 1;
            return self.command(&cmd).map(Some);
        }
        self.i += 1;
        match self.peek() {
            Some(b'(') if self.s.get(self.i + 1) == Some(&b'(') => {
                let end = matching(self.s, self.i + 2, b'(', b')').ok_or(WRDE_SYNTAX)?;
                // "$((" ... "))": the inner text ends one before the outer ')'.
                if self.s.get(end + 1) != Some(&b')') {
                    return Err(WRDE_SYNTAX);
                }
                let expr = self.s[self.i + 2..end].to_vec();
                self.i = end + 2;
                let text = self.expand_text(&expr)?;
                let v = arith::eval(&text).ok_or(WRDE_SYNTAX)?;
                Ok(Some(alloc::format!("{v}").into_bytes()))
            }
            Some(b'(') => {
                let end = matching(self.s, self.i + 1, b'(', b')').ok_or(WRDE_SYNTAX)?;
                let cmd = self.s[self.i + 1..end].to_vec();
                self.i = end + 1;
                self.command(&cmd).map(Some)
            }
            Some(b'{') => {
                let end = matching(self.s, self.i + 1, b'{', b'}').ok_or(WRDE_SYNTAX)?;
                let body = self.s[self.i + 1..end].to_vec();
                self.i = end + 1;
                self.braced(&body, quoted)
            }
            Some(c) if is_name_start(c) => {
                let st = self.i;
                while self.peek().is_some_and(is_name) {
                    self.i += 1;
                }
                let name = self.s[st..self.i].to_vec();
                self.param(&name)
            }
            Some(c) if c.is_ascii_digit() || matches!(c, b'#' | b'$' | b'?' | b'@' | b'*' | b'!' | b'-') => {
                self.i += 1;
                self.special(c)
            }
            // A lone '$' is itself.
            _ => Ok(Some(b"$".to_vec())),
        }
    }

    fn special(&self, c: u8) -> Res<Option<Vec<u8>>> {
        Ok(match c {
            b'#' | b'?' => Some(b"0".to_vec()),
            b'$' => Some(alloc::format!("{}", crate::header::unistd::getpid()).into_bytes()),
            b'-' => Some(Vec::new()),
            // No positional parameters, no background job.
            _ if self.flags & WRDE_UNDEF != 0 => return Err(WRDE_BADVAL),
            _ => None,
        })
    }

    fn param(&self, name: &[u8]) -> Res<Option<Vec<u8>>> {
        match getenv(name) {
            None if self.flags & WRDE_UNDEF != 0 => Err(WRDE_BADVAL),
            v => Ok(v),
        }
    }

    /// `${...}` with its operators.
    fn braced(&mut self, body: &[u8], _quoted: bool) -> Res<Option<Vec<u8>>> {
        if body.first() == Some(&b'#') && body.len() > 1 {
            let name = &body[1..];
            if !name.iter().all(|&c| is_name(c)) {
                return Err(WRDE_SYNTAX);
            }
            let v = self.param(name)?.unwrap_or_default();
            return Ok(Some(alloc::format!("{}", v.len()).into_bytes()));
        }
        let n = body.iter().position(|&c| !is_name(c)).unwrap_or(body.len());
        let (name, rest) = if n == 0 && body.first().is_some_and(|c| c.is_ascii_digit() || matches!(c, b'#' | b'$' | b'?' | b'@' | b'*' | b'!' | b'-')) { body.split_at(1) } else { body.split_at(n) };
        if name.is_empty() || (!is_name_start(name[0]) && name.len() > 1) {
            return Err(WRDE_SYNTAX);
        }
        let value = || if is_name_start(name[0]) { getenv(name) } else { self.special(name[0]).ok().flatten() };
        if rest.is_empty() {
            return if is_name_start(name[0]) { self.param(name) } else { self.special(name[0]) };
        }
        let (colon, op, word) = if rest[0] == b':' && rest.len() > 1 { (true, rest[1], &rest[2..]) } else { (false, rest[0], &rest[1..]) };
        let v = value();
        let set = if colon { v.as_ref().is_some_and(|v| !v.is_empty()) } else { v.is_some() };
        match op {
            b'-' => if set { Ok(v) } else { self.expand_text(word).map(Some) },
            b'=' => {
                if set {
                    return Ok(v);
                }
                if !is_name_start(name[0]) {
                    return Err(WRDE_SYNTAX);
                }
                let w = self.expand_text(word)?;
                setenv(name, &w);
                Ok(Some(w))
            }
            b'+' => if set { self.expand_text(word).map(Some) } else { Ok(None) },
            b'?' => {
                if set {
                    return Ok(v);
                }
                // As a shell would, the message goes to stderr.
                let w = self.expand_text(word)?;
                let msg: &[u8] = if w.is_empty() { b"parameter null or not set" } else { &w };
                use crate::header::stdio::file::write_bytes;
                // SAFETY: stderr is the library's stream, locked here.
                unsafe {
                    let f = crate::header::stdio::file::stderr;
                    let _l = crate::header::stdio::file::FileLock::new(f);
                    write_bytes(f, name.as_ptr(), name.len());
                    write_bytes(f, b": ".as_ptr(), 2);
                    write_bytes(f, msg.as_ptr(), msg.len());
                    write_bytes(f, b"\n".as_ptr(), 1);
                }
                Err(WRDE_BADVAL)
            }
            b'%' | b'#' if !colon => {
                let (longest, pat) = if word.first() == Some(&op) { (true, &word[1..]) } else { (false, word) };
                let pat = self.expand_text(pat)?;
                let v = match v {
                    None if self.flags & WRDE_UNDEF != 0 => return Err(WRDE_BADVAL),
                    None => return Ok(None),
                    Some(v) => v,
                };
                Ok(Some(strip(&v, &pat, op == b'#', longest)))
            }
            _ => Err(WRDE_SYNTAX),
        }
    }

    /// `text` with quotes removed and parameters, arithmetic and commands
    /// expanded, as one string (the word of ${x:-word}, an arithmetic body).
    fn expand_text(&mut self, text: &[u8]) -> Res<Vec<u8>> {
        let mut p = Parser { s: text, i: 0, flags: self.flags, ifs: Vec::new(), fields: Vec::new(), cur: Field::default() };
        let mut out = Vec::new();
        while let Some(c) = p.peek() {
            match c {
                b'\\' => {
                    let Some(&n) = text.get(p.i + 1) else { return Err(WRDE_SYNTAX) };
                    out.push(n);
                    p.i += 2;
                }
                b'\'' => {
                    p.i += 1;
                    let end = text[p.i..].iter().position(|&c| c == b'\'').ok_or(WRDE_SYNTAX)?;
                    out.extend_from_slice(&text[p.i..p.i + end]);
                    p.i += end + 1;
                }
                b'"' => {
                    p.i += 1;
                    p.double_quoted()?;
                    out.extend_from_slice(&core::mem::take(&mut p.cur).text);
                }
                b'$' | b'`' => {
                    if let Some(v) = p.dollar_or_backtick(true)? {
                        out.extend_from_slice(&v);
                    }
                }
                _ => {
                    out.push(c);
                    p.i += 1;
                }
            }
        }
        Ok(out)
    }

    /// Output of `/bin/sh -c cmd`, trailing newlines removed.
    fn command(&self, cmd: &[u8]) -> Res<Vec<u8>> {
        if self.flags & WRDE_NOCMD != 0 {
            return Err(WRDE_CMDSUB);
        }
        run_command(cmd, self.flags & WRDE_SHOWERR != 0).ok_or(WRDE_NOSPACE)
    }
}

/// The index of the bracket closing the one opened before `from`, skipping
/// quoted text and nested pairs.
fn matching(s: &[u8], from: usize, open: u8, close: u8) -> Option<usize> {
    let mut depth = 0;
    let mut i = from;
    while i < s.len() {
        match s[i] {
            b'\\' => i += 1,
            b'\'' => i += s[i + 1..].iter().position(|&c| c == b'\'')? + 1,
            c if c == open => depth += 1,
            c if c == close => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// ${v#pat} (prefix) or ${v%pat} (suffix), shortest or longest match.
fn strip(v: &[u8], pat: &[u8], prefix: bool, longest: bool) -> Vec<u8> {
    let n = v.len();
    let m = |s: &[u8]| crate::header::fnmatch::matches(pat, s, 0);
    let lens: Vec<usize> = if longest { (0..=n).rev().collect() } else { (0..=n).collect() };
    for k in lens {
        if prefix && m(&v[..k]) {
            return v[k..].to_vec();
        }
        if !prefix && m(&v[n - k..]) {
            return v[..n - k].to_vec();
        }
    }
    v.to_vec()
}

/// The sorted pathname matches of `pat`, or None when nothing matches.
fn glob_matches(pat: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut p = pat.to_vec();
    p.push(0);
    // SAFETY: an all-zero glob_t is the state glob expects without GLOB_APPEND.
    let mut g: crate::header::glob::Glob = unsafe { core::mem::zeroed() };
    // SAFETY: p is a C string and g a glob_t.
    if unsafe { crate::header::glob::glob(p.as_ptr().cast(), 0, None, &mut g) } != 0 {
        // SAFETY: g is ours (globfree accepts a failed glob's state).
        unsafe { crate::header::glob::globfree(&mut g) };
        return None;
    }
    let out = g.paths();
    // SAFETY: g was filled by glob.
    unsafe { crate::header::glob::globfree(&mut g) };
    Some(out)
}

fn home_of(user: Option<&[u8]>) -> Option<Vec<u8>> {
    use crate::header::pwd::{getpwnam_r, getpwuid_r, Passwd};
    let mut buf = alloc::vec![0 as c_char; 4096];
    let mut pw = core::mem::MaybeUninit::<Passwd>::uninit();
    let mut res: *mut Passwd = core::ptr::null_mut();
    // SAFETY: our buffers with their sizes.
    let r = unsafe {
        match user {
            Some(u) => {
                let mut n = u.to_vec();
                n.push(0);
                getpwnam_r(n.as_ptr().cast(), pw.as_mut_ptr(), buf.as_mut_ptr(), buf.len(), &mut res)
            }
            None => getpwuid_r(rustix::process::getuid().as_raw(), pw.as_mut_ptr(), buf.as_mut_ptr(), buf.len(), &mut res),
        }
    };
    if r != 0 || res.is_null() {
        return None;
    }
    // SAFETY: getpw*_r filled *res with C strings in buf.
    Some(unsafe { CStr::from_ptr((*res).pw_dir) }.to_bytes().to_vec())
}

/// Runs `/bin/sh -c cmd` with stdout to a pipe (stderr to /dev/null unless
/// `show_err`); its output without trailing newlines.
fn run_command(cmd: &[u8], show_err: bool) -> Option<Vec<u8>> {
    use crate::header::unistd::{close, dup2, execve, fork, pipe2, waitpid};
    let mut c = cmd.to_vec();
    c.push(0);
    let mut fds = [0 as c_int; 2];
    // SAFETY: fds has two ints.
    if unsafe { pipe2(fds.as_mut_ptr(), 0o2000000) } < 0 {
        return None;
    }
    let pid = fork();
    if pid < 0 {
        close(fds[0]);
        close(fds[1]);
        return None;
    }
    if pid == 0 {
        dup2(fds[1], 1);
        if !show_err {
            // SAFETY: a constant C string.
            let null = unsafe { crate::header::fcntl::open(c"/dev/null".as_ptr(), 1, 0) };
            if null >= 0 {
                dup2(null, 2);
            }
        }
        let argv = [c"sh".as_ptr(), c"-c".as_ptr(), c.as_ptr().cast(), core::ptr::null()];
        // SAFETY: a valid argv; on failure we only _exit.
        unsafe { execve(c"/bin/sh".as_ptr(), argv.as_ptr(), crate::start::env() as _) };
        crate::header::stdlib::exit::_exit(127);
    }
    close(fds[1]);
    let mut out = Vec::new();
    let mut b = [0u8; 512];
    loop {
        match rustix::io::read(crate::header::unistd::bfd(fds[0]), &mut b) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&b[..n]),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => break,
        }
    }
    close(fds[0]);
    let mut st = 0;
    // SAFETY: our child and a status int.
    while unsafe { waitpid(pid, &mut st, 0) } < 0 && crate::thread::area::errno() == 4 {}
    while out.last() == Some(&b'\n') {
        out.pop();
    }
    Some(out)
}

mod arith;

/// Stores `words` into `we` (after its offsets, appending when asked).
unsafe fn store(we: &mut WordExp, words: Vec<Vec<u8>>, flags: c_int) -> c_int {
    let offs = if flags & WRDE_DOOFFS != 0 { we.we_offs } else { 0 };
    let old = if flags & WRDE_APPEND != 0 { we.we_wordc } else { 0 };
    let old_v = if flags & WRDE_APPEND != 0 { we.we_wordv } else { core::ptr::null_mut() };
    let total = offs + old + words.len() + 1;
    // SAFETY: old_v is NULL or our earlier array.
    let v = unsafe { realloc(old_v.cast(), total * core::mem::size_of::<*mut c_char>()) }.cast::<*mut c_char>();
    if v.is_null() {
        return WRDE_NOSPACE;
    }
    // SAFETY: v has `total` slots.
    unsafe {
        if old_v.is_null() {
            for i in 0..offs {
                *v.add(i) = core::ptr::null_mut();
            }
        }
        for (k, w) in words.iter().enumerate() {
            let s = malloc(w.len() + 1).cast::<u8>();
            if s.is_null() {
                *v.add(offs + old + k) = core::ptr::null_mut();
                we.we_wordv = v;
                we.we_wordc = old + k;
                return WRDE_NOSPACE;
            }
            core::ptr::copy_nonoverlapping(w.as_ptr(), s, w.len());
            *s.add(w.len()) = 0;
            *v.add(offs + old + k) = s.cast();
        }
        *v.add(total - 1) = core::ptr::null_mut();
    }
    we.we_wordv = v;
    we.we_wordc = old + words.len();
    if flags & WRDE_DOOFFS == 0 {
        we.we_offs = 0;
    }
    0
}

/// POSIX `wordexp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wordexp(words: *const c_char, we: *mut WordExp, flags: c_int) -> c_int {
    // SAFETY: words is a C string and we a wordexp_t (C contract).
    let (s, we) = unsafe { (CStr::from_ptr(words).to_bytes(), &mut *we) };
    if flags & WRDE_REUSE != 0 && flags & WRDE_APPEND == 0 {
        // SAFETY: the caller's earlier wordexp result.
        unsafe { wordfree(we) };
    }
    let ifs = getenv(b"IFS").unwrap_or_else(|| b" \t\n".to_vec());
    let mut p = Parser { s, i: 0, flags, ifs, fields: Vec::new(), cur: Field::default() };
    if let Err(e) = p.run() {
        return e;
    }
    // SAFETY: we is the caller's, its old array ours when appending.
    unsafe { store(we, p.fields, flags) }
}

/// POSIX `wordfree`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wordfree(we: *mut WordExp) {
    // SAFETY: we was filled by wordexp.
    unsafe {
        let we = &mut *we;
        if we.we_wordv.is_null() {
            return;
        }
        for i in 0..we.we_wordc {
            free((*we.we_wordv.add(we.we_offs + i)).cast());
        }
        free(we.we_wordv.cast());
        we.we_wordv = core::ptr::null_mut();
        we.we_wordc = 0;
    }
}
