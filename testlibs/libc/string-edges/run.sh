#!/bin/bash
# String and memory functions at every alignment and length, with strings that
# end right before an unmapped guard page; the same counts as with glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc string_edges.c
