#!/bin/bash
# <tgmath.h>: each type-generic macro picks the float/double/long double/complex
# function from its arguments' types (integers count as double), seen by the
# size of the result and its value; output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
HOST_LIBS=-lm compare_with_glibc tg.c
