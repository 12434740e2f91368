#!/bin/bash
# string.h, strings.h, ctype.h and strerror match glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc string.c
