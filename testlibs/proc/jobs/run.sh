#!/bin/bash
# Process groups, sessions, kill(0)/kill(-pgid), stop/continue reported by
# wait and SIGCHLD, SIGCHLD SIG_IGN auto-reaping: the same output as glibc on
# Linux (and in QEMU).
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc jobs.c
