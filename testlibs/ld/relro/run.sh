#!/bin/bash
# PT_GNU_RELRO is sealed: writes to .data.rel.ro and the GOT of the program
# and of a library fault (SIGSEGV in a forked child), ordinary data does not.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -Wl,-soname,librelro.so "$here/lib.c" -o librelro.so
vcc -O2 -fPIC "$here/prog.c" -L. -lrelro -Wl,-rpath,"$OUT" -o prog
readelf -lW prog | grep -q GNU_RELRO || fail "prog has no PT_GNU_RELRO"
check_output "$here/expected" ./prog
