#!/bin/bash
# Single-system-call Linux interfaces (mincore, mlock2, mlockall, remap_file_pages,
# sync_file_range, file handles, getdents64, arch_prctl, ioperm/iopl, adjtime,
# membarrier, quotactl, vhangup, init/delete_module, brk/sbrk, posix_close,
# isastream, get_current_dir_name): output equals glibc's (or, for names glibc
# lacks, the raw system call's).
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc calls.c
