#!/bin/bash
# std::alloc: 256 MiB / 1 GiB buffers, alloc_zeroed, alignments 8 B..2 MiB with
# realloc, threaded small allocations — same results as glibc.
source "$TESTLIB"
source ../rust.sh
rust_build
rust_compare
assert_eq 0 "$RC" "status"
assert_contains "$(cat "$OUT/vibix.out")" "aligned alloc/realloc 8 B .. 2 MiB ok" "stdout"
