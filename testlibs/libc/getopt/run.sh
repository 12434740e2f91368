#!/bin/bash
# getopt, getopt_long, getopt_long_only vs glibc: permutation, ordering
# modes, optional/missing arguments, abbreviations, diagnostics (getopt.c).
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc getopt.c
