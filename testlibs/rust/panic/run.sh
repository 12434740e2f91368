#!/bin/bash
# Panics caught (catch_unwind, Drop during unwinding, nested, non-string payloads,
# in a thread, resume_unwind) and uncaught (exit 101, message on stderr), as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status of the caught-panics run"
assert_contains "$(cat "$OUT/vibix.out")" "drop deepest" "stdout"
RUST_VIA_LDSO=1 rust_compare uncaught
assert_eq 101 "$RC" "status of an uncaught panic"
assert_contains "$(cat "$OUT/vibix.err")" "uncaught panic in main" "stderr"
