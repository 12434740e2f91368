#!/bin/bash
# sched_* policy calls, set{re,res,e}[ug]id and wait3/wait4: results and errno equal glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc sched-ids.c
