//! ld-vibix's library search, shared with vibix-readelf `--bindings` so both
//! find the same file: glibc soname aliases, `$ORIGIN`/`$LIB` expansion and the
//! order of search directories. No allocation: paths are built in a caller buffer.

use core::mem::MaybeUninit;
use vibix_abi::SONAME_ALIASES;

/// The last resort after every other source.
pub const SYSTEM_DIRS: &[u8] = b"/lib:/usr/lib";

fn served_by(name: &[u8]) -> Option<&'static str> {
    SONAME_ALIASES.iter().find(|(from, _)| from.as_bytes() == name).map(|&(_, to)| to)
}

/// `name` after applying the glibc soname aliases of vibix-abi.
pub fn alias(name: &[u8]) -> &[u8] {
    served_by(name).map_or(name, str::as_bytes)
}

/// [`alias`] for `str` names.
pub fn alias_str(name: &str) -> &str {
    served_by(name.as_bytes()).unwrap_or(name)
}

/// The directory part of `path`: "/" for "/x", "." without a slash.
pub fn dirname(path: &[u8]) -> &[u8] {
    match path.iter().rposition(|&c| c == b'/') {
        Some(0) => b"/",
        Some(i) => &path[..i],
        None => b".",
    }
}

/// The names in an LD_PRELOAD list (separated by colons or spaces), in load
/// order: they come right after the program in the global scope.
pub fn preload_names(list: &[u8]) -> impl Iterator<Item = &[u8]> {
    list.split(|&c| c == b':' || c == b' ').filter(|n| !n.is_empty())
}

/// Why a search directory entry yields no path (the entry is skipped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpandError {
    /// `$ORIGIN` in an AT_SECURE (setuid) process.
    Secure,
    /// The result does not fit the buffer.
    TooLong,
}

/// A path being written into a caller's buffer that need not be initialised
/// (ld-vibix's is PATH_MAX on its stack: zeroing it cost more than a search).
struct Out<'b> {
    buf: &'b mut [MaybeUninit<u8>],
    n: usize,
}

impl Out<'_> {
    fn push(&mut self, s: &[u8]) -> Result<(), ExpandError> {
        let end = self.n.checked_add(s.len()).ok_or(ExpandError::TooLong)?;
        let dst = self.buf.get_mut(self.n..end).ok_or(ExpandError::TooLong)?;
        for (d, &c) in dst.iter_mut().zip(s) {
            d.write(c);
        }
        self.n = end;
        Ok(())
    }
}

/// The first `n` bytes of `buf`, which [`join_uninit`] wrote.
fn written(buf: &[MaybeUninit<u8>], n: usize) -> &[u8] {
    let part = &buf[..n];
    // SAFETY: join_uninit initialised every byte of buf[..n] it reported.
    unsafe { core::slice::from_raw_parts(part.as_ptr().cast::<u8>(), n) }
}

/// (variable, is $ORIGIN); the braced forms first.
const VARS: [(&[u8], bool); 4] = [(b"${ORIGIN}", true), (b"$ORIGIN", true), (b"${LIB}", false), (b"$LIB", false)];

/// Writes `dir` with `$ORIGIN`/`${ORIGIN}` (the directory of `origin_of`) and
/// `$LIB`/`${LIB}` ("lib") expanded, then "/" and `name` (only `name` if the
/// directory expands to nothing), into `buf`; returns the length written.
pub fn join(buf: &mut [u8], dir: &[u8], name: &[u8], origin_of: &[u8], secure: bool) -> Result<usize, ExpandError> {
    // SAFETY: MaybeUninit<u8> has u8's layout, and join_uninit only writes initialised bytes.
    let raw = unsafe { core::slice::from_raw_parts_mut(buf.as_mut_ptr().cast::<MaybeUninit<u8>>(), buf.len()) };
    join_uninit(raw, dir, name, origin_of, secure)
}

