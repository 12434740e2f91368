#!/bin/bash
# strfmon/strfmon_l in the C and C.UTF-8 locales: fill, sign styles, left
# and right precision, width and justification, rounding, E2BIG and a bad
# conversion: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc fmon.c
