#!/bin/bash
# unistd/signal/setjmp/dirent/mman behaviour matches glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc process.c -a -b value rest