/// [`join`] into a buffer that need not be initialised; bytes `..n` are afterwards.
fn join_uninit(buf: &mut [MaybeUninit<u8>], dir: &[u8], name: &[u8], origin_of: &[u8], secure: bool) -> Result<usize, ExpandError> {
    let mut out = Out { buf, n: 0 };
    let mut rest = dir;
    while let Some(i) = rest.iter().position(|&c| c == b'$') {
        out.push(&rest[..i])?;
        rest = &rest[i..];
        match VARS.iter().find(|(v, _)| rest.starts_with(v)) {
            Some(&(_, true)) if secure => return Err(ExpandError::Secure),
            Some(&(v, origin)) => {
                out.push(if origin { dirname(origin_of) } else { b"lib" })?;
                rest = &rest[v.len()..];
            }
            None => {
                out.push(b"$")?;
                rest = &rest[1..];
            }
        }
    }
    out.push(rest)?;
    if out.n > 0 {
        out.push(b"/")?;
    }
    out.push(name)?;
    Ok(out.n)
}

/// The search-path view of one loaded object.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchObj<'a> {
    /// Its path, for `$ORIGIN`.
    pub path: &'a [u8],
    pub rpath: Option<&'a [u8]>,
    pub runpath: Option<&'a [u8]>,
}

impl<'a> SearchObj<'a> {
    /// DT_RPATH counts only when there is no DT_RUNPATH.
    fn effective_rpath(&self) -> Option<&'a [u8]> {
        if self.runpath.is_none() {
            self.rpath
        } else {
            None
        }
    }
}

/// Where a list of search directories comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    RequesterRpath,
    MainRpath,
    LibraryPath,
    RequesterRunpath,
    LdsoDir,
    System,
}

impl SourceKind {
    /// ld-vibix's search order.
    pub const ORDER: [SourceKind; 6] =
        [Self::RequesterRpath, Self::MainRpath, Self::LibraryPath, Self::RequesterRunpath, Self::LdsoDir, Self::System];
}

/// One colon-separated directory list, and the path `$ORIGIN` refers to in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source<'a> {
    pub kind: SourceKind,
    pub dirs: &'a [u8],
    pub origin: &'a [u8],
}

/// Everything that decides where a library needed by `requester` is looked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchOrder<'a> {
    /// The object whose DT_NEEDED (or dlopen) it is; `None` for LD_PRELOAD.
    pub requester: Option<SearchObj<'a>>,
    pub main: SearchObj<'a>,
    /// LD_LIBRARY_PATH (or --library-path); empty: not used.
    pub library_path: &'a [u8],
    /// ld-vibix's own directory (the sysroot lib/).
    pub ldso_dir: &'a [u8],
}

impl<'a> SearchOrder<'a> {
    /// The source of `kind`, if it applies.
    pub fn source(&self, kind: SourceKind) -> Option<Source<'a>> {
        let req = self.requester;
        let (dirs, origin) = match kind {
            SourceKind::RequesterRpath => req.and_then(|r| Some((r.effective_rpath()?, r.path)))?,
            // As glibc: a requester with DT_RUNPATH turns off every DT_RPATH.
            // ... and the program's is searched once when it is the requester.
            SourceKind::MainRpath if req.is_some_and(|r| r.runpath.is_some() || r.path == self.main.path) => return None,
            SourceKind::MainRpath => (self.main.effective_rpath()?, self.main.path),
            SourceKind::LibraryPath if self.library_path.is_empty() => return None,
            SourceKind::LibraryPath => (self.library_path, self.main.path),
            SourceKind::RequesterRunpath => req.and_then(|r| Some((r.runpath?, r.path)))?,
            SourceKind::LdsoDir => (self.ldso_dir, &b""[..]),
            SourceKind::System => (SYSTEM_DIRS, &b""[..]),
        };
        Some(Source { kind, dirs, origin })
    }

    /// The sources that apply, in search order.
    pub fn sources(self) -> impl Iterator<Item = Source<'a>> {
        SourceKind::ORDER.into_iter().filter_map(move |k| self.source(k))
    }

    /// Offers `try_path` every candidate path for `name` in order (only `name`
    /// itself if it contains a slash) and returns its first `Some`. Entries
    /// that cannot be expanded are skipped. `buf` (need not be initialised)
    /// holds the candidate path.
    pub fn find<T>(
        &self,
        name: &[u8],
        secure: bool,
        buf: &mut [MaybeUninit<u8>],
        mut try_path: impl FnMut(&[u8]) -> Option<T>,
    ) -> Option<T> {
        if name.contains(&b'/') {
            return try_path(name);
        }
        for src in self.sources() {
            for dir in src.dirs.split(|&c| c == b':') {
                let Ok(n) = join_uninit(buf, dir, name, src.origin, secure) else { continue };
                if let Some(t) = try_path(written(buf, n)) {
                    return Some(t);
                }
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
