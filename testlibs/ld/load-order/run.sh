#!/bin/bash
# Global lookup scope in breadth-first load order: prog NEEDs libx, liby; libx
# NEEDs libz; liby and libz both define who(). Breadth-first (prog, libx, liby,
# libc, libz) makes liby's win for everyone; depth-first would pick libz's.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -Wl,-soname,libz.so -DWHO='"libz"' "$here/who.c" -o libz.so
vcc -O2 -fPIC -shared -Wl,-soname,liby.so -DWHO='"liby"' "$here/who.c" -o liby.so
vcc -O2 -fPIC -shared -Wl,-soname,libx.so "$here/libx.c" -L. -lz -Wl,-rpath,"$OUT" -o libx.so
vcc -O2 "$here/prog.c" -L. -Wl,--no-as-needed -lx -ly -Wl,-rpath,"$OUT" -o prog
assert_eq "libx.so liby.so libc.so" "$(needed_of prog | tr '\n' ' ' | sed 's/ $//')" "NEEDED order"
expect_output "program sees who() from liby
libx sees who() from liby" ./prog
