#!/bin/bash
# POSIX %n$ / *m$ positional arguments across the printf family match glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc positional.c
