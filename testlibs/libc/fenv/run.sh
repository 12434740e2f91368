#!/bin/bash
# fenv.h: rounding modes (SSE and x87 arithmetic, rint/nearbyint), exception
# flags (test/clear/raise/get/set), fegetenv/fesetenv/feholdexcept/feupdateenv; as glibc.
source "$TESTLIB"
source ../_compare.sh
VIBIX_LIBS=-lm HOST_LIBS=-lm OPT=-O0 compare_with_glibc fenv.c
