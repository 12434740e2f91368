//! Library search: soname aliases, `$ORIGIN`/`$LIB` expansion, and the exact
//! order of sources and candidate paths (ld-vibix and vibix-readelf rely on it).
extern crate std;
use super::*;
use std::string::String;
use std::vec::Vec;

fn joined(dir: &str, name: &str, origin_of: &str, secure: bool) -> Result<String, ExpandError> {
    let mut buf = [0u8; 256];
    let n = join(&mut buf, dir.as_bytes(), name.as_bytes(), origin_of.as_bytes(), secure)?;
    Ok(String::from_utf8(buf[..n].to_vec()).unwrap())
}

#[test]
fn aliases() {
    assert_eq!(alias(b"libc.so.6"), vibix_abi::LIBC_SONAME.as_bytes());
    assert_eq!(alias(b"libpthread.so.0"), b"libc.so");
    assert_eq!(alias_str("ld-linux-x86-64.so.2"), vibix_abi::LDSO_SONAME);
    assert_eq!(alias(b"libfoo.so"), b"libfoo.so");
    assert_eq!(alias_str("libc.so"), "libc.so");
}

#[test]
fn preload_lists() {
    let v: Vec<&[u8]> = preload_names(b" liba.so:/x/libb.so  libc.so::").collect();
    assert_eq!(v, [&b"liba.so"[..], b"/x/libb.so", b"libc.so"]);
    assert_eq!(preload_names(b"").count(), 0);
}

#[test]
fn dirnames() {
    assert_eq!(dirname(b"/a/b/c.so"), b"/a/b");
    assert_eq!(dirname(b"/c.so"), b"/");
    assert_eq!(dirname(b"c.so"), b".");
    assert_eq!(dirname(b""), b".");
}

#[test]
fn expansion() {
    assert_eq!(joined("/usr/lib", "libx.so", "/p/prog", false).unwrap(), "/usr/lib/libx.so");
    assert_eq!(joined("$ORIGIN/../lib", "libx.so", "/p/bin/prog", false).unwrap(), "/p/bin/../lib/libx.so");
    assert_eq!(joined("${ORIGIN}", "libx.so", "/p/prog", false).unwrap(), "/p/libx.so");
    assert_eq!(joined("/opt/$LIB", "libx.so", "", false).unwrap(), "/opt/lib/libx.so");
    assert_eq!(joined("/opt/${LIB}/x", "libx.so", "", false).unwrap(), "/opt/lib/x/libx.so");
    assert_eq!(joined("$ORIGIN:$LIB", "l", "/o/p", false).unwrap(), "/o:lib/l");
    assert_eq!(joined("$ORIGIN", "l", "prog", false).unwrap(), "./l");
    assert_eq!(joined("/a$", "l", "", false).unwrap(), "/a$/l");
    assert_eq!(joined("/$HOME/${X}", "l", "", false).unwrap(), "/$HOME/${X}/l");
    assert_eq!(joined("", "libx.so", "/p/prog", false).unwrap(), "libx.so");
    // The origin's own text is not expanded again.
    assert_eq!(joined("$ORIGIN", "l", "/$LIB/p", false).unwrap(), "/$LIB/l");
}

#[test]
fn expansion_refusals() {
    assert_eq!(joined("$ORIGIN/lib", "l", "/p/prog", true), Err(ExpandError::Secure));
    assert_eq!(joined("/x/${ORIGIN}", "l", "/p/prog", true), Err(ExpandError::Secure));
    assert_eq!(joined("/opt/$LIB", "l", "/p/prog", true).unwrap(), "/opt/lib/l");
    let mut small = [0u8; 8];
    assert_eq!(join(&mut small, b"/usr/lib", b"l", b"", false), Err(ExpandError::TooLong));
    assert_eq!(join(&mut small, b"/usr/l", b"l", b"", false), Ok(8));
    assert_eq!(&small, b"/usr/l/l");
}

const REQ: SearchObj = SearchObj { path: b"/r/libreq.so", rpath: Some(b"/req-rpath"), runpath: None };
const MAIN: SearchObj = SearchObj { path: b"/m/prog", rpath: Some(b"/main-rpath"), runpath: None };

