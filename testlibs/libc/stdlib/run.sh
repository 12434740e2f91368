#!/bin/bash
# stdlib: number parsing, sorting, rand, environment, malloc match glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc stdlib.c
