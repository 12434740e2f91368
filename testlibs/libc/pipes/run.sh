#!/bin/bash
# pipe/pipe2 (blocking and O_NONBLOCK, EOF, EPIPE/SIGPIPE, poll/epoll readiness,
# threads and a forked child at the other end), dup/dup2/dup3 and fcntl
# (F_DUPFD*, F_GETFD/SETFD, F_GETFL/SETFL, F_GETPIPE_SZ): output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
VIBIX_LIBS=-lpthread HOST_LIBS=-lpthread compare_with_glibc pipes.c
