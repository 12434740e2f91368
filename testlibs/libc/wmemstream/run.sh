#!/bin/bash
# open_wmemstream: wide output (fwprintf, fputwc, fputws) into a growing
# wchar_t buffer, sizes published on fflush/fseek/fclose, overwriting after
# fseek, characters beyond the BMP, in C.UTF-8 and C: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc wmem.c
