#!/bin/bash
# std::thread: 16 named spawns, scoped threads, big stacks, park/unpark, and
# thread_local! destructors in workers and (at exit) in main, as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "worker TLS destructors run: 16" "stdout"
assert_contains "$(cat "$OUT/vibix.out")" "main-thread TLS destructor ran, value 7" "stdout"
