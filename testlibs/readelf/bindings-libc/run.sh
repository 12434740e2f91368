#!/bin/bash
# --bindings on a C program built with vibix-cc against vibix libc: every binding
# ld-vibix makes (program -> libc, libc -> ld-vibix, libc -> itself) is predicted.
source "$TESTLIB"
source ../compare-bindings.sh
[ -x "$SYSROOT/bin/vibix-readelf" ] || fail "vibix-readelf not installed"
cd "$OUT"
cat >hello.c <<'C'
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    char *p = malloc(16);
    strcpy(p, "hello");
    printf("%s %zu\n", p, strlen(argv[0]) > 0);
    free(p);
    return 0;
}
C
vcc -O1 -o hello hello.c
compare_bindings ./hello
grep -q "hello|printf||$(realpath "$SYSROOT/lib/libc.so")" ours || fail "printf not bound to vibix libc"
