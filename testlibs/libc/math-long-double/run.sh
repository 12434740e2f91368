#!/bin/bash
# The long double (*l) math functions on the x87: exact ones (sqrtl, floorl,
# ceill, truncl, roundl, rintl, fmodl, remainderl, remquol, frexpl, ldexpl,
# modfl, logbl, ilogbl, nextafterl, copysignl, fmaxl...) to the last bit,
# transcendentals (sinl, expl, logl, powl...) to 15 digits (sinl/cosl/tanl to
# 17 near multiples of pi/2 and up to LDBL_MAX: exact argument reduction), special cases
# (inf, nan, zeros, domain errors) exactly; as glibc.
source "$TESTLIB"
source ../_compare.sh
VIBIX_LIBS=-lm HOST_LIBS=-lm compare_with_glibc mathl.c
