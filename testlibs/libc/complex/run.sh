#!/bin/bash
# complex.h for double, float and long double (the SysV complex ABI: SSE
# pairs, packed floats, x87 st(0)/st(1) returns): elementary functions at
# points away from branch cuts, to 10 (float: 5) digits, and exact cases; as glibc.
source "$TESTLIB"
source ../_compare.sh
VIBIX_LIBS=-lm HOST_LIBS=-lm compare_with_glibc cx.c
