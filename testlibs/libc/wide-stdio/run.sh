#!/bin/bash
# Wide stdio under C.UTF-8: the wprintf family (widths in characters, %s/%ls
# conversion, positional arguments, swprintf overflow), fgetwc/ungetwc/fgetws/
# fputwc/fputws/fwide on files, invalid input (EILSEQ), wcsto*, wcsftime; as glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc wide.c
