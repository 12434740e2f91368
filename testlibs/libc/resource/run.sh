#!/bin/bash
# Resources, priorities, interval timers and process times: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc resource.c
