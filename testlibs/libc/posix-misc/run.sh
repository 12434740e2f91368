#!/bin/bash
# Per-thread h_errno, select updating its timeout (pselect not), system()'s
# signal handling (SIGINT/SIGQUIT ignored, SIGCHLD blocked while waiting,
# restored after), mremap's MREMAP_FIXED new address, kill(-1, 0): output
# equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc misc.c
