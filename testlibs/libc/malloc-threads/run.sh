#!/bin/bash
# malloc's per-thread cache: blocks freed by another thread than the one that
# allocated them, contents intact under 8 threads, and an exiting thread's
# cached blocks going back to the shared lists (threads that come and go reuse
# the same memory). Same output as with glibc.
source "$TESTLIB"
source ../_compare.sh
CFLAGS_BOTH=-pthread compare_with_glibc malloc_threads.c
