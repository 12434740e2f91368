#!/bin/bash
# Signals between processes: SIGCHLD with its siginfo when a child exits,
# kill() of another process (handled, default terminate, SIGKILL), default
# core action (abort) and ignore action, wait status of signalled children,
# SA_RESTART restarting a blocking wait4, EINTR without it, nanosleep EINTR.
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc process.c
