#!/bin/bash
# x87 long double: printf %Lf/%Le/%Lg/%La exact (random 80-bit values of every
# magnitude, subnormals, long precisions), strtold correctly rounded (random
# decimal strings, halfway cases, hex, inf/nan, ERANGE), scanf %Lf; as glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc ld.c
