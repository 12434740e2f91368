#!/bin/bash
# std::process::Command: output, status codes, pipes, env/cwd for the child,
# a missing program, a child killed by a signal — as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "sh exit 7: code Some(7)" "stdout"
