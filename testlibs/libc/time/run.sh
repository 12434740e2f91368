#!/bin/bash
# gmtime/localtime (UTC)/mktime/strftime and clocks match glibc (TZ=UTC).
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc time.c
