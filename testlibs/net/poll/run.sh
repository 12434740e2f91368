#!/bin/bash
# Readiness: poll (POLLIN/POLLOUT/POLLHUP/POLLNVAL, timeouts, woken by another
# process), ppoll, select, epoll (ADD/MOD/DEL errors, level-triggered events,
# EPOLLONESHOT, timeouts, data), eventfd (counter and semaphore modes).
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc poll.c
