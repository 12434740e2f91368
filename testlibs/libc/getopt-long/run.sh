#!/bin/bash
# getopt_long/getopt_long_only (argv permutation, abbreviations, messages) vs glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc getopt-long.c
