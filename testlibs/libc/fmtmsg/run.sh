#!/bin/bash
# fmtmsg (layout, label checks, MSGVERB, SEV_LEVEL): output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc fm.c
