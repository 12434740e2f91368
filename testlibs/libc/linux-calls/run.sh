#!/bin/bash
# Linux/POSIX single calls (getres[ug]id, getgroups, setfs[ug]id, sysinfo, prctl,
# pathconf, mknodat/mkfifoat, symlinkat, fchownat, eaccess, renameat2,
# fallocate, readdir_r, vmsplice/tee, ppoll/pselect, sched_*, ttyname_r,
# sendmmsg/recvmmsg, process_vm_*, mount/umount errors, fexecve, wait for a child
# in another process group, posix_fadvise errors): same output as glibc.
source "$TESTLIB"
source ../_compare.sh
OPT=-O1 compare_with_glibc prog.c
