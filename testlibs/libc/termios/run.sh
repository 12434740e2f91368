#!/bin/bash
# <termios.h>, <pty.h> and login_tty on real Linux pseudo-terminals: output equals glibc's.
source "$TESTLIB"
[ -c /dev/ptmx ] || skip "no /dev/ptmx"
source ../_compare.sh
HOST_LIBS=-lutil compare_with_glibc termios.c
