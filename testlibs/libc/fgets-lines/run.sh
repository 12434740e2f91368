#!/bin/bash
# fgets/getline/getdelim copy whole buffered runs (memchr for the delimiter):
# lines longer than the 4 KiB buffer and than the caller's array, embedded NUL
# bytes, a last line without newline, ungetc'd bytes in front of a run,
# unbuffered streams and interleaving with getc/fread; same output as glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc fgets_lines.c
