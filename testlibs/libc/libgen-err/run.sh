#!/bin/bash
# basename/dirname, the err.h family and syslog's LOG_PERROR copy: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc msgs.c
