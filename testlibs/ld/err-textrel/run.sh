#!/bin/bash
# A library with text relocations (DT_TEXTREL) is refused: one line naming it,
# exit 127 (mapping its text writable would break W^X).
source "$TESTLIB"
here=$PWD
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -shared -Wl,-soname,libtextrel.so "$here/textrel.S" -o libtextrel.so 2>textrel.warn
readelf -dW libtextrel.so | grep -q TEXTREL || fail "libtextrel.so has no DT_TEXTREL"
assert_relocs libtextrel.so 64
vcc -O2 "$src/uselib.c" -L. -ltextrel -Wl,-rpath,"$OUT" -o prog
expect_load_error libtextrel.so -- ./prog
expect_load_error libtextrel.so -- "$LDSO" ./prog
