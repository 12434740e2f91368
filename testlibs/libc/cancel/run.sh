#!/bin/bash
# pthread_cancel: deferred requests acted on at cancellation points (read and
# write on pipes, recv/send/accept/poll/select on sockets, nanosleep/sleep,
# waitpid, pthread_join, pthread_cond_wait/timedwait with the mutex held
# again for the cleanup handlers, sem_wait, close, pthread_testcancel), with
# SIGCANCEL blocked by sigprocmask; disabled cancellation, asynchronous
# cancellation of a busy loop, cleanup handlers (newest first, also on
# pthread_exit, pthread_cleanup_pop(0/1)), thread-specific data destructors
# and PTHREAD_CANCELED as the exit value: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
HOST_LIBS=-lpthread compare_with_glibc cancel.c
