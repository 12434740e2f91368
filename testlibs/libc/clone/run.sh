#!/bin/bash
# clone(fn, stack, flags, arg, ptid, tls, ctid) vs glibc (clone.c).
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc clone.c
