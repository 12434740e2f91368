#!/bin/bash
# stdout/stderr, argv, environment, current_exe/dir, process::exit codes, abort.
# (Not also run as `ld-vibix.so.1 prog`: there /proc/self/exe, hence current_exe,
# is the loader, for glibc's ld.so too.)
source "$TESTLIB"
source ../rust.sh
rust_build
export VIBIX_T_A="a value" VIBIX_T_B="with spaces and ünïcode" VIBIX_T_EMPTY=""
rust_compare plain "two words" "" "ü∂"
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.err")" "to stderr: 42" "stderr"
for code in 0 3 42 255; do
    rust_compare exit "$code"
    assert_eq "$code" "$RC" "process::exit($code)"
done
rust_compare abort
assert_eq 134 "$RC" "status after abort()"
rust_compare err
assert_eq 1 "$RC" "status after an error"
