# Shared helper for testlibs/libc cases: build one C program with vibix-cc and
# with the host gcc (glibc), run both with the same arguments, environment and
# working directory, and require identical stdout and exit status.
# Use: source "$TESTLIB"; source ../_compare.sh; compare_with_glibc prog.c [ARGS...]
# Extra compiler flags: CFLAGS_BOTH, VIBIX_LIBS / HOST_LIBS (link flags), OPT
# (optimisation, default -O2).
DEFAULT_OPT=-O2

compare_with_glibc() {
    local src=$1
    shift
    local here=$PWD
    local name
    name=$(basename "$src" .c)
    mkdir -p "$OUT/vibix" "$OUT/glibc"
    # Both builds at once (the acceptance programs are large).
    local opt=${OPT:-$DEFAULT_OPT} vpid hpid
    vcc $opt -Wall -Werror=implicit-function-declaration -Werror=incompatible-pointer-types ${CFLAGS_BOTH:-} "$here/$src" -o "$OUT/$name.vibix" ${VIBIX_LIBS:-} &
    vpid=$!
    host_cc $opt -Wall ${CFLAGS_BOTH:-} "$here/$src" -o "$OUT/$name.glibc" ${HOST_LIBS:-} &
    hpid=$!
    wait $vpid || fail "vibix-cc build of $name failed"
    wait $hpid || fail "gcc build of $name failed"
    local vs gs
    set +e
    (cd "$OUT/glibc" && env -i PATH=/usr/bin:/bin HOME=/nonexistent TZ=UTC LC_ALL=C VIBIX_TEST=1 "$OUT/$name.glibc" "$@" >"$OUT/glibc.out" 2>"$OUT/glibc.err" </dev/null)
    gs=$?
    (cd "$OUT/vibix" && env -i PATH=/usr/bin:/bin HOME=/nonexistent TZ=UTC LC_ALL=C VIBIX_TEST=1 "$OUT/$name.vibix" "$@" >"$OUT/vibix.out" 2>"$OUT/vibix.err" </dev/null)
    vs=$?
    set -e
    if [ "$vs" != "$gs" ]; then
        echo "--- vibix stderr:" >&2
        head -c 3000 "$OUT/vibix.err" >&2
        fail "$name: exit status $(describe_status "$vs") with vibix_libc, $(describe_status "$gs") with glibc"
    fi
    diff -u "$OUT/glibc.out" "$OUT/vibix.out" >&2 || fail "$name: stdout differs from the glibc build"
    [ -s "$OUT/glibc.out" ] || fail "$name: the reference run printed nothing"
    # For `cargo xtask kernel test` (no-op unless VIBIX_QEMU_CASES is set): run it again on vibix.
    (cd "$OUT/vibix" && vibix_qemu_record "$gs" "$OUT/glibc.out" env -i PATH=/usr/bin:/bin HOME=/nonexistent TZ=UTC LC_ALL=C VIBIX_TEST=1 "$OUT/$name.vibix" "$@")
}
