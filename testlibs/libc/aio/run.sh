#!/bin/bash
# POSIX AIO (aio_read/write/fsync/error/return/suspend/cancel, lio_listio,
# SIGEV_SIGNAL and SIGEV_THREAD notification): same output as glibc.
source "$TESTLIB"
source ../_compare.sh
OPT=-O1 compare_with_glibc prog.c
