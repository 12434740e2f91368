#!/bin/bash
# busybox (Debian bookworm source, `make defconfig`) built with musl-gcc and
# with vibix-cc (../build.sh, incremental: the trees are kept in
# <target dir>/busybox/{musl,vibix}); busybox's own testsuite
# (testsuite/runtest) run against both. Every test that passes with the musl
# build (the reference) must pass with the vibix build. Timing on 2 cores:
# README.md ("CI time").
set -euo pipefail
source "$TESTLIB"
need_cmd musl-gcc gcc make
here=$PWD
build() { # NAME CC -> dir
    local d rc=0 t0=$SECONDS
    d=$(VIBIX_TARGET_DIR=$VIBIX_TARGET_DIR "$here/../build.sh" "$@") || rc=$?
    [ $rc = 77 ] && skip "busybox source not available (apt-get source busybox failed)"
    [ $rc = 0 ] || fail "busybox build with $2 failed"
    echo "+ build $1: $((SECONDS - t0)) s" >&2
    echo "$d"
}
musl=$(build musl musl-gcc)
vibix=$(build vibix "$VIBIX_CC")
[ "$(readlink -f "$(interp_of "$vibix/busybox")")" = "$(readlink -f "$LDSO")" ] ||
    fail "$vibix/busybox: PT_INTERP is $(interp_of "$vibix/busybox")"
needed_of "$vibix/busybox" | grep -qx libc.so || fail "$vibix/busybox does not need libc.so"
# The same configuration (the header comment holds the date of `make defconfig`).
cfg() { grep -E '^(# )?CONFIG_' "$1"; }
cmp -s <(cfg "$musl/.config") <(cfg "$vibix/.config") || fail "the two builds have different .config files"

suite() { # NAME DIR: runs busybox's testsuite, leaves $OUT/NAME.{log,pass}
    local name=$1 dir=$2 t0=$SECONDS
    # A private copy of the testsuite (tests write into it); testing.sh
    # compiles ../scripts/echo.c, so the tree's scripts/ sits next to it.
    rm -rf "$OUT/$name"
    mkdir -p "$OUT/$name"
    cp -a "$dir/testsuite" "$OUT/$name/testsuite"
    ln -s "$dir/scripts" "$OUT/$name/scripts"
    (cd "$OUT/$name/testsuite" && env -u VIBIX_TEST bindir="$dir" srcdir="$OUT/$name/testsuite" ./runtest \
        >"$OUT/$name.log" 2>&1 </dev/null) || true
    sed -n 's/^PASS: //p' "$OUT/$name.log" | sort >"$OUT/$name.pass"
    echo "+ runtest $name: $(wc -l <"$OUT/$name.pass") passed, $(grep -c '^FAIL: ' "$OUT/$name.log" || true) failed ($((SECONDS - t0)) s)" >&2
}
suite musl "$musl"
suite vibix "$vibix"
m=$(wc -l <"$OUT/musl.pass") v=$(wc -l <"$OUT/vibix.pass")
echo "busybox testsuite: musl-gcc build $m passed, vibix build $v passed" >&2
[ "$m" -ge 500 ] || fail "only $m tests passed with the musl build: the testsuite did not run"
if comm -23 "$OUT/musl.pass" "$OUT/vibix.pass" | grep . >"$OUT/lost"; then
    echo "passing with musl, not with vibix_libc (logs: $OUT/{musl,vibix}.log):" >&2
    head -40 "$OUT/lost" >&2
    fail "$(wc -l <"$OUT/lost") busybox tests pass only with musl"
fi
