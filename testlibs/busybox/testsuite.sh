#!/bin/bash
# NOT YET A TEST CASE: move to testsuite/run.sh (with a `timeout` file of 1800) once
# `build.sh vibix` succeeds (README.md, "Status"). Runs with the testlibs variables.
# busybox (Debian bookworm source, `make defconfig`) built with musl-gcc and
# with vibix-cc (../build.sh); busybox's own testsuite (testsuite/runtest) run
# against both. Every test that passes with the musl build must pass with the
# vibix build. The builds are cached in <target dir>/busybox/{musl,vibix}.
set -euo pipefail
source "$TESTLIB"
need_cmd musl-gcc gcc make
build() { # NAME CC -> dir
    local d rc=0
    d=$(VIBIX_TARGET_DIR=$VIBIX_TARGET_DIR "$(dirname "$0")/build.sh" "$@") || rc=$?
    [ $rc = 77 ] && skip "busybox source not available (apt-get source busybox failed)"
    [ $rc = 0 ] || fail "busybox build with $2 failed"
    echo "$d"
}
musl=$(build musl musl-gcc)
vibix=$(build vibix "$VIBIX_CC")
[ "$(readlink -f "$(interp_of "$vibix/busybox")")" = "$(readlink -f "$LDSO")" ] ||
    fail "$vibix/busybox: PT_INTERP is $(interp_of "$vibix/busybox")"
needed_of "$vibix/busybox" | grep -qx libc.so || fail "$vibix/busybox does not need libc.so"
cmp -s "$musl/.config" "$vibix/.config" || fail "the two builds have different .config files"

suite() { # NAME DIR: runs busybox's testsuite, leaves $OUT/NAME.{log,pass}
    local name=$1 dir=$2
    echo "+ runtest ($name)" >&2
    rm -rf "$OUT/$name-suite"
    cp -a "$dir/testsuite" "$OUT/$name-suite"
    (cd "$OUT/$name-suite" && env -u VIBIX_TEST bindir="$dir" srcdir="$OUT/$name-suite" ./runtest \
        >"$OUT/$name.log" 2>&1 </dev/null) || true
    sed -n 's/^PASS: //p' "$OUT/$name.log" | sort >"$OUT/$name.pass"
}
suite musl "$musl"
suite vibix "$vibix"
m=$(wc -l <"$OUT/musl.pass") v=$(wc -l <"$OUT/vibix.pass")
echo "busybox testsuite: musl-gcc build $m passed, vibix build $v passed" >&2
[ "$m" -ge 500 ] || fail "only $m tests passed with the musl build: the testsuite did not run"
if comm -23 "$OUT/musl.pass" "$OUT/vibix.pass" | grep . >"$OUT/lost"; then
    echo "passing with musl, not with vibix_libc:" >&2
    head -40 "$OUT/lost" >&2
    fail "$(wc -l <"$OUT/lost") busybox tests pass only with musl"
fi
