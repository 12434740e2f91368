#!/bin/bash
# <regex.h>: regcomp/regexec/regerror over ~330 listed patterns and 8000 generated ones (BRE, ERE, GNU operators,
# back-references, brackets, REG_ICASE/NEWLINE/NOSUB/NOTBOL/NOTEOL/STARTEND, error
# codes, submatch offsets; C and C.UTF-8): output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc regex.c
