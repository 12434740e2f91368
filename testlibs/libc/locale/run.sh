#!/bin/bash
# Locales C, POSIX and C.UTF-8: setlocale/newlocale/uselocale, MB_CUR_MAX,
# UTF-8 multibyte conversion (restartable, invalid sequences), wctype,
# towupper/towlower, wcwidth, nl_langinfo, %ls/%lc in printf; as glibc.
source "$TESTLIB"
source ../_compare.sh
CFLAGS_BOTH=-pthread compare_with_glibc locale.c
