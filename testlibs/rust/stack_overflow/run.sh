#!/bin/bash
# Stack overflow on the main thread and on a spawned thread: std's guard-page
# handler (sigaltstack + SIGSEGV handler + pthread_getattr_np) reports it and
# aborts, exactly as with glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
for where in main thread; do
    rust_compare "$where"
    assert_eq 134 "$RC" "status after a stack overflow on $where"
    assert_contains "$(cat "$OUT/vibix.err")" "has overflowed its stack" "stderr"
done
