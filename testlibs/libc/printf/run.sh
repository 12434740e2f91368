#!/bin/bash
# printf family output equals glibc's (all conversions, exact float rounding).
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc printf.c