fn order(req: Option<SearchObj<'static>>, main: SearchObj<'static>, lp: &'static [u8]) -> SearchOrder<'static> {
    SearchOrder { requester: req, main, library_path: lp, ldso_dir: b"/sysroot/lib" }
}

fn kinds(o: SearchOrder) -> Vec<SourceKind> {
    o.sources().map(|s| s.kind).collect()
}

#[test]
fn source_order() {
    use SourceKind::*;
    let o = order(Some(REQ), MAIN, b"/lp1:/lp2");
    let all: Vec<Source> = o.sources().collect();
    let want: [(SourceKind, &[u8], &[u8]); 5] = [
        (RequesterRpath, b"/req-rpath", b"/r/libreq.so"),
        (MainRpath, b"/main-rpath", b"/m/prog"),
        (LibraryPath, b"/lp1:/lp2", b"/m/prog"),
        (LdsoDir, b"/sysroot/lib", b""),
        (System, b"/lib:/usr/lib", b""),
    ];
    assert_eq!(all.len(), want.len());
    for (s, (k, d, org)) in all.iter().zip(want) {
        assert_eq!((s.kind, s.dirs, s.origin), (k, d, org));
    }
    // DT_RUNPATH hides the requester's DT_RPATH and the program's (glibc),
    // and comes after LD_LIBRARY_PATH.
    let req = SearchObj { runpath: Some(b"/req-runpath"), ..REQ };
    assert_eq!(kinds(order(Some(req), MAIN, b"/lp")), [LibraryPath, RequesterRunpath, LdsoDir, System]);
    let o = order(Some(req), MAIN, b"");
    assert_eq!(o.source(RequesterRunpath).unwrap().origin, b"/r/libreq.so");
    // The program's RUNPATH hides its RPATH, and does not apply to its libraries.
    let main = SearchObj { runpath: Some(b"/main-runpath"), ..MAIN };
    assert_eq!(kinds(order(Some(REQ), main, b"")), [RequesterRpath, LdsoDir, System]);
    // The program as requester (its dlopen): its DT_RPATH once.
    let o = order(Some(MAIN), MAIN, b"");
    assert_eq!(kinds(o), [RequesterRpath, LdsoDir, System]);
    // LD_PRELOAD (no requester), empty LD_LIBRARY_PATH.
    assert_eq!(kinds(order(None, MAIN, b"")), [MainRpath, LdsoDir, System]);
    assert_eq!(kinds(order(None, SearchObj::default(), b"")), [LdsoDir, System]);
}

fn candidates(o: &SearchOrder, name: &str, secure: bool) -> Vec<String> {
    let mut seen = Vec::new();
    let mut buf = [core::mem::MaybeUninit::uninit(); 64];
    let r: Option<()> = o.find(name.as_bytes(), secure, &mut buf, |p| {
        seen.push(String::from_utf8(p.to_vec()).unwrap());
        None
    });
    assert!(r.is_none());
    seen
}

#[test]
fn candidate_paths() {
    let req = SearchObj { path: b"/r/libreq.so", rpath: Some(b"$ORIGIN:/rr"), runpath: None };
    let main = SearchObj { path: b"/m/bin/prog", rpath: Some(b"$ORIGIN/../$LIB"), runpath: None };
    let o = order(Some(req), main, b"/lp::$ORIGIN");
    let want = [
        "/r/libx.so",
        "/rr/libx.so",
        "/m/bin/../lib/libx.so",
        "/lp/libx.so",
        "libx.so",
        "/m/bin/libx.so",
        "/sysroot/lib/libx.so",
        "/lib/libx.so",
        "/usr/lib/libx.so",
    ];
    assert_eq!(candidates(&o, "libx.so", false), want);
    // AT_SECURE: only the $ORIGIN entries are skipped.
    let secure: Vec<&str> = want.iter().copied().filter(|p| !["/r/libx.so", "/m/bin/../lib/libx.so", "/m/bin/libx.so"].contains(p)).collect();
    assert_eq!(candidates(&o, "libx.so", true), secure);
    // A path is tried as it is, once.
    assert_eq!(candidates(&o, "./dir/libx.so", false), ["./dir/libx.so"]);
    // Entries too long for the buffer are skipped, the rest still tried.
    let long = order(None, SearchObj::default(), b"/a-directory-name-longer-than-the-64-byte-buffer-of-this-test/x:/ok");
    assert_eq!(candidates(&long, "l.so", false)[0], "/ok/l.so");
}

#[test]
fn find_stops_at_first_hit() {
    let o = order(Some(REQ), MAIN, b"/lp");
    let mut buf = [core::mem::MaybeUninit::uninit(); 64];
    let mut tries = 0;
    let hit = o.find(b"libx.so", false, &mut buf, |p| {
        tries += 1;
        (p == b"/lp/libx.so").then(|| p.len())
    });
    assert_eq!((hit, tries), (Some(11), 3));
}
