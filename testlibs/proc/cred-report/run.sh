#!/bin/bash
# What others are told of a process's credentials: SO_PEERCRED on both ends of
# an AF_UNIX connection and of a socketpair (pid, effective uid and gid, taken
# at connect/listen/socketpair), and si_uid (the real uid) in the siginfo of
# kill, sigqueue, and of SIGCHLD/waitid, from a child running with real uid
# 1000, effective 1001, gid 2000/2001: output equals glibc's (run as root).
source "$TESTLIB"
source ../../libc/_compare.sh
[ "$(id -u)" = 0 ] || skip "needs root (setresuid to other users)"
compare_with_glibc ids.c
