#!/bin/bash
# getw/putw, fread_unlocked/fwrite_unlocked, ctermid, cuserid, getsubopt, lchmod, ulimit vs glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc stdio-legacy.c
