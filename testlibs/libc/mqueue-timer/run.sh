#!/bin/bash
# POSIX message queues (mq_open/send/receive/timed*, getattr/setattr, notify,
# unlink, errors) and per-process timers (timer_create/settime/gettime/
# getoverrun/delete with SIGEV_SIGNAL): same output as glibc.
source "$TESTLIB"
source ../_compare.sh
OPT=-O1 compare_with_glibc prog.c
