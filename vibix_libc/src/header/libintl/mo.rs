//! GNU `.mo` message catalogs, mapped read-only: a header (magic 0x950412de
//! in either byte order, revision, string count, offsets of the sorted
//! original and the translation tables), each table a list of (length,
//! offset) pairs. Every offset is checked against the file size before use.
//! Plural entries are `msgid\0msgid_plural` / `form0\0form1...`.
//! The header entry's `charset=` names the translations' encoding; copies
//! converted to other codesets are kept per codeset, never freed (callers
//! hold the pointers).

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use super::plural;
use crate::mapped::MappedFile;

/// Translations converted to one codeset, by offset in the mapping.
struct Converted {
    /// NUL-terminated codeset name.
    codeset: Vec<u8>,
    /// None: iconv cannot convert between the two charsets.
    texts: Option<BTreeMap<usize, Vec<u8>>>,
}

pub struct Catalog {
    file: MappedFile,
    count: u32,
    orig: u32,
    trans: u32,
    /// `plural=` expression of the header entry (bytes inside the mapping).
    plural: Option<(usize, usize)>,
    nplurals: u64,
    /// `charset=` of the header entry (bytes inside the mapping).
    charset: Option<(usize, usize)>,
    converted: Vec<Converted>,
}

// SAFETY: the mapping is read-only and lives as long as the process.
unsafe impl Send for Catalog {}

impl Catalog {
    /// Maps and checks the catalog at `path`; None if absent or malformed.
    pub fn open(path: &core::ffi::CStr) -> Option<Catalog> {
        let file = MappedFile::open(path, 28).ok()?;
        let mut c = Catalog { file, count: 0, orig: 0, trans: 0, plural: None, nplurals: 2, charset: None, converted: Vec::new() };
        if !c.check() {
            // SAFETY: the mapping was not handed out.
            unsafe { c.file.unmap() };
            return None;
        }
        c.read_header();
        Some(c)
    }

    fn bytes(&self) -> &[u8] {
        self.file.bytes()
    }

    fn word(&self, off: usize) -> Option<u32> {
        self.file.word(off)
    }

    fn check(&mut self) -> bool {
        match self.word(0) {
            Some(0x950412de) => {}
            Some(0xde120495) => self.file.swap = true,
            _ => return false,
        }
        // Major revision 0 or 1 only.
        let (Some(rev), Some(n), Some(o), Some(t)) = (self.word(4), self.word(8), self.word(12), self.word(16)) else { return false };
        if rev >> 16 > 1 {
            return false;
        }
        let tables_fit = |off: u32| (off as usize).checked_add(n as usize * 8).is_some_and(|e| e <= self.file.len());
        if !tables_fit(o) || !tables_fit(t) {
            return false;
        }
        self.count = n;
        self.orig = o;
        self.trans = t;
        true
    }

    /// String `i` of the table at `table`: its bytes (NUL inside allowed),
    /// checked to lie in the file with a NUL after it.
    fn string(&self, table: u32, i: u32) -> Option<&[u8]> {
        let at = table as usize + i as usize * 8;
        let (len, off) = (self.word(at)? as usize, self.word(at + 4)? as usize);
        let end = off.checked_add(len)?;
        let b = self.bytes();
        if end >= b.len() || b[end] != 0 {
            return None;
        }
        Some(&b[off..end])
    }

    fn read_header(&mut self) {
        let Some(h) = self.find(b"") else { return };
        // SAFETY: the mapping outlives self; detach the borrow so fields can be set.
        let h: &[u8] = unsafe { core::slice::from_raw_parts(h.as_ptr(), h.len()) };
        self.charset = header_field(h, b"Content-Type:", b"charset=")
            .map(|v| &v[..v.iter().position(|c| c.is_ascii_whitespace() || *c == b';').unwrap_or(v.len())])
            .filter(|v| !v.is_empty())
            .map(|v| (v.as_ptr() as usize - self.bytes().as_ptr() as usize, v.len()));
        if let Some(digits) = header_field(h, b"Plural-Forms:", b"nplurals=") {
            let mut v = 0u64;
            for &d in digits.iter().take_while(|d| d.is_ascii_digit()) {
                v = v.saturating_mul(10).saturating_add((d - b'0') as u64);
            }
            if v > 0 {
                self.nplurals = v;
            }
        }
        if let Some(e) = header_field(h, b"Plural-Forms:", b"plural=") {
            let e = &e[..e.iter().position(|&c| c == b';').unwrap_or(e.len())];
            let start = e.as_ptr() as usize - self.bytes().as_ptr() as usize;
            self.plural = Some((start, e.len()));
        }
    }

