#!/bin/bash
# String and memory functions at every alignment and length, with strings that
# end right before an unmapped guard page; the same counts as with glibc.
# vibix_libc picks AVX2 versions when the CPU and kernel have AVX2 (the host
# here; in QEMU the vibix kernel saves SSE state only, so SSE2 there):
# VIBIX_NO_AVX2 runs the SSE2 versions on this host too.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc string_edges.c
env -i VIBIX_NO_AVX2=1 "$OUT/string_edges.vibix" >"$OUT/sse2.out" || fail "SSE2 run (VIBIX_NO_AVX2) failed: $(head -c 2000 "$OUT/sse2.out")"
diff -u "$OUT/glibc.out" "$OUT/sse2.out" >&2 || fail "SSE2 run (VIBIX_NO_AVX2) differs from glibc"
