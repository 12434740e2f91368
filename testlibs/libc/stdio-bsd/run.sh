#!/bin/bash
# fopencookie, fgetln, fpurge, gets, tmpnam/tempnam, getpass (pty and no
# terminal): output equals glibc's. gets is declared before C11 only, as glibc.
source "$TESTLIB"
source ../_compare.sh
compare_with_glibc bsd.c
printf '#include <stdio.h>\nint main(void) { char b[8]; return gets(b) != 0; }\n' >"$OUT/gets.c"
vcc -std=c99 -Werror=implicit-function-declaration -Wno-deprecated-declarations -c "$OUT/gets.c" -o "$OUT/gets99.o" ||
    fail "gets is not declared with -std=c99"
if "$VIBIX_CC" -std=c11 -Werror=implicit-function-declaration -c "$OUT/gets.c" -o "$OUT/gets11.o" 2>/dev/null; then
    fail "gets is declared with -std=c11 (C11 removed it)"
fi
