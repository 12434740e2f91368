#!/bin/bash
# Mutex/Condvar/RwLock/mpsc/Barrier/OnceLock/poisoning under contention, as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
for i in 1 2 3; do
    rust_compare
    assert_eq 0 "$RC" "status"
done
assert_contains "$(cat "$OUT/vibix.out")" "mutex counter 160000" "stdout"
