#!/bin/bash
# FILE streams (fopen family, buffering, positioning, memory streams) match glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc files.c
diff "$OUT/glibc.err" "$OUT/vibix.err" >&2 || fail "stderr differs"
