#!/bin/bash
# strptime: numeric fields (glibc's digit/range rules), names, %c %D %F %r %T,
# %z %Z %s %j %y %C, and the derived tm_wday/tm_yday; as glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc strptime.c
