#!/bin/bash
# std::time: Instant (monotonic), SystemTime, sleep lengths, as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
RUST_VIA_LDSO=1 rust_compare
assert_eq 0 "$RC" "status"
! grep -q false "$OUT/vibix.out" || fail "a time check printed false: $(cat "$OUT/vibix.out")"
