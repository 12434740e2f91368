#!/bin/bash
# <search.h> and <threads.h>: output equals glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc st.c
