#!/bin/bash
# dlinfo (ld-vibix/src/dl/info.rs) vs glibc: the same program built both ways
# prints the same lines (expected); an unknown handle fails with a dlerror
# message (glibc does not check). LD_LIBRARY_PATH, the library's DT_RUNPATH
# and the program's DT_RPATH show up in the search paths (the latter names a
# directory that exists: glibc drops a list none of whose directories exist
# once a search went through it).
source "$TESTLIB"
here=$PWD
cd "$OUT"
build() { # CC DIR
    mkdir -p "$2"
    $1 -O2 -fPIC -shared -ftls-model=global-dynamic "$here/tls.c" -o "$2/libtls.so"
    $1 -O2 -fPIC -shared "$here/plug.c" -o "$2/libplug.so" -Wl,--enable-new-dtags -Wl,-rpath,'$ORIGIN/deps:/nonexistent/run//'
    $1 -O2 -fpie -pie "$here/prog.c" -o "$2/prog" -Wl,--disable-new-dtags -Wl,-rpath,'$ORIGIN/rp' ${3:-}
    mkdir -p "$2/rp"
}
build vcc vibix
build host_cc glibc -ldl
export LD_LIBRARY_PATH=/nonexistent/env1:/nonexistent/env2/
# Started by absolute path: ld-vibix expands the program's $ORIGIN from the
# path it was started by (docs/unsupported.md), glibc from /proc/self/exe.
check_output "$here/expected" "$OUT/glibc/prog" "$OUT/glibc"
check_output "$here/expected" "$OUT/vibix/prog" "$OUT/vibix"
check_output "$here/expected" "$LDSO" "$OUT/vibix/prog" "$OUT/vibix"
run_capture "$OUT/vibix/prog" "$OUT/vibix" bad-handle
[ "$STATUS" = 0 ] || fail "bad handle run: $(describe_status "$STATUS")"
grep -qx 'bad handle: -1 dlinfo: invalid handle' "$OUT/stdout" || { cat "$OUT/stdout" >&2; fail "an unknown handle is not reported"; }
