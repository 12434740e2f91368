#!/bin/bash
# SIGEV_THREAD for timer_create (a helper thread per timer, one call per
# expiry, stopped by timer_delete) and mq_notify (a helper thread per
# registration with the caller's attributes, one-shot, none after removal):
# output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
HOST_LIBS="-lrt -lpthread" compare_with_glibc sev.c
