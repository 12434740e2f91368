#!/bin/bash
# <pwd.h>, <grp.h>, <shadow.h> over the host's /etc files and test files: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc pwd.c
