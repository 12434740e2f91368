#!/bin/bash
# ecvt/fcvt/gcvt and initstate/setstate/random: output equals glibc's; the ecvt
# digits glibc gets wrong are checked against their exact expansions.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc cvt.c
"$OUT/cvt.vibix" exact >"$OUT/exact.out"
diff -u expected-exact "$OUT/exact.out" >&2 || fail "ecvt digits are not the exact ones"
