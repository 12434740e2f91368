//! Snapshots of a case's scratch directory for `cargo xtask kernel test`.
//!
//! A testlibs case may change its files between two checked runs (a library
//! deleted, rebuilt or truncated after the run that needed it). The initramfs
//! only holds the files as the case left them, so `vibix_qemu_record` (lib.sh)
//! calls `cargo xtask qemu-snapshot` after noting each program: the state of
//! `$OUT` (its files and those of its sub-directories, as the initramfs packs
//! them) is written next to the records, file contents in a store named by
//! hash. When collecting, kernel.rs computes for each record the operations
//! that turn the previous state into that record's state; the in-vibix program
//! `vibix-stage` (testlibs/kernel/static/stage.c) applies them just before the
//! record runs.
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::hash::Hasher;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Files at least this large are neither packed nor snapshotted (as kernel.rs).
const MAX_FILE: u64 = 64 << 20;

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Entry {
    Dir,
    /// A regular file, by content hash.
    File(String),
    Link(String),
}

pub type State = BTreeMap<PathBuf, Entry>;

/// One step of `vibix-stage`'s list.
#[derive(Debug, PartialEq, Eq)]
pub enum Op {
    Rm(PathBuf),
    Rmdir(PathBuf),
    Mkdir(PathBuf),
    Link(PathBuf, String),
    /// Write the stored blob (by hash) to the path.
    Put(PathBuf, String),
}

fn snap_dir(records: &Path) -> PathBuf {
    let mut s = records.as_os_str().to_owned();
    s.push(".snap");
    PathBuf::from(s)
}

pub fn blob(records: &Path, hash: &str) -> PathBuf {
    snap_dir(records).join("store").join(hash)
}

fn state_file(records: &Path, index: usize) -> PathBuf {
    snap_dir(records).join(format!("state.{index}"))
}

/// Removes the snapshots kept for `records` (between two cases).
pub fn clear(records: &Path) {
    let _ = fs::remove_dir_all(snap_dir(records));
}

/// `cargo xtask qemu-snapshot RECORDS INDEX DIR`: record DIR's state for record INDEX.
pub fn main(args: &[String]) -> Result<(), String> {
    let [records, index, dir] = args else { return Err("usage: cargo xtask qemu-snapshot RECORDS INDEX DIR".into()) };
    let records = Path::new(records);
    let index: usize = index.parse().map_err(|_| format!("bad record index `{index}`"))?;
    let store = snap_dir(records).join("store");
    fs::create_dir_all(&store).map_err(|e| format!("{}: {e}", store.display()))?;
    let mut cache = Cache::load(&snap_dir(records).join("index"));
    let state = scan(Path::new(dir), Some((&mut cache, &store)))?;
    cache.save()?;
    let mut text = String::new();
    for (p, e) in &state {
        let (kind, value) = match e {
            Entry::Dir => ("d", ""),
            Entry::File(h) => ("f", h.as_str()),
            Entry::Link(t) => ("l", t.as_str()),
        };
        text.push_str(&format!("{kind}\t{}\t{value}\n", p.display()));
    }
    fs::write(state_file(records, index), text).map_err(|e| e.to_string())
}

/// The state noted for record `index`, if any.
pub fn load(records: &Path, index: usize) -> Option<State> {
    let text = fs::read_to_string(state_file(records, index)).ok()?;
    let mut s = State::new();
    for l in text.lines() {
        let mut f = l.splitn(3, '\t');
        let (Some(kind), Some(path), Some(value)) = (f.next(), f.next(), f.next()) else { continue };
        let e = match kind {
            "d" => Entry::Dir,
            "f" => Entry::File(value.to_string()),
            _ => Entry::Link(value.to_string()),
        };
        s.insert(PathBuf::from(path), e);
    }
    Some(s)
}

/// Content hashes by (path, size, mtime, inode), so unchanged files are not read again.
pub struct Cache {
    path: PathBuf,
    map: HashMap<String, String>,
    added: Vec<String>,
}

impl Cache {
    fn load(path: &Path) -> Self {
        let mut map = HashMap::new();
        for l in fs::read_to_string(path).unwrap_or_default().lines() {
            if let Some((k, h)) = l.rsplit_once('\t') {
                map.insert(k.to_string(), h.to_string());
            }
        }
        Self { path: path.to_path_buf(), map, added: Vec::new() }
    }

    fn save(&self) -> Result<(), String> {
        let mut f = fs::OpenOptions::new().create(true).append(true).open(&self.path).map_err(|e| e.to_string())?;
        for l in &self.added {
            writeln!(f, "{l}").map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

fn hash_of(data: &[u8]) -> String {
    // Two differently keyed SipHashes: 128 bits, plenty for the files of one case.
    let mut a = std::hash::DefaultHasher::new();
    a.write(data);
    let mut b = std::hash::DefaultHasher::new();
    b.write_u64(0x7669_6269_78);
    b.write(data);
    format!("{:016x}{:016x}", a.finish(), b.finish())
}

/// Directories nested deeper than this below `$OUT` are left out.
const MAX_DEPTH: usize = 16;

/// `dir` and the directories below it, to any depth (symlinks not followed),
/// that the initramfs packs of a case's scratch directory: all of them except
/// what is below a build cache, a directory tagged with CACHEDIR.TAG (cargo's
/// target directories: the programs in them are packed one by one), whose own
/// files still come.
pub fn tree_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), 0usize)];
    while let Some((d, depth)) = todo.pop() {
        out.push(d.clone());
        if d.join("CACHEDIR.TAG").is_file() || depth >= MAX_DEPTH {
            continue;
        }
        let Ok(rd) = fs::read_dir(&d) else { continue };
        let mut subs: Vec<PathBuf> = rd.flatten().filter(|e| e.file_type().is_ok_and(|t| t.is_dir())).map(|e| e.path()).collect();
        subs.sort();
        for p in subs.into_iter().rev() {
            todo.push((p, depth + 1));
        }
    }
    out
}

