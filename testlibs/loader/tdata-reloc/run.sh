#!/bin/bash
# Relocated .tdata: TLS initialisation images are copied after relocation, in
# the main thread, threads created before and after a dlopen, and for dlopened
# modules with static (initial-exec, surplus) and dynamic TLS. Same as glibc.
source "$TESTLIB"
here=$PWD
cd "$OUT"
vcc -O2 -fPIC -shared -ftls-model=initial-exec "$here/lib.c" -o libie.so
vcc -O2 -fPIC -shared -ftls-model=global-dynamic "$here/lib.c" -o libgd.so
vcc -O2 -fpie -pie "$here/prog.c" -o prog -lpthread
assert_relocs libie.so TPOFF64
assert_relocs libgd.so DTPMOD64
# The program's TLS pointer is a run-time relocation into .tdata.
readelf -SW prog | grep -q '\.tdata' || fail "prog has no .tdata"
check_output "$here/expected" ./prog "$OUT"
check_output "$here/expected" "$LDSO" ./prog "$OUT"
mkdir -p glibc
host_cc -O2 -fPIC -shared -ftls-model=initial-exec "$here/lib.c" -o glibc/libie.so
host_cc -O2 -fPIC -shared -ftls-model=global-dynamic "$here/lib.c" -o glibc/libgd.so
host_cc -O2 -fpie -pie "$here/prog.c" -o glibc/prog -lpthread -ldl
check_output "$here/expected" glibc/prog "$OUT/glibc"
