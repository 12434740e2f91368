#!/bin/bash
# Start-up/exit order (constructors, atexit, destructors), stdio flushed at
# exit, exit status: identical to glibc, also when stdout is a pipe.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc exit.c one two
