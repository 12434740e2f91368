#!/bin/bash
# The issue's acceptance line: `vibix-cc hello.c -o hello && ./hello`, started
# through PT_INTERP = our ld-vibix, against our libc.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 "$here/hello.c" -o hello
assert_eq "$(cd "$SYSROOT" && pwd -P)/lib/ld-vibix.so.1" "$(interp_of hello)" "PT_INTERP"
check_output "$here/expected" ./hello
