//! The initramfs: a cpio "newc" archive handed over by QEMU (`-initrd`),
//! parsed in place (file data stays in the initrd pages, reached through the
//! direct map) into a read-only tree with directories and symlinks.
use crate::abi::{S_IFDIR, S_IFLNK, S_IFMT};
use crate::errno::*;
use crate::sync::Global;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;


pub struct Node {
    pub path: String,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub data: &'static [u8],
    pub children: Vec<usize>,
}

impl Node {
    pub fn is_dir(&self) -> bool {
        self.mode & S_IFMT == S_IFDIR
    }
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or("")
    }
}

struct Tree {
    nodes: Vec<Node>,
    by_path: BTreeMap<String, usize>,
}

static TREE: Global<Option<Tree>> = Global::new(None);

fn hex(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        v = v.checked_mul(16)? + (c as char).to_digit(16)?;
    }
    Some(v)
}

fn add(t: &mut Tree, path: &str, mode: u32, owner: (u32, u32), data: &'static [u8]) -> usize {
    if let Some(&i) = t.by_path.get(path) {
        if mode & S_IFMT != S_IFDIR {
            t.nodes[i].mode = mode;
            (t.nodes[i].uid, t.nodes[i].gid) = owner;
            t.nodes[i].data = data;
        }
        return i;
    }
    let parent = match path.rfind('/') {
        Some(k) => add(t, &path[..k], S_IFDIR | 0o755, (0, 0), &[]),
        None if path.is_empty() => 0,
        None => add(t, "", S_IFDIR | 0o755, (0, 0), &[]),
    };
    let i = t.nodes.len();
    t.nodes.push(Node { path: String::from(path), mode, uid: owner.0, gid: owner.1, data, children: Vec::new() });
    t.by_path.insert(String::from(path), i);
    if i != parent {
        t.nodes[parent].children.push(i);
    }
    i
}

/// Parses the archive; returns the number of entries, or why it is malformed.
pub fn init(archive: &'static [u8]) -> Result<usize, &'static str> {
    let mut t = Tree { nodes: Vec::new(), by_path: BTreeMap::new() };
    add(&mut t, "", S_IFDIR | 0o755, (0, 0), &[]);
    let mut off = 0usize;
    let mut count = 0;
    loop {
        let h = archive.get(off..off + 110).ok_or("truncated header")?;
        if &h[..6] != b"070701" {
            return Err("bad cpio magic (want newc 070701)");
        }
        let field = |i: usize| hex(&h[6 + i * 8..14 + i * 8]).ok_or("bad hex field");
        let mode = field(1)?;
        let owner = (field(2)?, field(3)?);
        let size = field(6)? as usize;
        let namesize = field(11)? as usize;
        let name_end = off + 110 + namesize;
        let name = archive.get(off + 110..name_end.saturating_sub(1)).ok_or("truncated name")?;
        let data_off = (name_end + 3) & !3;
        let data = archive.get(data_off..data_off + size).ok_or("truncated data")?;
        off = (data_off + size + 3) & !3;
        if name == b"TRAILER!!!" {
            break;
        }
        let name = core::str::from_utf8(name).map_err(|_| "non-UTF-8 name")?;
        let name = name.trim_start_matches("./").trim_start_matches('/').trim_end_matches('/');
        if name == "." || name.is_empty() {
            continue;
        }
        add(&mut t, name, mode, owner, data);
        count += 1;
    }
    *TREE.get() = Some(t);
    Ok(count)
}

pub fn node(i: usize) -> &'static Node {
    &TREE.get().as_ref().expect("initramfs not loaded").nodes[i]
}

/// Node `i`, if the archive has that many (the file tree is built from them in order).
pub fn try_node(i: usize) -> Option<&'static Node> {
    TREE.get().as_ref()?.nodes.get(i)
}

/// The index of node `i`'s directory.
pub fn parent_of(i: usize) -> Option<usize> {
    let p = &try_node(i)?.path;
    lookup(p.rfind('/').map_or("", |k| &p[..k]))
}

fn lookup(path: &str) -> Option<usize> {
    TREE.get().as_ref()?.by_path.get(path).copied()
}

/// Resolves `path` (relative to `cwd`, a node path) to a node, following
/// symlinks (the last one only if `follow`).
pub fn resolve(cwd: &str, path: &[u8], follow: bool) -> Result<usize, Errno> {
    let path = core::str::from_utf8(path).map_err(|_| ENOENT)?;
    if path.is_empty() {
        return Err(ENOENT);
    }
    let mut comps: Vec<String> = Vec::new();
    if !path.starts_with('/') {
        comps.extend(cwd.split('/').filter(|c| !c.is_empty()).map(String::from));
    }
    let mut todo: Vec<String> = path.split('/').rev().map(String::from).collect();
    let mut links = 0;
    while let Some(c) = todo.pop() {
        if c.is_empty() || c == "." {
            continue;
        }
        if c == ".." {
            comps.pop();
            continue;
        }
        comps.push(c);
        let joined = comps.join("/");
        let i = lookup(&joined).ok_or(ENOENT)?;
        let n = node(i);
        let last = todo.iter().all(|c| c.is_empty() || c == ".");
        if n.mode & S_IFMT == S_IFLNK && (!last || follow) {
            links += 1;
            if links > 40 {
                return Err(ELOOP);
            }
            comps.pop();
            let target = core::str::from_utf8(n.data).map_err(|_| ENOENT)?;
            if target.starts_with('/') {
                comps.clear();
            }
            todo.extend(target.split('/').rev().map(String::from));
        } else if !last && !n.is_dir() && n.mode & S_IFMT != S_IFLNK {
            return Err(ENOTDIR);
        }
    }
    lookup(&comps.join("/")).ok_or(ENOENT)
}
