#!/bin/bash
# Public type layouts (sizes, alignments, offsets) and key constants in our
# headers equal glibc's on Linux x86_64.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc abi.c
