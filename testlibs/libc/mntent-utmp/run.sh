#!/bin/bash
# <mntent.h> and the utmp/utmpx database on private files: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc mu.c
