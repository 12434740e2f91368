#!/bin/bash
# The *rand48 family (seed48/lcong48, caller-state forms), a64l/l64a, swab, strlcat and
# at_quick_exit/quick_exit: output equals glibc's (strlcat, which glibc 2.36 lacks, is
# compared with a reference written in the test).
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc rand48.c
