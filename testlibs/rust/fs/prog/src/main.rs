//! Files and directories under the directory given as argv[1].
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::path::Path;

fn main() -> io::Result<()> {
    let root = std::env::args().nth(1).expect("usage: fs DIR");
    let root = Path::new(&root);
    let d = root.join("tree");
    fs::create_dir_all(d.join("a/b/c"))?;
    println!("create_dir_all ok, is_dir {}", d.join("a/b/c").is_dir());

    let f = d.join("a/hello.txt");
    fs::write(&f, b"hello\nworld\n")?;
    println!("read_to_string: {:?}", fs::read_to_string(&f)?);
    let mut h = OpenOptions::new().append(true).open(&f)?;
    h.write_all(b"appended\n")?;
    drop(h);
    let md = fs::metadata(&f)?;
    println!("len {} is_file {} mode {:o}", md.len(), md.is_file(), md.permissions().mode() & 0o777 & !0o022);
    println!("modified within a day: {}", md.modified()?.elapsed().map(|e| e.as_secs() < 86400).unwrap_or(true));
    println!("nlink {} size {}", md.nlink(), md.size());

    let mut h = OpenOptions::new().read(true).write(true).open(&f)?;
    h.seek(SeekFrom::Start(6))?;
    let mut buf = [0u8; 5];
    h.read_exact(&mut buf)?;
    println!("seek+read: {:?}", std::str::from_utf8(&buf).unwrap());
    println!("stream_position {}", h.stream_position()?);
    h.set_len(3)?;
    h.seek(SeekFrom::End(0))?;
    h.write_all(b"!")?;
    h.sync_all()?;
    println!("after set_len+write: {:?}", fs::read_to_string(&f)?);

    fs::set_permissions(&f, fs::Permissions::from_mode(0o600))?;
    println!("mode now {:o}", fs::metadata(&f)?.permissions().mode() & 0o777);

    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    fs::write(d.join("big.bin"), &big)?;
    let copied = fs::copy(d.join("big.bin"), d.join("a/b/copy.bin"))?;
    println!("copied {copied} bytes, equal {}", fs::read(d.join("a/b/copy.bin"))? == big);
    fs::rename(d.join("a/b/copy.bin"), d.join("a/b/c/moved.bin"))?;
    println!("renamed: old exists {} new exists {}", d.join("a/b/copy.bin").exists(), d.join("a/b/c/moved.bin").exists());

    symlink("hello.txt", d.join("a/link"))?;
    println!("read_link {:?}", fs::read_link(d.join("a/link"))?);
    println!("symlink_metadata is_symlink {}", fs::symlink_metadata(d.join("a/link"))?.file_type().is_symlink());
    println!("through link: {:?}", fs::read_to_string(d.join("a/link"))?);
    let canon = fs::canonicalize(d.join("a/b/../link"))?;
    println!("canonicalize ends with a/hello.txt: {}", canon.ends_with("a/hello.txt"));
    fs::hard_link(&f, d.join("hard"))?;
    println!("nlink after hard_link {}", fs::metadata(&f)?.nlink());

    for i in 0..50 {
        File::create(d.join(format!("a/b/f{i:02}")))?.write_all(&[i as u8; 10])?;
    }
    let mut names: Vec<String> = fs::read_dir(d.join("a/b"))?
        .map(|e| {
            let e = e.unwrap();
            format!("{}:{}", e.file_name().to_string_lossy(), if e.file_type().unwrap().is_dir() { "d" } else { "f" })
        })
        .collect();
    names.sort();
    println!("read_dir {} entries: {} .. {}", names.len(), names[0], names[names.len() - 1]);

    // The first failing stat makes std probe statx(NULL, NULL) (expects EFAULT).
    let e = fs::metadata(d.join("nope")).unwrap_err();
    println!("metadata of missing: kind {:?}, {}", e.kind(), e);
    println!("symlink_metadata of missing: {}", fs::symlink_metadata(d.join("nope")).unwrap_err());
    let e = File::open(d.join("nope")).unwrap_err();
    println!("missing: kind {:?}, {}", e.kind(), e);
    let e = fs::create_dir(d.join("a")).unwrap_err();
    println!("exists: kind {:?}, {}", e.kind(), e);
    let e = fs::remove_dir(d.join("a")).unwrap_err();
    println!("not empty: {}", e);
    let e = fs::read_dir(&f).unwrap_err();
    println!("not a dir: {}", e);
    assert_eq!(File::open(d.join("nope")).unwrap_err().kind(), ErrorKind::NotFound);

    fs::remove_file(d.join("hard"))?;
    fs::remove_dir_all(&d)?;
    println!("remove_dir_all: exists {}", d.exists());
    Ok(())
}
