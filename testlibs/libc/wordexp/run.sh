#!/bin/bash
# wordexp/wordfree vs glibc: quoting, parameter forms, IFS splitting, tilde,
# globbing (files made in the scratch directory), arithmetic, command
# substitution, the flags and the error codes.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc wordexp.c
