#!/bin/bash
# fnmatch in the C and C.UTF-8 locales: UTF-8 characters for ?, * and
# brackets, [.x.], [=x=], classes and FNM_CASEFOLD over non-ASCII letters,
# invalid sequences, flag interplay; output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc fnmatch-mb.c
# Ranges past U+00FF against code point order (glibc 2.36 matches none of
# them, see ranges() in the program).
expect_output "0 0 0
1 1 0
2 0 0
3 0 0
4 1 1
5 0 0
6 0 0" "$OUT/fnmatch-mb.vibix" ranges
