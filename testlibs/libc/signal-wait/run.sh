#!/bin/bash
# sigwait family, sigqueue, killpg, the System V signal calls: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc sigwait.c
