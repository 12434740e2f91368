#!/bin/bash
# POSIX threads stress (malloc/free, stdio to one FILE, errno and TLS per
# thread, sync primitives, detached threads): same summary as glibc, 5 runs;
# main leaving with pthread_exit while a worker runs.
source "$TESTLIB"
source ../_compare.sh
CFLAGS_BOTH=-pthread
VIBIX_LIBS=-pthread
HOST_LIBS=-pthread
for i in 1 2 3 4 5; do
    compare_with_glibc threads.c
done
compare_with_glibc mainexit.c
