#!/bin/bash
# qsort and qsort_r at every small length, several element sizes, many ties
# (stable like glibc's merge sort): the same checksums as with glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc qsort.c
