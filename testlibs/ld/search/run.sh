#!/bin/bash
# Library search order: DT_RPATH (only without RUNPATH) > LD_LIBRARY_PATH >
# DT_RUNPATH > ld-vibix's directory; a library found nowhere is an error.
source "$TESTLIB"
here=$PWD
cd "$OUT"
mkdir -p a b
vcc -O2 -fPIC -shared -Wl,-soname,libwhich.so -DWHICH='"from a"' "$here/which.c" -o a/libwhich.so
vcc -O2 -fPIC -shared -Wl,-soname,libwhich.so -DWHICH='"from b"' "$here/which.c" -o b/libwhich.so
vcc -O2 "$here/prog.c" -La -lwhich -o prog-none
vcc -O2 "$here/prog.c" -La -lwhich -Wl,--enable-new-dtags,-rpath,"$OUT/b" -o prog-runpath
vcc -O2 "$here/prog.c" -La -lwhich -Wl,--disable-new-dtags,-rpath,"$OUT/b" -o prog-rpath
readelf -dW prog-runpath | grep -q RUNPATH || fail "no DT_RUNPATH"
readelf -dW prog-rpath | grep -q '(RPATH)' || fail "no DT_RPATH"

expect_load_error libwhich.so -- ./prog-none
expect_output "from a" env LD_LIBRARY_PATH="$OUT/a" ./prog-none
expect_output "from a" env LD_LIBRARY_PATH="/nonexistent:$OUT/a" ./prog-none
expect_output "from b" ./prog-runpath
expect_output "from a" env LD_LIBRARY_PATH="$OUT/a" ./prog-runpath
expect_output "from b" ./prog-rpath
expect_output "from b" env LD_LIBRARY_PATH="$OUT/a" ./prog-rpath
