#!/bin/bash
# The single-system-call interfaces busybox needs (sched policies, xattrs,
# personality, adjtimex read-only, setpgrp, fgets_unlocked, <sys/param.h> bit
# macros): output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc admin.c
