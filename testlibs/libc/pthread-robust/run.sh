#!/bin/bash
# Robust mutexes (plain and priority-inheritance): the owner thread returns,
# calls pthread_exit, is detached, or ends while another thread waits; the
# owner process _exits, is SIGKILLed, or dies while the parent waits in lock:
# EOWNERDEAD, pthread_mutex_consistent, ENOTRECOVERABLE after an unlock while
# inconsistent; robust error-checking/recursive types. PI mutexes: the lock
# word is the owner's tid, trylock/timedlock, contended counting. Process-shared
# mutex, condition variable, barrier and rwlock used by two processes in
# MAP_SHARED memory (a private futex would never wake the other process).
# Output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
CFLAGS_BOTH=-pthread
VIBIX_LIBS=-pthread
HOST_LIBS=-pthread
compare_with_glibc robust.c
