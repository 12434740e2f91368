#!/bin/bash
# Objects with only DT_HASH (no DT_GNU_HASH) are looked up through the SysV hash.
source "$TESTLIB"
cd "$OUT"
src=$VIBIX_WORKSPACE/testlibs/ld/_src
vcc -O2 -fPIC -shared -Wl,--hash-style=sysv -Wl,-soname,libsysv.so "$src/needlib.c" -o libsysv.so
vcc -O2 -fPIC -Wl,--hash-style=sysv "$src/usedata.c" -L. -lsysv -Wl,-rpath,"$OUT" -o prog-data
vcc -O2 -Wl,--hash-style=sysv "$src/uselib.c" -L. -lsysv -Wl,-rpath,"$OUT" -o prog
for f in libsysv.so prog; do
    readelf -dW $f | grep -q '(HASH)' || fail "$f has no DT_HASH"
    ! readelf -dW $f | grep -q GNU_HASH || fail "$f has DT_GNU_HASH"
done
expect_output 5 ./prog
expect_output 6 ./prog-data
