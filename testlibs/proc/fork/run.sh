#!/bin/bash
# fork (copy-on-write, W^X in the child), exit/signal statuses through
# wait4/waitid, WNOHANG/WNOWAIT, SIGCHLD, zombies, orphans, vfork and
# clone(CLONE_VM|CLONE_VFORK): the same output as glibc on Linux (and in QEMU).
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc fork.c
