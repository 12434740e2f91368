#!/bin/bash
# <stdio_ext.h>: __fpending, __freading/__fwriting, __freadable/__fwritable,
# __flbf, __fbufsize, __fpurge, __freadahead/__freadptr/__freadptrinc (the
# gnulib names), __fseterr, __fsetlocking, _flushlbf: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc ext.c