/// The files, symlinks and directories in the directories `tree_dirs` gives
/// (what kernel.rs packs of a case's scratch directory),
/// without the runner's own `qemu-expected.*` files and xtask's host.log. With a cache and a
/// store, file contents are copied into the store under their hash.
pub fn scan(dir: &Path, mut store: Option<(&mut Cache, &Path)>) -> Result<State, String> {
    let mut state = State::new();
    for d in tree_dirs(dir) {
        list(&d, &mut state, &mut store)?;
    }
    Ok(state)
}

fn list(d: &Path, state: &mut State, store: &mut Option<(&mut Cache, &Path)>) -> Result<(), String> {
    let Ok(rd) = fs::read_dir(d) else { return Ok(()) };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("qemu-expected.") || name == "host.log" {
            continue;
        }
        let Ok(meta) = fs::symlink_metadata(&p) else { continue };
        let ft = meta.file_type();
        if ft.is_symlink() {
            let t = fs::read_link(&p).map_err(|e| e.to_string())?;
            state.insert(p, Entry::Link(t.to_string_lossy().into_owned()));
        } else if ft.is_dir() {
            state.insert(p, Entry::Dir);
        } else if ft.is_file() && meta.len() < MAX_FILE {
            let key = format!("{}\t{}\t{}\t{}", p.display(), meta.len(), meta.mtime_nsec() + meta.mtime() * 1_000_000_000, meta.ino());
            let h = match store.as_mut().and_then(|(c, _)| c.map.get(&key).cloned()) {
                Some(h) => h,
                None => {
                    let data = fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                    let h = hash_of(&data);
                    if let Some((cache, dir)) = store.as_mut() {
                        let b = dir.join(&h);
                        if !b.exists() {
                            fs::write(&b, &data).map_err(|e| format!("{}: {e}", b.display()))?;
                        }
                        cache.map.insert(key.clone(), h.clone());
                        cache.added.push(format!("{key}\t{h}"));
                    }
                    h
                }
            };
            state.insert(p, Entry::File(h));
        }
    }
    Ok(())
}

/// The operations that turn `from` into `to`: removals deepest first, then
/// directories shallowest first, then files and symlinks.
pub fn diff(from: &State, to: &State) -> Vec<Op> {
    let mut ops = Vec::new();
    for (p, e) in from.iter().rev() {
        let keep = match (e, to.get(p)) {
            (Entry::Dir, Some(Entry::Dir)) => true,
            (Entry::File(_), Some(Entry::File(_))) => true, // rewritten in place below
            (Entry::Link(a), Some(Entry::Link(b))) => a == b,
            _ => false,
        };
        if !keep {
            ops.push(if *e == Entry::Dir { Op::Rmdir(p.clone()) } else { Op::Rm(p.clone()) });
        }
    }
    for (p, e) in to {
        if *e == Entry::Dir && from.get(p) != Some(&Entry::Dir) {
            ops.push(Op::Mkdir(p.clone()));
        }
    }
    for (p, e) in to {
        match e {
            Entry::File(h) if from.get(p) != Some(e) => ops.push(Op::Put(p.clone(), h.clone())),
            Entry::Link(t) if from.get(p) != Some(e) => ops.push(Op::Link(p.clone(), t.clone())),
            _ => {}
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_orders_removals_and_creations() {
        let f = |h: &str| Entry::File(h.into());
        let p = PathBuf::from;
        let from: State = [(p("/o/lib.so"), Entry::Dir), (p("/o/lib.so/x"), f("1")), (p("/o/prog"), f("2")), (p("/o/l"), Entry::Link("a".into()))].into();
        let to: State = [(p("/o/lib.so"), f("3")), (p("/o/prog"), f("2")), (p("/o/d"), Entry::Dir), (p("/o/d/y"), f("4"))].into();
        assert_eq!(
            diff(&from, &to),
            vec![
                Op::Rm(p("/o/lib.so/x")),
                Op::Rmdir(p("/o/lib.so")),
                Op::Rm(p("/o/l")),
                Op::Mkdir(p("/o/d")),
                Op::Put(p("/o/d/y"), "4".into()),
                Op::Put(p("/o/lib.so"), "3".into()),
            ]
        );
        assert!(diff(&to, &to).is_empty());
    }

    #[test]
    fn tree_dirs_go_deep_but_not_into_build_caches() {
        let o = std::env::temp_dir().join(format!("vibix-tree-dirs-{}", std::process::id()));
        let _ = fs::remove_dir_all(&o);
        for d in ["locale/de/LC_MESSAGES", "target/release/deps", "a"] {
            fs::create_dir_all(o.join(d)).unwrap();
        }
        fs::write(o.join("target/CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55").unwrap();
        fs::write(o.join("locale/de/LC_MESSAGES/x.mo"), "mo").unwrap();
        let got: Vec<String> = tree_dirs(&o).iter().map(|d| d.strip_prefix(&o).unwrap().display().to_string()).collect();
        assert_eq!(got, ["", "a", "locale", "locale/de", "locale/de/LC_MESSAGES", "target"]);
        assert_eq!(scan(&o, None).unwrap().get(&o.join("locale/de/LC_MESSAGES/x.mo")), Some(&Entry::File(hash_of(b"mo"))));
        fs::remove_dir_all(&o).unwrap();
    }
}
