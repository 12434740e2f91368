#!/bin/bash
# sscanf/fscanf conversions match glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc scanf.c
