#!/bin/bash
# BSD optreset (getopt restart) against the expected output, which musl
# (musl-gcc, when installed) must print too: glibc has no optreset.
source "$TESTLIB"
vcc -Wall -Werror reset.c -o "$OUT/reset"
if command -v musl-gcc >/dev/null; then
    musl-gcc -Wall -Werror reset.c -o "$OUT/reset.musl"
    "$OUT/reset.musl" | diff -u expected - >&2 || fail "the musl build disagrees with expected"
fi
check_output expected "$OUT/reset"
