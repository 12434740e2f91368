#!/bin/bash
# The *64 large-file names (struct stat64, struct dirent64, fpos64_t,
# off64_t) vs glibc, with -D_LARGEFILE64_SOURCE and again with -D_GNU_SOURCE:
# declared with those types (implicit declarations and pointer mismatches are
# errors) and working past 4 GiB (a sparse file).
source "$TESTLIB"
source ../_compare.sh
CFLAGS_BOTH=-D_LARGEFILE64_SOURCE compare_with_glibc largefile.c
CFLAGS_BOTH=-D_GNU_SOURCE compare_with_glibc largefile.c
