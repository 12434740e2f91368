#!/bin/bash
# Loader locks across fork: two threads dlopen/dlclose in a loop while the main
# thread forks 60 times; each child dlopens, calls and dlcloses a library (a
# child stuck for 5 s counts as hung). No glibc reference: glibc 2.36's fork
# does not hold its loader lock, and its first child hangs in dlopen here.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared "$here/libham.c" -o libham.so
vcc -O2 -fPIC -shared "$here/libchild.c" -o libchild.so
vcc -O2 "$here/prog.c" -o prog -lpthread
check_output "$here/expected" ./prog "$OUT"
