#!/bin/bash
# getrandom(2): full-length reads with and without GRND_NONBLOCK, successive
# reads differ, bits look uniform, invalid flags -> EINVAL, a bad buffer ->
# EFAULT (not a crash); /dev/urandom and /dev/random read from the same generator.
source "$TESTLIB"
source ../../libc/_compare.sh
compare_with_glibc getrandom.c
