#!/bin/bash
# W^X: no mapping of a running program (PIE, non-PIE, direct invocation) is
# both writable and executable, and the objects mapped are ours.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -Wl,-soname,libwx.so "$here/lib.c" -o libwx.so
vcc -O2 "$here/prog.c" -L. -lwx -Wl,-rpath,"$OUT" -o prog
vcc -O2 -fno-pie -no-pie "$here/prog.c" -L. -lwx -Wl,-rpath,"$OUT" -o prog-nopie
check_output "$here/expected" ./prog
check_output "$here/expected" ./prog-nopie
check_output "$here/expected" "$LDSO" ./prog
