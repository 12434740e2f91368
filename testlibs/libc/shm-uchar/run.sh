#!/bin/bash
# <uchar.h> char16_t conversions (surrogate pairs through the mbstate_t, in
# C.UTF-8 and C), shm_open/shm_unlink and named semaphores (sem_open shared
# with a forked child, the same address for a second open, O_EXCL, bad
# names), memfd_create, and the constants/layouts of <sys/soundcard.h>,
# <sys/fanotify.h>, <sys/quota.h>, <sys/acct.h>, <sys/membarrier.h>,
# <sys/io.h>: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
[ -d /dev/shm ] && [ -w /dev/shm ] || skip "/dev/shm is not writable here"
compare_with_glibc shm.c
