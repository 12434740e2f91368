#!/bin/bash
# fnmatch over a pattern/string/flag table and glob over a small tree: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc glob.c
