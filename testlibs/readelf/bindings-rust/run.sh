#!/bin/bash
# --bindings on a Rust std program linked by vibix-cc: std's glibc imports bind to
# vibix libc (soname aliases), libc's to ld-vibix; every binding ld-vibix makes is predicted.
source "$TESTLIB"
source ../compare-bindings.sh
need_cmd rustc
[ -x "$SYSROOT/bin/vibix-readelf" ] || fail "vibix-readelf not installed"
cd "$OUT"
cat >main.rs <<'RS'
use std::collections::HashMap;
fn main() {
    let mut m = HashMap::new();
    for a in std::env::args() {
        *m.entry(a.len()).or_insert(0) += 1;
    }
    let t = std::thread::spawn(move || m.len());
    println!("{}", t.join().unwrap());
}
RS
rustc -O -C linker="$VIBIX_CC" -o prog main.rs || fail "rustc with vibix-cc failed"
compare_bindings ./prog
"$SYSROOT/bin/vibix-readelf" --audit ./prog >audit.txt || { cat audit.txt >&2; fail "Rust program linked by vibix-cc fails --audit"; }
[ "$(cat run.out)" = 1 ] || fail "unexpected output: $(cat run.out)"
[ "$(wc -l <theirs)" -ge 40 ] || fail "only $(wc -l <theirs) bindings"