    /// The translation of `key` (compared as a C string: up to the first NUL).
    pub fn find(&self, key: &[u8]) -> Option<&[u8]> {
        let (mut lo, mut hi) = (0u32, self.count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let o = self.string(self.orig, mid)?;
            let o = &o[..o.iter().position(|&c| c == 0).unwrap_or(o.len())];
            match o.cmp(key) {
                core::cmp::Ordering::Equal => return self.string(self.trans, mid),
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// The translation of `key` (plural form for `n`) in `codeset` (with
    /// its NUL): the catalog's own bytes when the charsets agree or the
    /// catalog names none; None without a translation or when iconv cannot
    /// convert it (glibc then leaves the message untranslated).
    pub fn lookup(&mut self, key: &[u8], n: Option<u64>, codeset: &[u8]) -> Option<*const u8> {
        let (at, len) = {
            let t = self.find(key)?;
            let f = form(t, n.map_or(0, |n| self.plural_index(n)));
            (f.as_ptr() as usize - self.bytes().as_ptr() as usize, f.len())
        };
        let bytes = self.file.bytes();
        let text = &bytes[at..at + len];
        let Some((s, l)) = self.charset else { return Some(text.as_ptr()) };
        let (from, name) = (&bytes[s..s + l], &codeset[..codeset.len() - 1]);
        let known = crate::header::iconv::same_charset(from, name);
        if known == Some(true) || (known.is_none() && from.eq_ignore_ascii_case(name)) {
            return Some(text.as_ptr());
        }
        let i = match self.converted.iter().position(|c| c.codeset == codeset) {
            Some(i) => i,
            None => {
                self.converted.push(Converted { codeset: codeset.to_vec(), texts: known.map(|_| BTreeMap::new()) });
                self.converted.len() - 1
            }
        };
        let texts = self.converted[i].texts.as_mut()?;
        if let Some(t) = texts.get(&at) {
            return Some(t.as_ptr());
        }
        // Characters the codeset lacks become '?' (//TRANSLIT, as glibc asks for).
        let mut to = Vec::with_capacity(name.len() + 10);
        to.extend_from_slice(name);
        to.extend_from_slice(b"//TRANSLIT");
        let mut t = crate::header::iconv::convert(&to, from, text)?;
        t.push(0);
        let p = t.as_ptr();
        texts.insert(at, t);
        Some(p)
    }

    /// Which plural form applies to `n`.
    pub fn plural_index(&self, n: u64) -> usize {
        let v = match self.plural {
            Some((s, l)) => plural::eval(&self.bytes()[s..s + l], n),
            None => None,
        };
        let v = v.unwrap_or((n != 1) as u64);
        if v < self.nplurals { v as usize } else { 0 }
    }
}

/// The value after `key` on the header line starting with `line` (to the end of that line).
fn header_field<'a>(h: &'a [u8], line: &[u8], key: &[u8]) -> Option<&'a [u8]> {
    let l = &h[find(h, line)?..];
    let l = &l[..l.iter().position(|&c| c == b'\n').unwrap_or(l.len())];
    Some(&l[find(l, key)? + key.len()..])
}

/// Offset of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Form `idx` of a NUL-separated translation; the first if there are fewer.
pub fn form(t: &[u8], idx: usize) -> &[u8] {
    let mut it = t.split(|&c| c == 0);
    let first = it.next().unwrap_or(&[]);
    if idx == 0 {
        return first;
    }
    it.nth(idx - 1).unwrap_or(first)
}
