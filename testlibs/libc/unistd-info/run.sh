#!/bin/bash
# getlogin/getlogin_r, getusershell & co., gethostid, confstr, daemon, lockf and
# the mktemp family: results and errno equal glibc's.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc unistd-info.c
